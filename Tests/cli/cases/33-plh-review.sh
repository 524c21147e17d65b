# The PLH's review by action: sheets of every action, derived and entered indicators, levers,
# territorialised targets, the bilan by action in PDF, ODS and mid-term.
R="$T/review.sqlite"
expect "review: demo base" 0 "$G" --database "$R" demo --size 600 "${DEMO[@]}"
expect "plh indicators --json" 0 "$G" --database "$R" plh indicators --year 2025 --json
py() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$out"; }
eq() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: attendu « $3 », obtenu « $2 »"; fi; }
eq "20 actions reviewed" "$(py "len(d['actions'])")" "20"
eq "every action has an indicator" "$(py "all(len(a['measures']) > 0 for a in d['actions'])")" "True"
eq "every action has a lever" "$(py "all(len(a['levers']) > 0 for a in d['actions'])")" "True"
eq "years of the review" "$(py "d['years']")" "[2023, 2024, 2025]"
eq "ACC households carry the PLH's target of 50" "$(py "[m for a in d['actions'] for m in a['measures'] if m['id'] == 'prime-menages'][0]['target']['value']")" "50"
PLV=$(py "[m for a in d['actions'] if a['number'] == 2 for m in a['measures'] if m['id'] == 'vacants-remis-social'][0]['values']['2025']")
expect "dossiers list of granted PLV" 0 "$G" --database "$R" dossiers list --scheme PLV --json --limit 0
# The oracle: dwellings of PLV dossiers granted in 2025 and not cancelled, from the dossiers themselves.
NUMS=$(py "' '.join(x['number'] for x in d['dossiers'])")
SUM=0
for n in $NUMS; do
  "$G" --database "$R" dossiers show "$n" --json > "$T/plv.json"
  SUM=$((SUM + $(/usr/bin/python3 -c "import json; d=json.load(open('$T/plv.json')); x=d.get('dossier', d); g=x.get('grant'); print(x['property']['dwellings'] if g and g['date'].startswith('2025') and x['status'] != 'annule' else 0)")))
done
eq "PLV dwellings granted in 2025 equal the dossiers' own" "$PLV" "$SUM"
eq "some PLV dwellings granted in 2025" "$([ "$SUM" -gt 0 ] && echo yes)" "yes"
expect "detail lists what makes the figure" 0 "$G" --database "$R" plh detail 2 vacants-remis-social --year 2025
contains "detail gives the definition" "accordés dans l'année"

expect "plh set by category" 0 "$G" --database "$R" plh set 18 personnes-accueillies --year 2025 --part renovation=120 --part logement-social=300 --comment "Registre d'accueil"
expect "plh set the same again" 0 "$G" --database "$R" plh set 18 personnes-accueillies --year 2025 --part renovation=120 --part logement-social=300
contains "same value changes nothing" "Aucun changement"
expect "plh set one category" 0 "$G" --database "$R" plh set 18 personnes-accueillies --year 2025 --part renovation=125
expect "plh history" 0 "$G" --database "$R" plh history 18 personnes-accueillies --year 2025
contains "history keeps the old value" "valeur : 420 → 425"
contains "history keeps the comment" "Registre d'accueil"
expect "a derived measure is not entered" 5 "$G" --database "$R" plh set 18 demandes-enregistrees --year 2025 --value 3
contains "refusal says why" "calculé à partir des données"
expect "a count is whole" 5 "$G" --database "$R" plh set 20 rencontres-communes --year 2025 --value "2,5"
expect "an unknown action" 3 "$G" --database "$R" plh set 42 x --year 2025 --value 1
expect "plh lever" 0 "$G" --database "$R" plh lever 19 19.2 --year 2024 --state engagé --note "Deux conventions"
expect "plh lever unknown state" 5 "$G" --database "$R" plh lever 19 19.2 --year 2024 --state fini
expect "plh target" 0 "$G" --database "$R" plh target Arques --year 2025 --product PLAI --dwellings 12
expect "plh target for a group" 0 "$G" --database "$R" plh target groupe:pole-urbain --year 2025 --product accession --dwellings 30
expect "plh targets --json" 0 "$G" --database "$R" plh targets --year 2025 --json
eq "two targets" "$(py "len(d)")" "2"
expect "plh indicators --json after entries" 0 "$G" --database "$R" plh indicators --year 2025 --json
eq "entered value in the review" "$(py "[m for a in d['actions'] for m in a['measures'] if m['id'] == 'personnes-accueillies'][0]['values']['2025']")" "425"
eq "lever state in the review" "$(py "[l for a in d['actions'] for l in a['levers'] if l['id'] == '19.2'][0]['states']['2024']")" "started"
expect "plh indicators text" 0 "$G" --database "$R" plh indicators --year 2025 --action 7
contains "action 7 titled" "Action 7 — "
expect "report bilan-plh by action (PDF)" 0 "$G" --database "$R" report bilan-plh --year 2025 --format pdf --output "$T/bilan.pdf"
if command -v pdftotext >/dev/null; then
  out=$(pdftotext "$T/bilan.pdf" - | tr -s ' \n' ' ')
  contains "PDF reviews by action" "Bilan par action du PLH (2023-2025)"
  contains "PDF holds action 20's entered meetings indicator" "Nombre de rencontres avec les communes"
  contains "PDF holds the entered comment" "Registre d’accueil"  # as printed: French typography
fi
expect "report bilan-plh for the service (ODS)" 0 "$G" --database "$R" report bilan-plh --year 2025 --format ods --output "$T/bilan.ods"
expect "report bilan-plh mid-term" 0 "$G" --database "$R" report bilan-plh --year 2025 --mid-term --format pdf --output "$T/mi-parcours.pdf"
expect "territoires validates the sheets" 0 "$G" territoires
