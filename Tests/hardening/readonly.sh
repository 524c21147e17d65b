#!/usr/bin/env bash
# A base in a folder nobody may write to, and a read-only base file: both can be consulted,
# and a write is refused with « la base est en lecture seule ». Permission bits do not bind
# root, so as root the commands run as the user `nobody` (setpriv), on copies it can read.
# Usage: readonly.sh PATH/TO/guichet WORKDIR
set -uo pipefail
G="$1"; W="$2"; REPO="$(cd "$(dirname "$0")/../.." && pwd)"
passed=0; failed=0
check() { if [ "$2" = 0 ]; then passed=$((passed+1)); echo "ok   lecture seule : $1"; else failed=$((failed+1)); echo "FAIL lecture seule : $1"; echo "$3" | sed 's/^/     /'; fi; }
rm -rf "$W"; mkdir -p "$W/ro" "$W/rw" "$W/data"
cp -r "$REPO/data/." "$W/data/"   # the territories and what they name beside them (COG communes)
cp "$G" "$W/guichet"
"$W/guichet" --database "$W/rw/base.sqlite" demo --size 30 --date 2026-06-30 >/dev/null || { echo "FAIL lecture seule : base de départ"; exit 1; }
cp "$W/rw/base.sqlite" "$W/ro/copie-seule.sqlite"                   # no -wal, no -shm
"$W/guichet" --database "$W/rw/base.sqlite" check >/dev/null          # opened once: -wal and -shm kept
cp "$W/rw/base.sqlite" "$W/rw/base.sqlite-wal" "$W/rw/base.sqlite-shm" "$W/ro/"
run=()
if [ "$(id -u)" = 0 ]; then
  chown -R nobody "$W"; chmod -R a+rX "$W"
  chmod a+x "$(dirname "$W")"   # a mktemp folder is 0700: nobody must be able to pass through
  run=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
chmod 500 "$W/ro"; chmod 400 "$W/rw/base.sqlite"
number=$(GUICHET_DATA_DIR="$W/data" "${run[@]}" "$W/guichet" --database "$W/rw/base.sqlite" dossiers list --status depose --json 2>&1 \
  | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['dossiers'][0]['number'])" 2>/dev/null)
for db in "$W/rw/base.sqlite" "$W/ro/base.sqlite" "$W/ro/copie-seule.sqlite"; do
  name="${db#$W/}"
  out=$(GUICHET_DATA_DIR="$W/data" "${run[@]}" "$W/guichet" --database "$db" dossiers list 2>&1); rc=$?
  check "$name se consulte" "$rc" "$out"
  out=$(GUICHET_DATA_DIR="$W/data" "${run[@]}" "$W/guichet" --database "$db" dossiers transition "${number:-2026-ACC-0001}" review 2>&1); rc=$?
  if [ "$rc" != 0 ] && grep -q "lecture seule" <<<"$out"; then check "$name refuse l'écriture en le disant" 0 ""; else check "$name refuse l'écriture en le disant" 1 "$out"; fi
done
chmod 700 "$W/ro"
echo "readonly: $passed passed, $failed failed"
[ "$failed" = 0 ]
