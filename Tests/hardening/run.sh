#!/usr/bin/env bash
# Hardening: fuzzing of every entry point with a fixed seed, kill -9 in the middle of the long
# commands, and several processes sharing one base. Usage: Tests/hardening/run.sh PATH/TO/guichet
set -uo pipefail
G="$(realpath "$1")"
cd "$(dirname "$0")"
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
PY=/usr/bin/python3
status=0
"$PY" fuzz.py "$G" "$T/fuzz" --seed 21 --per-entry "${HARDENING_FUZZ_PER_ENTRY:-200}" || status=1
"$PY" kill9.py "$G" "$T/kill9" --seed 21 --tries "${HARDENING_KILL_TRIES:-5}" || status=1
bash readonly.sh "$G" "$T/readonly" || status=1
"$PY" concurrency.py "$G" "$T/concurrency" --seconds "${HARDENING_SECONDS:-60}" || status=1
exit $status
