"""The Budget du PLH section in the real window, read through AT-SPI."""
import pyatspi

from guichet_ui import App, is_showing, wait_for

PAGE = "Budget du PLH"


def normalised(text):
    """French figures use U+202F between thousands and U+00A0 before €: compare with plain spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def labels(app):
    return [node for node in app.find_all(role=pyatspi.ROLE_LABEL) if is_showing(node)]


def test_budget_shows_the_plh_synthesis_totals():
    with App(section="budget") as app:
        wait_for(lambda: app.find(name=PAGE, showing=True), 15, "Budget page")
        total = wait_for(lambda: app.find(name="Total du budget du PLH (hors lignes hors budget)", showing=True),
                         15, "synthesis total row")
        assert total is not None
        texts = [normalised(label.name) for label in labels(app)]
        # Brief §3 totals, summed by the screen from the profile's lines.
        for figure in ["14 285 000 €", "2 380 833 € par an", "1 316 000 €", "219 333 € par an"]:
            assert figure in texts, (figure, [t for t in texts if "€" in t][:40])


def test_budget_lists_envelopes_with_their_year_and_export_button():
    with App(section="budget") as app:
        wait_for(lambda: app.find(name=PAGE, showing=True), 15, "Budget page")
        # The window opens before its base (issue 13): the sidebar row of the same name shows at
        # once, the section is built once the base is open and fills in once its figures are read.
        wait_for(lambda: app.find(name="Année du budget", showing=True), 15, "year chooser")
        assert app.find(name="Exporter le bilan du PLH", role=pyatspi.ROLE_PUSH_BUTTON), "export button"
        wait_for(lambda: app.find(name="Total des enveloppes", showing=True), 15, "envelope total row")
        names = [normalised(label.name) for label in labels(app)]
        bars = [bar.name for bar in app.find_all(role=pyatspi.ROLE_LEVEL_BAR)]
        assert any(name.startswith("Consommation de l’enveloppe") for name in bars), bars
        assert any("écoulée" in name for name in names), "share of the year elapsed"

