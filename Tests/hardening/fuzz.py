#!/usr/bin/env python3
"""Fuzzing of every entry point that takes outside input, with a fixed seed.

Usage: fuzz.py PATH/TO/guichet WORKDIR [--seed N] [--per-entry N]

Generates a few hundred files and values per entry point (cotation input, request, dossier
draft, programme table, dates on every command that takes one), runs the real executable on
each, and fails on a crash (killed by a signal, Swift runtime trap) or a hang (no answer within
the time limit). A refusal with a message is the expected answer to bad input; the exit code
must then be an ordinary one. Prints one line per entry point and 'N passed, N failed'.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

TIMEOUT = 30  # seconds: every input here is answered in well under one

# Header widths of generated tables: up to 100,000 unknown columns (past Excel's 16,384).
HEADER_WIDTHS = [1000, 20_000, 100_000]

COTATION = {
    "computedOn": "2024-09-01", "requestDate": "2022-01-10",
    "members": [{"role": "requester", "birthDate": "1995-01-01"}, {"role": "child", "birthDate": "2015-06-30"}],
    "annualResourcesCents": 700000,
    "home": {"monthlyRentCents": 45000, "monthlyChargesCents": 5000, "monthlyHousingBenefitCents": 20000},
    "criteria": [{"id": "dalo", "supported": True}, {"id": "heberge-tiers", "supported": False}],
    "calProposals": [{"date": "2023-03-01", "rank": 2}, {"date": "2023-09-01", "rank": 3}],
}

DOSSIER = {
    "applicant": {"kind": "household", "household": {
        "members": [{"lastName": "Delattre", "firstName": "Céline", "role": "applicant", "birthDate": "1980-04-02"}],
        "size": 2, "yearlyIncome": 2800000, "incomeYear": 2024}},
    "property": {"address": "12 rue Carnot", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765",
                 "buildYear": 1965, "dwellings": 1, "adaptedDwellings": 0},
    "facts": {"worksAmount": 1800000, "communeCoFunding": 150000, "purchaseDate": "2026-02-01"},
    "requestedAmount": 400000,
}

DATES = ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "1900-01-01", "2100-12-31", "2026-02-29",
         "2024-02-29", "2026-13-01", "2026-00-10", "31/12/9999", "00/00/0000", "2026-1-1", "", " ", "demain",
         "+2026-01-01", "-0001-01-01", "99999999999999999999-01-01", "2026-01-01T00:00:00Z", "１２/０１/２０２６",
         "2026-01-01\u0000", "\u001b[31m2026-01-01", "2026-06-15", "15/06/2026", "2026-06-15 "]

INTEGERS = [0, -1, 1, -5, 2**31, -2**31, 2**53, 2**63 - 1, -2**63, 10**14, 10**15, 10**17, 99999999999, 1.5, -0.0,
            1e308, "12", None, True, [], {}]


def weird_string(rng):
    kind = rng.randrange(8)
    if kind == 0:
        return "x" * rng.choice([10_001, 100_000, 1_000_000])
    if kind == 1:
        return "".join(chr(rng.randrange(0, 32)) for _ in range(rng.randrange(1, 20)))
    if kind == 2:
        return "\u001b]0;titre\u0007\u001b[2J\u202eDUPONT"
    if kind == 3:
        return rng.choice(DATES)
    if kind == 4:
        return ""
    if kind == 5:
        return "é" * rng.randrange(1, 300) + "\ud7ff"
    if kind == 6:
        return str(rng.choice(INTEGERS))
    return "".join(chr(rng.randrange(32, 0x3000)) for _ in range(rng.randrange(1, 60)))


def weird_value(rng, depth=0):
    kind = rng.randrange(6 if depth < 3 else 3)
    if kind == 0:
        return rng.choice(INTEGERS)
    if kind == 1:
        return weird_string(rng)
    if kind == 2:
        return rng.choice([None, True, False])
    if kind == 3:
        return [weird_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    if kind == 4:
        return {weird_string(rng)[:20]: weird_value(rng, depth + 1) for _ in range(rng.randrange(0, 3))}
    return rng.choice(DATES)


def paths(value, prefix=()):
    """Every place in a JSON tree that a mutation can replace."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, prefix + (i,))


def mutate_json(rng, base):
    doc = json.loads(json.dumps(base))
    for _ in range(rng.randrange(1, 4)):
        where = rng.choice(list(paths(doc)))
        if not where:
            return weird_value(rng)
        parent = doc
        for key in where[:-1]:
            parent = parent[key]
        if rng.random() < 0.15 and isinstance(parent, dict):
            parent.pop(where[-1], None)
        else:
            parent[where[-1]] = weird_value(rng)
    return doc


