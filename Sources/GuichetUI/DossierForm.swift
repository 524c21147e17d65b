import Foundation
import GtkKit
import GuichetCore

/// The form beside the dossier list (`ui/dossier-form.ui`): one dossier's fields for its
/// scheme, inline messages, eligibility and amount, supporting documents, lifecycle actions,
/// payments and history. Saves through the store with optimistic locking; a failed save
/// keeps everything typed.
@MainActor
final class DossierForm {
    let root: Widget
    let store: any GuichetStore
    /// Today for decisions, documents and new numbers.
    private let clock: Clock
    private let schemes: [AidScheme]
    private weak var window: Window?

    private let title: Label
    let subtitle: Label
    let banner: Label
    private let editor: Widget
    private let schemeDrop: DropDown
    private let kindDrop: DropDown
    private var entries: [DossierField: Entry] = [:]
    private var fieldBoxes: [DossierField: Widget] = [:]
    private var errorLabels: [DossierField: Label] = [:]
    private var headings: [String: Widget] = [:]
    let saveButton: Button
    private let cancelButton: Button
    private let eligibility: Label
    private let documentsGrid: Grid
    private let actionAmount: Entry
    private let actionReason: Entry
    private let overspendReason: Entry
    private let overspendField: Widget
    private let actionFields: [Widget]
    private let actionsBox: FlowBox
    let actionMessage: Label
    private let paymentsLabel: Label
    private let timelineLabel: Label

    /// The dossier as stored (nil: a new one, not saved yet, or nothing shown).
    private(set) var stored: AidDossier?
    /// The working copy: what the form edits over (documents, payments...).
    private var working: AidDossier?
    private var scheme: AidScheme?
    private var kinds: [ApplicantKind] = []
    private var touched: Set<DossierField> = []
    private var showAllErrors = false
    private var loading = false
    private(set) var isDirty = false
    private(set) var lastResult: DossierFormModel.Result?

    /// A dossier was saved (inserted, updated or moved by an action).
    var onSaved: (@MainActor (AidDossier) -> Void)?

    init(store: any GuichetStore, schemes: [AidScheme], window: Window?, clock: Clock) throws {
        self.clock = clock
        self.store = store
        self.schemes = schemes
        self.window = window
        let b = try Builder(uiFile: "dossier-form.ui")
        root = try b.get("form-scroll")
        title = try b.get("title")
        subtitle = try b.get("subtitle")
        banner = try b.get("banner")
        editor = try b.get("editor")
        schemeDrop = try b.get("scheme")
        kindDrop = try b.get("applicant-kind")
        for field in DossierField.allCases {
            entries[field] = try b.get("entry-\(field.rawValue)")
            fieldBoxes[field] = try b.get("field-\(field.rawValue)")
            errorLabels[field] = try b.get("error-\(field.rawValue)")
        }
        for id in ["demandeur", "logement", "dispositif", "pieces", "actions", "versements"] {
            headings[id] = try b.get("heading-\(id)")
        }
        saveButton = try b.get("save")
        cancelButton = try b.get("cancel")
        eligibility = try b.get("eligibility")
        documentsGrid = try b.get("documents")
        actionAmount = try b.get("entry-actionAmount")
        actionReason = try b.get("entry-actionReason")
        overspendReason = try b.get("entry-overspendReason")
        overspendField = try b.get("field-overspendReason")
        actionFields = [try b.get("field-actionAmount"), try b.get("field-actionReason")]
        actionsBox = try b.get("actions")
        actionMessage = try b.get("action-message")
        paymentsLabel = try b.get("payments")
        timelineLabel = try b.get("timeline")
        schemeDrop.items = schemes.map(Self.schemeItem)
        connectSignals()
        showNothing()
    }

    /// "PLV — PLAI vacants ou dégradés dans le parc so…": GTK 4.8 drop-downs do not ellipsize,
    /// and a long item would widen the window.
    static func schemeItem(_ scheme: AidScheme) -> String {
        let text = "\(scheme.code) — \(scheme.name)"
        return text.count > 48 ? String(text.prefix(47)) + "…" : text
    }

    // MARK: Showing

    /// Empty state: no dossier selected.
    func showNothing() {
        stored = nil
        working = nil
        scheme = nil
        isDirty = false
        editor.isVisible = false
        title.text = "Aucun dossier sélectionné"
        subtitle.show("Choisissez un dossier dans la liste ou créez-en un (Ctrl+N).")
        banner.show(nil)
    }

