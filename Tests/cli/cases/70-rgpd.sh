# RGPD retention: echeances lists numbers only; purge anonymises closed dossiers (budget unchanged,
# names no longer found) and deletes struck-off requests in one run; a second run does nothing.
RP() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$out"; }
req() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: attendu « $3 », obtenu « $2 »"; fi; }
P="$T/rgpd.sqlite"
FUT=2031-06-01
expect "rgpd: demo --size 300" 0 "$G" --database "$P" demo --size 300 "${DEMO[@]}" --json
expect "rgpd echeances --json" 0 "$G" --database "$P" rgpd echeances --date "$FUT" --json
req "dossiers due counted" "$(RP "d['dossiers']['dueCount'] == len(d['dossiers']['due']) and d['dossiers']['dueSoonCount'] == len(d['dossiers']['dueSoon'])")" "True"
req "requests due counted" "$(RP "d['requests']['dueCount'] == len(d['requests']['due'])")" "True"
req "some dossiers are due in $FUT" "$(RP "d['dossiers']['dueCount'] > 10")" "True"
req "dossier limit is the date minus the retention years" "$(RP "d['dossiers']['before']")" "$((${FUT%%-*} - $(RP "d['dossiers']['retentionYears']")))-${FUT#*-}"
req "due dossiers closed before the limit" "$(RP "all(i['since'] < d['dossiers']['before'] for i in d['dossiers']['due'])")" "True"
req "warned dossiers due within the window" "$(RP "all(d['date'] < i['dueOn'] <= d['warningEnd'] for i in d['dossiers']['dueSoon'])")" "True"
DUE_D=$(RP "d['dossiers']['dueCount']"); DUE_R=$(RP "d['requests']['dueCount']")
DUE_KEYS=$(RP "' '.join(i['key'] for i in d['dossiers']['due'])")
SCHEDULE="$out"
# A due dossier of a natural person (household or private owner schemes) and its applicant's name.
TARGET=$(RP "next(i['key'] for i in d['dossiers']['due'] if i['key'].split('-')[1] in ('ACC','ARC','PSV','BSE','PSS','PIG'))")
expect "rgpd: list the target" 0 "$G" --database "$P" dossiers list --search "$TARGET" --json
NAME=$(RP "d['dossiers'][0]['applicant']")
if grep -qF -- "$NAME" <<<"$SCHEDULE"; then fail "echeances names nobody" "$NAME"; else ok "echeances names nobody"; fi
expect "rgpd: search the name before" 0 "$G" --database "$P" dossiers list --search "$NAME" --json --limit 0
KEPT=$(RP "' '.join(sorted(x['number'] for x in d['dossiers'] if x['number'] not in '$DUE_KEYS'.split()))")
req "the name finds the target before" "$(RP "'$TARGET' in [x['number'] for x in d['dossiers']]")" "True"
expect "rgpd: budget before" 0 "$G" --database "$P" budget --year 2026 --json
BUDGET_BEFORE="$out"
expect "rgpd: all budget figures before" 0 "$G" --database "$P" dossiers list --json --limit 0
TOTALS_BEFORE=$(RP "(sum(x['granted'] for x in d['dossiers']), sum(x['paid'] for x in d['dossiers']), d['total'])")

expect "rgpd purge --dry-run --json" 0 "$G" --database "$P" rgpd purge --date "$FUT" --dry-run --json
req "dry run counts the due dossiers" "$(RP "d['anonymisedDossiers']")" "$DUE_D"
req "dry run counts the due requests" "$(RP "d['purgedRequests']")" "$DUE_R"
expect "rgpd: name still found after a dry run" 0 "$G" --database "$P" dossiers list --search "$TARGET" --json
req "dry run changed nothing" "$(RP "d['dossiers'][0]['applicant']")" "$NAME"

expect "rgpd purge --json" 0 "$G" --database "$P" rgpd purge --date "$FUT" --json
req "purge anonymised the due dossiers" "$(RP "d['anonymisedDossiers']")" "$DUE_D"
req "purge deleted the due requests" "$(RP "d['purgedRequests']")" "$DUE_R"
req "purge wiped the old copies (journal)" "$(RP "d['oldCopiesErased']")" "True"
if grep -aqF -- "$NAME" "$P" "$P-wal" 2>/dev/null && [ -z "$KEPT" ]; then fail "the name lingers in the file"; else ok "the name is gone from the file unless a kept dossier has it"; fi
expect "rgpd: search the name after" 0 "$G" --database "$P" dossiers list --search "$NAME" --json --limit 0
req "the name finds only dossiers not due" "$(RP "' '.join(sorted(x['number'] for x in d['dossiers']))")" "$KEPT"
expect "rgpd: the target is anonymised" 0 "$G" --database "$P" dossiers show "$TARGET"
contains "shown as anonymised" "Anonymisé (RGPD)"
if grep -qF -- "$NAME" <<<"$out"; then fail "show no longer names the applicant" "$out"; else ok "show no longer names the applicant"; fi
expect "rgpd: budget after" 0 "$G" --database "$P" budget --year 2026 --json
req "budget unchanged by the anonymisation" "$out" "$BUDGET_BEFORE"
expect "rgpd: all budget figures after" 0 "$G" --database "$P" dossiers list --json --limit 0
req "granted, paid and count unchanged" "$(RP "(sum(x['granted'] for x in d['dossiers']), sum(x['paid'] for x in d['dossiers']), d['total'])")" "$TOTALS_BEFORE"
expect "rgpd: check after purge" 0 "$G" --database "$P" check --json
contains "check ok after purge" '"ok" : true'

expect "rgpd purge again" 0 "$G" --database "$P" rgpd purge --date "$FUT" --json
req "second purge does nothing" "$(RP "(d['anonymisedDossiers'], d['purgedRequests'])")" "(0, 0)"
expect "rgpd echeances after purge" 0 "$G" --database "$P" rgpd echeances --date "$FUT" --json
req "nothing due any more" "$(RP "(d['dossiers']['dueCount'], d['requests']['dueCount'])")" "(0, 0)"
expect "rgpd echeances text" 0 "$G" --database "$P" rgpd echeances --date "$FUT"
contains "text says what is due" "dossier(s) clos à anonymiser maintenant"
expect "rgpd purge text" 0 "$G" --database "$P" rgpd purge --date "$FUT"
contains "text purge says none" "0 dossier(s) clos avant le 01/06/2026 ont été anonymisé(s)"
expect "rgpd purge: bad date refused" 64 "$G" --database "$P" rgpd purge --date 2031-13-01
contains "bad date names the option" "--date"