def json_inputs(rng, base, count, extra):
    """Mutated documents, then raw byte shapes no JSON parser should choke on."""
    out = []
    for i in range(count):
        shape = i % 10
        if shape == 0:
            text = json.dumps(base)
            cut = rng.randrange(0, len(text))
            out.append(text[:cut].encode())
        elif shape == 1:
            out.append(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400))))
        elif shape == 2:
            out.append(("[" * 5000 + "]" * 5000).encode() if rng.random() < 0.5 else ("{\"a\":" * 3000 + "1" + "}" * 3000).encode())
        elif shape == 3 and extra:
            out.append(json.dumps(extra(rng)).encode())
        else:
            out.append(json.dumps(mutate_json(rng, base), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass"))
    return out


def many_criteria(rng):
    doc = json.loads(json.dumps(COTATION))
    n = rng.choice([50_000, 5_000])
    doc["criteria"] = [{"id": f"critere-{i}", "supported": True} for i in range(n)]
    return doc


def huge_amounts(rng):
    doc = json.loads(json.dumps(COTATION))
    for key in ("monthlyRentCents", "monthlyChargesCents", "monthlyHousingBenefitCents"):
        doc["home"][key] = rng.choice([10**14, 10**17, 2**63 - 1, -2**63])
    doc["annualResourcesCents"] = rng.choice([10**14, 2**63 - 1, -2**63, 0])
    doc["computedOn"] = rng.choice(DATES)
    return doc


def dossier_extremes(rng):
    doc = json.loads(json.dumps(DOSSIER))
    doc["facts"]["purchaseDate"] = rng.choice(["9994-01-01", "9999-12-31", "0001-01-01", "2026-02-01"])
    doc["applicant"]["household"]["incomeYear"] = rng.choice([-5, 0, 9999, 2**62, 2024])
    doc["applicant"]["household"]["size"] = rng.choice([0, 1, 10**9, 2**62])
    doc["requestedAmount"] = rng.choice([10**14, 2**63 - 1, -1, 0, 400000])
    doc["applicant"]["household"]["members"][0]["lastName"] = rng.choice(["x" * 10_000_001, "DUPONT\u0000", "\u001b[2J"])
    return doc


def csv_inputs(rng, template, count):
    lines = template.splitlines()
    out = []
    for i in range(count):
        shape = i % 8
        rows = list(lines)
        if shape == 0:
            rows.insert(rng.randrange(1, len(rows)), "\"" + rows[rng.randrange(1, len(rows))])
        elif shape == 1:
            r = rng.randrange(1, len(rows))
            cells = rows[r].split(";")
            cells[rng.randrange(len(cells))] = rng.choice(["99999999999999999999", "-123456", "1e308", "9" * 40, "-0", "1 000 000 000 000 000"])
            rows[r] = ";".join(cells)
        elif shape == 2:
            rows[0] = ";".join(f"colonne{j}" for j in range(rng.choice(HEADER_WIDTHS)))
        elif shape == 3:
            rows.append(";".join(["x" * rng.choice([100_000, 1_000_000])] * 3))
        elif shape == 4:
            rows = rows[: rng.randrange(0, len(rows))]
        elif shape == 5:
            out.append(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 2000))))
            continue
        elif shape == 6:
            rows.append("TOTAL;" + ";".join(["9223372036854775807"] * 12))
        else:
            r = rng.randrange(0, len(rows))
            rows[r] = "".join(c if rng.random() > 0.05 else rng.choice(['"', ";", "\r", "\u0000", "\n"]) for c in rows[r])
        out.append(("\r\n" if rng.random() < 0.5 else "\n").join(rows).encode("utf-8", "replace"))
    return out


class Runner:
    def __init__(self, exe, work):
        self.exe, self.work = exe, work
        self.problems = []
        self.durations = []

    def run(self, label, args):
        args = [a.replace("\u0000", "") for a in args]  # a command line cannot hold NUL
        started = time.monotonic()
        try:
            p = subprocess.run([self.exe] + args, capture_output=True, timeout=TIMEOUT, cwd=self.work)
            self.durations.append((time.monotonic() - started, label, args[3:8]))
        except subprocess.TimeoutExpired:
            return f"{label}: pas de réponse en {TIMEOUT} s (blocage) : {args[:6]}"
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode < 0 or p.returncode > 125 or "Fatal error" in err or "Backtrace" in err:
            return f"{label}: plantage (code {p.returncode}) : {args[:6]}\n{err[:600]}"
        return None

    def entry(self, label, jobs):
        """Runs (args) jobs on two workers (the machine's cores); returns the number run."""
        with ThreadPoolExecutor(max_workers=2) as pool:
            found = [r for r in pool.map(lambda a: self.run(label, a), jobs) if r]
        self.problems += found
        print(f"{'FAIL' if found else 'ok  '} fuzz {label}: {len(jobs)} entrées, {len(found)} problème(s)")
        for f in found[:5]:
            print("     " + f.replace("\n", "\n     "))
        return not found


