# Social-housing requests: cotation without storing, criteria, add → list → show, rescore, purge, check.
PY=/usr/bin/python3
json_ok() { if "$PY" -c 'import json,sys; json.load(sys.stdin)' <<<"$out" 2>/dev/null; then ok "$1"; else fail "$1: JSON illisible" "$out"; fi; }
json_get() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$out"; }
cat > "$T/example.json" <<'JSON'
{ "computedOn": "2024-09-01", "requestDate": "2022-01-10",
  "members": [ {"role": "requester", "birthDate": "1995-01-01"}, {"role": "child", "birthDate": "2015-06-30"} ],
  "annualResourcesCents": 700000,
  "home": {"monthlyRentCents": 45000, "monthlyChargesCents": 5000, "monthlyHousingBenefitCents": 20000},
  "criteria": [ {"id": "dalo", "supported": true}, {"id": "heberge-tiers", "supported": false} ],
  "calProposals": [ {"date": "2023-03-01", "rank": 2}, {"date": "2023-09-01", "rank": 3} ],
  "wishedCommunes": ["Béthune", "62119"], "wishedTypologies": ["T2", "t3"] }
JSON
# The expected total is the sum of the points of the lines that apply, read from the grid file.
grid_points() { "$PY" -c "
import json; g=json.load(open('data/territories/cabbalr/cotation.json'))
c={x['id']: x.get('points') or x.get('maxPoints') for x in g['criteria']}
first=min(g['requestAgeSteps'], key=lambda s: s['beyondMonths'])['points']
print(c['dalo']+c['premier-quartile']+c['jeune-moins-30']+first+c['inadequation-ressources']+c['cal-rang-2-3'])"; }
expected_total=$(grid_points)
expected_fr=$("$PY" -c "print(f'{$expected_total:,}'.replace(',', '\u202f'))")

expect "cotation score --json (demo grid, no database)" 0 env GUICHET_DATABASE="$T/absent-requests.sqlite" "$G" cotation score "$T/example.json" --json
json_ok "cotation score JSON parses"
contains "cotation score has the total" "\"total\" : $expected_total"
expect "cotation score --territory cabbalr" 0 "$G" cotation score "$T/example.json" --territory cabbalr
contains "human score says the total in French" "Total : ${expected_fr} points"
contains "human score explains the resources" "inférieures au seuil 2023"
sed 's/"heberge-tiers"/"heberge-ami"/' "$T/example.json" > "$T/unknown.json"
expect "unknown criterion refused" 5 env GUICHET_DATABASE="$T/absent-requests.sqlite" "$G" cotation score "$T/unknown.json"
contains "unknown criterion named with its key path" "criteria[1].id : critère inconnu « heberge-ami »"
sed 's/"T2"/"T9"/' "$T/example.json" > "$T/typo.json"
expect "unknown typology refused" 5 "$G" cotation score "$T/typo.json" --territory cabbalr
contains "unknown typology named" "wishedTypologies[0]"
printf '{ "computedOn": "2024-09-01" ' > "$T/broken.json"
expect "broken JSON refused" 5 "$G" cotation score "$T/broken.json" --territory cabbalr
expect "missing file refused" 66 "$G" cotation score "$T/nope.json" --territory cabbalr
expect "territory without a grid" 3 "$G" cotation score "$T/example.json" --territory capso
contains "says the grid is missing" "pas de grille de cotation"

# Conditions on the household, exclusive situations and the essential workers, oracles from the grid file.
cat > "$T/alone64.json" <<'JSON'
{ "computedOn": "2024-09-01", "requestDate": "2024-06-01",
  "members": [ {"role": "requester", "birthDate": "1960-03-01", "lastName": "Lecomte", "firstName": "Théo"} ],
  "annualResourcesCents": 3000000,
  "criteria": [ {"id": "logement-non-decent-mineur", "supported": true}, {"id": "suroccupation-mineur", "supported": true},
                {"id": "sortant-ase", "supported": true}, {"id": "logement-inadapte-handicap", "supported": true},
                {"id": "senior-logement-inadapte", "supported": true}, {"id": "sans-logement", "supported": true},
                {"id": "heberge-tiers", "supported": true}, {"id": "travailleur-essentiel", "supported": true, "detail": "EBOUEUR"} ] }
JSON
expect "cotation score: conditions, exclusive situations, occupation" 0 "$G" cotation score "$T/alone64.json" --territory cabbalr --json
alone_expected=$("$PY" -c "
import json; g=json.load(open('data/territories/cabbalr/cotation.json'))
c={x['id']: x.get('points') or x.get('maxPoints') for x in g['criteria']}
print(c['senior-logement-inadapte']+c['senior-60']+max(c['sans-logement'],c['heberge-tiers'])+c['travailleur-essentiel'])")
if [ "$(json_get "d['total']")" = "$alone_expected" ]; then ok "64 alone: only what the grid gives ($alone_expected)"; else fail "64 alone total" "$out"; fi
if json_get "[l['points'] for l in d['lines'] if l['id']=='suroccupation-mineur'][0]==0 and 'au moins un mineur' in [l['explanation'] for l in d['lines'] if l['id']=='suroccupation-mineur'][0]" | grep -q True; then ok "a minor is required, the line says so"; else fail "minor condition" "$out"; fi
if json_get "[l['points'] for l in d['lines'] if l['id']=='heberge-tiers'][0]==0 and 'incompatible' in [l['explanation'] for l in d['lines'] if l['id']=='heberge-tiers'][0]" | grep -q True; then ok "exclusive situation set aside with the reason"; else fail "exclusive" "$out"; fi
if json_get "d['isPriorityHousehold'] and 'sans-logement' in [p['id'] for p in d['priorityCategories']]" | grep -q True; then ok "priority derived from the facts"; else fail "priority derived" "$out"; fi
expect "cotation score: human output lists the priority categories" 0 "$G" cotation score "$T/alone64.json" --territory cabbalr
contains "priority category and why" "Sans logement — établie"
expect "territoires lists the defaults to confirm" 0 "$G" territoires --json
if json_get "any(x['key']=='requestAgeSteps' for e in d for x in e['defaultsToConfirm'] if e['id']=='cabbalr')" | grep -q True; then ok "request-age scale is a default to confirm"; else fail "defaults to confirm" "$out"; fi

expect "cotation criteria --json" 0 "$G" cotation criteria --territory cabbalr --json
json_ok "criteria JSON parses"
n=$(json_get "len(d['criteria'])"); n_file=$("$PY" -c "import json; print(len(json.load(open('data/territories/cabbalr/cotation.json'))['criteria']))")
if [ "$n" = "$n_file" ]; then ok "criteria lists every criterion of the grid"; else fail "criteria count $n ≠ $n_file"; fi
expect "cotation criteria" 0 "$G" cotation criteria --territory cabbalr
contains "criteria table shows a scale" "25 à 50"
contains "criteria table shows computed" "calculé"
expect "cotation criteria --json conditions" 0 "$G" cotation criteria --territory cabbalr --json
if json_get "[c['conditions'] for c in d['criteria'] if c['id']=='suroccupation-mineur'][0][0].endswith('« avec au moins un mineur »') and 'heberge-tiers' in [c['exclusiveWith'] for c in d['criteria'] if c['id']=='sans-logement'][0]" | grep -q True; then ok "criteria JSON gives conditions and exclusive situations"; else fail "criteria conditions" "$out"; fi

R="$T/requests.sqlite"
expect "init demo for requests" 0 "$G" --database "$R" init --territory demo
expect "requests add" 0 "$G" --database "$R" requests add "$T/example.json" --json
json_ok "add JSON parses"
id=$(json_get "d['id']")
if [ "$(json_get "d['score']['total']")" = "$expected_total" ]; then ok "add stores the score"; else fail "add score" "$out"; fi
expect "requests add again" 0 "$G" --database "$R" requests add "$T/example.json"
contains "second request gets the next id" "DLS-2022-000002"
expect "add refuses an unknown criterion" 5 "$G" --database "$R" requests add "$T/unknown.json"
expect "requests list --json" 0 "$G" --database "$R" requests list --commune bethune --typology T3 --json
json_ok "list JSON parses"
if [ "$(json_get "d['count']")" = 2 ] && [ "$(json_get "d['requests'][0]['id']")" = "$id" ]; then ok "list ranks the older id first on a tie"; else fail "list order" "$out"; fi
expect "requests list by INSEE code" 0 "$G" --database "$R" requests list --commune 62119 --json
if [ "$(json_get "d['count']")" = 2 ]; then ok "commune code filter"; else fail "commune code filter" "$out"; fi
expect "requests list other commune" 0 "$G" --database "$R" requests list --commune Arras --json
if [ "$(json_get "d['count']")" = 0 ]; then ok "commune filter excludes"; else fail "commune filter excludes" "$out"; fi
expect "requests list human" 0 "$G" --database "$R" requests list
contains "list shows French points" "${expected_fr}"
expect "requests list bad typology" 5 "$G" --database "$R" requests list --typology T9
expect "init a base for a named request" 0 "$G" --database "$T/named.sqlite" init --territory demo
expect "requests add a named request" 0 "$G" --database "$T/named.sqlite" requests add "$T/alone64.json" --json
named_id=$(json_get "d['id']")
expect "requests list by name in any order" 0 "$G" --database "$T/named.sqlite" requests list --text "theo LECOMTE" --json
if [ "$(json_get "[r['id'] for r in d['requests']]")" = "['$named_id']" ]; then ok "name found without accents, any order"; else fail "name search" "$out"; fi

expect "requests show --json" 0 "$G" --database "$R" requests show "$id" --json
json_ok "show JSON parses"
if [ "$(json_get "len(d['scoreHistory'])")" = 1 ]; then ok "show has one score"; else fail "show history" "$out"; fi
expect "requests show" 0 "$G" --database "$R" requests show "$id"
contains "show explains a line" "justificatif valide"
contains "show has the history" "Historique des cotations"
expect "requests show unknown" 4 "$G" --database "$R" requests show DLS-1999-000001
contains "unknown request named" "demande « DLS-1999-000001 » introuvable"
expect "requests rescore --json" 0 "$G" --database "$R" requests rescore --date 2025-03-01 --json
json_ok "rescore JSON parses"
if [ "$(json_get "d['rescored']")" = 2 ]; then ok "rescore rescored both"; else fail "rescore count" "$out"; fi
expect "requests rescore again" 0 "$G" --database "$R" requests rescore --date 2025-03-01
contains "second rescore has nothing to do" "0 demande(s) recotée(s) sur 2"
expect "show after rescore" 0 "$G" --database "$R" requests show "$id" --json
if [ "$(json_get "[s['computedOn'] for s in d['scoreHistory']]")" = "['2024-09-01', '2025-03-01']" ]; then ok "old score kept in history"; else fail "score history" "$out"; fi
expect "check with requests" 0 "$G" --database "$R" check --json
contains "check counts requests" '"demandes" : 2'
# A latest score that recomputation with the same grid does not give is reported by check.
cp "$R" "$T/tampered.sqlite"
sqlite3 "$T/tampered.sqlite" "INSERT INTO request_score(requestKey, total, gridVersion, computedOn, priority, lines, recordedAt)
  SELECT requestKey, total + 7, gridVersion, computedOn, priority, lines, recordedAt FROM request_score WHERE requestKey = '$id' ORDER BY id DESC LIMIT 1;
  UPDATE request SET scoreId = last_insert_rowid() WHERE key = '$id';"
expect "check finds a tampered score" 1 "$G" --database "$T/tampered.sqlite" check
contains "check names the request and the recomputation" "demande $id : cotation enregistrée de"
expect "purge (nothing struck off)" 0 "$G" --database "$R" requests purge --json
json_ok "purge JSON parses"

D="$T/demo-requests.sqlite"
expect "demo creates requests" 0 "$G" --database "$D" demo --size 400 "${DEMO[@]}" --json
if [ "$(json_get "d['counts']['demandes']")" = 200 ]; then ok "demo creates size/2 requests"; else fail "demo request count" "$out"; fi
expect "demo check" 0 "$G" --database "$D" check
expect "demo list priority" 0 "$G" --database "$D" requests list --priority --limit 5 --json
json_ok "priority list parses"
if json_get "all(r['isPriorityHousehold'] for r in d['requests']) and len(d['requests'])==5" | grep -q True; then ok "priority filter"; else fail "priority filter" "$out"; fi
expect "demo purge" 0 "$G" --database "$D" requests purge --json
if [ "$(json_get "d['purged']")" -gt 0 ]; then ok "purge removes old struck-off requests"; else fail "purge count" "$out"; fi
expect "check after purge" 0 "$G" --database "$D" check
