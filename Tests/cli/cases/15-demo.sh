# The demo depends only on (date, seed, size, territory): the same options give the same base on
# any day; the clock (GUICHET_TODAY) only supplies the default date.
dump() { sqlite3 "$1" .dump | md5sum | cut -d' ' -f1; }
sameas() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1"; fi; }
expect "demo dated and seeded" 0 "$G" --database "$T/demo-a.sqlite" demo --size 120 --date 2025-06-30 --seed 7
expect "same demo again" 0 "$G" --database "$T/demo-b.sqlite" demo --size 120 --date 2025-06-30 --seed 7
sameas "same options, same base" "$(dump "$T/demo-a.sqlite")" "$(dump "$T/demo-b.sqlite")"
expect "same demo on another day" 0 env GUICHET_TODAY=2029-02-28 "$G" --database "$T/demo-c.sqlite" demo --size 120 --date 2025-06-30 --seed 7
sameas "the clock does not change a dated demo" "$(dump "$T/demo-a.sqlite")" "$(dump "$T/demo-c.sqlite")"
expect "another seed" 0 "$G" --database "$T/demo-d.sqlite" demo --size 120 --date 2025-06-30 --seed 8
if [ "$(dump "$T/demo-a.sqlite")" != "$(dump "$T/demo-d.sqlite")" ]; then ok "another seed, another base"; else fail "another seed, another base"; fi
q() { sqlite3 "$1" "$2"; }
sameas "dossiers up to the demo's year" "$(q "$T/demo-a.sqlite" "SELECT max(year) FROM dossier")" "2025"
sameas "nothing received after the demo's day" "$(q "$T/demo-a.sqlite" "SELECT count(*) FROM dossier WHERE receivedOn > '2025-06-30'")" "0"
sameas "no request after the demo's day" "$(q "$T/demo-a.sqlite" "SELECT count(*) FROM request_data WHERE json_extract(data, '$.requestDate') > '2025-06-30'")" "0"
sameas "history dated on the demo's day" "$(q "$T/demo-a.sqlite" "SELECT DISTINCT substr(at, 1, 10) FROM history")" "2025-06-30"
# Without --date the demo is made on the clock's day.
expect "demo on the clock's day" 0 env GUICHET_TODAY=2027-01-01 "$G" --database "$T/demo-e.sqlite" demo --size 150 --seed 1
sameas "dossiers up to the clock's year" "$(q "$T/demo-e.sqlite" "SELECT max(year) FROM dossier")" "2027"
sameas "none received after the clock's day" "$(q "$T/demo-e.sqlite" "SELECT count(*) FROM dossier WHERE receivedOn > '2027-01-01'")" "0"
expect "bad --date refused" 64 "$G" --database "$T/demo-f.sqlite" demo --date 2025-02-30
contains "bad --date named" "--date"
expect "bad GUICHET_TODAY refused" 64 env GUICHET_TODAY=demain "$G" --database "$T/demo-f.sqlite" demo
contains "bad GUICHET_TODAY named" "GUICHET_TODAY : date invalide « demain »"
