"""Issue 15 in the real window (AT-SPI): an ADIL subsidy committed and paid from the Budget
section's dialogs (each money step confirmed in words) shows in the operating synthesis.
Figures come from the product (`guichet budget --json`), never typed here."""
import json
import os
import subprocess

import pyatspi

from guichet_ui import App, temporary_folder, text_of, wait_for, walk
from test_dossiers import app_command, choose, confirm, press_button, type_into, uses_executable

DAY = "2026-06-30"  # the window's clock (GUICHET_TODAY): tests never depend on today's date


def capso_database():
    path = os.path.join(temporary_folder("guichet-ui-aid-"), "capso.sqlite")
    subprocess.run(app_command() + ["--database", path, "init", "--territory", "capso"], check=True, stdout=subprocess.DEVNULL)
    return path


def cli(path, *args):
    out = subprocess.run(app_command() + ["--database", path, *args], check=True, capture_output=True, text=True,
                         env=dict(os.environ, GUICHET_TODAY=DAY)).stdout
    return json.loads(out)


def open_window(path, section=None):
    return App(section=section, args=["--database", path], extra_env={"GUICHET_TODAY": DAY})


def money(cents, always_cents=True):
    """FrenchFormat.money: thin no-break spaces between thousands, no-break space before €."""
    euros, rest = divmod(cents, 100)
    text = f"{euros:,}".replace(",", "\u202f")
    if always_cents or rest:
        text += f",{rest:02d}"
    return text + "\u00a0€"


def grid_texts(app, name):
    grid = wait_for(lambda: next((n for n in app.find_all(name=name) if n.getRole() != pyatspi.ROLE_LABEL), None), 15, f"table « {name} »")
    return [text_of(n).replace("\u202f", " ").replace("\u00a0", " ") for n in walk(grid, max_depth=10)
            if n.getRole() == pyatspi.ROLE_LABEL]


def message_starting(app, start):
    return next((t for t in map(text_of, app.find_all(role=pyatspi.ROLE_LABEL)) if t.startswith(start)), None)


def test_an_adil_subsidy_committed_and_paid_shows_in_the_operating_synthesis():
    if not uses_executable():
        return
    path = capso_database()
    budget = cli(path, "budget", "--year", "2026", "--json")
    adil = next(l for l in budget["lines"] if l["code"] == "adil")
    amount, half = adil["envelope"], adil["envelope"] // 2
    action = adil["action"]
    with open_window(path, section="budget") as app:
        wait_for(lambda: app.find(name="Budget du PLH", showing=True), 15, "Budget page")
        press_button(app, "Engager une dépense…")
        label = adil["name"] if len(adil["name"]) <= 52 else adil["name"][:51] + "…"
        choose(app, "Ligne du PLH", label)
        type_into(app, "Référence de la décision", "Délibération n° 2026-031")
        type_into(app, "Date de la décision", "12/03/2026")
        type_into(app, "Montant engagé", f"{amount // 100},{amount % 100:02d}")
        press_button(app, "Engager…")
        confirm(app, "Engager", f"Engager {money(amount)} sur la ligne « {adil['name']} » ?")
        # The message sits beside the buttons, below the page's fold here (the test never scrolled).
        wait_for(lambda: message_starting(app, "Engagement ENG-2026-0001 enregistré"), 30, "commitment recorded")
        app.focus_window()
        press_button(app, "Verser sur un engagement…")
        wait_for(lambda: app.find(name="Montant du versement"), 15, "payment dialog")
        type_into(app, "Montant du versement", f"{half // 100},{half % 100:02d}")
        type_into(app, "Référence du mandat de paiement", "Mandat 2026-1187")
        press_button(app, "Verser…")
        confirm(app, "Verser", f"Verser {money(half)} à ADIL du Pas-de-Calais sur l’engagement ENG-2026-0001 ?")
        wait_for(lambda: message_starting(app, "Versement enregistré sur l’engagement ENG-2026-0001"), 30, "payment recorded")
        committed, paid = money(amount, False).replace("\u202f", " ").replace("\u00a0", " "), \
            money(half, False).replace("\u202f", " ").replace("\u00a0", " ")

        def row_shows_figures():
            texts = grid_texts(app, "Lignes hors budget du PLH")
            for i, t in enumerate(texts):
                if t == str(action) and "Fonctionnement" in texts[i:i + 4]:
                    row = texts[i:i + 8]
                    return committed in row and paid in row and row
            return False
        row = wait_for(row_shows_figures, 30, "the operating line of the ADIL's action shows committed and paid")
        assert row[2] == "Fonctionnement", row
    after = cli(path, "budget", "--year", "2026", "--json")
    line = next(l for l in after["plh"]["lines"] if l["action"] == action)
    assert (line["operatingFigures"]["committedYear"], line["operatingFigures"]["paidYear"]) == (amount, half), line
