#!/usr/bin/env python3
"""The peer for the import benchmark: Python's csv + sqlite3 executemany loading the same CPES results
file into an equivalent table (same columns and indexes, one transaction, WAL). Prints rows/s."""
import csv, gzip, os, sqlite3, sys, time

src, db = sys.argv[1], sys.argv[2]
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)
start = time.perf_counter()
conn = sqlite3.connect(db)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=NORMAL")
conn.execute("""CREATE TABLE cpes_results (org_code TEXT, org_name TEXT, level TEXT, alliance TEXT, year INTEGER,
  kind TEXT, sex TEXT, imd_quintile TEXT, tumour_group TEXT, question TEXT, n INTEGER, score REAL, ci_lower REAL,
  ci_upper REAL, expected_lower REAL, expected_upper REAL, rating TEXT, change_2017_2018 TEXT, change_all_years TEXT)""")
conn.execute("CREATE INDEX a ON cpes_results (year, kind, question)")
conn.execute("CREATE INDEX b ON cpes_results (org_code, year, kind)")
def num(v, f):
    return f(v) if v != "" else None
with gzip.open(src, "rt", newline="") as fh:
    reader = csv.DictReader(fh)
    rows = [(r["org_code"], r["org_name"], r["level"], r["cancer_alliance"], int(r["year"]), r["kind"], r["sex"],
             r["imd_quintile"], r["tumour_group"], r["question"], num(r["n"], int), num(r["score"], float),
             num(r["ci_lower"], float), num(r["ci_upper"], float), num(r["expected_lower"], float),
             num(r["expected_upper"], float), r["rating"] or None, r["change_2017_2018"] or None,
             r["change_all_years"] or None) for r in reader]
with conn:
    conn.executemany("INSERT INTO cpes_results VALUES (" + ",".join("?" * 19) + ")", rows)
elapsed = time.perf_counter() - start
print(f"python csv+sqlite3: {len(rows)} rows in {elapsed:.3f} s = {len(rows) / elapsed:,.0f} rows/s")
