"""Drives the Guichet window through AT-SPI (pyatspi) for the UI tests.

Run under `xvfb-run -a dbus-run-session --` with /usr/bin/python3 (see scripts/ui-tests.sh).
GTK 4.8 quirks handled here: no AT-SPI grabFocus (click at the widget's extents instead; valid
because without a window manager the window sits at 0,0) and getText(0, -1) returning ''.
"""
import atexit
import json
import os
import shutil
import subprocess
import tempfile
import time

import pyatspi

APP_NAME = "guichet"


def temporary_folder(prefix):
    """A new folder for a test's database and files, removed with all it holds (the database's
    -wal and -shm too) when the test run ends, whatever its outcome."""
    folder = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def wait_for(condition, timeout=30.0, what="condition"):
    """Polls `condition` until it returns a true value; raises AssertionError on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def walk(node, depth=0, max_depth=60):
    """Yields `node` and its descendants (depth-first)."""
    if node is None or depth > max_depth:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1, max_depth)


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return ""


def is_showing(node):
    """Whether the node occupies screen space. GTK 4.8 leaves SHOWING unset on many widgets,
    and hidden stack pages keep their accessibles with empty extents."""
    try:
        extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except Exception:
        return False
    return extents.width > 0 and extents.height > 0


class App:
    """One running Guichet process and its accessible tree."""

    def __init__(self, section=None, extra_env=None, args=None):
        command = json.loads(os.environ["GUICHET_APP_CMD"]) + list(args or [])
        env = dict(os.environ)
        if section:
            env["GUICHET_UI_SECTION"] = section
        env.update(extra_env or {})
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        self.root = wait_for(self._find_application, 60, f"application « {APP_NAME} » on AT-SPI")
        self.window = wait_for(lambda: self.find(role=pyatspi.ROLE_FRAME, showing=True),
                               30, "main window")

    def _find_application(self):
        if self.process.poll() is not None:
            raise AssertionError(f"application exited early: {self.process.stderr.read().decode()}")
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == APP_NAME:
                return app
        return None

    def find_all(self, name=None, role=None, showing=None, text=None):
        found = []
        for node in walk(self.root):
            try:
                if name is not None and node.name != name:
                    continue
                if role is not None and node.getRole() != role:
                    continue
                if text is not None and text_of(node) != text:
                    continue
                if showing is not None and is_showing(node) != showing:
                    continue
            except Exception:
                continue
            found.append(node)
        return found

    def find(self, **criteria):
        nodes = self.find_all(**criteria)
        return nodes[0] if nodes else None

    def click(self, node):
        """Left click in the middle of the node (screen coordinates)."""
        extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        x = extents.x + extents.width // 2
        y = extents.y + extents.height // 2
        pyatspi.Registry.generateMouseEvent(x, y, "b1c")

    def press(self, keysym_name, control=False):
        """Presses a key (X keysym name, e.g. "q"), optionally with Control held."""
        subprocess.run(["xdotool", "key", ("ctrl+" if control else "") + keysym_name],
                       check=False, stderr=subprocess.DEVNULL)

    def focus_window(self):
        """Gives the main window the keyboard again after a dialog closed: without a window
        manager (Xvfb) nobody hands the input focus back to it."""
        subprocess.run(["xdotool", "search", "--name", self.window.name, "windowfocus"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.2)

    def wait_exit(self, timeout=15.0):
        wait_for(lambda: self.process.poll() is not None, timeout, "application exit")
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def app_database():
    """The database path given to the application (`--database PATH` in GUICHET_APP_CMD), or None."""
    cmd = json.loads(os.environ.get("GUICHET_APP_CMD", "[]"))
    for i, arg in enumerate(cmd):
        if arg == "--database" and i + 1 < len(cmd):
            return cmd[i + 1]
    return None


def guichet(*args):
    """Runs the command line of the application under test on its database; returns its JSON output."""
    cmd = json.loads(os.environ.get("GUICHET_APP_CMD", "[]"))
    binary, database = cmd[0], app_database()
    out = subprocess.run([binary, "--database", database, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def expected_window():
    """(title, subtitle) the header bar must show: the territory's name and the database file."""
    database = app_database()
    if database is None:  # the XCTest launch hook's own configuration
        return "Communauté d’agglomération du Pays de Saint-Omer", "/home/agent/guichet/capso.sqlite"
    territory = guichet("check", "--json")["territory"]
    names = {entry["id"]: entry["name"] for entry in guichet("territoires", "--json")}
    return names[territory], database
