"""The « Demandes de logement social » section driven as an agent would: a new request, its
score moving live as a situation is declared and its document validated, save, and the request
found again in the list. Points come from the territory's grid file, totals from the window
and from the command line on the same database."""
import json
import os
import re
import time

import pyatspi

from guichet_ui import App, guichet, text_of, wait_for

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMUNE = "Essai-Automatique"


def grid_criterion(criterion_id):
    """The criterion as the demo profile's grid file describes it (its points are the oracle)."""
    with open(os.path.join(ROOT, "data", "territories", "cabbalr", "cotation.json"), encoding="utf-8") as f:
        grid = json.load(f)
    return next(c for c in grid["criteria"] if c["id"] == criterion_id)


def total(app):
    label = app.find(name="Score total", role=pyatspi.ROLE_LABEL, showing=True)
    assert label is not None, "score total label not found"
    digits = re.sub(r"\D", "", text_of(label))
    return int(digits) if digits else None


def type_into(app, name, text):
    entry = wait_for(lambda: app.find(name=name, role=pyatspi.ROLE_TEXT, showing=True), 10, f"entry « {name} »")
    app.click(entry)
    time.sleep(0.2)
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    wait_for(lambda: text in text_of(entry), 10, f"« {text} » typed into « {name} »")
    return entry


def choose(app, dropdown_name, item):
    """Opens a drop-down by a click and clicks one of its items in the popover."""
    dropdown = wait_for(lambda: app.find(name=dropdown_name, showing=True), 10, f"drop-down « {dropdown_name} »")
    app.click(dropdown)

    def visible_item():
        for node in app.find_all(showing=True):
            try:
                if node.getRole() == pyatspi.ROLE_LABEL and (node.name == item or text_of(node) == item) \
                        and node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).y > 0:
                    parent = node.parent
                    if parent is not None and parent.getRole() != pyatspi.ROLE_PUSH_BUTTON:
                        return node
            except Exception:
                continue
        return None

    node = wait_for(visible_item, 10, f"item « {item} » of « {dropdown_name} »")
    app.click(node)


def test_new_request_scores_live_saves_and_is_listed():
    dalo = grid_criterion("dalo")
    with App(section="demandes") as app:
        wait_for(lambda: app.find(name="Score total", showing=True), 20, "score panel")
        type_into(app, "Date de naissance de la personne 1", "14/02/1979")
        type_into(app, "Ressources annuelles du ménage", "21000")
        type_into(app, "Communes souhaitées", COMMUNE)
        before = wait_for(lambda: total(app), 10, "a score for the typed request")

        check = app.find(name=dalo["label"], role=pyatspi.ROLE_CHECK_BOX, showing=True)
        assert check is not None, "DALO check box"
        app.click(check)
        wait_for(lambda: check.getState().contains(pyatspi.STATE_CHECKED), 10, "DALO declared")
        time.sleep(0.5)
        assert total(app) == before, "declared without its document: 0 point"

        choose(app, "Justificatif : " + dalo["label"], "valide")
        wait_for(lambda: total(app) == before + dalo["points"], 10,
                 f"total {before} + {dalo['points']} once the document is valid")

        save = app.find(name="Enregistrer", role=pyatspi.ROLE_PUSH_BUTTON, showing=True)
        app.click(save)
        banner = wait_for(lambda: next((n for n in app.find_all(name="Message", showing=True)
                                        if "enregistrée" in text_of(n)), None), 10, "saved message")
        request_id = re.search(r"DLS-\d{4}-\d{6}", text_of(banner)).group(0)

        stored = guichet("requests", "list", "--text", COMMUNE, "--json")
        assert [r["id"] for r in stored["requests"]] == [request_id], stored
        assert stored["requests"][0]["score"] == before + dalo["points"]

        type_into(app, "Rechercher une demande", COMMUNE)
        wait_for(lambda: app.find(role=pyatspi.ROLE_LABEL, text=request_id, showing=True), 10,
                 f"{request_id} in the list")
