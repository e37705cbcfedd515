#!/usr/bin/env python3
"""Synthetic pathway events in the layout of shared/docs/pathway.md, for benchmarks (never real patients).

Usage: generate_events.py PATHWAYS [--seed N] > events.csv
About ten events a pathway: referral, sometimes a missed first appointment, first seen, diagnosis (cancer or
ruled out), MDT, decision to treat, sometimes a declined admitted offer, a transfer to another provider,
first treatment, sometimes an ECAD and a second treatment, key-worker contacts. 3,000,000 pathways give
about 30 million events (an England-scale year).
"""
import argparse
import datetime
import random
import sys

PROVIDERS = [f"R{a}{b}" for a in "ABCDEFGHJKLMNPQRSTVWXY" for b in "0123456789ABCDEFGH"]
ROUTES = ["urgent_suspected_cancer"] * 8 + ["urgent_screening", "breast_symptomatic", "other"]
MODALITIES = ["surgery", "chemotherapy", "radiotherapy", "other"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pathways", type=int)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    start = datetime.date(2025, 4, 1)
    out = sys.stdout
    out.write("pathway_id,event_id,date,type,provider,route,modality,admitted,outcome,until,to_provider,supersedes\n")
    write = out.write
    for n in range(args.pathways):
        pid = f"P{n:08d}"
        k = 0
        rows = []

        def ev(day, type_, provider, route="", modality="", admitted="", outcome="", until="", to=""):
            nonlocal k
            k += 1
            d = (start + datetime.timedelta(days=day)).isoformat()
            u = (start + datetime.timedelta(days=until)).isoformat() if until != "" else ""
            rows.append(f"{pid},e{k},{d},{type_},{provider},{route},{modality},{admitted},{outcome},{u},{to},\n")

        home = rnd.choice(PROVIDERS)
        day = rnd.randrange(0, 365)
        route = rnd.choice(ROUTES)
        ev(day, "referral_received", home, route=route)
        if route == "other":
            day += rnd.randrange(5, 30)
            ev(day, "consultant_upgrade", home)
        seen = day + rnd.randrange(3, 15)
        if rnd.random() < 0.05:
            ev(seen, "appointment_missed", home, until=seen + rnd.randrange(2, 10))
            seen += rnd.randrange(5, 12)
        ev(seen, "first_seen", home)
        ev(seen + 1, "key_worker_contact", home)
        diag = seen + rnd.randrange(5, 30)
        if rnd.random() < 0.3:
            ev(diag, "diagnosis_communicated", home, outcome="ruled_out")
            ev(diag + 1, "discharge", home)
            write("".join(rows))
            continue
        ev(diag, "diagnosis_communicated", home, outcome="cancer")
        ev(diag + rnd.randrange(1, 7), "mdt_discussion", home)
        dtt = diag + rnd.randrange(5, 20)
        ev(dtt, "decision_to_treat", home)
        treater = home
        treat = dtt + rnd.randrange(7, 45)
        if rnd.random() < 0.3:
            treater = rnd.choice(PROVIDERS)
            sent = dtt + rnd.randrange(0, 5)
            ev(sent, "transfer_sent", home, to=treater)
            ev(sent + rnd.randrange(1, 4), "transfer_accepted", treater)
        if rnd.random() < 0.05:
            offer = dtt + rnd.randrange(3, 10)
            ev(offer, "offer_declined", treater, modality="surgery", admitted="yes", until=offer + rnd.randrange(7, 21))
        modality = rnd.choice(MODALITIES)
        ev(treat, "treatment_started", treater, modality=modality, admitted="yes" if modality == "surgery" else "no")
        if rnd.random() < 0.4:
            ecad = treat + rnd.randrange(20, 40)
            ev(ecad, "ecad", treater)
            ev(ecad + rnd.randrange(5, 40), "treatment_started", treater, modality="radiotherapy", admitted="no")
        write("".join(rows))


if __name__ == "__main__":
    main()
