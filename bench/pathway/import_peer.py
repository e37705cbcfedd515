#!/usr/bin/env python3
"""The peer for `carevoice import events`: Python's csv + sqlite3 loading the same events file into a
table of the same shape with the same primary key (pathway_ref, event_id), WITHOUT ROWID like carevoice's
(migration 0014), in one transaction.
Usage: import_peer.py EVENTS.csv DB"""
import csv
import sqlite3
import sys
import time

path, db = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
conn = sqlite3.connect(db)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute(
    "CREATE TABLE pathway_events (pathway_ref TEXT NOT NULL, event_id TEXT NOT NULL, date TEXT NOT NULL,"
    " type TEXT NOT NULL, provider TEXT NOT NULL, route TEXT NOT NULL, modality TEXT NOT NULL,"
    " admitted TEXT NOT NULL, outcome TEXT NOT NULL, until_date TEXT NOT NULL, to_provider TEXT NOT NULL,"
    " supersedes TEXT NOT NULL, recorded_at INTEGER NOT NULL, recorded_by TEXT NOT NULL,"
    " PRIMARY KEY (pathway_ref, event_id)) WITHOUT ROWID")
now = int(time.time())
with open(path, newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    next(reader)
    with conn:
        conn.executemany(
            "INSERT OR IGNORE INTO pathway_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'peer')",
            (row + [now] for row in reader))
n = conn.execute("SELECT COUNT(*) FROM pathway_events").fetchone()[0]
conn.close()
dt = time.perf_counter() - t0
print(f"python csv + sqlite3: {n} events in {dt:.2f} s = {n / dt:,.0f} events/s")
