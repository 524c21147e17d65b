#!/usr/bin/env python3
"""Several processes on one base: 4 writers and 2 readers for 60 seconds.

Usage: concurrency.py PATH/TO/guichet WORKDIR [--seconds N]

Two writers pay 0,01 EUR at a time on one shared granted dossier (a read-modify-write of the same
row), two add social-housing requests; two readers list, show and total. Every command must
succeed (no spurious "base verrouillée"), and no update may be lost: the dossier's paid amount
grows by exactly one cent per successful payment, the request count by one per addition.
"""
import json
import os
import shutil
import subprocess
import sys
import threading
import time


def main():
    exe, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 60
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db = os.path.join(work, "partagee.sqlite")
    subprocess.run([exe, "--database", db, "demo", "--size", "400"], check=True, capture_output=True)

    def run(*args):
        return subprocess.run([exe, "--database", db] + list(args), capture_output=True, text=True, timeout=120)

    granted = json.loads(run("dossiers", "list", "--status", "accorde", "--json").stdout)["dossiers"]
    shared = max(granted, key=lambda d: d["remaining"])
    number, paid_before = shared["number"], shared["paid"]
    request_file = os.path.join(work, "demande.json")
    with open(request_file, "w") as f:
        json.dump({"computedOn": "2024-09-01", "requestDate": "2022-01-10",
                   "members": [{"role": "requester", "birthDate": "1995-01-01"}], "annualResourcesCents": 700000,
                   "home": {"monthlyRentCents": 45000, "monthlyChargesCents": 5000, "monthlyHousingBenefitCents": 20000}}, f)

    def request_count():
        out = run("check", "--json")
        return json.loads(out.stdout)["counts"]["demandes"]

    requests_before = request_count()
    stop = time.monotonic() + seconds
    lock = threading.Lock()
    tally = {"pay": 0, "add": 0, "read": 0}
    failures = []

    def worker(kind, commands):
        i = 0
        while time.monotonic() < stop:
            args = commands[i % len(commands)]
            i += 1
            started = time.monotonic()
            p = run(*args)
            with lock:
                if p.returncode == 0:
                    tally[kind] += 1
                else:
                    failures.append(f"{kind} {' '.join(args[:3])} : code {p.returncode} après {time.monotonic() - started:.2f} s : {p.stderr.strip()[:200]}")

    pay = [["dossiers", "pay", number, "--amount", "0,01"]]
    add = [["requests", "add", request_file]]
    read = [["dossiers", "list"], ["budget"], ["requests", "list"], ["dossiers", "show", number], ["programmes", "summary"]]
    threads = [threading.Thread(target=worker, args=a) for a in
               [("pay", pay), ("pay", pay), ("add", add), ("add", add), ("read", read), ("read", read[2:] + read[:2])]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    paid_after = json.loads(run("dossiers", "show", number, "--json").stdout)["summary"]["paid"]
    lost_payments = (paid_before + tally["pay"]) - paid_after
    lost_requests = (requests_before + tally["add"]) - request_count()
    total = sum(tally.values()) + len(failures)
    print(f"     {total} commandes en {seconds:.0f} s : {tally['pay']} versements, {tally['add']} demandes ajoutées, "
          f"{tally['read']} lectures ; {len(failures)} échouée(s) ; mises à jour perdues : {lost_payments} versement(s), "
          f"{lost_requests} demande(s)")
    for f in failures[:10]:
        print("     " + f)
    checks = [("0 commande échouée", not failures), ("0 versement perdu", lost_payments == 0),
              ("0 demande perdue", lost_requests == 0), ("chaque sorte de commande a tourné", min(tally.values()) > 0)]
    for label, good in checks:
        print(f"{'ok  ' if good else 'FAIL'} concurrence : {label}")
    passed = sum(1 for _, g in checks if g)
    print(f"concurrency: {passed} passed, {len(checks) - passed} failed")
    return 0 if passed == len(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
