#!/usr/bin/env bash
# tests/pathway/clocks_cli_test.sh CAREVOICE
# `carevoice clocks` on the worked examples of shared/docs/pathway.md gives the document's answers
# (worked_examples.expected.csv was checked line by line against the document and by hand), as CSV and
# JSON; a file with one bad line is refused whole, naming the line and field, with nothing on stdout.
set -euo pipefail
bin="${1:?usage: clocks_cli_test.sh CAREVOICE}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. The worked examples, as CSV.
"$bin" clocks "$here/worked_examples.csv" --as-of 2025-06-16 >"$tmp/out.csv" 2>"$tmp/err.txt"
tr -d '\r' <"$tmp/out.csv" >"$tmp/out.lf.csv"
diff -u "$here/worked_examples.expected.csv" "$tmp/out.lf.csv" || fail "clocks CSV differs from the worked examples"
grep -q "pathway A, event a2: first treatment with no decision to treat" "$tmp/err.txt" ||
    fail "data-quality problems are not reported on stderr"

# 2. The same answers as JSON.
"$bin" clocks "$here/worked_examples.csv" --as-of 2025-06-16 --format json >"$tmp/out.json"
python3 - "$tmp/out.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
rows = {(r["pathway_id"], r["clock"], r["treatment"]): r for r in doc["clocks"]}
def check(key, **want):
    row = rows[key]
    for k, v in want.items():
        assert row[k] == v, (key, k, row[k], v)
check(("A", "62", None), wait_days=63, status="breached", allocation={"RAA": 1.0})
check(("B", "fds", None), wait_days=26, adjustment_days=9, status="met")
check(("C", "31", 1), wait_days=21, adjustment_days=14, status="met")
check(("C2", "31", 1), wait_days=35, status="breached")
check(("D", "62", None), wait_days=54, status="met")
assert ("D", "fds", None) not in rows
check(("E5", "62", None), status="breached", allocation={"AAA": 1.0})
check(("F", "31", 2), wait_days=28, status="met")
check(("O", "fds", None), status="open", days_to_breach=14, stop=None)
assert any(p["event_id"] == "a2" for p in doc["data_quality_problems"])
PY

# 3. One bad line refuses the whole file, naming the line and field.
{ head -n 3 "$here/worked_examples.csv"; echo "A,a9,2025-02-30,first_seen,RAA,,,,,,,"; } >"$tmp/bad.csv"
if "$bin" clocks "$tmp/bad.csv" >"$tmp/bad.out" 2>"$tmp/bad.err"; then fail "a bad file was accepted"; fi
grep -q "line 4, date" "$tmp/bad.err" || fail "the refusal does not name line 4, date: $(cat "$tmp/bad.err")"
[[ ! -s "$tmp/bad.out" ]] || fail "a refused file still printed clocks"

# 4. A bad --as-of and a missing file say what is wrong.
if "$bin" clocks "$here/worked_examples.csv" --as-of 16/06/2025 2>"$tmp/asof.err"; then fail "--as-of 16/06/2025 accepted"; fi
grep -q "as YYYY-MM-DD" "$tmp/asof.err" || fail "bad --as-of message: $(cat "$tmp/asof.err")"
if "$bin" clocks "$tmp/missing.csv" 2>"$tmp/missing.err"; then fail "a missing file was accepted"; fi
grep -qi "missing.csv" "$tmp/missing.err" || fail "missing-file message does not name it: $(cat "$tmp/missing.err")"

# 5. A file larger than --max-unpacked-mb is refused, saying how to raise the limit; a larger limit reads it.
{ head -n 1 "$here/worked_examples.csv"
  for i in $(seq 1 20000); do echo "Z$i,z1,2025-01-06,referral_received,RAA,urgent_suspected_cancer,,,,,,"; done; } >"$tmp/big.csv"
if "$bin" clocks "$tmp/big.csv" --max-unpacked-mb 1 >/dev/null 2>"$tmp/big.err"; then fail "a 1.4 MB file passed a 1 MB limit"; fi
grep -q "more than 1 MB, the limit (raise it with --max-unpacked-mb" "$tmp/big.err" ||
    fail "the size refusal does not say how to raise it: $(cat "$tmp/big.err")"
"$bin" clocks "$tmp/big.csv" --max-unpacked-mb 2 --as-of 2025-01-07 >"$tmp/big.out" 2>/dev/null || fail "a 2 MB limit refused a 1.4 MB file"
[[ $(grep '^Z' "$tmp/big.out" | cut -d, -f1 | sort -u | wc -l) -eq 20000 ]] || fail "not every one of the 20,000 pathways has its clocks"

echo "clocks CLI: worked examples match as CSV and JSON; a bad line and bad options are refused with reasons"
