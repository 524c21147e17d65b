#!/usr/bin/env python3
"""Writes the CIA review's annexes 1, 1 bis and 1 ter as the source spreadsheet would export them
("CSV (séparateur : point-virgule)" of French Excel): Windows-1252, `;`, CRLF, no-break spaces in
amounts, bold tags gone, a title row above the header. The rows are the review's, untouched.

    python3 scripts/export-cia-annexes.py ../shared/domain/sources/cia-cabbalr-bilan-mi-parcours-2020-2023.txt Tests/fixtures/cia
"""
import re
import sys

source, out = sys.argv[1], sys.argv[2]
lines = open(source, encoding="utf-8").read().split("\n")


def block(start_marker, title, end_marker):
    start = next(i for i, l in enumerate(lines) if l.startswith(start_marker))
    rows = []
    for l in lines[start + 1:]:
        if l.startswith(end_marker):
            break
        if "\t" not in l:
            continue
        rows.append(l)
    return title, rows


def cell(text):
    text = re.sub(r"</?b>", "", text).strip()
    # Excel writes its thousands separator and the space before € as no-break spaces.
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", "\u00a0", text).replace(" €", "\u00a0€")
    if ";" in text or '"' in text:
        text = '"' + text.replace('"', '""') + '"'
    return text


def write(name, title, rows):
    width = max(len(r.rstrip("\t").split("\t")) for r in rows)
    body = [title + ";" * (width - 1)]
    for r in rows:
        cells = r.split("\t")[:width]
        cells += [""] * (width - len(cells))
        body.append(";".join(cell(c) for c in cells))
    data = ("\r\n".join(body) + "\r\n").encode("cp1252")
    open(f"{out}/{name}", "wb").write(data)


write("annexe-1-rehabilitation.csv",
      *block("## Annexe 1 :", "Annexe 1 : programmes de réhabilitation financés depuis 2020 et en projet 2023/2024", "Annexe 1 bis :  "))
write("annexe-1bis-construction.csv",
      *block("Annexe 1 bis :  ", "Annexe 1 bis : programmes de construction financés depuis 2020", "## Annexe 1 ter"))
write("annexe-1ter-construction-2024.csv",
      *block("## Annexe 1 ter", "Annexe 1 ter : programmes de construction en projet (financement 2024)", "## ANNEXE 2"))
