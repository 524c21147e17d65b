#!/usr/bin/env bash
# AT-SPI tests of the real window (Tests/ui/test_*.py), each test launching the application.
# Usage: scripts/ui-tests.sh [-k NAME]... [APP COMMAND...]
#   APP COMMAND: what opens the window, e.g. `.build/debug/guichet <options>`; default: the
#   XCTest launch hook (see Tests/ui/app-command.sh), built first.
#   -k NAME: run only tests whose name contains NAME.
# Runs under a private Xvfb + `dbus-run-session` with /usr/bin/python3 (pyatspi); prints one
# line per test and `N passed, M failed`; exits non-zero on failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
selected=()
while [ $# -gt 0 ] && [ "$1" = "-k" ]; do selected+=("$2"); shift 2; done
source "$ROOT/Tests/ui/app-command.sh"
guichet_app_command "$@"
GUICHET_APP_CMD=$(/usr/bin/python3 -c 'import json, sys; print(json.dumps(sys.argv[1:]))' "${APP_CMD[@]}")
export GUICHET_APP_CMD
cd "$ROOT"
# at-spi and dbus chatter goes to stderr; test results to stdout.
exec "$ROOT/Tests/ui/with-xvfb.sh" dbus-run-session -- /usr/bin/python3 "$ROOT/Tests/ui/run.py" "${selected[@]}"
