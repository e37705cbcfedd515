#!/usr/bin/env python3
"""A database for the tracking-list load test (issue 9): one provider (RAA) with OPEN open cancer pathways
and OTHERS pathways at other providers, each with a referral and a first appointment in the last 90 days,
so that every pathway has open 28-day and 62-day clocks. Synthetic people only (NHS numbers from the 999
test range). The schema comes from `carevoice migrate`; this only fills it.

Usage: tracking_fixture.py DB.sqlite USERNAME [--open 5000] [--others 45000]
"""
import argparse
import datetime
import random
import sqlite3
import time


def nhs_number(n):
    """A valid NHS number from the 999 range: nine digits and the modulus-11 check digit."""
    while True:
        base = f"999{n:06d}"
        total = sum(int(d) * (10 - i) for i, d in enumerate(base))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return base + str(check)
        n += 1_000_000  # skip a number with no valid check digit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("username")
    ap.add_argument("--open", type=int, default=5000)
    ap.add_argument("--others", type=int, default=45000)
    args = ap.parse_args()
    rnd = random.Random(2026)
    now = int(time.time())
    today = datetime.date.today()
    conn = sqlite3.connect(args.db)
    with conn:
        providers = ["RAA"] + [f"R{c}{d}" for c in "BCDEFGHJ" for d in "0123"]
        for code in providers:
            conn.execute("INSERT OR IGNORE INTO organisations (code, name, level, created_at) VALUES (?, ?, 'trust', ?)",
                         (code, f"Synthetic trust {code}", now))
        conn.execute("UPDATE users SET organisation_id = (SELECT id FROM organisations WHERE code = 'RAA') "
                     "WHERE username = ?", (args.username,))
        areas = ["05G", "05W", "05V", "04Y"]
        tumours = ["breast", "lung", "colorectal", "prostate", "skin", "upper_gi", "urological"]
        patients, pathways, events = [], [], []
        total = args.open + args.others
        for n in range(total):
            pid = n + 1
            prime = "RAA" if n < args.open else providers[1 + n % (len(providers) - 1)]
            received = today - datetime.timedelta(days=rnd.randint(1, 90))
            seen = received + datetime.timedelta(days=rnd.randint(3, 14))
            patients.append((pid, nhs_number(n), f"Given{n}", f"Family{n} (synthetic)",
                             f"{rnd.randint(1935, 2000)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
                             rnd.choice(["female", "male"]), "ST1", rnd.choice(areas), rnd.randint(1, 5),
                             "white", "English", now, now))
            ref = f"BENCH-{n:07d}"
            pathways.append((pid, ref, pid, "cancer", "urgent_suspected_cancer", received.isoformat(),
                             rnd.choice(tumours), prime, now, now))
            events.append((ref, "e1", received.isoformat(), "referral_received", prime, "urgent_suspected_cancer", now))
            if seen <= today:
                events.append((ref, "e2", seen.isoformat(), "first_seen", prime, "", now))
        conn.executemany(
            "INSERT INTO patients (id, nhs_number, given_name, family_name, date_of_birth, sex, postcode, area_code,"
            " deprivation_quintile, ethnic_group, preferred_language, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", patients)
        conn.executemany(
            "INSERT INTO pathways (id, ref, patient_id, kind, route, referral_received_on, tumour_group,"
            " prime_provider, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pathways)
        conn.executemany(
            "INSERT INTO pathway_events (pathway_ref, event_id, date, type, provider, route, recorded_at, recorded_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'bench')", events)
    print(f"{total} pathways ({args.open} at RAA), {len(events)} events")


if __name__ == "__main__":
    main()
