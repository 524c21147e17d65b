# Aid dossiers: the whole lifecycle scripted on a CAPSO database, budget figures following it.
D="$T/dossiers.sqlite"
g() { "$G" --database "$D" "$@"; }
# py EXPR: evaluates EXPR on the JSON in $out (bound to d)
py() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$out"; }
budget() { out=$(g budget --year 2026 --date 2026-06-30 --json 2>&1); py "[l for l in d['schemes'] if l['code']=='$1'][0]['$2']"; }
eq() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: attendu « $3 », obtenu « $2 »"; fi; }

expect "dossiers: init capso" 0 g init --territory capso
cat > "$T/acc.json" <<'JSON'
{ "applicant": {"kind": "household", "household": {"members": [{"lastName": "Delattre", "firstName": "Céline", "role": "applicant"}],
                "size": 2, "yearlyIncome": 2800000}},
  "property": {"address": "12 rue Carnot", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765",
               "buildYear": 1965, "dwellings": 1, "adaptedDwellings": 0},
  "facts": {"worksAmount": 1800000, "communeCoFunding": 150000, "purchaseDate": "2026-02-01"} }
JSON
expect "new dossier from JSON" 0 g dossiers new --scheme ACC --file "$T/acc.json" --date 2026-03-02 --json
N=$(py "d['number']")
eq "number allocated by year and scheme" "$N" "2026-ACC-0001"
eq "new dossier is a draft" "$(py "d['status']")" "brouillon"

/usr/bin/python3 -c "import json; d=json.load(open('$T/acc.json')); del d['property']['commune']; json.dump(d, open('$T/bad1.json','w'))"
expect "missing key refused" 5 g dossiers new --scheme ACC --file "$T/bad1.json"
contains "missing key named by its path" "property.commune"
/usr/bin/python3 -c "import json; d=json.load(open('$T/acc.json')); d['property']['postcode']='6250'; d['applicant']['household']['members'][0]['lastName']=''; json.dump(d, open('$T/bad2.json','w'))"
expect "invalid values refused" 5 g dossiers new --scheme ACC --file "$T/bad2.json"
contains "postcode named" "property.postcode"
contains "member name named" "applicant.household.members[0].lastName"
expect "unknown scheme refused" 64 g dossiers new --scheme XYZ --file "$T/acc.json"
contains "unknown scheme names the option" "--scheme"

expect "submit refused while documents are missing" 6 g dossiers transition "$N" submit
contains "missing documents named" "Pièce d'identité du demandeur (manquante)"
expect "show --json" 0 g dossiers show "$N" --json
DOCS=$(py "' '.join(x['id'] for x in d['documents'] if x['mandatory'])")
eq "eligible before grant" "$(py "d['eligibility']['eligible']")" "True"
eq "co-funding apart from the EPCI's total" "$(py "(d['eligibility']['total'], d['eligibility']['coFundingTotal'])")" "(400000, 150000)"
expect "unknown document refused" 5 g dossiers document "$N" passeport --status valid
contains "unknown document named" "passeport"
for doc in $DOCS; do g dossiers document "$N" "$doc" --status valid --date 2026-03-03 >/dev/null || fail "document $doc"; done
expect "submit once documents are valid" 0 g dossiers transition "$N" submit --date 2026-03-05
contains "submitted" "Déposé"
expect "review" 0 g dossiers transition "$N" review --date 2026-03-10

C0=$(budget ACC committed); P0=$(budget ACC paid)
expect "grant (computed amount)" 0 g dossiers transition "$N" grant --date 2026-04-02 --json
eq "granted amount in cents" "$(py "d['granted']")" "400000"
C1=$(budget ACC committed)
eq "budget: grant committed" "$C1" "$((C0 + 400000))"
expect "first instalment" 0 g dossiers pay "$N" --amount "1 500,00" --date 2026-05-02 --json
eq "partially paid" "$(py "d['status']")" "verse"
eq "budget: first payment" "$(budget ACC paid)" "$((P0 + 150000))"
expect "payment above the remainder refused" 6 g dossiers pay "$N" --amount "3 000" --date 2026-05-03
contains "says what remains" "reste à verser"
expect "second instalment closes the dossier" 0 g dossiers pay "$N" --amount "2 500,00" --date 2026-06-02 --json
eq "settled" "$(py "d['status']")" "solde"
eq "budget: both payments" "$(budget ACC paid)" "$((P0 + 400000))"
eq "budget: committed unchanged by payments" "$(budget ACC committed)" "$C1"
expect "illegal transition refused" 6 g dossiers transition "$N" review
contains "illegal transition explained" "impossible"
expect "bad amount refused" 64 g dossiers pay "$N" --amount "douze"
contains "bad amount names the option" "--amount"
expect "sale before the end of the clause" 0 g dossiers sale "$N" --date 2027-02-01 --json
# ACC: « interdiction de vente sur 6 ans » from the purchase (2026-02-01); a sale in year 1 repays the
# whole aid paid (the profile's repayment rule is "full" until the service decides pro rata).
eq "clause ends 6 years after the purchase" "$(py "d['antiSpeculationEnd']")" "2032-02-01"
eq "repayment due in full" "$(py "d['repaymentDue']")" "400000"
expect "show has timeline and history" 0 g dossiers show "$N" --json
eq "timeline length" "$(py "len(d['dossier']['timeline'])")" "7"
eq "history lines recorded" "$(py "len(d['history']) >= 8")" "True"
expect "show in French" 0 g dossiers show "$N"
contains "history names fields as agents read them" "État : Déposé → En instruction"

