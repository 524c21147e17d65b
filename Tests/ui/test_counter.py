"""A day at the counter on a 1024x768 screen (issue 17), driven through AT-SPI as an agent would:
the window fits; a dossier is created and saved (the message says so), then found by « prénom
nom » and by a commune typed without its hyphen; Tab goes sidebar → search → list → fiche
without changing section; Escape clears the search; a date typed « 15/1/25 » is accepted.
Runs under an Xvfb screen of 1024x768 (scripts/ui-tests.sh). Needs the `guichet` executable."""
import subprocess

import pyatspi

from guichet_ui import App, text_of, wait_for, walk
from test_dossiers import (button, count_text, entry, focused, new_database, open_app, press_button,
                           type_into, uses_executable, demo_database)

SCREEN = "1024x768"
WIDTH, HEIGHT = 1024, 768


def extents(node):
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def window_fits(app):
    frame = extents(app.window)
    return frame.x >= 0 and frame.y >= 0 and frame.x + frame.width <= WIDTH and frame.y + frame.height <= HEIGHT


def fiche(app):
    return app.find(name="Fiche du dossier", showing=True)


def focus_inside(node):
    """Whether a widget inside `node` has the keyboard focus."""
    return node is not None and any(n.getState().contains(pyatspi.STATE_FOCUSED) for n in walk(node, max_depth=40))


def showing_label(app, predicate):
    return next((text_of(n) for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True) if predicate(text_of(n))), None)


COUNTER = [("Nom", "Lecomte"), ("Prénom", "Théo"), ("Téléphone", "03 21 12 34 56"),
           ("Personnes au foyer", "2"), ("Adresse du logement", "8 rue de Dunkerque"),
           ("Commune", "Saint-Omer"), ("Code postal", "62500"), ("Code INSEE", "62765"),
           ("Nombre de logements", "1")]


def test_window_fits_and_a_dossier_is_created_saved_and_found():
    if not uses_executable():
        return
    path = new_database()
    with open_app(path) as app:
        assert window_fits(app), f"window {extents(app.window).width}x{extents(app.window).height} on a {WIDTH}x{HEIGHT} screen"
        press_button(app, "Nouveau dossier")
        wait_for(lambda: showing_label(app, lambda t: t == "Nouveau dossier"), 10, "new dossier fiche")
        assert window_fits(app), "the fiche keeps the window within the screen"
        for name, text in COUNTER:
            type_into(app, name, text)
        # Dates as agents type them: « 15/1/25 » is a date, shown back as 15/01/2025.
        type_into(app, "Vacant depuis le", "15/1/25")
        app.press("Tab")
        wait_for(lambda: text_of(entry(app, "Vacant depuis le")) == "15/01/2025", 10, "the date shown back in full")
        assert not showing_label(app, lambda t: "n’est pas une date" in t or "n’existe pas" in t), "date accepted"
        save = button(app, "Enregistrer")
        wait_for(lambda: save.getState().contains(pyatspi.STATE_SENSITIVE), 10, "Save enabled once the form is valid")
        app.press("s", control=True)
        toast = wait_for(lambda: showing_label(app, lambda t: t.startswith("Dossier ") and t.endswith(" enregistré")),
                         10, "the message « Dossier … enregistré »")
        number = toast.split()[1]
        assert number.endswith("-PSV-0001"), number
        # The new dossier is visible in the list (its number there and in the fiche's header).
        wait_for(lambda: len([n for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True) if text_of(n) == number]) >= 2,
                 10, "the new dossier in the list")
        assert window_fits(app)
    with open_app(path) as app:
        # First name first, without accents; a commune without its hyphen.
        for typed in ["theo lecomte", "saint omer"]:
            type_into(app, "Rechercher un dossier", typed)
            wait_for(lambda: count_text(app) == "1 dossier", 10, f"« {typed} » finds the dossier")
            wait_for(lambda: showing_label(app, lambda t: t == "LECOMTE Théo"), 10, f"the row of « {typed} »")


def test_tab_goes_sidebar_search_list_fiche_and_escape_clears_the_search():
    if not uses_executable():
        return
    path = demo_database(size=120)
    with open_app(path) as app:
        wait_for(lambda: count_text(app).endswith("dossiers"), 20, "the list")
        row = wait_for(lambda: next((n for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)
                                     if len(text_of(n)) == 13 and text_of(n)[4] == "-" and text_of(n)[8] == "-"), None),
                       10, "a dossier row")
        app.click(row)
        wait_for(lambda: fiche(app) is not None, 10, "the fiche beside the list")
        assert window_fits(app)
        sidebar = wait_for(lambda: app.find(name="Sections"), 10, "sidebar")
        current = wait_for(lambda: next((n for n in walk(sidebar) if n.name == "Dossiers d’aide"
                                         and n.getRole() == pyatspi.ROLE_LIST_ITEM), None), 10, "Dossiers row")
        app.click(current)
        wait_for(lambda: focus_inside(sidebar), 10, "focus in the sidebar")
        search = entry(app, "Rechercher un dossier")
        table = wait_for(lambda: app.find(name="Dossiers", role=pyatspi.ROLE_TABLE, showing=True)
                         or app.find(name="Dossiers", showing=True), 10, "the list")
        app.press("Tab")
        wait_for(lambda: focused(search), 5, "Tab: sidebar → search")
        app.press("Tab")
        wait_for(lambda: focus_inside(table), 5, "Tab: search → list")
        app.press("Tab")
        wait_for(lambda: focus_inside(fiche(app)), 5, "Tab: list → fiche")
        # Never a change of section on the way.
        assert app.find(name="Dossiers d’aide", role=pyatspi.ROLE_FILLER, showing=True) is not None, "still in Dossiers d’aide"
        # Escape in the search clears it.
        type_into(app, "Rechercher un dossier", "dupont")
        app.press("Escape")
        wait_for(lambda: text_of(search) == "", 5, "Escape clears the search")
        assert window_fits(app)