    /// Shows a stored dossier for editing.
    func show(_ dossier: AidDossier) {
        stored = dossier
        working = dossier
        showAllErrors = true
        banner.show(nil)
        actionMessage.show(nil)
        load(dossier, schemeCode: dossier.schemeCode)
        // An anonymised dossier keeps its figures for the budget; nobody types a person back in.
        editor.isSensitive = !dossier.isAnonymised
        refreshSaveState()
    }

    /// Whether the shown dossier can be edited (not an anonymised one).
    var isEditable: Bool { editor.isSensitive }

    /// Starts a new dossier of the first scheme (the agent chooses the scheme first).
    func startNew() {
        stored = nil
        showAllErrors = false
        banner.show(nil)
        actionMessage.show(nil)
        let code = schemes.first?.code ?? ""
        editor.isSensitive = true
        working = blankDossier(scheme: code)
        load(working!, schemeCode: code)
        // Nothing typed yet: leaving asks nothing; the first keystroke makes the form dirty.
        isDirty = false
        refreshSaveState()
        _ = schemeDrop.grabFocus()
    }

    var isNew: Bool { working != nil && stored == nil }
    var isShowingDossier: Bool { working != nil }

    private func blankDossier(scheme code: String) -> AidDossier {
        let s = schemes.first { $0.code == code }
        let kind = s?.applicants.first ?? .household
        let applicant = kind.isOrganisation
            ? Applicant(kind: kind, organisation: Organisation(name: ""))
            : Applicant(kind: kind, household: Household(members: [HouseholdMember(lastName: "", firstName: "", role: .applicant)]))
        let number = DossierNumber(year: clock.today().year, scheme: code, sequence: 1)
        return AidDossier(number: number, plhAction: s?.primaryAction ?? 1, applicant: applicant,
                          property: Property(address: "", postcode: "", commune: "", inseeCode: ""), createdAt: clock.now())
    }

    private func load(_ d: AidDossier, schemeCode: String) {
        loading = true
        defer { loading = false }
        touched = []
        editor.isVisible = true
        if let index = schemes.firstIndex(where: { $0.code == schemeCode }) { schemeDrop.selectedIndex = index }
        schemeDrop.isSensitive = stored == nil
        applyScheme(schemeCode, kind: d.applicant.kind)
        let texts = DossierFormModel.texts(of: d)
        for field in DossierField.allCases { entries[field]?.text = texts[field] ?? "" }
        actionAmount.text = ""
        actionReason.text = ""
        overspendReason.text = ""
        overspendField.isVisible = false
        isDirty = false
        updateHeader()
        rebuildDocuments()
        revalidate()
        refreshLifecycle()
    }

    /// Shows the scheme's fields and applicant kinds.
    private func applyScheme(_ code: String, kind: ApplicantKind?) {
        guard let s = schemes.first(where: { $0.code == code }) else { return }
        scheme = s
        let wasLoading = loading
        loading = true
        kinds = s.applicants
        kindDrop.items = kinds.map(\.label)
        kindDrop.selectedIndex = kind.flatMap { kinds.firstIndex(of: $0) } ?? 0
        loading = wasLoading
        applyFieldVisibility()
    }

    private var currentKind: ApplicantKind {
        kindDrop.selectedIndex.flatMap { $0 < kinds.count ? kinds[$0] : nil } ?? kinds.first ?? .household
    }

    private func applyFieldVisibility() {
        guard let scheme else { return }
        let visible = Set(DossierField.fields(for: scheme, applicant: currentKind))
        for field in DossierField.allCases { fieldBoxes[field]?.isVisible = visible.contains(field) }
        headings["dispositif"]?.isVisible = !visible.isDisjoint(with: [.works, .communeCoFunding, .epciDate, .purchaseDate, .requested])
    }

    private func updateHeader() {
        guard let d = working else { return }
        if stored == nil {
            title.text = "Nouveau dossier"
            subtitle.show("Choisissez d’abord le dispositif : le formulaire n’affiche que ses champs.")
        } else {
            title.text = d.number.formatted
            var line = "\(d.status.label) · \(scheme?.name ?? d.schemeCode)"
            if let on = stored?.anonymisedOn {
                line += "\nAnonymisé le \(FrenchFormat.date(on)) (RGPD) : données personnelles effacées, fiche en lecture seule."
            }
            subtitle.show(line)
        }
    }

    /// The entry of a field (tests, benchmarks).
    func entry(_ field: DossierField) -> Entry? { entries[field] }

    // MARK: Editing

