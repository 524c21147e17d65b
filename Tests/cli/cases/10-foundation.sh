# Foundation: init, check, refusal of foreign files, version, help.
expect "version" 0 "$G" --version
contains "version names the product" "Guichet Habitat"
expect "init capso" 0 "$G" --database "$T/capso.sqlite" init --territory capso
contains "init says the territory" "Pays de Saint-Omer"
expect "mode 0600" 0 stat -c %a "$T/capso.sqlite"
contains "mode is 600" "600"
expect "check --json" 0 "$G" --database "$T/capso.sqlite" check --json
contains "check ok" '"ok" : true'
expect "database option after the subcommand" 0 "$G" check --database "$T/capso.sqlite"
expect "init twice refused" 2 "$G" --database "$T/capso.sqlite" init --territory capso
contains "init twice says why" "déjà initialisée"
expect "unknown territory" 3 "$G" --database "$T/none.sqlite" init --territory atlantide
contains "unknown territory lists the known ones" "capso"
printf 'nom;montant\n' > "$T/foreign.csv"
expect "foreign file refused" 2 "$G" --database "$T/foreign.csv" check
contains "foreign file left intact" "laissé intact"
expect "foreign file unchanged" 0 cat "$T/foreign.csv"
contains "foreign file content kept" "nom;montant"
expect "missing database" 2 "$G" --database "$T/absent.sqlite" check
contains "missing database explains how to create one" "init --territory"
expect "territory profiles valid" 0 "$G" territoires