# Cancel releases what was not paid.
expect "second dossier" 0 g dossiers new --scheme ACC --file "$T/acc.json" --date 2026-03-02 --json
N2=$(py "d['number']")
eq "next number" "$N2" "2026-ACC-0002"
for doc in $DOCS; do g dossiers document "$N2" "$doc" --status received >/dev/null || fail "document $doc"; done
g dossiers transition "$N2" submit --date 2026-03-05 >/dev/null && g dossiers transition "$N2" review --date 2026-03-06 >/dev/null \
  || fail "second dossier submitted with documents received"
expect "grant refused while a mandatory document is only received" 6 g dossiers transition "$N2" grant --amount 4000 --date 2026-04-02
contains "grant names the documents to check" "(reçue, non vérifiée)"
for doc in $DOCS; do g dossiers document "$N2" "$doc" --status valid >/dev/null || fail "document $doc"; done
g dossiers transition "$N2" grant --amount 4000 --date 2026-04-02 >/dev/null && g dossiers pay "$N2" --amount 1000 --date 2026-05-01 >/dev/null \
  || fail "second dossier up to a payment"
eq "budget: second grant committed" "$(budget ACC committed)" "$((C1 + 400000))"
expect "cancel needs a reason" 64 g dossiers transition "$N2" cancel
expect "cancel" 0 g dossiers transition "$N2" cancel --reason "Renoncement du bénéficiaire" --date 2026-06-01 --json
eq "cancelled" "$(py "d['status']")" "annule"
eq "budget: cancel releases the unpaid part" "$(budget ACC committed)" "$((C1 + 100000))"

# Overspend: LHI envelope 70 000 €, cap 70 000 € per dossier.
cat > "$T/lhi.json" <<'JSON'
{ "applicant": {"kind": "privateOwner", "household": {"members": [{"lastName": "Vasseur", "firstName": "Alain", "role": "applicant"}], "size": 1}},
  "property": {"address": "3 rue de Calais", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765", "dwellings": 1, "adaptedDwellings": 0},
  "requestedAmount": 6000000 }
JSON
lhi() { g dossiers new --scheme LHI --file "$T/lhi.json" --date 2026-03-01 --json > "$T/lhi.out" || fail "new LHI"
  local n; n=$(/usr/bin/python3 -c "import json; print(json.load(open('$T/lhi.out'))['number'])")
  for doc in identite arrete devis rib; do g dossiers document "$n" "$doc" --status valid >/dev/null || fail "LHI document $doc"; done
  g dossiers transition "$n" submit --date 2026-03-02 >/dev/null && g dossiers transition "$n" review --date 2026-03-03 >/dev/null || fail "LHI submit/review"
  echo "$n"; }
L1=$(lhi); L2=$(lhi)
expect "first LHI grant within the envelope" 0 g dossiers transition "$L1" grant --date 2026-04-01
expect "overspend refused without confirmation" 6 g dossiers transition "$L2" grant --amount "20 000" --reason "Travaux d'urgence seulement" --date 2026-04-02
contains "overspend warning" "dépassement de 10"
contains "overspend says how to confirm" "--confirm-overspend"
expect "overspend confirmed" 0 g dossiers transition "$L2" grant --amount "20 000" --reason "Travaux d'urgence seulement" --confirm-overspend "Arrêté de péril" --date 2026-04-02
out=$(g budget --year 2026 --date 2026-06-30 --json)
eq "LHI envelope overspent" "$(py "[l for l in d['schemes'] if l['code']=='LHI'][0]['overspent']")" "True"
expect "settle pays what remains" 0 g dossiers settle "$L1" --date 2026-05-01 --json
eq "settled by « Solder »" "$(py "(d['status'], d['remaining'], d['paid'] == d['granted'])")" "('solde', 0, True)"
expect "nothing left to settle" 6 g dossiers settle "$L1" --date 2026-05-02

expect "list --json" 0 g dossiers list --json --limit 0
eq "list --json parses, counts" "$(py "(d['total'], len(d['dossiers']))")" "(4, 4)"
expect "list filtered by status" 0 g dossiers list --status solde --json
eq "two settled dossiers" "$(py "[x['number'] for x in d['dossiers']]")" "['$N', '$L1']"
expect "list search without accents" 0 g dossiers list --search "celine" --json
eq "search finds both ACC dossiers" "$(py "d['total']")" "2"
expect "list table" 0 g dossiers list --sort granted --desc
contains "table shows French money" "60$(printf '\xe2\x80\xaf')000,00"
expect "unknown status refused" 64 g dossiers list --status payé
contains "unknown status names the option" "--status"
expect "check after the lifecycle" 0 g check --json
contains "check ok" '"ok" : true'