    private func connectSignals() {
        for (field, entry) in entries {
            entry.onChanged { [weak self] in
                guard let self, !self.loading else { return }
                self.touched.insert(field)
                self.changed()
            }
        }
        schemeDrop.onSelectionChanged { [weak self] in
            guard let self, !self.loading, self.stored == nil, let index = self.schemeDrop.selectedIndex,
                  index < self.schemes.count else { return }
            let code = self.schemes[index].code
            // Keep what was typed; only the scheme (and so the fields shown) changes.
            var d = self.lastResult?.dossier ?? self.blankDossier(scheme: code)
            let fresh = self.blankDossier(scheme: code)
            d.number = fresh.number
            d.schemeCode = code
            d.plhAction = fresh.plhAction
            d.documents = []
            self.working = d
            self.applyScheme(code, kind: nil)
            self.rebuildDocuments()
            self.changed()
        }
        kindDrop.onSelectionChanged { [weak self] in
            guard let self, !self.loading else { return }
            self.applyFieldVisibility()
            self.changed()
        }
        saveButton.onClicked { [weak self] in self?.save() }
        cancelButton.onClicked { [weak self] in self?.cancelEdits() }
        actionAmount.onActivate { [weak self] in self?.actionAmount.grabFocus() }
    }

    private func changed() {
        isDirty = true
        revalidate()
    }

    private func currentTexts() -> [DossierField: String] {
        var texts: [DossierField: String] = [:]
        for (field, entry) in entries { texts[field] = entry.text }
        return texts
    }

    /// Rebuilds the dossier from the fields: inline messages, Save state, eligibility.
    @discardableResult
    private func revalidate() -> DossierFormModel.Result? {
        guard let scheme, let working else { return nil }
        let model = DossierFormModel(scheme: scheme, applicantKind: currentKind)
        let result = model.build(texts: currentTexts(), over: working)
        lastResult = result
        for field in DossierField.allCases {
            let message = (showAllErrors || touched.contains(field)) ? result.errors[field] : nil
            errorLabels[field]?.show(message)
            if message != nil { entries[field]?.addCSSClass("error") } else { entries[field]?.removeCSSClass("error") }
        }
        refreshSaveState()
        updateEligibility(result.dossier, scheme: scheme)
        return result
    }

    private func refreshSaveState() {
        saveButton.isSensitive = (lastResult?.isValid ?? false) && isDirty && editor.isSensitive
    }

    private func updateEligibility(_ d: AidDossier, scheme: AidScheme) {
        let result = EligibilityCheck.evaluate(d, scheme: scheme, on: clock.today())
        var lines: [String] = ["Montant calculé : \(FrenchFormat.money(result.computedAmount))"]
        for line in result.breakdown.lines {
            let detail = line.unitAmount.map { " (\(line.quantity) × \(FrenchFormat.money($0)))" } ?? ""
            lines.append("  • \(line.label)\(detail) : \(FrenchFormat.money(line.amount))")
        }
        if let max = result.breakdown.maximum { lines.append("Plafond : \(FrenchFormat.money(max))") }
        if !result.breakdown.coFunding.isEmpty {
            lines.append("Cofinancements (hors budget de l’agglomération) :")
            for line in result.breakdown.coFunding {
                lines.append("  • \(line.label)\(line.funder.map { " — \($0)" } ?? "") : \(FrenchFormat.money(line.amount))")
            }
        }
        if result.unmet.isEmpty {
            lines.append("Toutes les conditions du dispositif sont remplies.")
        } else {
            lines.append("Conditions non remplies :")
            for condition in result.unmet {
                lines.append("  • \(condition.message)\(condition.mandatory ? "" : " (à vérifier, non bloquant)")")
            }
        }
        eligibility.text = lines.joined(separator: "\n")
    }

    // MARK: Documents

