#!/usr/bin/env bash
# make bench: every benchmark in one run on this machine, with the peers named by the issues.
#   1. Google Benchmark: parse/import of the CPES results file, rating 2018 + buddy matching.
#   2. The import peer: Python csv + sqlite3 executemany on the same file.
#   3. HTTP with wrk at 32 connections: /healthz, the signed-in home page, an organisation profile,
#      beside nginx serving a saved copy of the same home page as a static file.
# BENCH_ONLY=http runs only part 3; BENCH_ONLY=pathway only the pathway clocks and events import;
# BENCH_ONLY=tracking only the tracking-list load test; BENCH_ONLY=recompute only the recompute of every pathway
# (BENCH_PATHWAYS sets the size). Loopback only; every load is bounded in time. Results print to stdout; BENCHMARKS.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/release/src/cli/carevoice
BENCH=build/release/bench/experience_bench
CPES=${CAREVOICE_CPES_DIR:-../shared/datasets/cpes}
WORK=$(mktemp -d /tmp/carevoice-bench.XXXXXX)
DURATION=${BENCH_DURATION:-10s}
CV_PORT=18080
NGINX_PORT=18081
cleanup() {
  [[ -n "${CV_PID:-}" ]] && kill "$CV_PID" 2>/dev/null || true
  [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Starts carevoice on DB (CV_PID) and signs in as USER through the form, as a browser would: sets COOKIE.
serve_and_sign_in() {  # DB USER PASSWORD
  "$BIN" serve --db "sqlite:$1" --listen "127.0.0.1:$CV_PORT" --quiet &
  CV_PID=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$CV_PORT/healthz" >/dev/null && break; sleep 0.1; done
  local jar="$WORK/cookies" token session
  token=$(curl -s -c "$jar" "http://127.0.0.1:$CV_PORT/sign-in" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$token" --data-urlencode "username=$2" \
    --data-urlencode "password=$3" "http://127.0.0.1:$CV_PORT/sign-in"
  session=$(awk '$6 == "cv_session" {print $7}' "$jar")
  [[ -n "$session" ]] || { echo "could not sign in as $2 for the benchmark" >&2; exit 1; }
  COOKIE="cv_session=$session"
}

echo "== machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo

ONLY=${BENCH_ONLY:-all}   # all, or http to re-measure only the HTTP figures
if [[ $ONLY == all ]]; then
echo "== Google Benchmark (release build)"
cmake --build build/release -j "$(nproc)" --target experience_bench >/dev/null
"$BENCH" --benchmark_counters_tabular=true
echo

echo "== import: carevoice CLI vs Python csv + sqlite3 executemany (same file, same machine, same run)"
/usr/bin/time -f "carevoice import: %e s wall" "$BIN" import cpes-results "$CPES/cpes_2015_2018_results.csv.gz" \
  --db "sqlite:$WORK/import.db" 2>&1 | tail -2
python3 bench/import_peer.py "$CPES/cpes_2015_2018_results.csv.gz" "$WORK/peer.db"
echo
fi

if [[ $ONLY == all || $ONLY == pathway ]]; then
echo "== pathway: carevoice clocks and carevoice import events on synthetic events (bench/pathway)"
PATHWAYS=${BENCH_PATHWAYS:-100000}   # ~1 million events; 3000000 gives the England-scale year (~30 million)
python3 bench/pathway/generate_events.py "$PATHWAYS" > "$WORK/events.csv"
echo "events: $(($(wc -l < "$WORK/events.csv") - 1)) for $PATHWAYS pathways"
/usr/bin/time -f "carevoice clocks: %e s wall, %M KiB max RSS" "$BIN" clocks "$WORK/events.csv" --as-of 2026-06-30 --max-unpacked-mb 4096 \
  > "$WORK/clocks.csv" 2>"$WORK/clocks.err" || true
tail -1 "$WORK/clocks.err"
/usr/bin/time -f "carevoice import events: %e s wall" "$BIN" import events "$WORK/events.csv" --max-unpacked-mb 4096 \
  --db "sqlite:$WORK/events.db" 2>&1 | tail -2
python3 bench/pathway/import_peer.py "$WORK/events.csv" "$WORK/events-peer.db"
echo
fi
[[ $ONLY == pathway ]] && exit 0

if [[ $ONLY == recompute ]]; then
echo "== recompute: every clock, allocation and alert of every pathway (bench/pathway_bench.cpp)"
PATHWAYS=${BENCH_PATHWAYS:-3000000}   # the England-scale year: ~22.7 million events, ~16 GB at the peak
cmake --build build/release -j "$(nproc)" --target pathway_bench >/dev/null
python3 bench/pathway/generate_events.py "$PATHWAYS" > "$WORK/events.csv"
CAREVOICE_BENCH_EVENTS="$WORK/events.csv" build/release/bench/pathway_bench --benchmark_counters_tabular=true
exit 0
fi

if [[ $ONLY == tracking ]]; then
echo "== tracking list: one provider's 5,000 open pathways among 50,000 (wrk -t2 -c32 -d$DURATION --latency)"
"$BIN" migrate --db "sqlite:$WORK/tracking.db" >/dev/null
printf 'bench-coordinator-pw-1\n' | "$BIN" user add benchcoord --name "Bench Coordinator" --role coordinator \
  --password-stdin --db "sqlite:$WORK/tracking.db" >/dev/null
python3 bench/pathway/tracking_fixture.py "$WORK/tracking.db" benchcoord
serve_and_sign_in "$WORK/tracking.db" benchcoord bench-coordinator-pw-1
for n in 1 2; do  # the first computes every clock and alert; the second reuses the clocks
  curl -s -o /dev/null -w "request $n: %{http_code} in %{time_total} s\n" -H "Cookie: $COOKIE" \
    "http://127.0.0.1:$CV_PORT/pathway/tracking"
done
wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$CV_PORT/pathway/tracking"
exit 0
fi

echo "== HTTP (wrk -t2 -c32 -d$DURATION --latency; server and load generator share the machine)"
"$BIN" demo --db "sqlite:$WORK/http.db" >/dev/null
serve_and_sign_in "$WORK/http.db" analyst demo-analyst-2026
mkdir -p "$WORK/www"
curl -s -H "Cookie: $COOKIE" "http://127.0.0.1:$CV_PORT/" > "$WORK/www/home.html"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { default_type text/html; }
  }
}
NGINX
chmod -R a+rX "$WORK"
nginx -c "$WORK/nginx.conf" -p "$WORK"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$NGINX_PORT/home.html" >/dev/null && break; sleep 0.1; done

run() {  # name, wrk args...
  local name=$1; shift
  local out
  out=$(wrk -t2 -c32 -d"$DURATION" --latency "$@")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%-40s %12s req/s   p99 %8s   %s\n' "$name" "$rps" "$p99" "$errors"
}
run "carevoice /healthz" "http://127.0.0.1:$CV_PORT/healthz"
run "carevoice / (signed in)" -H "Cookie: $COOKIE" "http://127.0.0.1:$CV_PORT/"
PROFILE_PATH=${BENCH_PROFILE_PATH:-/experience/organisations/RA9?year=2018}
if curl -sf -o /dev/null -H "Cookie: $COOKIE" "http://127.0.0.1:$CV_PORT$PROFILE_PATH"; then
  run "carevoice organisation profile (RA9)" -H "Cookie: $COOKIE" "http://127.0.0.1:$CV_PORT$PROFILE_PATH"
else
  echo "organisation profile page not available at $PROFILE_PATH"
fi
run "nginx static copy of the home page" "http://127.0.0.1:$NGINX_PORT/home.html"
