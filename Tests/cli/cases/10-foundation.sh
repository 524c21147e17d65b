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
# GUICHET_DATA_DIR names the data folder or its territories folder, either works.
expect "GUICHET_DATA_DIR on the data folder" 0 env GUICHET_DATA_DIR="$PWD/data" "$G" territoires
contains "profiles listed from the data folder" "capso"
expect "GUICHET_DATA_DIR on the territories folder" 0 env GUICHET_DATA_DIR="$PWD/data/territories" "$G" territoires
contains "profiles listed from the territories folder" "capso"
expect "init through the territories folder" 0 env GUICHET_DATA_DIR="$PWD/data/territories" "$G" --database "$T/via-territories.sqlite" init --territory capso
# No profile found: every command says where it looked and fails.
mkdir -p "$T/empty-data"
expect "no profile: territoires fails" 3 env GUICHET_DATA_DIR="$T/empty-data" "$G" territoires
contains "no profile: territoires says where it looked" "$T/empty-data (GUICHET_DATA_DIR)"
expect "no profile: init fails" 3 env GUICHET_DATA_DIR="$T/empty-data" "$G" --database "$T/none2.sqlite" init --territory capso
contains "no profile: init says where it looked" "Aucun profil de territoire trouvé"
expect "no profile: opening a base fails" 3 env GUICHET_DATA_DIR="$T/empty-data" "$G" --database "$T/capso.sqlite" check
contains "no profile: check says where it looked" "$T/empty-data (GUICHET_DATA_DIR)"
