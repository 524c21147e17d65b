"""The Dossiers d'aide section on a real database, driven as an agent would through AT-SPI:
create a dossier by typing into the form, find it again, refuse an invalid SIRET, and take a
dossier from brouillon to soldé. Needs the `guichet` executable as APP COMMAND
(`scripts/ui-tests.sh .build/debug/guichet`): the tests create their own database."""
import json
import re
import os
import sqlite3
import subprocess
import time

import pyatspi

from guichet_ui import App, temporary_folder, text_of, wait_for, walk


def app_command():
    return json.loads(os.environ["GUICHET_APP_CMD"])


def uses_executable():
    """The `guichet` executable (its own --database, if any, is overridden by each test's base)."""
    command = app_command()
    return os.path.basename(command[0]) == "guichet"


def new_database():
    folder = temporary_folder("guichet-ui-")
    path = os.path.join(folder, "test.sqlite")
    subprocess.run(app_command() + ["--database", path, "init", "--territory", "demo"], check=True,
                   stdout=subprocess.DEVNULL)
    return path


def dossier_count(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM dossier").fetchone()[0]


def open_app(path):
    return App(args=["--database", path])


def entry(app, name):
    """A text field (GtkEntry: role text; GtkSearchEntry: role entry) by accessible name."""
    return wait_for(lambda: next((n for n in app.find_all(name=name, showing=True)
                                  if n.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)), None),
                    10, f"field « {name} »")


def focused(node):
    """Whether the node or a widget inside it (a drop-down's button) has the focus."""
    return any(n.getState().contains(pyatspi.STATE_FOCUSED) for n in walk(node, max_depth=3))


def on_screen(app, node):
    """Whether the node lies inside the visible part of the window (not scrolled away)."""
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    frame = app.window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return box.y >= frame.y + 40 and box.y + box.height <= frame.y + frame.height - 4


def scroll_towards(app, node):
    """Turns the mouse wheel over the form until the node is in view (the form is taller than
    its pane); False when it does not come into view."""
    frame = app.window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = frame.x + frame.width - 120, frame.y + frame.height // 2
    for _ in range(40):
        if on_screen(app, node):
            return True
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        button = "4" if box.y < frame.y + 40 else "5"  # wheel up / down
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "--repeat", "3", button],
                       check=False, stderr=subprocess.DEVNULL)
        time.sleep(0.15)
    return on_screen(app, node)


def focus(app, node, what):
    """Clicks the node, scrolled into view with the wheel when needed; otherwise moves there with
    Tab, as a keyboard user would (the form scrolls to the focused field)."""
    if on_screen(app, node) or scroll_towards(app, node):
        app.click(node)
        wait_for(lambda: focused(node), 5, f"focus on « {what} »")
        return
    for _ in range(240):  # the form's fields, its checklist, the list's headers and rows
        app.press("Tab")
        try:
            wait_for(lambda: focused(node), 0.15, f"focus on « {what} »")
            return
        except AssertionError:
            continue
    raise AssertionError(f"Tab never reached « {what} »")


def type_into(app, name, text):
    field = entry(app, name)
    focus(app, field, name)
    if text_of(field):
        app.press("a", control=True)  # replace what the field holds
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    wait_for(lambda: text_of(field) == text, 5, f"« {text} » typed into « {name} »")


def button(app, name):
    def find():
        for node in walk(app.root):
            try:
                if node.name == name and node.getRole() == pyatspi.ROLE_PUSH_BUTTON:
                    return node
            except Exception:
                continue
        return None
    return wait_for(find, 20, f"button « {name} »")


def press_button(app, name):
    button(app, name).queryAction().doAction(0)  # the Action interface needs no pointer


def in_list(node, levels=4):
    """Whether the node is an item of a list (a drop-down's popover), not in the drop-down
    button nor in a table's cell (a list of landlords elsewhere in the window holds the same names)."""
    for _ in range(levels):
        node = node.parent
        if node is None:
            return False
        role = node.getRole()
        if role == pyatspi.ROLE_LIST_ITEM:
            return True
        if role in (pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_LIST):
            return False
    return False


