"""Issue 15 in the real window (AT-SPI): an ACC dossier whose age-of-the-home threshold the PLH
does not give is not blocked, its eligibility panel names each rule's source and says the check
is the agent's, who records it from the panel; a PRL grant that takes the year's average above
the PLH's target asks for its reason; a private owner says PO or PB, and a landlord's large
operation then needs its adapted dwelling; an ADIL subsidy committed and paid from the Budget
section's dialogs (each money step confirmed in words) shows in the operating synthesis.
Figures come from the product (`guichet budget --json`, `dossiers show --json`), never typed here."""
import json
import os
import subprocess

import pyatspi

from guichet_ui import App, temporary_folder, text_of, wait_for, walk
from test_dossiers import (app_command, choose, confirm, dialog_button, dialog_text, label_with, open_dossier,
                           press_button, status_shown, type_into, uses_executable)

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


ACC = {"applicant": {"kind": "household", "household": {"members": [
           {"lastName": "Lemaire", "firstName": "Anne", "role": "applicant"}], "size": 1}},
       "property": {"address": "3 rue Carnot", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765",
                    "buildYear": 1965, "dwellings": 1, "adaptedDwellings": 0},
       "facts": {"worksAmount": 1800000, "communeCoFunding": 100000, "purchaseDate": "2026-02-01"}}


def test_acc_panel_says_the_age_check_is_the_agents_and_records_it():
    if not uses_executable():
        return
    path = capso_database()
    draft = os.path.join(os.path.dirname(path), "acc.json")
    with open(draft, "w") as f:
        json.dump(ACC, f)
    number = cli(path, "dossiers", "new", "--scheme", "ACC", "--file", draft, "--date", "2026-03-02", "--json")["number"]
    rules = cli(path, "dossiers", "show", number, "--json")["eligibility"]["rules"]
    age = next(r for r in rules if r["id"] == "builtBefore")
    assert age["state"] == "toCheck" and age["checkedByAgent"], age
    with open_window(path) as app:
        open_dossier(app, number)
        shown = wait_for(lambda: label_with(app, lambda t: t.startswith(f"? {age['label']} — source : ")), 30,
                         "the age rule in the eligibility panel")
        assert f"source : {age['source']}" in shown and "valeur par défaut à confirmer" in shown, shown
        assert "À vérifier par l’agent" in shown or "À vérifier par l'agent" in shown, shown
        # Not blocked: the panel does not say a condition is unmet.
        assert label_with(app, lambda t: t == "Conditions du dispositif :"), "ACC is not blocked by the product's default"
        for rule in rules:  # every rule names its source in the panel
            assert label_with(app, lambda t, r=rule: f"{r['label']} — source : {r['source']}" in t), rule
        type_into(app, f"Note de vérification : {age['label']}", "Maison de 1965, acte de vente vu")
        press_button(app, f"Condition remplie : {age['label']}")
        found = wait_for(lambda: label_with(app, lambda t: t.startswith(f"✓ {age['label']}")), 30, "the rule met by the agent")
        assert "Vérification : remplie" in found and "Maison de 1965, acte de vente vu" in found, found
    checks = cli(path, "dossiers", "show", number, "--json")["dossier"]["checks"]
    assert [(c["condition"], c["met"], c.get("note")) for c in checks] == [("builtBefore", True, "Maison de 1965, acte de vente vu")], checks


LANDLORD = {"kind": "socialLandlord", "organisation": {"name": "Pas-de-Calais Habitat", "siret": "73282932000074"}}


def new_dossier(path, scheme, draft, up_to_review=True):
    """A dossier made by the command line, its mandatory documents valid, submitted and in review."""
    file = os.path.join(os.path.dirname(path), f"{scheme}.json")
    with open(file, "w") as f:
        json.dump(draft, f)
    number = cli(path, "dossiers", "new", "--scheme", scheme, "--file", file, "--date", "2026-03-02", "--json")["number"]
    if up_to_review:
        for doc in cli(path, "dossiers", "show", number, "--json")["documents"]:
            if doc["mandatory"]:
                cli(path, "dossiers", "document", number, doc["id"], "--status", "valid", "--date", "2026-03-03", "--json")
        cli(path, "dossiers", "transition", number, "submit", "--date", "2026-03-05", "--json")
        cli(path, "dossiers", "transition", number, "review", "--date", "2026-03-06", "--json")
    return number


