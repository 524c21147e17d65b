"""Runs every test_* function of Tests/ui/test_*.py made for the screen it runs on; prints one
line per test and a final `N passed, M failed`; exits 1 when a test failed. Needs GUICHET_APP_CMD
(JSON list). A module names its screen with SCREEN = "1024x768" (default 1280x800); only the
modules of $GUICHET_SCREEN run (scripts/ui-tests.sh runs each screen under its own Xvfb)."""
import importlib
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def main(selected):
    passed = failed = 0
    for file in sorted(os.listdir(HERE)):
        if not (file.startswith("test_") and file.endswith(".py")):
            continue
        module = importlib.import_module(file[:-3])
        if getattr(module, "SCREEN", "1280x800") != os.environ.get("GUICHET_SCREEN", "1280x800"):
            continue
        for name in sorted(n for n in dir(module) if n.startswith("test_")):
            if selected and not any(s in name for s in selected):
                continue
            try:
                getattr(module, name)()
            except Exception as error:
                failed += 1
                print(f"ÉCHEC {module.__name__}.{name}: {error!r}", flush=True)
                traceback.print_exc()
            else:
                passed += 1
                print(f"OK    {module.__name__}.{name}", flush=True)
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
