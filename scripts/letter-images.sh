#!/usr/bin/env bash
# Writes the three letters of demo dossiers as PDF and PNG into ./letters/ (git-ignored), to look
# at them as the person receiving them would; with --readme, also the receipt's first page for
# the README (docs/letter-accuse-reception.png). Same demo, same letters: fixed date and seed.
# Usage: scripts/letter-images.sh PATH/TO/guichet [--readme]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
G="$(realpath "$1")"
README="${2:-}"
OUT="$ROOT/letters"
mkdir -p "$OUT"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
db="$work/demo.sqlite"
export GUICHET_AGENT=agent.accueil
"$G" --database "$db" demo --size 400 --date 2026-12-03 --seed 1 >/dev/null
pick() { sqlite3 "$db" "SELECT d.key FROM dossier d JOIN dossier_data x ON x.ref = d.key WHERE $1 ORDER BY d.key DESC LIMIT 1"; }
receipt=$(pick "d.status = 'depose' AND json_extract(x.data, '$.applicant.household') IS NOT NULL")
notified=$(pick "d.scheme = 'PSV' AND d.status IN ('accorde', 'verse', 'solde')")
ordered=$(pick "d.status = 'verse' AND json_extract(x.data, '$.applicant.household') IS NOT NULL")
for letter in "accuse-reception $receipt" "notification $notified" "ordre-paiement $ordered"; do
    set -- $letter
    "$G" --database "$db" document "$1" "$2" --date 2026-12-03 --output "$OUT/$1.pdf" >/dev/null
    rm -f "$OUT/$1"-*.png
    pdftoppm -png -r 90 "$OUT/$1.pdf" "$OUT/$1"
    echo "$1 ($2) : $OUT/$1.pdf"
done
if [ "$README" = "--readme" ]; then
    pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$OUT/accuse-reception.pdf" "$ROOT/docs/letter-accuse-reception"
    echo "docs/letter-accuse-reception.png"
fi