def test_a_grant_above_the_plh_average_asks_for_its_reason():
    """PRL: 10 PLAI asking twice the PLH's average is granted — an average is a target, not a cap —
    once the agent says why, and the question before « Accorder » says so."""
    if not uses_executable():
        return
    path = capso_database()
    number = new_dossier(path, "PRL", {
        "applicant": LANDLORD, "requestedAmount": 8000000,
        "property": {"address": "Rue de Dunkerque", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765",
                     "dwellings": 10, "adaptedDwellings": 1, "plaiDwellings": 10},
        "facts": {"epciPresentationDate": "2026-01-15"}})
    eligibility = cli(path, "dossiers", "show", number, "--json")["eligibility"]
    amount, target = eligibility["total"], eligibility["averageTarget"]
    assert amount > target * 10 and eligibility.get("maximum") is None, eligibility
    reason = "Acquisition-amélioration en centre ancien"
    with open_window(path) as app:
        open_dossier(app, number)
        wait_for(lambda: status_shown(app).startswith("En instruction"), 30, "the dossier opened")
        press_button(app, "Accorder")
        close = dialog_button(app, "Fermer")
        warning = dialog_text(app)
        assert "Au-dessus de l’aide moyenne visée par le PLH" in warning, warning
        close.queryAction().doAction(0)
        wait_for(lambda: "Au-dessus de l’aide moyenne" not in dialog_text(app), 10, "the warning closed")
        app.focus_window()  # no window manager gives the keyboard back after a dialog
        type_into(app, "Motif d’une aide au-dessus de la moyenne visée par le PLH", reason)
        press_button(app, "Accorder")
        wait_for(lambda: "passera au-dessus de la moyenne visée par le PLH" in dialog_text(app), 20,
                 "the question says the year's average goes above the target")
        confirm(app, "Accorder", f"Accorder {money(amount)} au dossier {number} ?")
        wait_for(lambda: status_shown(app).startswith("Accordé"), 30, "statut Accordé")
    granted = cli(path, "dossiers", "show", number, "--json")["dossier"]["grant"]
    assert (granted["amount"], granted["aboveAverageReason"]) == (amount, reason), granted
    prl = next(s for s in cli(path, "budget", "--year", "2026", "--json")["schemes"] if s["code"] == "PRL")
    assert prl["average"]["aboveTarget"] and prl["average"]["average"] == amount // 10, prl["average"]


def test_a_private_owner_says_po_or_pb():
    """PIG: « Propriétaire occupant ou bailleur » is a choice of the fiche; a landlord's operation
    of more than 5 dwellings without an adapted one then misses the PLH's action-11 condition."""
    if not uses_executable():
        return
    path = capso_database()
    number = new_dossier(path, "PIG", {
        "applicant": {"kind": "privateOwner", "household": {"members": [
            {"lastName": "Vasseur", "firstName": "Paul", "role": "applicant"}], "size": 1}},
        "property": {"address": "12 rue de l’Arsenal", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765",
                     "buildYear": 1930, "dwellings": 6, "adaptedDwellings": 0},
        "facts": {"worksAmount": 9000000}}, up_to_review=False)
    with open_window(path) as app:
        open_dossier(app, number)
        choose(app, "Propriétaire occupant ou bailleur", "Propriétaire bailleur (PB)")
        press_button(app, "Enregistrer")
        wait_for(lambda: label_with(app, lambda t: t == f"Dossier {number} enregistré."), 30, "dossier saved")
        shown = cli(path, "dossiers", "show", number, "--json")
        assert shown["dossier"]["applicant"]["ownerStatus"] == "landlord", shown["dossier"]["applicant"]
        adapted = next(r for r in shown["eligibility"]["rules"] if r["id"] == "adaptedWhenAbove")
        assert adapted["state"] == "unmet", adapted
        wait_for(lambda: label_with(app, lambda t: t.startswith(f"✗ {adapted['label']} — source : ")), 30,
                 "the adapted-dwelling condition unmet in the panel")


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
