"""The « Demandes de logement social » section driven as an agent would: a new request, its
score moving live as a situation is declared and its document validated, save, and the request
found again in the list. Points come from the territory's grid file, totals from the window
and from the command line on the same database."""
import json
import os
import re
import time

import pyatspi

from guichet_ui import App, guichet, is_showing, text_of, wait_for, walk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMUNE = "Essai-Automatique"


def grid_criterion(criterion_id):
    """The criterion as the demo profile's grid file describes it (its points are the oracle)."""
    with open(os.path.join(ROOT, "data", "territories", "cabbalr", "cotation.json"), encoding="utf-8") as f:
        grid = json.load(f)
    return next(c for c in grid["criteria"] if c["id"] == criterion_id)


def within(root, name=None, role=None, prefix=None):
    """First node under `root` (the form side: walking the whole list's cells is slow) matching
    the name, role and text prefix given (GTK 4.8 names a label by its text)."""
    for node in walk(root):
        try:
            if role is not None and node.getRole() != role:
                continue
            if name is not None and node.name != name:
                continue
            if prefix is not None and not text_of(node).startswith(prefix):
                continue
        except Exception:
            continue
        return node
    return None


def label_starting(side, prefix):
    return within(side, role=pyatspi.ROLE_LABEL, prefix=prefix)


def total(side):
    label = label_starting(side, "Score : ")
    assert label is not None, "score total label not found"
    digits = re.sub(r"\D", "", text_of(label))
    return int(digits) if digits else None


def type_into(app, side, name, text):
    entry = wait_for(lambda: within(side, name=name, role=pyatspi.ROLE_TEXT), 10, f"entry « {name} »")
    app.click(entry)
    time.sleep(0.2)
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    wait_for(lambda: text in text_of(entry), 10, f"« {text} » typed into « {name} »")
    return entry


def focus_by_tab(app, node, what, limit=60):
    """Moves the keyboard focus with Tab until `node` has it: the scrolled form then brings it
    into view (a click needs the widget on screen, and the form is taller than its pane)."""
    for _ in range(limit):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return
        app.press("Tab")
        time.sleep(0.05)
    raise AssertionError(f"Tab never reached {what}")


def choose(app, side, dropdown_name, steps_down):
    """Opens a drop-down from the keyboard and moves `steps_down` items below the current one
    (popover extents are not in screen coordinates on GTK 4.8, so no clicking in it)."""
    dropdown = wait_for(lambda: within(side, name=dropdown_name), 10, f"drop-down « {dropdown_name} »")
    button = next(n for n in walk(dropdown) if n.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON))
    focus_by_tab(app, button, dropdown_name)
    app.press("space")
    time.sleep(0.5)
    for _ in range(steps_down):
        app.press("Down")
        time.sleep(0.1)
    app.press("Return")


def new_request_side(app):
    """The form side of a new request once a requester's birth date and resources are typed."""
    save = wait_for(lambda: app.find(name="Enregistrer", role=pyatspi.ROLE_PUSH_BUTTON, showing=True),
                    20, "save button")
    side = save.parent.parent.parent  # header box → form side (form, score, header)
    wait_for(lambda: label_starting(side, "Score : "), 20, "score total in the header")
    type_into(app, side, "Date de naissance de la personne 1", "14/02/1979")
    type_into(app, side, "Ressources annuelles du ménage", "21000")
    return save, side


def declare(app, side, label):
    """Ticks the situation whose check box is named `label` (the grid's label)."""
    check = within(side, name=label, role=pyatspi.ROLE_CHECK_BOX)
    assert check is not None, f"check box « {label} »"
    focus_by_tab(app, check, f"the check box « {label} »")
    app.press("space")
    wait_for(lambda: check.getState().contains(pyatspi.STATE_CHECKED), 10, f"« {label} » declared")


