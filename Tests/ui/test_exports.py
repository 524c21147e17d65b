"""The Exports section in the real window: the save dialog, then the status line."""
import os

import pyatspi

from guichet_ui import App, is_showing, temporary_folder, wait_for, walk


def test_export_writes_the_bilan_through_the_save_dialog():
    folder = temporary_folder("guichet-exports-")
    target = os.path.join(folder, "bilan-essai.pdf")
    with App(section="exports") as app:
        button = wait_for(lambda: app.find(name="Exporter", role=pyatspi.ROLE_PUSH_BUTTON, showing=True), 15,
                          "Exporter button")
        app.click(button)
        # The save dialog (a top-level of its own, named after the report); its name field
        # accepts a full path.
        dialog = wait_for(lambda: next((top for top in app.root if top.name == "Exporter : Bilan du PLH"), None),
                          15, "save dialog")
        name_field = wait_for(lambda: next((n for n in walk(dialog) if n.getRole() == pyatspi.ROLE_TEXT
                                            and is_showing(n)), None), 10, "file name field")
        app.click(name_field)
        app.press("a", control=True)
        pyatspi.Registry.generateKeyboardEvent(0, target, pyatspi.KEY_STRING)
        app.press("Return")
        wait_for(lambda: os.path.exists(target), 20, "exported file")
        status = wait_for(lambda: next((n for n in app.find_all(role=pyatspi.ROLE_LABEL)
                                        if n.name.startswith("Écrit : ")), None), 10, "status line")
        assert target in status.name, status.name
        assert os.path.getsize(target) > 1000