def choose(app, dropdown_name, item):
    """Chooses an item of a drop-down with the keyboard: GTK 4.8 reports popover contents at
    wrong screen coordinates, so the list is driven with Home / Down / Return once open."""
    dropdown = wait_for(lambda: app.find(name=dropdown_name, role=pyatspi.ROLE_COMBO_BOX, showing=True), 10,
                        f"drop-down « {dropdown_name} »")
    if on_screen(app, dropdown) or scroll_towards(app, dropdown):
        app.click(dropdown)  # opens the popover
    else:
        focus(app, dropdown, dropdown_name)
        app.press("space")
    label = wait_for(lambda: next((n for n in app.find_all(role=pyatspi.ROLE_LABEL)
                                   if text_of(n) == item and in_list(n)), None),
                     10, f"item « {item} » of « {dropdown_name} »")
    list_item = label
    while list_item.getRole() != pyatspi.ROLE_LIST_ITEM:
        list_item = list_item.parent
    app.press("Home")
    for _ in range(list_item.getIndexInParent()):
        app.press("Down")
    app.press("Return")
    # The drop-down's own label is not exposed reliably by GTK 4.8: callers check the effect.
    wait_for(lambda: focused(dropdown), 10, f"popover of « {dropdown_name} » closed")


def dialog_button(app, name):
    """A button of a dialog over the main window (a question asked before an action)."""
    def find():
        for window in app.root:
            try:
                if window is None or window == app.window:
                    continue
                for node in walk(window):
                    # GTK 4.8 names a dialog's button twice ("Verser Verser").
                    if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and node.name in (name, f"{name} {name}"):
                        return node
            except Exception:
                continue
        return None
    return wait_for(find, 20, f"dialog button « {name} »")


def dialog_text(app):
    """Texts of the labels of the dialogs over the main window."""
    texts = []
    for window in app.root:
        try:
            if window is None or window == app.window:
                continue
            texts += [text_of(n) for n in walk(window) if n.getRole() == pyatspi.ROLE_LABEL]
        except Exception:
            continue
    return " ".join(texts)


def confirm(app, button_name, question):
    """Answers the question asked before a money or irreversible action: checks it says
    `question`, then presses its confirming button."""
    button = dialog_button(app, button_name)
    wait_for(lambda: question in dialog_text(app), 10, f"question « {question} »")
    button.queryAction().doAction(0)


def form_of(app):
    return wait_for(lambda: app.find(name="Fiche du dossier"), 10, "dossier form")


def labels_in(node):
    """Labels under `node`, skipping drop-down popovers (lists), which make walks slow."""
    for child in walk(node, max_depth=30):
        try:
            role = child.getRole()
        except Exception:
            continue
        if role == pyatspi.ROLE_LABEL:
            yield child


def label_with(app, predicate, within=None):
    """Text of the first label whose text satisfies `predicate`, "" when none (GTK 4.8 names a
    label after its text, whatever its accessible label says). `within`: the dossier form."""
    root = form_of(app) if within is None else within
    for node in labels_in(root):
        text = text_of(node)
        if predicate(text):
            return text
    return ""


COUNT = re.compile(r"^(Aucun dossier|1 dossier|\d[\d\u202f]* dossiers)$")


def count_text(app):
    page = wait_for(lambda: app.find(name="Dossiers d’aide", role=pyatspi.ROLE_FILLER), 10, "Dossiers page")
    return label_with(app, COUNT.match, within=page)


HOUSEHOLD = [("Nom", "Dupuis"), ("Prénom", "Jeanne"), ("Personnes au foyer", "2"),
             ("Adresse du logement", "12 rue des Clouteries"), ("Code postal", "62510"),
             ("Commune", "Arques"), ("Code INSEE", "62040"), ("Vacant depuis le", "01/01/2020"),
             ("Nombre de logements", "1")]


def create_vacancy_dossier(app):
    """Ctrl+N's button, then the first scheme (prime de sortie de vacance, a household)."""
    press_button(app, "Nouveau dossier")
    wait_for(lambda: app.find(name="Nouveau dossier", role=pyatspi.ROLE_LABEL, showing=True)
             or any(text_of(n) == "Nouveau dossier" for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)),
             10, "new dossier form")
    for name, text in HOUSEHOLD:
        type_into(app, name, text)
    save = button(app, "Enregistrer")
    wait_for(lambda: save.getState().contains(pyatspi.STATE_SENSITIVE), 10, "Save enabled once the form is valid")
    app.press("s", control=True)
    message = wait_for(lambda: label_with(app, lambda t: t.startswith("Dossier ") and t.endswith(" enregistré.")),
                       10, "saved message")
    return message.split()[1]  # "Dossier 2026-PSV-0001 enregistré."


