#!/usr/bin/env bash
# Runs "$@" with DISPLAY on a fresh Xvfb ($GUICHET_SCREEN, default 1280x800) and stops that
# server afterwards.
# Xvfb picks a free display itself (-displayfd), which avoids the race `xvfb-run -a` has when
# several processes start X servers at the same time. -noreset: the X server must not reset
# when its first client (at-spi-bus-launcher) disconnects, or the next client is refused.
set -uo pipefail
display_file=$(mktemp)
Xvfb -displayfd 3 -screen 0 "${GUICHET_SCREEN:-1280x800}x24" -nolisten tcp -noreset 3>"$display_file" >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -f "$display_file"' EXIT
for _ in $(seq 100); do [ -s "$display_file" ] && break; sleep 0.1; done
if [ ! -s "$display_file" ]; then echo "Xvfb n’a pas démarré" >&2; exit 2; fi
DISPLAY=":$(head -1 "$display_file")" "$@"