    private func rebuildDocuments() {
        documentsGrid.removeAll()
        guard let scheme, let working else { return }
        let states = ["Non reçue"] + SupportingDocument.State.allCases.map { $0.label.prefix(1).uppercased() + $0.label.dropFirst() }
        for (index, requirement) in scheme.documents.enumerated() {
            let name = Label(requirement.label + (requirement.mandatory ? "" : " (facultative)"))
            name.xAlign = 0
            name.wraps = true
            name.addCSSClass("caption-heading")
            let drop = DropDown(items: states)
            drop.setAccessibleLabel("Pièce \(requirement.mandatory ? "obligatoire" : "facultative") : \(requirement.label)")
            let comment = Entry(placeholder: "Commentaire")
            comment.setAccessibleLabel("Commentaire : \(requirement.label)")
            let date = Label("")
            date.addCSSClass("dim-label")
            let current = working.document(requirement.id)
            drop.selectedIndex = current.map { 1 + (SupportingDocument.State.allCases.firstIndex(of: $0.state) ?? 0) } ?? 0
            comment.text = current?.comment ?? ""
            date.text = current.map { "le \(FrenchFormat.date($0.date))" } ?? ""
            let update: @MainActor () -> Void = { [weak self, weak drop, weak comment, weak date] in
                guard let self, !self.loading, let drop, let comment, var w = self.working else { return }
                let choice = drop.selectedIndex ?? 0
                w.documents.removeAll { $0.id == requirement.id }
                if choice > 0 {
                    let state = SupportingDocument.State.allCases[choice - 1]
                    w.record(document: SupportingDocument(id: requirement.id, state: state, date: clock.today(),
                                                          comment: comment.typedText))
                    date?.text = "le \(FrenchFormat.date(clock.today()))"
                } else {
                    date?.text = ""
                }
                self.working = w
                self.changed()
            }
            drop.onSelectionChanged(update)
            comment.onChanged(update)
            // Name on its own line, then state, comment and date: long names stay readable.
            comment.setExpand(horizontal: true, vertical: false)
            name.setEdgeMargins(top: index > 0 ? 8 : 0)
            documentsGrid.attach(name, column: 0, row: 2 * index, width: 3)
            documentsGrid.attach(drop, column: 0, row: 2 * index + 1)
            documentsGrid.attach(comment, column: 1, row: 2 * index + 1)
            documentsGrid.attach(date, column: 2, row: 2 * index + 1)
        }
    }

    // MARK: Lifecycle actions

    private static func buttonLabel(_ kind: DossierTransition.Kind) -> String {
        switch kind {
        case .submit: "Déposer"
        case .startReview: "Mettre en instruction"
        case .grant: "Accorder"
        case .pay: "Verser"
        case .refuse: "Refuser"
        case .abandon: "Classer sans suite"
        case .cancel: "Annuler l’aide"
        case .recordSale: "Enregistrer une vente"
        }
    }

    private func refreshLifecycle() {
        actionsBox.removeAll()
        guard let scheme, let d = working else { return }
        let available = DossierLifecycle(scheme: scheme).availableTransitions(for: d)
        let needsAmount = available.contains(.grant) || available.contains(.pay)
        let needsReason = !Set(available).isDisjoint(with: [.grant, .refuse, .abandon, .cancel])
        actionFields[0].isVisible = needsAmount
        actionFields[1].isVisible = needsReason
        if !available.contains(.grant) { overspendField.isVisible = false }
        headings["actions"]?.isVisible = !available.isEmpty
        for kind in available {
            let button = Button(label: Self.buttonLabel(kind))
            button.tooltip = kind.label
            if kind == .refuse || kind == .cancel { button.addCSSClass("destructive-action") }
            button.onClicked { [weak self] in self?.perform(kind) }
            actionsBox.append(button)
        }
        let paid = d.payments.map { "\(FrenchFormat.date($0.date)) : \(FrenchFormat.money($0.amount))\($0.label.map { " — \($0)" } ?? "") (\($0.agent))" }
        var paymentLines = paid.isEmpty ? ["Aucun versement."] : paid
        if let grant = d.grant {
            paymentLines.append("Accordé : \(FrenchFormat.money(grant.amount)) · versé : \(FrenchFormat.money(d.paidAmount)) · reste à verser : \(FrenchFormat.money(d.remainingToPay))")
        }
        paymentsLabel.text = paymentLines.joined(separator: "\n")
        timelineLabel.text = timelineText(d)
    }

    private func timelineText(_ d: AidDossier) -> String {
        var lines = d.timeline.reversed().map { change -> String in
            let comment = change.comment.map { " — \($0)" } ?? ""
            return "\(FrenchFormat.date(change.date)) · \(change.to.label) (\(change.agent))\(comment)"
        }
        if stored != nil, let events = try? store.read({ try $0.history(entity: "dossier", key: d.number.formatted) }) {
            for event in events.reversed() where event.action != "transition" {
                let fields = event.action == "création" ? "" : event.changes.prefix(4).map(\.field).joined(separator: ", ")
                let more = event.changes.count > 4 ? "…" : ""
                lines.append("\(FrenchFormat.date(CalendarDate(dayOf: event.at))) · \(event.action) (\(event.agent))"
                             + (fields.isEmpty ? "" : " : \(fields)\(more)"))
            }
        }
        return lines.isEmpty ? "Aucun événement." : lines.joined(separator: "\n")
    }

