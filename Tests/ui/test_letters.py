"""Issue 18: the letters of a dossier from its fiche, as an agent at the counter produces them.
The receipt of a submitted dossier is previewed, printed through GTK's print dialog to a PDF file
("print to file"), and the file read back: it is the receipt of the right dossier, for the
applicant's own address (typed on the fiche just before), and it is now recorded in the dossier. A brouillon offers no receipt; a
paid dossier offers its notification and payment order, and the fiche still fits the counter's
1024x768 screen (this module runs there: scripts/ui-tests.sh)."""
import os
import sqlite3
import subprocess

import pyatspi

from guichet_ui import App, is_showing, temporary_folder, text_of, wait_for, walk
from test_counter import window_fits
from test_dossiers import (app_command, count_text, demo_database, dialog_button, dialog_text, open_dossier,
                           label_with, press_button, status_shown, type_into, uses_executable)

SCREEN = "1024x768"


def submitted_household_dossier(path):
    with sqlite3.connect(path) as db:
        return db.execute("""SELECT d.key, json_extract(x.data, '$.applicant.postalAddress.street'),
                                    json_extract(x.data, '$.property.address')
                             FROM dossier d JOIN dossier_data x ON x.ref = d.key
                             WHERE d.status = 'depose' AND json_extract(x.data, '$.applicant.household') IS NOT NULL
                               AND json_extract(x.data, '$.applicant.postalAddress.street') IS NOT NULL
                             ORDER BY d.key LIMIT 1""").fetchone()


def paid_dossier(path):
    with sqlite3.connect(path) as db:
        return db.execute("""SELECT d.key FROM dossier d JOIN dossier_data x ON x.ref = d.key
                             WHERE d.status = 'verse' AND json_extract(x.data, '$.applicant.household') IS NOT NULL
                             ORDER BY d.key LIMIT 1""").fetchone()[0]


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


def open_letters_menu(app):
    """Opens « Courriers » beside the fiche's title (a menu button: its popover lists the letters)."""
    def inner_button():  # GTK 4.8: the menu button's own toggle button, named by its label
        return next((n for n in app.find_all(name="Courriers") if n.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
                     and n.parent.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)), None)
    menu = wait_for(lambda: (lambda b: b if b is not None and is_showing(b) else None)(inner_button()), 20,
                    "the « Courriers » button")
    menu.queryAction().doAction(0)
    return menu


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
    moved = "7 rue de l'Essai"
    home = temporary_folder("guichet-ui-letters-")
    target = os.path.join(home, f"accuse-reception-{number}.pdf")
    with App(args=["--database", path], extra_env={"HOME": home, "GUICHET_AGENT": "agent.accueil"}) as app:
        open_dossier(app, number)
        wait_for(lambda: status_shown(app).startswith("Déposé"), 30, "the dossier opened")
        # The person at the counter has moved: the agent types the new postal address and saves.
        type_into(app, "Adresse postale (numéro et voie)", moved)
        press_button(app, "Enregistrer")
        wait_for(lambda: label_with(app, lambda t: t.endswith(" enregistré.")), 30, "the dossier saved")
        # « Courriers » beside the fiche's title: a submitted dossier offers its receipt, not a
        # notification (no grant yet).
        open_letters_menu(app)
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
        # The fiche lists it among the dossier's letters, to reprint identically.
        wait_for(lambda: any(text_of(n).startswith("N° 1 · Accusé de réception du ")
                             for n in app.find_all(role=pyatspi.ROLE_LABEL)), 30, "the letter listed in « Courriers »")
        assert app.find(name="Réimprimer le courrier n° 1", role=pyatspi.ROLE_PUSH_BUTTON) is not None
    text = pdf_text(target)
    assert number in text, text
    assert "Accusé de réception de votre demande d'aide" in text, text
    assert "Nous avons reçu le" in text and "réputée rejetée le" in text, text
    assert "Affaire suivie par : Claire Lemaire" in text and "agent.accueil" not in text, text
    assert moved in text and street not in text, (moved, street, text)
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
        assert not any(n.name == "Courriers" and is_showing(n) for n in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON)), \
            "no letter to offer for a brouillon"


def test_a_paid_dossier_offers_its_notification_and_payment_order_within_the_screen():
    if not uses_executable():
        return
    path = demo_database()
    number = paid_dossier(path)
    with App(args=["--database", path]) as app:
        open_dossier(app, number)
        wait_for(lambda: status_shown(app).startswith("Versé"), 30, "the paid dossier opened")
        assert window_fits(app), "the letters beside the fiche's title keep the window within the screen"
        open_letters_menu(app)
        offered = wait_for(lambda: (lambda names: names if "Ordre de paiement" in names else None)(
            {plain_name(b.name) for b in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON) if is_showing(b)}), 20, "the letters offered")
        assert "Notification d'attribution" in offered and "Accusé de réception" not in offered, offered
