# Two agents grant on the same envelope at the same moment, from two processes: the envelope is
# checked and the grant written in one write transaction, so the second one sees the first and is
# refused (or must confirm an overspend); both never pass silently. Three rounds on fresh bases.
cat > "$T/lhi-race.json" <<'JSON'
{ "applicant": {"kind": "privateOwner", "household": {"members": [{"lastName": "Caron", "firstName": "Luc", "role": "applicant"}], "size": 1}},
  "property": {"address": "8 rue de Dunkerque", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765", "dwellings": 1, "adaptedDwellings": 0},
  "requestedAmount": 6000000 }
JSON
race_dossier() { # DB: a LHI dossier of 60 000 € under review, its number on stdout
  local n; n=$("$G" --database "$1" dossiers new --scheme LHI --file "$T/lhi-race.json" --date 2026-03-01 --json \
    | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['number'])")
  for doc in identite arrete devis rib; do "$G" --database "$1" dossiers document "$n" "$doc" --status valid >/dev/null; done
  "$G" --database "$1" dossiers transition "$n" submit --date 2026-03-02 >/dev/null
  "$G" --database "$1" dossiers transition "$n" review --date 2026-03-03 >/dev/null
  echo "$n"; }
for round in 1 2 3; do
  RD="$T/race-$round.sqlite"
  "$G" --database "$RD" init --territory capso >/dev/null || fail "race $round: init"
  A=$(race_dossier "$RD"); B=$(race_dossier "$RD")
  # LHI: 70 000 € a year; each grant is 60 000 €, so only one fits.
  "$G" --database "$RD" dossiers transition "$A" grant --date 2026-04-01 >"$T/race-a.out" 2>&1 & pa=$!
  "$G" --database "$RD" dossiers transition "$B" grant --date 2026-04-01 >"$T/race-b.out" 2>&1 & pb=$!
  wait $pa; ra=$?; wait $pb; rb=$?
  codes=$(printf '%s\n' "$ra" "$rb" | sort | tr '\n' ' ')
  if [ "$codes" = "0 6 " ]; then ok "race $round: one grant passes, the other is refused"
  else fail "race $round: exit codes $ra and $rb (attendu 0 et 6)" "$(cat "$T/race-a.out" "$T/race-b.out")"; fi
  out=$(cat "$T/race-a.out" "$T/race-b.out")
  contains "race $round: the refused one is told of the overspend" "dépassement de 50"
  out=$("$G" --database "$RD" budget --year 2026 --date 2026-06-30 --json 2>&1)
  committed=$(/usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print([l for l in d['schemes'] if l['code']=='LHI'][0]['committed'])" <<<"$out")
  eq "race $round: only one grant committed" "$committed" "6000000"
done
