# Sourced by scripts/ui-tests.sh and scripts/screenshots.sh: fills the APP_CMD array with the
# command that opens the Guichet window.
#   with arguments: that command (e.g. `.build/debug/guichet <options that open the window>`);
#   without:        the XCTest launch hook (Tests/GuichetUITests/LaunchForUITests.swift), built
#                   first, until the `guichet` executable opens the window itself.
# The window reads GUICHET_UI_TERRITORY, GUICHET_UI_DATABASE, GUICHET_UI_SECTION when launched
# through the hook.
guichet_app_command() {
    if [ $# -gt 0 ]; then
        APP_CMD=("$@")
        return
    fi
    local bundle="$ROOT/.build/debug/GuichetPackageTests.xctest"
    (cd "$ROOT" && swift build --build-tests 2>&1 | grep -E "error|Compiling|Build complete" >&2) || true
    if [ ! -x "$bundle" ]; then
        echo "Échec de la compilation des tests : $bundle absent" >&2
        exit 2
    fi
    APP_CMD=(env GUICHET_UI_LAUNCH=1 "$bundle" GuichetUITests.LaunchForUITests/testRunApplication)
}