def test_new_request_scores_live_saves_and_is_listed():
    dalo = grid_criterion("dalo")
    with App(section="demandes") as app:
        save, side = new_request_side(app)
        communes = within(side, name="Communes souhaitées", role=pyatspi.ROLE_TEXT)
        focus_by_tab(app, communes, "the wished communes")
        pyatspi.Registry.generateKeyboardEvent(0, COMMUNE, pyatspi.KEY_STRING)
        wait_for(lambda: COMMUNE in text_of(communes), 10, "wished commune typed")
        wait_for(lambda: total(side) is not None, 10, "a score for the typed request")
        before = total(side)

        declare(app, side, dalo["label"])
        time.sleep(0.5)
        assert total(side) == before, "declared without its document: 0 point"

        # manquant → reçu → valide
        choose(app, side, "Justificatif : " + dalo["label"], 2)
        wait_for(lambda: total(side) == before + dalo["points"], 10,
                 f"total {before} + {dalo['points']} once the document is valid")

        app.click(save)
        banner = wait_for(lambda: label_starting(side, "Demande DLS-"), 10, "saved message")
        request_id = re.search(r"DLS-\d{4}-\d{6}", text_of(banner)).group(0)

        stored = guichet("requests", "list", "--text", COMMUNE, "--json")
        assert [r["id"] for r in stored["requests"]] == [request_id], stored
        assert stored["requests"][0]["score"] == before + dalo["points"]

        search = app.find(name="Rechercher une demande", showing=True)
        app.click(search)
        time.sleep(0.2)
        pyatspi.Registry.generateKeyboardEvent(0, COMMUNE, pyatspi.KEY_STRING)
        table = app.find(name="Demandes", role=pyatspi.ROLE_TREE_TABLE)
        wait_for(lambda: within(table, role=pyatspi.ROLE_LABEL, prefix=request_id), 10,
                 f"{request_id} in the list")


def test_overcrowding_without_a_minor_scores_zero_with_the_reason():
    """« Sur occupation avec au moins un mineur » declared, with a valid document, for a household
    of one adult: the line shows 0 point and says which condition of the grid fails; the total
    does not move. Then a second exclusive situation makes the form warn at once."""
    overcrowding = grid_criterion("suroccupation-mineur")
    condition = overcrowding["conditions"][0]["source"]["text"]
    with App(section="demandes") as app:
        _, side = new_request_side(app)
        wait_for(lambda: total(side) is not None, 10, "a score for the typed request")
        before = total(side)

        declare(app, side, overcrowding["label"])
        choose(app, side, "Justificatif : " + overcrowding["label"], 2)  # manquant → reçu → valide
        reason = wait_for(lambda: label_starting(side, "Situation déclarée, mais condition non remplie"), 10,
                          "the line saying the condition fails")
        assert condition in text_of(reason), text_of(reason)
        assert "aucune personne du ménage n'a moins de 18 ans" in text_of(reason), text_of(reason)
        assert text_of(reason).endswith("0 point."), text_of(reason)
        time.sleep(0.3)
        assert total(side) == before, f"total {total(side)} ≠ {before}: the criterion must score 0"

        # Two situations the grid declares exclusive: the form warns as soon as the second is ticked.
        with open(os.path.join(ROOT, "data", "territories", "cabbalr", "cotation.json"), encoding="utf-8") as f:
            group = json.load(f)["exclusiveGroups"][0]["criteria"]
        for criterion_id in group[:2]:
            declare(app, side, grid_criterion(criterion_id)["label"])
        warning = wait_for(lambda: label_starting(side, "Situations exclusives : "), 10, "the exclusive warning")
        assert grid_criterion(group[1])["label"] in text_of(warning), text_of(warning)


def test_escape_never_drops_typed_input_without_asking():
    """Escape behaves as in the dossiers section: with something typed it asks first, and
    « Continuer la saisie » keeps what was typed."""
    with App(section="demandes") as app:
        save = wait_for(lambda: app.find(name="Enregistrer", role=pyatspi.ROLE_PUSH_BUTTON, showing=True),
                        20, "save button")
        side = save.parent.parent.parent
        entry = type_into(app, side, "Ressources annuelles du ménage", "21000")
        app.press("Escape")

        def dialog_button(name):
            for window in app.root:
                if window is None or window == app.window:
                    continue
                for node in walk(window):
                    # GTK 4.8 names a dialog's button twice ("Verser Verser").
                    if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and node.name in (name, f"{name} {name}"):
                        return node
            return None
        keep = wait_for(lambda: dialog_button("Continuer la saisie"), 10, "the question before dropping the input")
        keep.queryAction().doAction(0)
        time.sleep(0.3)
        assert "21000" in text_of(entry), text_of(entry)
        app.focus_window()
        app.click(entry)
        time.sleep(0.2)
        app.press("Escape")
        wait_for(lambda: dialog_button("Abandonner les modifications"), 10, "asked again").queryAction().doAction(0)
        wait_for(lambda: text_of(entry) == "", 10, "the form emptied once the agent said so")