def test_create_find_and_reopen_a_dossier():
    if not uses_executable():
        print("(test_dossiers needs `scripts/ui-tests.sh .build/debug/guichet`)")
        return
    path = new_database()
    with open_app(path) as app:
        number = create_vacancy_dossier(app)
        assert number.endswith("-PSV-0001"), number
        wait_for(lambda: count_text(app) == "1 dossier", 10, "count label shows 1 dossier")
    assert dossier_count(path) == 1
    with open_app(path) as app:
        type_into(app, "Rechercher un dossier", "dupu")
        wait_for(lambda: count_text(app) == "1 dossier", 10, "search finds the dossier")
        cell = wait_for(lambda: next((n for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)
                                      if text_of(n) == "DUPUIS Jeanne"), None), 10, "row of the dossier")
        app.click(cell)
        wait_for(lambda: any(text_of(n) == number for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)),
                 10, "form shows the dossier number")
        for name, text in HOUSEHOLD:
            assert text_of(entry(app, name)) == text, (name, text_of(entry(app, name)))
        type_into(app, "Rechercher un dossier", "x")  # "dupux": nothing matches
        wait_for(lambda: count_text(app) == "Aucun dossier", 10, "search filters as one types")


def test_invalid_siret_is_shown_and_nothing_saved():
    if not uses_executable():
        return
    path = new_database()
    with open_app(path) as app:
        press_button(app, "Nouveau dossier")
        choose(app, "Dispositif", "PLV — PLAI vacants ou dégradés dans le parc soc…")
        wait_for(lambda: app.find(name="SIRET", role=pyatspi.ROLE_TEXT, showing=True), 10, "SIRET field of an organisation scheme")
        assert app.find(name="Prénom", role=pyatspi.ROLE_TEXT, showing=True) is None, "household fields hidden"
        for name, text in [("Organisme", "Habitat Hauts-de-France"), ("SIRET", "12345678901234"),
                           ("Adresse du logement", "3 place Foch"), ("Code postal", "62500"),
                           ("Commune", "Saint-Omer"), ("Code INSEE", "62765"), ("Nombre de logements", "2")]:
            type_into(app, name, text)
        wait_for(lambda: any(text_of(n) == "SIRET invalide (clé de contrôle)." for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)),
                 10, "inline SIRET message")
        assert not button(app, "Enregistrer").getState().contains(pyatspi.STATE_SENSITIVE), "Save disabled"
        app.press("s", control=True)
        wait_for(lambda: label_with(app, lambda t: "comporte des erreurs" in t), 10, "Ctrl+S explains why nothing was saved")
        assert dossier_count(path) == 0
        type_into(app, "Montant demandé", "-5")
        wait_for(lambda: any(text_of(n) == "Le montant ne peut pas être négatif." for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)),
                 10, "negative amount message")
    assert dossier_count(path) == 0


def status_shown(app):
    return label_with(app, lambda t: t.split(" · ")[0] in ("Brouillon", "Déposé", "En instruction", "Accordé / engagé",
                                                             "Versé", "Soldé"))


def test_lifecycle_from_draft_to_settled():
    if not uses_executable():
        return
    path = new_database()
    with open_app(path) as app:
        create_vacancy_dossier(app)
        prefix = "Pièce obligatoire : "
        mandatory = [n.name for n in app.find_all(showing=True) if n.name.startswith(prefix)]
        assert len(mandatory) == 6, mandatory  # the vacancy bonus asks for six documents
        for name in mandatory[:-1]:
            choose(app, name, "Reçue")
        press_button(app, "Déposer")
        missing = wait_for(lambda: label_with(app, lambda t: "pièces obligatoires manquantes" in t), 30, "Déposer refused")
        assert mandatory[-1][len(prefix):] + " (manquante)" in missing, missing
        choose(app, mandatory[-1], "Valide")
        press_button(app, "Déposer")
        wait_for(lambda: status_shown(app).startswith("Déposé"), 30, "statut Déposé")
        press_button(app, "Mettre en instruction")
        wait_for(lambda: status_shown(app).startswith("En instruction"), 30, "statut En instruction")
        # A grant needs every mandatory document « Valide », not only « Reçue ».
        press_button(app, "Accorder")
        refused = wait_for(lambda: label_with(app, lambda t: "Accord impossible" in t), 30, "Accorder refused")
        assert "(reçue, non vérifiée)" in refused, refused
        for name in mandatory[:-1]:
            choose(app, name, "Valide")
        press_button(app, "Enregistrer")
        wait_for(lambda: label_with(app, lambda t: t.endswith(" enregistré.")), 30, "documents saved")
        number = label_with(app, lambda t: re.match(r"^\d{4}-PSV-\d{4}$", t) is not None)
        press_button(app, "Accorder")
        confirm(app, "Accorder", f"Accorder 4\u202f000,00\u00a0€ au dossier {number} ?")
        wait_for(lambda: status_shown(app).startswith("Accordé"), 30, "statut Accordé")
        # An empty amount pays nothing: the agent is told to type one or to « Solder ».
        press_button(app, "Verser")
        wait_for(lambda: label_with(app, lambda t: "Indiquez le montant du versement" in t), 30, "empty amount refused")
        type_into(app, "Montant de la décision ou du versement", "1500")
        press_button(app, "Verser")
        confirm(app, "Verser", f"Verser 1\u202f500,00\u00a0€ au dossier {number} ?")
        wait_for(lambda: status_shown(app).startswith("Versé"), 30, "statut Versé after the first instalment")
        press_button(app, "Solder")
        confirm(app, "Verser et solder", f"Verser 2\u202f500,00\u00a0€ et solder le dossier {number} ?")
        wait_for(lambda: status_shown(app).startswith("Soldé"), 30, "statut Soldé after « Solder »")
    with sqlite3.connect(path) as db:
        statuses = [row[0] for row in db.execute("SELECT status FROM dossier")]
    assert statuses == ["solde"], statuses


