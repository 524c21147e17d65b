"""Issue 18: the letters of a dossier from its fiche, as an agent at the counter produces them.
The receipt of a submitted dossier is previewed, printed through GTK's print dialog to a PDF file
("print to file"), and the file read back: it is the receipt of the right dossier, for the
applicant's own address, and it is now recorded in the dossier. A brouillon offers no receipt."""
import os
import sqlite3
import subprocess

import pyatspi

from guichet_ui import App, temporary_folder, text_of, wait_for, walk
from test_dossiers import (app_command, count_text, demo_database, dialog_button, dialog_text, open_dossier,
                           press_button, status_shown, uses_executable)


def submitted_household_dossier(path):
    with sqlite3.connect(path) as db:
        return db.execute("""SELECT d.key, json_extract(x.data, '$.applicant.postalAddress.street'),
                                    json_extract(x.data, '$.property.address')
                             FROM dossier d JOIN dossier_data x ON x.ref = d.key
                             WHERE d.status = 'depose' AND json_extract(x.data, '$.applicant.household') IS NOT NULL
                               AND json_extract(x.data, '$.applicant.postalAddress.street') IS NOT NULL
                             ORDER BY d.key LIMIT 1""").fetchone()


def draft_dossier(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT key FROM dossier WHERE status = 'brouillon' ORDER BY key LIMIT 1").fetchone()[0]


def window_named(app, prefix):
    """A window of the application (other than the main one) whose title starts with `prefix`."""
    def find():
        for window in app.root:
            try:
                if window is not None and window != app.window and (window.name or "").startswith(prefix):
                    return window
            except Exception:
                continue
        return None
    return wait_for(find, 30, f"window « {prefix}… »")


def buttons_in(node):
    return [n for n in walk(node) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON]


def plain_name(name):
    """A button's name as read: GTK 4.8 names a dialog button by its mnemonic and its label
    (« _Print Print »)."""
    name = (name or "").replace("_", "")
    half = len(name) // 2
    return name[:half] if len(name) % 2 == 1 and name[:half] == name[half + 1:] else name


def button_in(window, *names):
    """A button of `window` by one of its names."""
    return wait_for(lambda: next((b for b in buttons_in(window) if plain_name(b.name) in names), None), 20,
                    f"button « {names[0]} »")


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout
    out = out.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2019", "'")
    return " ".join(out.split())


def choose_file_printer(app, dialog):
    """Clicks GTK's « print to file » printer in the print dialog's list of printers, as the agent
    does (the dialog's language follows the system's GTK translations)."""
    names = ("Imprimer dans un fichier", "Print to File")
    row = wait_for(lambda: next((n for n in walk(dialog) if n.getRole() == pyatspi.ROLE_LABEL and text_of(n) in names), None),
                   30, "the « print to file » printer")
    app.click(row)
    return row


def test_the_receipt_is_printed_from_the_fiche_to_a_pdf_file():
    if not uses_executable():
        return
    path = demo_database()
    number, street, property_street = submitted_household_dossier(path)
    home = temporary_folder("guichet-ui-letters-")
    target = os.path.join(home, f"accuse-reception-{number}.pdf")
    with App(args=["--database", path], extra_env={"HOME": home, "GUICHET_AGENT": "agent.accueil"}) as app:
        open_dossier(app, number)
        wait_for(lambda: status_shown(app).startswith("Déposé"), 30, "the dossier opened")
        # A submitted dossier offers its receipt, not a notification (no grant yet).
        press_button(app, "Accusé de réception")
        assert not any(n.name == "Notification d'attribution" for n in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON))
        preview = window_named(app, "Aperçu — Accusé de réception")
        button_in(preview, "Imprimer…").queryAction().doAction(0)
        dialog = wait_for(lambda: next((w for w in app.root if w is not None and w not in (app.window, preview)
                                        and w.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW)
                                        and any(plain_name(b.name) in ("Imprimer", "Print")
                                                for b in buttons_in(w))), None), 30, "the print dialog")
        choose_file_printer(app, dialog)
        printing = button_in(dialog, "Imprimer", "Print")
        wait_for(lambda: printing.getState().contains(pyatspi.STATE_SENSITIVE), 20, "a printer chosen")
        printing.queryAction().doAction(0)
        wait_for(lambda: os.path.exists(target) and os.path.getsize(target) > 1000, 60, f"the printed file {target}")
        wait_for(lambda: "enregistré dans l'historique du dossier" in dialog_text(app).replace("\u2019", "'"), 30,
                 "the preview says the letter is recorded")
    text = pdf_text(target)
    assert number in text, text
    assert "Accusé de réception de votre demande d'aide" in text, text
    assert "Nous avons reçu le" in text and "réputée rejetée le" in text, text
    assert "Affaire suivie par : Claire Lemaire" in text and "agent.accueil" not in text, text
    assert street in text, (street, text)
    with sqlite3.connect(path) as db:
        kinds = [r[0] for r in db.execute("SELECT kind FROM dossier_letter WHERE dossier = ?", (number,))]
        lines = [r[0] for r in db.execute("SELECT comment FROM history WHERE entityKey = ? AND action = 'courrier'", (number,))]
    assert kinds == ["accuse-reception"], kinds
    assert lines and lines[0].startswith("Accusé de réception n° 1"), lines


def test_a_brouillon_offers_no_receipt():
    if not uses_executable():
        return
    path = demo_database()
    number = draft_dossier(path)
    with App(args=["--database", path]) as app:
        open_dossier(app, number)
        wait_for(lambda: status_shown(app).startswith("Brouillon"), 30, "the draft opened")
        assert not any(n.name == "Accusé de réception" for n in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON)), \
            "no receipt for a dossier the service has not received"
