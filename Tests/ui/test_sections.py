"""The main window's sections, driven as a user would through AT-SPI."""
import pyatspi

from guichet_ui import App, expected_window, wait_for

SECTIONS = ["Dossiers d’aide", "Demandes de logement social", "Bailleurs et conventions",
            "Programmes", "Budget du PLH", "Bilan du PLH", "Exports"]


def sidebar_rows(app):
    sidebar = app.find(name="Sections", role=pyatspi.ROLE_LIST)
    assert sidebar is not None, "sidebar list « Sections » not found"
    return [row for row in sidebar if row.getRole() == pyatspi.ROLE_LIST_ITEM]


def test_sidebar_lists_the_sections_in_order():
    with App() as app:
        assert [row.name for row in sidebar_rows(app)] == SECTIONS
        title, subtitle = expected_window()
        assert app.window.name == title, (app.window.name, title)
        assert app.find(role=pyatspi.ROLE_LABEL, text=subtitle, showing=True), \
            "database path shown in the header bar"


def test_clicking_a_section_shows_it():
    with App() as app:
        wait_for(lambda: sidebar_rows(app), 10, "sidebar shown at start")
        row = next(row for row in sidebar_rows(app) if row.name == "Exports")
        app.click(row)
        # The Exports page (its export button), or its honest placeholder when the window has
        # no database (the XCTest launch hook).
        wait_for(lambda: app.find(name="Exporter", role=pyatspi.ROLE_PUSH_BUTTON, showing=True)
                 or app.find(name="Exports : section indisponible", showing=True), 10, "Exports page")
        assert row.getState().contains(pyatspi.STATE_SELECTED), "clicked row is selected"


def test_ctrl_q_quits_cleanly():
    with App(section="budget") as app:
        # The Budget page, or its placeholder when the window has no database.
        page = wait_for(lambda: app.find(name="Budget du PLH", showing=True)
                        or app.find(name="Budget du PLH : section indisponible", showing=True), 10,
                        "initial section from GUICHET_UI_SECTION")
        # Put the pointer over the window: without a window manager keys go to the window
        # under the pointer.
        app.click(page)
        app.press("q", control=True)
        assert app.wait_exit() == 0


def test_ctrl_w_closes_the_window_and_ends_the_application():
    with App(section="exports") as app:
        # The Exports page, or its placeholder when the window has no database.
        page = wait_for(lambda: app.find(name="Exports", role=pyatspi.ROLE_SCROLL_PANE, showing=True)
                        or app.find(name="Exports : section indisponible", showing=True), 10, "Exports page")
        app.click(page)
        app.press("w", control=True)
        assert app.wait_exit() == 0
