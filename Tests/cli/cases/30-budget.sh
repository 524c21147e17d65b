# The PLH budget: synthesis totals reproduced from the lines; demo data consistent and checked.
B="$T/budget.sqlite"
expect "budget: init capso" 0 "$G" --database "$B" init --territory capso
expect "budget --json on an empty base" 0 "$G" --database "$B" budget --year 2026 --json
py() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$out"; }
eq() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: attendu « $3 », obtenu « $2 »"; fi; }
eq "investment total from the lines" "$(py "sum(l.get('investment', 0) for l in d['plh']['lines'] if not l['investmentOutsideBudget'])")" "$(py "d['plh']['investment']['inside']")"
eq "investment total is the brief's 14 285 000 €" "$(py "d['plh']['investment']['inside']")" "1428500000"
eq "yearly investment 2 380 833 €" "$(py "d['plh']['investment']['insidePerYear']")" "238083300"
eq "operating total from the lines" "$(py "sum(l.get('operating', 0) for l in d['plh']['lines'] if not l['operatingOutsideBudget'])")" "131600000"
eq "yearly operating 219 333 €" "$(py "d['plh']['operating']['insidePerYear']")" "21933300"
eq "outside-budget lines apart" "$(py "d['plh']['investment']['outside']")" "180000000"
eq "nothing committed yet" "$(py "d['total']['committed']")" "0"
expect "budget table" 0 "$G" --database "$B" budget --year 2026
contains "table shows the PLH total" "14$(printf '\xe2\x80\xaf')285$(printf '\xe2\x80\xaf')000"

M="$T/demo.sqlite"
expect "demo --size 300" 0 "$G" --database "$M" demo --size 300 "${DEMO[@]}" --json
eq "300 dossiers generated" "$(py "d['counts']['dossiers']")" "300"
expect "check --json after demo" 0 "$G" --database "$M" check --json
contains "demo check ok" '"ok" : true'
eq "check counts the dossiers" "$(py "d['counts']['dossiers']")" "300"
expect "list --json on demo" 0 "$G" --database "$M" dossiers list --json --limit 0
eq "list total" "$(py "d['total']")" "300"
PAID=$(py "sum(x['paid'] for x in d['dossiers'])")
expect "budget --json on demo" 0 "$G" --database "$M" budget --year 2026 --date 2026-06-30 --json
eq "actions sum to schemes and other lines (committed)" "$(py "sum(l['committed'] for l in d['actions'])")" "$(py "sum(l['committed'] for l in d['schemes']) + sum(l['committed'] for l in d['lines'])")"
eq "demo commits on the other PLH lines" "$(py "sum(l['committed'] for l in d['lines']) > 0")" "True"
expect "commitments --json on demo" 0 "$G" --database "$M" budget commitments --json
PAIDL=$(py "sum(sum(p['amount'] for p in c['payments']) for c in d if 2023 <= int(c['number'][4:8]) <= 2028)")
expect "budget --json on demo (again)" 0 "$G" --database "$M" budget --year 2026 --json
eq "PLH period paid equals every payment of the dossiers and of the other lines" "$(py "d['plh']['paidPeriod']")" "$((PAID + PAIDL))"
eq "year elapsed share is given" "$(py "0 < d['yearElapsedBp'] <= 10000")" "True"
