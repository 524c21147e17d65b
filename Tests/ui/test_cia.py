"""Bailleurs et conventions › Bilan de la CIA and Registre des attributions, driven through AT-SPI:
the agglomeration's headline table recomputed from the demo register beside the published
figures, and one allocation typed in and counted."""
import json
import subprocess

import pyatspi

from guichet_ui import App, text_of, wait_for, walk
from guichet_ui import temporary_folder
from test_dossiers import app_command, choose, new_database, press_button, type_into, uses_executable
from test_programmes import button_named


def open_view(app, title):
    """Clicks a view of the section's switcher (a page tab named after the view)."""
    tab = wait_for(lambda: app.find(name=title, role=pyatspi.ROLE_PAGE_TAB), 20, f"view « {title} »")
    app.click(tab)
    wait_for(lambda: tab.getState().contains(pyatspi.STATE_SELECTED) or tab.getState().contains(pyatspi.STATE_CHECKED)
             or tab.getState().contains(pyatspi.STATE_PRESSED), 10, f"view « {title} » shown")


def label_text(app, predicate, what, timeout=30):
    """Text of the first label whose text satisfies `predicate` (waits for it)."""
    def find():
        for node in app.find_all(role=pyatspi.ROLE_LABEL):
            text = text_of(node).replace("\u00a0", " ").replace("\u202f", " ")
            if predicate(text):
                return text
        return None
    return wait_for(find, timeout, what)


def test_cia_review_shows_each_computed_figure_beside_the_published_one():
    with App(section="bailleurs") as app:
        open_view(app, "Bilan de la CIA")
        # 563 / 2 469 = 22,80 %, the review's table by landlord prints 22,83 %: both, marked.
        review = wait_for(lambda: app.find(name="Synthèse de l'agglomération", role=pyatspi.ROLE_PANEL), 20, "headline table")
        cell = wait_for(lambda: next((n for n in walk(review) if n.name.startswith("% de relogt des PP (tous contingents), 2021 : ")), None),
                        30, "2021 rate beside the published one")
        assert cell.name.endswith(": 22,80\u00a0%, publié 22,83\u00a0% ≠"), cell.name
        label_text(app, lambda t: t == "publié 22,83 % ≠", "the published 2021 rate, marked")
        label_text(app, lambda t: t == "publié 30,38 %", "the published 2023 rate, equal")
        # The latest year's obligations per landlord, the gap said in allocations.
        label_text(app, lambda t: t == "Obligations par bailleur en 2023", "landlords of 2023")
        label_text(app, lambda t: "attributions manquent pour atteindre 25 %" in t, "a gap in allocations")
        label_text(app, lambda t: "sans situation QPV" in t, "unknown QPV reported")


def test_one_allocation_typed_in_the_register_is_counted():
    if not uses_executable():
        return  # needs the executable to create its own database
    path = new_database()
    with App(section="bailleurs", args=["--database", path]) as app:
        open_view(app, "Registre des attributions")
        label_text(app, lambda t: t == "Le registre est vide.", "empty register")
        press_button(app, "Enregistrer l'attribution")
        errors = label_text(app, lambda t: t.startswith("À corriger avant d'enregistrer"), "errors named by field")
        assert "date de décision de la CAL : obligatoire" in errors and "bailleur" in errors, errors
        type_into(app, "Date de décision de la CAL", "12/03/2024")
        type_into(app, "Date de signature du bail", "02/04/2024")
        choose(app, "Bailleur", "SIA Habitat")
        type_into(app, "Commune", "Béthune")
        press_button(app, "Enregistrer l'attribution")
        label_text(app, lambda t: t.startswith("Attribution enregistrée (SIA Habitat, Béthune, comptée en 2024)"), "saved")
        label_text(app, lambda t: "(2024 : 1)" in t, "register counts the allocation")
    review = json.loads(subprocess.run(app_command() + ["--database", path, "allocations", "review", "--json"],
                                       check=True, capture_output=True, text=True).stdout)
    assert [y["year"] for y in review["years"]] == [2024], review["years"]
    assert review["years"][0]["agglomeration"]["allocations"] == 1


def test_an_extract_is_previewed_then_imported_into_the_register():
    if not uses_executable():
        return  # needs the executable to create its own database
    path = new_database()
    extract = f"{temporary_folder('guichet-extract-')}/extrait-sne.csv"
    with open(extract, "w", encoding="utf-8", newline="") as f:
        f.write("N° unique;Bailleur;Date de décision CAL;Date de signature du bail;Commune;Logement en QPV;Ménage prioritaire\r\n"
                "062230000001;SIA Habitat;02/01/2023;01/02/2023;Béthune;Non;Oui\r\n"
                "062230000002;PDCH;05/01/2023;01/03/2023;Auchel;peut-être;Non\r\n")
    with App(section="bailleurs", args=["--database", path], extra_env={"GUICHET_UI_IMPORT_FILE": extract}) as app:
        open_view(app, "Registre des attributions")
        press_button(app, "Importer un extrait…")
        confirm = wait_for(lambda: button_named(app, "Importer"), 30, "import report dialog")
        report = " ".join(text_of(n) for n in app.find_all(role=pyatspi.ROLE_LABEL, showing=True)).replace("\u202f", " ")
        assert "2 attribution(s) lue(s) : 2 nouvelle(s)" in report, report
        assert "ligne 3, colonne F (Logement en QPV)" in report, report
        confirm.queryAction().doAction(0)
        label_text(app, lambda t: t.startswith("Import de « extrait-sne.csv » enregistré."), "import recorded")
        label_text(app, lambda t: "(2023 : 2)" in t, "register counts the imported allocations")