    private func perform(_ kind: DossierTransition.Kind) {
        guard let scheme, let result = revalidate() else { return }
        guard result.isValid else {
            showAllErrors = true
            revalidate()
            actionMessage.show("Corrigez d’abord les champs signalés.")
            return
        }
        let today = clock.today()
        let amountText = actionAmount.trimmedText
        let reason = actionReason.trimmedText
        let transition: DossierTransition
        switch kind {
        case .submit: transition = .submit
        case .startReview: transition = .startReview
        case .grant, .pay:
            let fallback = kind == .grant ? EligibilityCheck.evaluate(result.dossier, scheme: scheme, on: today).computedAmount
                                          : result.dossier.remainingToPay
            let amount = amountText.isEmpty ? fallback : FrenchNumber.parseMoney(amountText)
            guard let amount else { actionMessage.show("Montant invalide (exemple : 2 000,00)."); return }
            if kind == .grant {
                transition = .grant(GrantDecision(amount: amount, reason: actionReason.typedText, overspendReason: overspendReason.typedText))
            } else {
                transition = .pay(amount)
            }
        case .refuse: transition = .refuse(reason: reason)
        case .abandon: transition = .abandon(reason: actionReason.typedText)
        case .cancel: transition = .cancel(reason: reason)
        case .recordSale: transition = .recordSale(on: today)
        }
        do {
            var ledger: BudgetLedger?
            if kind == .grant {
                let figures = try store.read { try $0.budgetFigures(years: today.year...today.year) }
                ledger = BudgetLedger(catalog: SchemeCatalog(schemes: schemes), figures: figures)
            }
            let agent = try store.read { $0.agent }
            let next = try DossierLifecycle(scheme: scheme, budget: ledger).apply(transition, to: result.dossier, on: today, agent: agent)
            guard let saved = persist(next) else { return }
            actionMessage.show("\(Self.buttonLabel(kind)) : fait. Statut : \(saved.status.label).")
        } catch let error as LifecycleError {
            if error.code == .overspendNeedsConfirmation {
                overspendField.isVisible = true
                MessageDialog.inform(parent: window, kind: .warning, title: "Dépassement de l’enveloppe",
                                     detail: error.message + "\nPour confirmer, indiquez le motif du dépassement puis cliquez de nouveau sur « Accorder ».")
                _ = overspendReason.grabFocus()
            }
            actionMessage.show(error.message)
        } catch {
            banner.show("Action impossible : \(error)")
        }
    }

    // MARK: Saving

    /// Ctrl+S and the Save button.
    func save() {
        guard isEditable, let result = revalidate() else { return }
        guard result.isValid else {
            showAllErrors = true
            revalidate()
            banner.show("Le dossier comporte des erreurs : corrigez les champs signalés avant d’enregistrer."
                        + (result.otherErrors.isEmpty ? "" : "\n" + result.otherErrors.joined(separator: "\n")))
            return
        }
        if let saved = persist(result.dossier) {
            banner.show(nil)
            actionMessage.show("Dossier \(saved.number.formatted) enregistré.")
        }
    }

    /// Inserts or updates; on failure shows why in the window and keeps the form as typed.
    private func persist(_ dossier: AidDossier) -> AidDossier? {
        do {
            let saved: AidDossier
            if let stored {
                saved = try store.write { try $0.updateDossier(dossier, expectedVersion: stored.version) }
            } else {
                saved = try store.write { session in
                    var d = dossier
                    d.number = try session.nextDossierNumber(year: clock.today().year, scheme: dossier.schemeCode)
                    return try session.insertDossier(d)
                }
            }
            show(saved)
            onSaved?(saved)
            return saved
        } catch let StoreError.conflict(_, key, changes) {
            let list = changes.prefix(12).map { "• \($0.field) : « \($0.old ?? "") » → « \($0.new ?? "") »" }
            banner.show("Le dossier \(key) a été modifié par un autre agent depuis son ouverture ; vos saisies sont conservées "
                        + "mais n’ont pas été enregistrées.\nModifications de l’autre agent :\n" + list.joined(separator: "\n")
                        + (changes.count > 12 ? "\n…" : "")
                        + "\nPour repartir de la version enregistrée, cliquez sur « Annuler les modifications ».")
        } catch {
            banner.show("Enregistrement impossible : \(error). Vos saisies sont conservées.")
        }
        return nil
    }

    /// Escape and "Annuler les modifications": back to the stored version (read again), or to
    /// nothing for a new dossier.
    func cancelEdits() {
        guard let stored else { showNothing(); return }
        do {
            if let fresh = try store.read({ try $0.dossier(number: stored.number) }) { show(fresh) } else { showNothing() }
        } catch {
            banner.show("Lecture du dossier impossible : \(error)")
        }
    }
}