def demo_database(size=400):
    """A demo base of the application under test (its own, in a temporary folder)."""
    folder = temporary_folder("guichet-ui-demo-")
    path = os.path.join(folder, "demo.sqlite")
    subprocess.run(app_command() + ["--database", path, "demo", "--size", str(size)], check=True, stdout=subprocess.DEVNULL)
    return path


def dossier_json(path, number):
    out = subprocess.run(app_command() + ["--database", path, "dossiers", "show", number, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["dossier"]


def open_dossier(app, number):
    """Finds a dossier by its number in the list's search and opens it."""
    type_into(app, "Rechercher un dossier", number)
    wait_for(lambda: count_text(app) == "1 dossier", 10, "search finds the dossier")
    cell = wait_for(lambda: next((n for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)
                                  if text_of(n) == number), None), 10, "row of the dossier")
    app.click(cell)


def test_an_action_keeps_the_income_the_form_does_not_show():
    """Issue 12: an ACC dossier's form does not show the household's income; « Mettre en
    instruction » used to erase it. Opened, moved on, reopened: the income is kept."""
    if not uses_executable():
        return
    path = demo_database()
    with sqlite3.connect(path) as db:
        row = db.execute("""SELECT d.key FROM dossier d JOIN dossier_data x ON x.ref = d.key
                            WHERE d.scheme = 'ACC' AND d.status = 'depose'
                              AND json_extract(x.data, '$.applicant.household.yearlyIncome') IS NOT NULL
                            ORDER BY d.key LIMIT 1""").fetchone()
    assert row is not None, "the demo base holds a submitted ACC dossier with an income"
    number = row[0]
    before = dossier_json(path, number)
    income = before["applicant"]["household"]["yearlyIncome"]
    with open_app(path) as app:
        open_dossier(app, number)
        wait_for(lambda: status_shown(app).startswith("Déposé"), 30, "the dossier opened")
        assert app.find(name="Revenu fiscal de référence", role=pyatspi.ROLE_TEXT, showing=True) is None, \
            "ACC's form does not show the income"
        press_button(app, "Mettre en instruction")
        wait_for(lambda: status_shown(app).startswith("En instruction"), 30, "statut En instruction")
    after = dossier_json(path, number)
    assert after["status"] == "en_instruction", after["status"]
    assert after["applicant"]["household"]["yearlyIncome"] == income, (income, after["applicant"])
    assert after["applicant"] == before["applicant"]
    with open_app(path) as app:  # reopened: the history says what changed, in French, and no income
        open_dossier(app, number)
        history = wait_for(lambda: label_with(app, lambda t: "État : Déposé → En instruction" in t), 30, "history in French")
        assert "Revenu" not in history and "applicant." not in history, history


def test_escape_never_drops_typed_input_without_asking():
    """Escape in a new dossier with something typed asks first; « Continuer la saisie » keeps it."""
    if not uses_executable():
        return
    path = new_database()
    with open_app(path) as app:
        press_button(app, "Nouveau dossier")
        type_into(app, "Nom", "Dupuis")
        app.press("Escape")
        keep = dialog_button(app, "Continuer la saisie")
        assert "Abandonner les modifications ?" in dialog_text(app)
        keep.queryAction().doAction(0)
        wait_for(lambda: text_of(entry(app, "Nom")) == "Dupuis", 10, "typed name kept")
        app.focus_window()
        app.click(entry(app, "Nom"))
        time.sleep(0.2)
        app.press("Escape")
        dialog_button(app, "Abandonner les modifications").queryAction().doAction(0)
        wait_for(lambda: any(text_of(n) == "Aucun dossier sélectionné" for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)),
                 10, "the new dossier dropped once the agent said so")
