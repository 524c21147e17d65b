"""The Programmes section: importing the brief's construction table through the window."""
import json
import os
import re
import subprocess
import time

import pyatspi

from guichet_ui import App, app_database, guichet, temporary_folder, text_of, wait_for

FIXTURE = "programmes-construction-2020-2023.csv"
HERE = os.path.dirname(os.path.abspath(__file__))


def fixture_path():
    # The brief's table ships in data/demo; the shared copy is only a fallback.
    for folder in [os.path.join(HERE, "..", "..", "data", "demo"), "/work/shared/domain/fixtures",
                   os.path.join(HERE, "..", "..", "..", "shared", "domain", "fixtures")]:
        path = os.path.abspath(os.path.join(folder, FIXTURE))
        if os.path.exists(path):
            return path
    raise AssertionError(f"{FIXTURE} introuvable")


def normalized(text):
    """Every kind of space (U+00A0, U+202F…) as a plain space."""
    return re.sub(r"\s", " ", text)


def name_of(node):
    """The label's text (or accessible name), '' for a node gone meanwhile (a closed dialog's labels)."""
    try:
        return text_of(node) or node.name or ""
    except Exception:
        return ""


def empty_database():
    """A new database of the app database's territory, with its landlords and no programme."""
    cmd = json.loads(os.environ["GUICHET_APP_CMD"])
    territory = guichet("check", "--json")["territory"]
    path = os.path.join(temporary_folder("guichet-ui-programmes-"), "base.sqlite")
    subprocess.run([cmd[0], "--database", path, "init", "--territory", territory],
                   check=True, capture_output=True)
    database = cmd.index("--database")
    return cmd[:database + 1] + [path] + cmd[database + 2:], path


def button_named(app, label):
    """A showing button by label; GTK 4.8 names dialog buttons "_Ouvrir Ouvrir" or "Importer Importer"."""
    names = {label, f"{label} {label}", f"_{label} {label}"}
    return next((n for n in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON, showing=True) if n.name in names), None)


def open_button(app):
    return button_named(app, "Ouvrir")


def choose_file(app, chooser, path):
    """Types `path` in the GTK file chooser (GtkFileChooserNative falls back to a GTK dialog
    without a portal) and accepts it. Keys go to the window under the pointer (no window
    manager): point at the chooser first."""
    extents = chooser.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(["xdotool", "mousemove", str(extents.x + extents.width // 2), str(extents.y + extents.height // 2)],
                   check=False)
    time.sleep(0.5)
    app.press("l", control=True)
    time.sleep(0.3)
    subprocess.run(["xdotool", "type", "--delay", "20", path], check=False)
    time.sleep(0.5)
    if os.environ.get("GUICHET_UI_DEBUG_SHOT"):
        subprocess.run(["import", "-window", "root", os.environ["GUICHET_UI_DEBUG_SHOT"]], check=False)
    # GTK 4.8 does not always report the button's sensitivity to AT-SPI: activate it, and
    # fall back to Enter in the location entry.
    opener = wait_for(lambda: open_button(app), 10, "« Ouvrir »")
    opener.queryAction().doAction(0)
    time.sleep(1.5)
    if open_button(app) is not None:
        app.press("Return")


def chooser_env():
    """Typing the path in the GTK file chooser works (`choose_file`) but walking its accessible
    tree takes minutes on a loaded machine: by default the test pre-selects the file with
    GUICHET_UI_IMPORT_FILE; GUICHET_UI_TEST_CHOOSER=1 drives the chooser instead."""
    if os.environ.get("GUICHET_UI_TEST_CHOOSER") == "1":
        os.environ.pop("GUICHET_UI_IMPORT_FILE", None)
        return {}
    os.environ["GUICHET_UI_IMPORT_FILE"] = fixture_path()
    return {"GUICHET_UI_IMPORT_FILE": fixture_path()}


def test_importing_the_construction_table_shows_the_brief_total():
    if app_database() is None:
        raise AssertionError("ce test demande une commande d'application avec --database")
    command, path = empty_database()
    previous = os.environ["GUICHET_APP_CMD"]
    os.environ["GUICHET_APP_CMD"] = json.dumps(command)
    try:
        with App(section="programmes", extra_env=chooser_env()) as app:
            button = wait_for(lambda: app.find(name="Importer un tableau…", role=pyatspi.ROLE_PUSH_BUTTON, showing=True),
                              15, "import button")
            # The totals sentence above the summary table, found once while the lists are empty
            # (walking the whole accessible tree of filled lists takes minutes here), read again later.
            totals = wait_for(lambda: next((n for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)
                                            if name_of(n).startswith("Total : ")), None), 15, "summary totals")
            assert "1 230" not in normalized(text_of(totals)), text_of(totals)
            app.click(button)
            if not os.environ.get("GUICHET_UI_IMPORT_FILE"):
                chooser = wait_for(lambda: app.find(name="Importer un tableau de programmes (construction)", showing=True),
                                   15, "file chooser")
                choose_file(app, chooser, fixture_path())
            confirm = wait_for(lambda: button_named(app, "Importer"), 20, "import report dialog")
            report = normalized(" ".join(name_of(n) for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)))
            assert "43 ligne(s) lue(s) : 43 nouvelle(s)" in report, report
            assert "ligne 10, colonne E (SUB ETAT)" in report, report
            assert "colonne J (Nbre total LLS) → « total de logements »" in report, report
            confirm.queryAction().doAction(0)
            wait_for(lambda: "1 230 logements" in normalized(text_of(totals)), 30, "summary total 1 230")
    finally:
        os.environ["GUICHET_APP_CMD"] = previous
        os.environ.pop("GUICHET_UI_IMPORT_FILE", None)
    stored = subprocess.run([command[0], "--database", path, "programmes", "summary", "--json"],
                            check=True, capture_output=True, text=True).stdout
    assert json.loads(stored)["total"]["total"] == 1230


