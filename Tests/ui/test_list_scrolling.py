"""The dossier list holds only the rows on screen (GTK would keep 200 rows of widgets alive):
keyboard, wheel and selection must still reach every dossier of the database, in order."""
import subprocess

import pyatspi

from guichet_ui import App, guichet, text_of, wait_for, walk


def listed_numbers():
    """Dossier numbers in the list's default order (the latest activity first), from the command line."""
    return [d["number"] for d in guichet("dossiers", "list", "--limit", "0", "--sort", "updatedAt", "--desc", "--json")["dossiers"]]


def shown_numbers(table):
    """Dossier numbers the list shows now, top to bottom."""
    cells = []
    for node in walk(table, max_depth=12):
        try:
            if node.getRole() != pyatspi.ROLE_LABEL:
                continue
            text = text_of(node)
            if len(text) == 13 and text[4] == "-" and text[8] == "-":  # 2023-ACC-0001
                cells.append((node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).y, text))
        except Exception:
            continue
    return [text for _, text in sorted(cells)]


def form_shows(app, number):
    form = app.find(name="Fiche du dossier")
    return form is not None and any(text_of(n) == number for n in walk(form, max_depth=30)
                                    if n.getRole() == pyatspi.ROLE_LABEL)


def test_keys_and_wheel_reach_every_dossier():
    numbers = listed_numbers()
    assert len(numbers) > 100, "the UI test database holds a few hundred dossiers"
    with App() as app:
        table = wait_for(lambda: app.find(name="Dossiers", role=pyatspi.ROLE_TREE_TABLE), 10, "dossier list")
        wait_for(lambda: shown_numbers(table)[:1] == numbers[:1], 10, "first dossier at the top")
        on_screen = len(shown_numbers(table))
        assert 5 < on_screen < 60, f"the list holds the rows that fit, not all of them ({on_screen})"

        first = next(n for n in walk(table, max_depth=12) if text_of(n) == numbers[0])
        app.click(first)
        wait_for(lambda: form_shows(app, numbers[0]), 10, "form of the first dossier")

        app.press("End")
        wait_for(lambda: shown_numbers(table)[-1:] == numbers[-1:], 10, "End scrolls to the last dossier")
        wait_for(lambda: form_shows(app, numbers[-1]), 10, "End opens the last dossier")
        shown = shown_numbers(table)
        assert shown == numbers[-len(shown):], "rows at the end are the last dossiers, in order"

        app.press("Home")
        wait_for(lambda: shown_numbers(table)[:1] == numbers[:1], 10, "Home goes back to the top")

        # Three wheel notches down over the list: three rows each.
        extents = table.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        x, y = extents.x + extents.width // 2, extents.y + extents.height // 2
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "--repeat", "3", "--delay", "50", "5"],
                       check=True)
        wait_for(lambda: shown_numbers(table)[:1] == [numbers[9]], 10, "the wheel scrolls by rows")
        shown = shown_numbers(table)
        assert shown == numbers[9:9 + len(shown)], "no row skipped or repeated after scrolling"
