# The benchmark command on a small demo base made for it (figures only, no window: no timing is asserted).
expect "benchmark without window" 0 "$G" benchmark --size 300 --runs 1 --sans-fenetre --json
contains "demo base made for the measure" "création de la base de démonstration"
contains "storage search figure" "recherche « dup » (compte + 1re page)"
contains "export compared with sqlite3" "× sqlite3 -csv"
contains "memory on a tenth of the rows" "mémoire max de l'export à 30 lignes"
contains "memory on all the rows" "mémoire max de l'export à 300 lignes"
contains "export memory is private memory" "mémoire privée max"
expect "benchmark leaves no temporary base" 0 bash -c '! ls "${TMPDIR:-/tmp}" | grep -q "^guichet-benchmark-"'
expect "negative size refused" 64 "$G" benchmark --size=-5 --sans-fenetre
contains "size refusal names the option" "--size doit être compris entre 1 et 2 000 000"
expect "zero runs refused" 64 "$G" benchmark --runs 0 --sans-fenetre
contains "runs refusal names the option" "--runs doit être compris entre 1 et 100"
# The window against a bare GTK window compiled from C (a private Xvfb when there is no display):
# the figures are printed with their targets; none is asserted.
expect "window benchmark" 0 "$G" benchmark --size 300 --runs 1 --fenetre-seule
contains "bare C window measured" "fenêtre GTK 4 nue en C (référence)"
contains "window ready measured" "fenêtre Guichet prête (liste des dossiers affichée)"
contains "ready target printed" "≤ 1,5× la fenêtre nue"
contains "peak memory measured" "mémoire max de la fenêtre Guichet"
contains "memory target printed" "≤ fenêtre nue + 60 Mio"
contains "section opening measured" "1re ouverture de la section « budget »"
contains "keystroke measured" "frappe « saint » : liste à jour"
contains "main-thread stall measured" "frappe « dup » : plus longue attente du fil principal"
contains "stall target printed" "≤ 16 ms"
contains "load of the machine said" "Machine : "
expect "window-only and no-window exclude each other" 64 "$G" benchmark --fenetre-seule --sans-fenetre
