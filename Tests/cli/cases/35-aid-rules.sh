# Aid rules as the PLH writes them (issue 15): averages are targets, caps refuse, thresholds the
# PLH does not give are the agent's checks, one ledger for every PLH line, envelopes reconciled.
A="$T/rules.sqlite"
a() { "$G" --database "$A" "$@"; }
py() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$out"; }
eq() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: attendu « $3 », obtenu « $2 »"; fi; }
expect "rules: init capso" 0 a init --territory capso

# Reconciliation, from the profile's own figures (scheme envelopes against the PLH's line).
expect "budget --json for the reconciliation" 0 a budget --year 2026 --date 2026-06-30 --json
rec() { py "[r for r in d['reconciliation'] if r['action']==$1 and r['kind']=='investment'][0]['$2']"; }
eq "action 3: scheme envelopes minus the PLH line" "$(rec 3 schemeDifference)" "$(py "sum(s['envelope'] or 0 for s in d['schemes'] if s['action']==3 and s['envelopeOf']==s['code']) - [l for l in d['plh']['lines'] if l['action']==3][0]['investmentPerYear']")"
eq "action 3: +110 000 €" "$(rec 3 difference)" "11000000"
eq "action 5: -100 000 €" "$(rec 5 difference)" "-10000000"
eq "former keys kept" "$(py "all(k in d for k in ['year','referenceDate','yearElapsedBp','toleranceBp','schemes','actions','total','plh'])")" "True"
expect "check warns about the envelopes" 0 a check --json
eq "check stays ok" "$(py "d['ok']")" "True"
eq "check warns for action 3 and 5" "$(py "sum(1 for w in d['warnings'] if 'Action 3, investissement' in w or 'Action 5, investissement' in w)")" "2"
expect "territoires lists what is still a default" 0 "$G" territoires --json
eq "ACC age of the home left to agents" "$(py "[p['text'] for e in d if e['id']=='capso' for p in e['defaultsToConfirm'] if p['part']=='schemes' and p['text'].startswith('ACC — Ancienneté du bien (seuil)')][0].endswith('vérification par l\\'agent, dossier par dossier')")" "True"

valid_docs() { for doc in $(a dossiers show "$1" --json | /usr/bin/python3 -c "import json,sys; print(' '.join(x['id'] for x in json.load(sys.stdin)['documents'] if x['mandatory']))"); do
  a dossiers document "$1" "$doc" --status valid --date 2026-03-03 >/dev/null || fail "document $doc of $1"; done; }
landlord='"applicant": {"kind": "socialLandlord", "organisation": {"name": "Pas-de-Calais Habitat", "siret": "73282932000074"}}'

# PRL: 10 PLAI asking 80 000 €, twice the PLH's average: granted with a reason, never capped.
cat > "$T/prl.json" <<JSON
{ $landlord, "requestedAmount": 8000000,
  "property": {"address": "Rue de Dunkerque", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765", "dwellings": 10, "adaptedDwellings": 1, "plaiDwellings": 10},
  "facts": {"epciPresentationDate": "2026-01-15"} }
JSON
expect "PRL dossier" 0 a dossiers new --scheme PRL --file "$T/prl.json" --date 2026-03-02 --json
P=$(py "d['number']")
valid_docs "$P"
a dossiers transition "$P" submit --date 2026-03-05 >/dev/null && a dossiers transition "$P" review --date 2026-03-06 >/dev/null || fail "PRL up to review"
expect "show: computed 80 000 €, no cap" 0 a dossiers show "$P" --json
eq "computed amount is the request" "$(py "d['eligibility']['total']")" "8000000"
eq "no maximum from an average" "$(py "d['eligibility'].get('maximum')")" "None"
eq "average target shown" "$(py "d['eligibility']['averageTarget']")" "400000"
expect "grant above the average asks why" 6 a dossiers transition "$P" grant --date 2026-04-02
contains "says an average is not a cap" "n'est pas un plafond"
contains "names the option" "--above-average"
expect "grant 80 000 € with the reason" 0 a dossiers transition "$P" grant --date 2026-04-02 --above-average "Acquisition-amélioration en centre ancien" --json
eq "granted 80 000 €" "$(py "d['granted']")" "8000000"
expect "budget shows the year's average" 0 a budget --year 2026 --date 2026-06-30 --json
eq "PRL average 8 000 € per dwelling" "$(py "[s for s in d['schemes'] if s['code']=='PRL'][0]['average']['average']")" "800000"
eq "above the 4 000 € target" "$(py "[s for s in d['schemes'] if s['code']=='PRL'][0]['average']['aboveTarget']")" "True"

# PLV: the PLH's maximum of 12 500 € per dwelling refuses one cent more.
cat > "$T/plv.json" <<JSON
{ $landlord, "requestedAmount": 2500001,
  "property": {"address": "Place Foch", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765", "dwellings": 2, "adaptedDwellings": 0, "plaiDwellings": 2} }
JSON
expect "PLV dossier" 0 a dossiers new --scheme PLV --file "$T/plv.json" --date 2026-03-02 --json
V=$(py "d['number']")
valid_docs "$V"
a dossiers transition "$V" submit --date 2026-03-05 >/dev/null && a dossiers transition "$V" review --date 2026-03-06 >/dev/null || fail "PLV up to review"
expect "PLV above 12 500 € per dwelling refused" 6 a dossiers transition "$V" grant --amount "25 000,01" --above-average "Centre ancien" --date 2026-04-02
contains "cap named with its source" "PLH, action 2"
expect "PLV at the cap granted" 0 a dossiers transition "$V" grant --amount "25 000" --above-average "Centre ancien" --date 2026-04-02

# ACC: the age of the home is the agent's check, never a block of the product's own figure.
cat > "$T/acc.json" <<'JSON'
{ "applicant": {"kind": "household", "household": {"members": [{"lastName": "Lemaire", "firstName": "Anne", "role": "applicant"}], "size": 1}},
  "property": {"address": "3 rue Carnot", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765", "buildYear": 2015, "dwellings": 1, "adaptedDwellings": 0},
  "facts": {"worksAmount": 500000, "communeCoFunding": 100000, "purchaseDate": "2026-02-01"} }
JSON
expect "ACC dossier of a recent home" 0 a dossiers new --scheme ACC --file "$T/acc.json" --date 2026-03-02 --json
C=$(py "d['number']")
expect "show --json" 0 a dossiers show "$C" --json
eq "not blocked" "$(py "d['eligibility']['eligible']")" "True"
eq "age of the home: the agent's check" "$(py "[(r['state'], r['checkedByAgent']) for r in d['eligibility']['rules'] if r['id']=='builtBefore'][0]")" "('toCheck', True)"
eq "rule names its source" "$(py "[r['source'] for r in d['eligibility']['rules'] if r['id']=='builtBefore'][0]")" "PLH, action 4 ; seuil : valeur par défaut à confirmer"
expect "show text says who checks" 0 a dossiers show "$C"
contains "text names the source" "source : PLH, action 4"
contains "text says the check is the agent's" "À vérifier par l'agent : Ancienneté du bien"
expect "check needs met or not met" 64 a dossiers check "$C" builtBefore
expect "agent finds it not met" 0 a dossiers check "$C" builtBefore --not-met --note "Maison de 2015" --date 2026-03-04
expect "show after the finding" 0 a dossiers show "$C" --json
eq "the agent's finding blocks" "$(py "d['eligibility']['eligible']")" "False"
expect "agent finds it met" 0 a dossiers check "$C" builtBefore --met --note "Dérogation, voir note" --date 2026-03-04
expect "show after the second finding" 0 a dossiers show "$C" --json
eq "eligible again" "$(py "d['eligibility']['eligible']")" "True"
expect "a condition the product checks is not the agent's" 5 a dossiers check "$C" communeCoFunding --met
contains "says it is checked from the dossier" "contrôlée à partir du dossier"

# One ledger: the ADIL subsidy committed and paid by decision, in the operating synthesis.
expect "commit the ADIL subsidy" 0 a budget commit --line adil --amount "16 919" --decision "Délibération n° 2026-031" --decision-date 2026-03-12 --json
E=$(py "d['number']")
eq "commitment number" "$E" "ENG-2026-0001"
eq "beneficiary from the line" "$(py "d['beneficiary']")" "ADIL du Pas-de-Calais"
expect "beyond the envelope asks why" 6 a budget commit --line adil --amount 1 --decision "Délibération n° 2026-032" --decision-date 2026-03-20
contains "overspend explained" "--confirm-overspend"
expect "payment above what remains refused" 5 a budget pay "$E" --amount "16 920" --date 2026-04-10
expect "pay the ADIL subsidy" 0 a budget pay "$E" --amount "16 919" --reference "Mandat 2026-1187" --date 2026-04-10 --json
expect "budget after the ADIL subsidy" 0 a budget --year 2026 --date 2026-06-30 --json
eq "operating synthesis: committed on action 18" "$(py "[l for l in d['plh']['lines'] if l['action']==18][0]['operatingFigures']['committedYear']")" "1691900"
eq "operating synthesis: paid on action 18" "$(py "[l for l in d['plh']['lines'] if l['action']==18][0]['operatingFigures']['paidYear']")" "1691900"
eq "outside the PLH budget, apart" "$(py "d['plh']['operating']['outsideFigures']['committedYear']")" "1691900"
eq "the line's row" "$(py "[l for l in d['lines'] if l['code']=='adil'][0]['remaining']")" "0"
expect "commitments list" 0 a budget commitments --line adil
contains "lists the commitment" "$E"
expect "check counts the commitment" 0 a check --json
eq "one commitment" "$(py "d['counts']['engagements']")" "1"
