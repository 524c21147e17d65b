#!/usr/bin/env bash
# AT-SPI tests of the real window (Tests/ui/test_*.py), each test launching the application.
# Usage: scripts/ui-tests.sh [-k NAME]... [APP COMMAND...]
#   APP COMMAND: what opens the window, e.g. `.build/debug/guichet <options>`; default: the
#   XCTest launch hook (see Tests/ui/app-command.sh), built first.
#   -k NAME: run only tests whose name contains NAME.
# Runs under a private Xvfb + `dbus-run-session` with /usr/bin/python3 (pyatspi), once per screen
# size ($GUICHET_SCREENS, default "1280x800 1024x768"); prints one line per test and
# `N passed, M failed` over both; exits non-zero on failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
selected=()
while [ $# -gt 0 ] && [ "$1" = "-k" ]; do selected+=("$2"); shift 2; done
source "$ROOT/Tests/ui/app-command.sh"
guichet_app_command "$@"
GUICHET_APP_CMD=$(/usr/bin/python3 -c 'import json, sys; print(json.dumps(sys.argv[1:]))' "${APP_CMD[@]}")
export GUICHET_APP_CMD
cd "$ROOT"
# at-spi and dbus chatter goes to stderr; test results to stdout. Each screen size gets its own
# Xvfb (the counter's 1024x768 PCs, and a common 1280x800), then one total line.
passed=0; failed=0; status=0
for screen in ${GUICHET_SCREENS:-1280x800 1024x768}; do
    echo "Écran $screen"
    out=$(GUICHET_SCREEN=$screen "$ROOT/Tests/ui/with-xvfb.sh" dbus-run-session -- /usr/bin/python3 "$ROOT/Tests/ui/run.py" "${selected[@]}" \
          | tee -a /dev/stderr) || status=1
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' <<<"$out" | tail -1)
    passed=$((passed + ${line%% passed*}))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$line")))
done
echo "$passed passed, $failed failed"
[ "$status" = 0 ] && [ "$failed" = 0 ] && [ "$passed" -gt 0 ]
