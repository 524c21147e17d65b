#!/usr/bin/env bash
# End-to-end tests of the `guichet` command line on temporary databases.
# Usage: Tests/cli/run.sh PATH/TO/guichet
set -uo pipefail
G="$(realpath "$1")"
cd "$(dirname "$0")/../.."
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
passed=0; failed=0
ok()   { passed=$((passed+1)); echo "ok   $1"; }
fail() { failed=$((failed+1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     /'; }
# expect NAME EXPECTED_EXIT CMD... ; stdout+stderr in $out
expect() { local name=$1 code=$2; shift 2; out=$("$@" 2>&1); local rc=$?
  if [ "$rc" = "$code" ]; then ok "$name"; else fail "$name (exit $rc, attendu $code)" "$out"; fi; }
# Every demo base of the suite is made "on" the same day with the same seed: what it holds never
# follows the calendar (`make test` runs the suite again with GUICHET_TODAY moved; see Makefile).
DEMO=(--date 2026-06-30 --seed 1)
contains() { if grep -qF -- "$2" <<<"$out"; then ok "$1"; else fail "$1: « $2 » absent" "$out"; fi; }

for f in Tests/cli/cases/*.sh; do source "$f"; done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