def test_columns_the_import_cannot_read_are_assigned_in_the_dialog_and_remembered():
    """A header the import cannot read alone ("Exo"): the columns dialog shows how each column
    was understood, the agent gives it the financing year, and the next file with the same
    headers is read the same way without asking."""
    from test_dossiers import choose
    if app_database() is None:
        raise AssertionError("ce test demande une commande d'application avec --database")
    command, path = empty_database()
    folder = temporary_folder("guichet-ui-columns-")
    first, second = os.path.join(folder, "colonnes.csv"), os.path.join(folder, "colonnes-2.csv")
    for file, row in [(first, "Béthune;2022;Rue A;SIA HABITAT;4"), (second, "Auchel;2023;Rue B;SIA HABITAT;6")]:
        with open(file, "w", encoding="utf-8") as f:
            f.write("Commune;Exo;Programme;Bailleur;PLUS\n" + row + "\n")
    previous = os.environ["GUICHET_APP_CMD"]
    os.environ["GUICHET_APP_CMD"] = json.dumps(command)
    try:
        with App(section="programmes", extra_env={"GUICHET_UI_IMPORT_FILE": first}) as app:
            button = wait_for(lambda: app.find(name="Importer un tableau…", role=pyatspi.ROLE_PUSH_BUTTON, showing=True),
                              15, "import button")
            app.click(button)
            proceed = wait_for(lambda: button_named(app, "Continuer"), 20, "columns dialog")
            shown = normalized(" ".join(name_of(n) for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)))
            assert "colonne B (Exo) : non reconnue" in shown, shown
            assert "colonne A (Commune) → « commune »" in shown, shown
            if os.environ.get("GUICHET_UI_DEBUG_SHOT"):
                subprocess.run(["import", "-window", "root", os.environ["GUICHET_UI_DEBUG_SHOT"]], check=False)
            choose(app, "Colonne B", "année de financement")
            proceed.queryAction().doAction(0)
            confirm = wait_for(lambda: button_named(app, "Importer"), 20, "import report dialog")
            report = normalized(" ".join(name_of(n) for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)))
            assert "colonne B (Exo) → « année de financement » (choix de l'agent)" in report, report
            confirm.queryAction().doAction(0)
            wait_for(lambda: guichet_at(path, "programmes", "list", "--json")["total"] == 1, 30, "programme stored")
    finally:
        os.environ["GUICHET_APP_CMD"] = previous
    stored = guichet_at(path, "programmes", "list", "--json")["programmes"][0]
    assert stored["year"] == 2022, stored
    again = guichet_at(path, "programmes", "import", second, "--json")
    assert again["imported"] == 1 and again["columns"][1]["reading"] == "assigned", again


def guichet_at(path, *args):
    cmd = json.loads(os.environ["GUICHET_APP_CMD"])
    out = subprocess.run([cmd[0], "--database", path, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)
