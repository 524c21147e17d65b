"""The Bailleurs et conventions section: a landlord's review with a missed target."""
import pyatspi

from guichet_ui import App, is_showing, text_of, wait_for, walk

LANDLORD = "Flandre Opale Habitat"


def name_of(node):
    try:
        return text_of(node) or node.name or ""
    except Exception:
        return ""


def test_flandre_opale_habitat_missed_a_2023_target():
    with App(section="bailleurs") as app:
        landlords = wait_for(lambda: app.find(name="Bailleurs", role=pyatspi.ROLE_TABLE, showing=True)
                             or app.find(name="Bailleurs", showing=True), 20, "landlord list")
        cell = wait_for(lambda: next((n for n in walk(landlords) if name_of(n) == LANDLORD and is_showing(n)), None),
                        15, f"row « {LANDLORD} »")
        app.click(cell)
        review = wait_for(lambda: app.find(name="Revue de la convention", showing=True), 10, "review panel")
        wait_for(lambda: any(name_of(n) == LANDLORD for n in walk(review, max_depth=4)), 10, "landlord selected")
        # The latest year with published results is shown first: 2023.
        wait_for(lambda: any(name_of(n) == "Indicateurs 2023" for n in walk(review)), 10, "review of 2023")
        missed = [name_of(n) for n in walk(review) if name_of(n) == "✗ Objectif manqué"]
        assert missed, "a missed target in 2023"
