#!/usr/bin/env bash
# Writes one PNG per section of the main window into ./screenshots/ (git-ignored).
# Usage: scripts/screenshots.sh [APP COMMAND...]   (default: the XCTest launch hook, see
# Tests/ui/app-command.sh). Needs Xvfb, xdotool, imagemagick, dbus-run-session.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Re-run under a private X server (Tests/ui/with-xvfb.sh) unless already inside it.
if [ -z "${GUICHET_SCREENSHOTS_XVFB:-}" ]; then
    GUICHET_SCREENSHOTS_XVFB=1 exec "$ROOT/Tests/ui/with-xvfb.sh" "$0" "$@"
fi
source "$ROOT/Tests/ui/app-command.sh"
guichet_app_command "$@"
# GUICHET_DATABASE: the database the window opens; without it, a demo database of 2,000
# dossiers is made for the pictures and removed afterwards.
if [ -z "${GUICHET_DATABASE:-}" ] && [ $# -gt 0 ]; then
    demo_dir="$(mktemp -d)"
    trap 'rm -rf "$demo_dir"' EXIT
    GUICHET_DATABASE="$demo_dir/demo.sqlite"
    "${APP_CMD[@]}" --database "$GUICHET_DATABASE" demo --size 2000 >/dev/null
fi
if [ -n "${GUICHET_DATABASE:-}" ]; then APP_CMD+=(--database "$GUICHET_DATABASE"); fi
OUT="$ROOT/screenshots"
mkdir -p "$OUT"
SECTIONS=(dossiers demandes bailleurs programmes budget bilan-plh exports)

status=0
for index in "${!SECTIONS[@]}"; do
    section="${SECTIONS[$index]}"
    GUICHET_UI_SECTION="$section" dbus-run-session -- "${APP_CMD[@]}" >/dev/null 2>&1 &
    app_pid=$!
    if ! window=$(timeout 30 xdotool search --sync --onlyvisible --class guichet | head -1) || [ -z "$window" ]; then
        echo "fenêtre introuvable pour la section $section" >&2
        kill "$app_pid" 2>/dev/null || true
        status=1
        continue
    fi
    sleep 1 # let the first frames render (fade-in of the stack page)
    if [ "$section" = dossiers ]; then
        # Open the first dossier of the list so the form shows beside it.
        xdotool mousemove --window "$window" 500 206 click 1 2>/dev/null || true
        sleep 1
    fi
    file="$OUT/$(printf '%02d' $((index + 1)))-$section.png"
    # Grab the screen and crop to the window (the window sits at 0,0 without a window
    # manager); `timeout` so a stuck grab fails instead of hanging.
    eval "$(xdotool getwindowgeometry --shell "$window")" # sets X Y WIDTH HEIGHT
    if ! timeout 20 import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$file"; then
        echo "capture impossible pour la section $section" >&2
        status=1
    fi
    echo "$file"
    # Quit as a user would (Ctrl+Q), which also exercises the shortcut.
    # Without a window manager, keys go to the window under the pointer.
    xdotool mousemove 600 400 key ctrl+q 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$app_pid" 2>/dev/null; then
        echo "la fenêtre ne s’est pas fermée avec Ctrl+Q (section $section)" >&2
        kill "$app_pid" 2>/dev/null || true
        status=1
    fi
    wait "$app_pid" 2>/dev/null || true
done
exit $status
