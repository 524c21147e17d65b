#!/usr/bin/env bash
# Writes PNGs of the main window, section by section, at the screen sizes of counter PCs
# (1366x768 and 1024x768) into docs/captures/<size>/, the pictures the README shows.
# Usage: scripts/screenshots.sh [APP COMMAND...]   (default: the XCTest launch hook, see
# Tests/ui/app-command.sh). Needs Xvfb, xdotool, imagemagick, dbus-run-session.
# GUICHET_SCREENSHOT_SIZES overrides the sizes ("1920x1080 1366x768").
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/Tests/ui/app-command.sh"

# Inside one Xvfb of the size asked (see below): one picture per section.
if [ -n "${GUICHET_SCREENSHOTS_SIZE:-}" ]; then
    guichet_app_command "$@"
    if [ -n "${GUICHET_DATABASE:-}" ]; then APP_CMD+=(--database "$GUICHET_DATABASE"); fi
    OUT="$ROOT/docs/captures/$GUICHET_SCREENSHOTS_SIZE"
    mkdir -p "$OUT"
    # The list of dossiers alone, then with a dossier's fiche beside it.
    SHOTS=(dossiers:liste dossiers:fiche demandes:liste bailleurs:liste programmes:liste budget:liste bilan-plh:liste exports:liste)
    status=0
    for index in "${!SHOTS[@]}"; do
        section="${SHOTS[$index]%%:*}"
        view="${SHOTS[$index]##*:}"
        name="$(printf '%02d' $((index + 1)))-$section$([ "$view" = fiche ] && echo -fiche || true)"
        state="$(mktemp -d)" # no remembered size or columns: the window as a new PC shows it
        XDG_STATE_HOME="$state" GUICHET_UI_SECTION="$section" dbus-run-session -- "${APP_CMD[@]}" >/dev/null 2>&1 &
        app_pid=$!
        if ! window=$(timeout 30 xdotool search --sync --onlyvisible --class guichet | head -1) || [ -z "$window" ]; then
            echo "fenêtre introuvable pour la section $section" >&2
            kill "$app_pid" 2>/dev/null || true
            status=1
            continue
        fi
        sleep 2 # the first frames (fade-in of the stack page) and the first rows
        if [ "$view" = fiche ]; then
            # Open the second dossier of the list: the fiche comes beside the list.
            xdotool mousemove --window "$window" 420 276 click 1 2>/dev/null || true
            sleep 2
        fi
        file="$OUT/$name.png"
        # The window sits at 0,0 without a window manager: grab the screen, cropped to it;
        # `timeout` so a stuck grab fails instead of hanging.
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
        rm -rf "$state"
    done
    exit $status
fi

# GUICHET_DATABASE: the database the window opens; without it, a demo database (3,000
# dossiers, the demo's default) is made for the pictures and removed afterwards.
if [ -z "${GUICHET_DATABASE:-}" ] && [ $# -gt 0 ]; then
    demo_dir="$(mktemp -d)"
    trap 'rm -rf "$demo_dir"' EXIT
    export GUICHET_DATABASE="$demo_dir/demo.sqlite"
    "$@" --database "$GUICHET_DATABASE" demo >/dev/null
fi
status=0
for size in ${GUICHET_SCREENSHOT_SIZES:-1366x768 1024x768}; do
    GUICHET_SCREEN="$size" GUICHET_SCREENSHOTS_SIZE="$size" "$ROOT/Tests/ui/with-xvfb.sh" "$0" "$@" || status=1
done
exit $status