def main():
    exe, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 21
    per = int(sys.argv[sys.argv.index("--per-entry") + 1]) if "--per-entry" in sys.argv else 200
    rng = random.Random(seed)
    os.makedirs(work, exist_ok=True)
    runner = Runner(exe, work)
    base = os.path.join(work, "fuzz.sqlite")
    subprocess.run([exe, "--database", base, "demo", "--size", "60", "--replace"], check=True, capture_output=True)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    table = open(os.path.join(repo, "data/demo/programmes-construction-2020-2023.csv"), encoding="utf-8-sig").read()

    def files(name, contents):
        folder = os.path.join(work, name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        out = []
        for i, data in enumerate(contents):
            path = os.path.join(folder, f"{i:04d}")
            with open(path, "wb") as f:
                f.write(data)
            out.append(path)
        return out

    results = []
    cot = files("cotation", json_inputs(rng, COTATION, per, lambda r: many_criteria(r) if r.random() < 0.3 else huge_amounts(r)))
    results.append(runner.entry("cotation score", [["--database", base, "cotation", "score", f] for f in cot]))
    req = files("requests", json_inputs(rng, COTATION, per // 2, huge_amounts))
    results.append(runner.entry("requests add", [["--database", base, "requests", "add", f] for f in req]))
    dos = files("dossiers", json_inputs(rng, DOSSIER, per, dossier_extremes))
    results.append(runner.entry("dossiers new", [["--database", base, "dossiers", "new", "--scheme", "ACC", "--file", f] for f in dos]))
    imp = files("imports", csv_inputs(rng, table, per))
    results.append(runner.entry("programmes import", [["--database", base, "programmes", "import", f, "--dry-run"] for f in imp]
                                + [["--database", base, "programmes", "import", f] for f in imp[:20]]))
    # Dates on every command that takes one, and amounts where one is typed.
    listed = subprocess.run([exe, "--database", base, "dossiers", "list", "--json"], capture_output=True, text=True).stdout
    numbers = [d["number"] for d in json.loads(listed)["dossiers"]] or ["2026-ACC-0001"]
    commands = [
        ["rgpd", "echeances", "--date"], ["rgpd", "purge", "--dry-run", "--date"], ["budget", "--date"],
        ["requests", "rescore", "--date"], ["dossiers", "show", "{n}", "--date"],
        ["dossiers", "pay", "{n}", "--amount", "1,00", "--date"], ["dossiers", "transition", "{n}", "review", "--date"],
        ["dossiers", "transition", "{n}", "grant", "--amount", "100", "--date"],
        ["dossiers", "sale", "{n}", "--date"], ["dossiers", "document", "{n}", "piece-identite", "--status", "valid", "--date"],
        ["report", "bilan-plh", "--format", "csv", "--output", os.path.join(work, "r.csv"), "--date"],
        ["document", "notification", "{n}", "--output", os.path.join(work, "n.pdf"), "--date"],
        ["dossiers", "new", "--scheme", "ACC", "--file", dos[3], "--date"],
    ]
    jobs = []
    values = DATES + [weird_string(rng)[:200] for _ in range(10)]
    for cmd in commands:
        for value in values:
            args = [a.replace("{n}", rng.choice(numbers)) for a in cmd] + [value]
            jobs.append(["--database", base] + args)
    amounts = ["1e308", "99999999999999999999", "-1", "0", "92233720368547758,07", "1 000 000 000 000", "abc", "1,999", "\u001b[2J"]
    for a in amounts:
        jobs.append(["--database", base, "dossiers", "pay", rng.choice(numbers), "--amount", a])
        jobs.append(["--database", base, "dossiers", "transition", rng.choice(numbers), "grant", "--amount", a])
    results.append(runner.entry("dates et montants des commandes", jobs))
    folder_jobs = [["--database", work] + c for c in (["check"], ["init", "--territory", "capso"], ["dossiers", "list"],
                                                       ["demo", "--size", "1", "--replace"], ["budget"], ["requests", "list"])]
    results.append(runner.entry("--database sur un dossier", folder_jobs))
    for d, label, args in sorted(runner.durations, key=lambda x: x[0])[-8:]:
        print(f"     plus lent : {d:.1f} s {label} {args}")
    print(f"fuzz: {sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
