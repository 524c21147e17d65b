# Reports, dossier letters and RGPD export on a demo database.
R="$T/reports.sqlite"
expect "demo for reports" 0 "$G" --database "$R" demo --size 200 "${DEMO[@]}"
# Without demo dossiers (a branch where demo creates none), three known ones are added.
if [ "$(sqlite3 "$R" 'SELECT COUNT(*) FROM dossier')" = 0 ]; then sqlite3 "$R" < Tests/cli/fixtures/report-dossiers.sql; fi
# A paid dossier whose applicant is a natural person (a household, not anonymised): the RGPD
# export by name below concerns persons only, and an organisation keeps its name when anonymised.
paid=$(sqlite3 "$R" "SELECT d.key FROM dossier d JOIN dossier_data x ON x.ref = d.key
  WHERE d.status = 'verse' AND json_extract(x.data, '$.applicant.household') IS NOT NULL
    AND json_extract(x.data, '$.applicant.organisation') IS NULL
    AND coalesce(json_extract(x.data, '$.applicant.anonymised'), 0) = 0
  ORDER BY d.key LIMIT 1")
[ -n "$paid" ] && ok "demo holds a paid dossier of a person" || fail "demo holds a paid dossier of a person"
draft=$(sqlite3 "$R" "SELECT key FROM dossier WHERE status = 'brouillon' ORDER BY key LIMIT 1")
count=$(sqlite3 "$R" "SELECT COUNT(*) FROM dossier")
# Text as typed: no-break spaces and the typographic apostrophe of the PDFs read as spaces and '.
pdftext() { pdftotext -layout "$1" - | sed "s/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g; s/\xe2\x80\x99/'/g"; }

expect "bilan-plh pdf" 0 "$G" --database "$R" report bilan-plh --output "$T/bilan.pdf"
contains "bilan-plh says where it wrote" "Rapport écrit"
out=$(pdftext "$T/bilan.pdf")
contains "bilan-plh investment total" "14 285 000,00 €"
contains "bilan-plh yearly investment" "2 380 833,00 €"
contains "bilan-plh operating total" "1 316 000,00 €"
contains "bilan-plh yearly operating" "219 333,00 €"
contains "bilan-plh page numbers" "page 1 / "
expect "bilan-plh ods for a year" 0 "$G" --database "$R" report bilan-plh --year 2024 --format ods --output "$T/bilan-2024.ods"
expect "bilan ods is a spreadsheet" 0 unzip -l "$T/bilan-2024.ods"
contains "bilan ods has content.xml" "content.xml"
expect "bilan-plh csv: one file per table" 0 "$G" --database "$R" report bilan-plh --format csv --output "$T/bilan.csv"
contains "bilan csv names the synthesis file" "bilan-synthese-budgetaire-du-plh-par-action.csv"

expect "dossiers csv" 0 "$G" --database "$R" report dossiers --format csv --output "$T/dossiers.csv"
out=$(cat "$T/dossiers.csv")
contains "dossiers csv header" "N° de dossier;Demandeur;Commune;Dispositif;État"
contains "dossiers csv holds a paid dossier" "$paid;"
expect "dossiers csv filtered by status" 0 "$G" --database "$R" report dossiers --status verse --format csv --output "$T/verses.csv"
out=$(tail -n +2 "$T/verses.csv" | grep -vc ';Versé;')
contains "only paid dossiers when filtered" "0"
expect "dossiers pdf" 0 "$G" --database "$R" report dossiers --output "$T/dossiers.pdf"
out=$(pdftext "$T/dossiers.pdf")
contains "dossiers pdf lists the paid dossier" "$paid"
contains "dossiers pdf says the count" "$count dossiers"
contains "dossiers pdf ends with its total" "Total"
name=$(sqlite3 "$R" "SELECT applicant FROM dossier WHERE key = '$paid'")
expect "anonymised dossiers csv" 0 "$G" --database "$R" report dossiers --anonymised --format csv --output "$T/anonyme.csv"
if grep -qF "$name" "$T/anonyme.csv"; then fail "anonymised export holds no name" "$name"; else ok "anonymised export holds no name"; fi
out=$(cat "$T/anonyme.csv"); contains "anonymised export keeps the dossier" "$paid"
expect "unknown status refused" 64 "$G" --database "$R" report dossiers --status bidon --output "$T/x.csv"
contains "unknown status named" "état inconnu « bidon »"
expect "unknown format refused" 64 "$G" --database "$R" report bilan-plh --format docx --output "$T/x.docx"
contains "unknown format in French" "format inconnu"
expect "missing folder refused" 7 "$G" --database "$R" report bilan-plh --output "$T/absent/bilan.pdf"
contains "missing folder named" "n'existe pas"
expect "unknown report refused" 64 "$G" --database "$R" report bilan --output "$T/x.pdf"

# The brief's table ships in data/demo: a clean clone runs these cases too.
fixture=""
for d in data/demo ../shared/domain/fixtures; do
  [ -f "$d/programmes-construction-2020-2023.csv" ] && { fixture="$d/programmes-construction-2020-2023.csv"; break; }
done
if [ -n "$fixture" ]; then
  expect "programmes csv" 0 "$G" --database "$R" report programmes --construction "$fixture" --format csv --output "$T/prog.csv"
  out=$(cat "$T/prog-production-financee-par-annee-et-par-produit.csv")
  contains "programmes total row" "Total;43;735;398;n.c.;97;1230"
  expect "programmes pdf" 0 "$G" --database "$R" report programmes --construction "$fixture" --output "$T/prog.pdf"
fi
# From the database: what demo stored (none on a branch without programme storage: then a French refusal).
if [ "$(sqlite3 "$R" "SELECT COUNT(*) FROM sqlite_master WHERE name = 'construction_programme'")" != 0 ] && \
   [ "$(sqlite3 "$R" 'SELECT COUNT(*) FROM construction_programme')" != 0 ]; then
  stored=$(sqlite3 "$R" 'SELECT COUNT(*) FROM construction_programme')
  expect "programmes from the database" 0 "$G" --database "$R" report programmes --format csv --output "$T/prog-db.csv"
  out=$(cat "$T/prog-db-production-financee-par-annee-et-par-produit.csv")
  contains "stored programmes all counted" "Total;$stored;"
  expect "conventions from the database" 0 "$G" --database "$R" report conventions --output "$T/conv-db.ods" --format ods
  expect "requests from the database" 0 "$G" --database "$R" report requests --anonymised --format csv --output "$T/req-db.csv"
  out=$(head -1 "$T/req-db.csv"); contains "stored requests ranked" "Rang;Mois de la demande;Points"
fi
expect "conventions pdf" 0 "$G" --database "$R" report conventions --results data/territories/cabbalr/cia-results-2020-2023.json --year 2023 --output "$T/conv.pdf"
out=$(pdftext "$T/conv.pdf")
contains "conventions mark missed targets" "NON ATTEINT"
cat > "$T/demandes.json" <<'JSON'
[{"id": "DLS-2026-000001", "sneNumber": "06211230000042", "requestDate": "2025-02-03",
  "members": [{"role": "requester", "birthDate": "1958-04-12"}], "annualResources": 1200000,
  "wishedCommunes": ["Béthune"], "wishedTypologies": ["T2"], "criteria": [], "calProposals": [], "priorityCategories": []},
 {"id": "DLS-2026-000002", "requestDate": "2024-06-30",
  "members": [{"role": "requester", "birthDate": "1990-01-20"}, {"role": "child", "birthDate": "2019-05-05"}], "annualResources": 1800000,
  "wishedCommunes": ["62119"], "wishedTypologies": ["T3"], "criteria": [], "calProposals": [], "priorityCategories": []}]
JSON
expect "requests ranking csv" 0 "$G" --database "$R" report requests --requests "$T/demandes.json" --format csv --output "$T/demandes.csv"
out=$(cat "$T/demandes.csv"); contains "requests ranking lists the request" "DLS-2026-000001"
expect "anonymised requests" 0 "$G" --database "$R" report requests --requests "$T/demandes.json" --anonymised --format csv --output "$T/demandes-anon.csv"
out=$(cat "$T/demandes-anon.csv")
if grep -qE "DLS-2026|06211230000042|12/04/1958" "$T/demandes-anon.csv"; then fail "anonymised requests hold no identifier"; else ok "anonymised requests hold no identifier"; fi
contains "anonymised requests give an age band" "60 à 74 ans"

# Letters, as the person receiving them reads them (pdftotext). An agent of the demo's service
# produces them: letters name her, never her login.
L=(env GUICHET_AGENT=agent.accueil "$G" --database "$R")
window() { pdftotext -f 1 -l 1 -x 300 -y 135 -W 260 -H 110 "$1" - | sed "s/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g; s/\xe2\x80\x99/'/g"; }
expect "no receipt for a brouillon" 6 "${L[@]}" document accuse-reception "$draft" --output "$T/x.pdf"
contains "a brouillon's refusal says why" "brouillon"
submitted=$(sqlite3 "$R" "SELECT d.key FROM dossier d JOIN dossier_data x ON x.ref = d.key
  WHERE d.status = 'depose' AND json_extract(x.data, '$.applicant.household') IS NOT NULL ORDER BY d.key LIMIT 1")
received=$(sqlite3 "$R" "SELECT json_extract(data, '$.receivedOn') FROM dossier_data WHERE ref = '$submitted'")
expect "receipt of a submitted dossier" 0 "${L[@]}" document accuse-reception "$submitted" --date 2026-07-15 --output "$T/ar.pdf"
contains "the receipt is recorded" "courrier n° 1"
out=$(pdftext "$T/ar.pdf" | tr -s ' \n' '  ')
contains "receipt names the dossier" "$submitted"
words=$(python3 -c "m = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
y, mo, d = map(int, '$received'.split('-')); print(('1er' if d == 1 else str(d)) + ' ' + m[mo - 1] + ' ' + str(y))")
contains "receipt states the day the request was received" "Nous avons reçu le $words"
contains "receipt states when silence becomes a refusal" "réputée rejetée le"
contains "receipt states what silence means" "le silence gardé pendant deux mois vaut décision implicite de rejet"
contains "receipt gives the service's contact" "téléphone 03 53 01 00 00, courriel maison.habitat@agglo-demo.example"
contains "receipt names the officer" "Affaire suivie par : Claire Lemaire"
contains "receipt gives the means of appeal" "Voies et délais de recours"
if grep -q "agent.accueil" <<<"$out"; then fail "no login in a letter"; else ok "no login in a letter"; fi
# A piece found not in order: its internal note never reaches the letter.
rib=$(sqlite3 "$R" "SELECT json_extract(value, '$.id') FROM dossier_data, json_each(json_extract(data, '$.documents')) WHERE ref = '$submitted' LIMIT 1")
expect "a piece found not in order" 0 "${L[@]}" dossiers document "$submitted" "$rib" --status invalid --comment "Document illisible, à redemander." --date 2026-07-15
expect "receipt with a missing piece" 0 "${L[@]}" document accuse-reception "$submitted" --date 2026-07-15 --output "$T/ar2.pdf"
out=$(pdftext "$T/ar2.pdf" | tr -s ' \n' '  ')
contains "receipt lists the missing piece with its deadline" "au plus tard le 14 août 2026"
contains "receipt says the delay waits for the pieces" "est suspendu jusqu'à la réception de ces pièces"
if grep -qE "illisible|redemander" <<<"$out"; then fail "no internal note in a letter" "$out"; else ok "no internal note in a letter"; fi
expect "letters of the dossier" 0 "${L[@]}" document list "$submitted"
contains "letters listed with their agent" "agent.accueil"
expect "reprint of the first receipt" 0 "${L[@]}" document reprint "$submitted" 1 --output "$T/ar1.pdf"
if [ "$(pdftext "$T/ar1.pdf")" = "$(pdftext "$T/ar.pdf")" ]; then ok "a reprint is identical"; else fail "a reprint is identical"; fi
expect "unknown letter number" 4 "${L[@]}" document reprint "$submitted" 9 --output "$T/x.pdf"
# The notification goes to the applicant's address, not to the vacant home.
vacant=$(sqlite3 "$R" "SELECT d.key FROM dossier d JOIN dossier_data x ON x.ref = d.key
  WHERE d.scheme = 'PSV' AND d.status IN ('accorde', 'verse', 'solde') ORDER BY d.key LIMIT 1")
street=$(sqlite3 "$R" "SELECT json_extract(data, '$.property.address') FROM dossier_data WHERE ref = '$vacant'")
home=$(sqlite3 "$R" "SELECT json_extract(data, '$.applicant.postalAddress.street') FROM dossier_data WHERE ref = '$vacant'")
expect "notification of a vacancy bonus" 0 "${L[@]}" document notification "$vacant" --date 2026-07-15 --output "$T/notif-psv.pdf"
out=$(window "$T/notif-psv.pdf")
contains "the notification goes to the owner's own address" "$home"
if grep -qF "$street" <<<"$out"; then fail "not to the vacant home" "$out"; else ok "not to the vacant home"; fi
expect "notification" 0 "${L[@]}" document notification "$paid" --date 2026-07-15 --output "$T/notif.pdf"
out=$(pdftext "$T/notif.pdf" | tr -s ' \n' '  ')
contains "notification names the dossier" "$paid"
contains "notification states the amount" "Subvention attribuée"
contains "notification cites the deliberation" "délibération n° 2023-045"
expect "payment order" 0 "${L[@]}" document ordre-paiement "$paid" --date 2026-07-15 --output "$T/op.pdf"
out=$(pdftext "$T/op.pdf" | tr -s ' \n' '  '); contains "payment order states what remains" "Reste à verser"
contains "payment order gives the IBAN" "IBAN : FR76"
contains "payment order gives the commitment" "Engagement n° :"
contains "payment order gives the imputation" "chapitre 204"
if grep -q "agent.accueil" <<<"$out"; then fail "no login in the payment order"; else ok "no login in the payment order"; fi
expect "no notification for a draft" 6 "${L[@]}" document notification "$draft" --output "$T/x.pdf"
contains "refusal in French" "aucune aide accordée"
expect "unknown letter" 64 "$G" --database "$R" document lettre "$paid" --output "$T/x.pdf"
expect "unknown dossier" 4 "$G" --database "$R" document notification 2020-ACC-9999 --output "$T/x.pdf"
contains "unknown dossier named" "2020-ACC-9999"

expect "rgpd export json" 0 "$G" --database "$R" rgpd export --applicant "$name" --output "$T/rgpd.json"
out=$(cat "$T/rgpd.json"); contains "rgpd json holds the dossier" "\"$paid\""
expect "rgpd export pdf by dossier" 0 "$G" --database "$R" rgpd export --dossier "$paid" --output "$T/rgpd.pdf"
out=$(pdftext "$T/rgpd.pdf"); contains "rgpd pdf holds the history" "Historique du dossier"
expect "rgpd needs one target" 64 "$G" --database "$R" rgpd export --output "$T/rgpd.json"
expect "rgpd refuses other formats" 64 "$G" --database "$R" rgpd export --dossier "$paid" --output "$T/rgpd.txt"
