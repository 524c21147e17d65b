#!/usr/bin/env python3
"""Kill -9 in the middle of the long commands: export, import, purge, demo.

Usage: kill9.py PATH/TO/guichet WORKDIR [--seed N] [--tries N]

Each try starts a command on a copy of a demo base, kills it (SIGKILL) after a random delay,
then starts the program again (`check`) as the next agent would. It must find no temporary file
left beside the base, a base that passes SQLite's and the domain's checks, and, for `demo
--replace`, either the old base or the complete new one, never half of one.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time


def main():
    exe, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 21
    tries = int(sys.argv[sys.argv.index("--tries") + 1]) if "--tries" in sys.argv else 6
    rng = random.Random(seed)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    table = os.path.join(repo, "data/demo/programmes-construction-2020-2023.csv")
    seed_base = os.path.join(work, "seed.sqlite")
    subprocess.run([exe, "--database", seed_base, "demo", "--size", "3000"], check=True, capture_output=True)

    def count(db):
        out = subprocess.run([exe, "--database", db, "check", "--json"], capture_output=True, text=True)
        return out.returncode, out.stdout + out.stderr

    operations = {
        "export csv": lambda db, d: ["report", "dossiers", "--format", "csv", "--output", os.path.join(d, "liste.csv")],
        "export ods": lambda db, d: ["report", "dossiers", "--format", "ods", "--output", os.path.join(d, "liste.ods")],
        "export pdf": lambda db, d: ["report", "dossiers", "--format", "pdf", "--output", os.path.join(d, "liste.pdf")],
        "import": lambda db, d: ["programmes", "import", table],
        "purge": lambda db, d: ["rgpd", "purge", "--date", "2031-01-01"],
        "demo --replace": lambda db, d: ["demo", "--size", "4000", "--replace"],
    }
    passed = failed = 0
    for name, command in operations.items():
        problems = []
        for t in range(tries):
            folder = os.path.join(work, f"{name.replace(' ', '-')}-{t}")
            os.makedirs(folder)
            db = os.path.join(folder, "base.sqlite")
            shutil.copy(seed_base, db)
            delay = rng.uniform(0.05, 1.5)
            proc = subprocess.Popen([exe, "--database", db] + command(db, folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            killed = proc.poll() is None
            if killed:
                proc.send_signal(signal.SIGKILL)
            proc.wait()
            rc, out = count(db)  # the next start
            left = [f for f in os.listdir(folder) if "guichet-tmp" in f]
            if left:
                problems.append(f"essai {t} (arrêt à {delay:.2f} s) : fichiers temporaires restés {left}")
            if rc != 0:
                problems.append(f"essai {t} (arrêt à {delay:.2f} s) : check en échec ({rc}) {out[:300]}")
            elif name == "demo --replace":
                dossiers = json.loads(out).get("counts", {}).get("dossiers") if out.strip().startswith("{") else None
                if dossiers not in (3000, 4000):
                    problems.append(f"essai {t} : base à moitié construite ({dossiers} dossiers)")
            shutil.rmtree(folder, ignore_errors=True)
        if problems:
            failed += 1
            print(f"FAIL kill -9 {name}: {len(problems)} problème(s)")
            for p in problems:
                print("     " + p)
        else:
            passed += 1
            print(f"ok   kill -9 {name}: {tries} essais")
    print(f"kill9: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
