import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// The form beside the dossier list (`ui/dossier-form.ui`): one dossier's fields for its
/// scheme, inline messages, eligibility and amount, supporting documents, lifecycle actions,
/// payments and history. Saves and actions go through the use cases (`Guichet`), off the main
/// thread; the form sends what it shows and the use case writes only what the agent changed.
/// Money and irreversible actions ask first; a failed save keeps everything typed.
@MainActor
final class DossierForm {
    let root: Widget
    let guichet: Guichet
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
    let actionAmount: Entry
    let actionReason: Entry
    let overspendReason: Entry
    private let overspendField: Widget
    private let actionFields: [Widget]
    private let actionsBox: FlowBox
    let actionMessage: Label
    private let paymentsLabel: Label
    private let timelineLabel: Label

    /// The dossier as stored (nil: a new one, not saved yet, or nothing shown).
    private(set) var stored: AidDossier?
    /// What the form edits over: the stored dossier, or the blank one of the scheme chosen.
    private var base: AidDossier?
    /// The checklist as shown: a document per requirement id, nil when not received.
    private var documentStates: [String: SupportingDocument?] = [:]
    /// The history lines of the stored dossier, in French.
    private var history: [String] = []
    /// The checklist's widgets: their signal handlers reach them weakly, this keeps them.
    private var documentRows: [(state: DropDown, comment: Entry, date: Label)] = []
    private var scheme: AidScheme?
    private var kinds: [ApplicantKind] = []
    private var touched: Set<DossierField> = []
    private var showAllErrors = false
    private var loading = false
    /// A save or an action is on its way: buttons wait for it.
    private(set) var isBusy = false { didSet { refreshSaveState() } }
    private(set) var lastResult: DossierFormModel.Result?
    /// The read of the dossier shown (reopening after a write, Escape).
    private var reading: Task<Void, Never>?

    /// The action buttons shown, by label (tests).
    private(set) var actionButtons: [String: Button] = [:]

    /// A dossier was saved (inserted, updated or moved by an action).
    var onSaved: (@MainActor (AidDossier) -> Void)?

    init(guichet: Guichet, schemes: [AidScheme], window: Window?) throws {
        self.guichet = guichet
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
        reading?.cancel()
        stored = nil
        base = nil
        scheme = nil
        lastResult = nil
        editor.isVisible = false
        title.text = "Aucun dossier sélectionné"
        subtitle.show("Choisissez un dossier dans la liste ou créez-en un (Ctrl+N).")
        banner.show(nil)
    }

    /// Shows a stored dossier for editing, with its history.
    func show(_ sheet: DossierSheet) {
        let dossier = sheet.dossier
        stored = dossier
        base = dossier
        history = sheet.historyLines
        showAllErrors = true
        banner.show(nil)
        load(dossier, schemeCode: dossier.schemeCode)
        // An anonymised dossier keeps its figures for the budget; nobody types a person back in.
        editor.isSensitive = !dossier.isAnonymised
        refreshSaveState()
    }

    /// Whether the shown dossier can be edited (not an anonymised one).
    var isEditable: Bool { editor.isSensitive }

    /// Starts a new dossier of the first scheme (the agent chooses the scheme first).
    func startNew() {
        reading?.cancel()
        stored = nil
        history = []
        showAllErrors = false
        banner.show(nil)
        actionMessage.show(nil)
        guard let first = schemes.first else { return }
        editor.isSensitive = true
        base = DossierFormModel.blank(scheme: first, year: guichet.today.year, createdAt: guichet.clock.now())
        load(base!, schemeCode: first.code)
        refreshSaveState()
        _ = schemeDrop.grabFocus()
    }

    var isNew: Bool { base != nil && stored == nil }
    var isShowingDossier: Bool { base != nil }

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
        documentStates = scheme.map { DossierFormInput.showing(d, scheme: $0).documents } ?? [:]
        actionAmount.text = ""
        actionReason.text = ""
        overspendReason.text = ""
        overspendField.isVisible = false
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
        guard let d = base else { return }
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
                self.revalidate()
            }
        }
        schemeDrop.onSelectionChanged { [weak self] in
            guard let self, !self.loading, self.stored == nil, let index = self.schemeDrop.selectedIndex,
                  index < self.schemes.count else { return }
            // Keep what was typed; only the scheme (and so the fields shown) changes.
            let scheme = self.schemes[index]
            self.base = DossierFormModel.blank(scheme: scheme, year: self.guichet.today.year, createdAt: self.guichet.clock.now())
            self.applyScheme(scheme.code, kind: nil)
            self.documentStates = DossierFormInput.showing(self.base!, scheme: scheme).documents
            self.rebuildDocuments()
            self.revalidate()
        }
        kindDrop.onSelectionChanged { [weak self] in
            guard let self, !self.loading else { return }
            self.applyFieldVisibility()
            self.revalidate()
        }
        saveButton.onClicked { [weak self] in self?.save() }
        cancelButton.onClicked { [weak self] in self?.askToCancelEdits() }
        actionAmount.onActivate { [weak self] in self?.actionAmount.grabFocus() }
    }

    private func currentTexts() -> [DossierField: String] {
        var texts: [DossierField: String] = [:]
        guard let scheme else { return texts }
        for field in DossierField.fields(for: scheme, applicant: currentKind) { texts[field] = entries[field]?.text ?? "" }
        return texts
    }

    /// What the form shows, as the use cases take it.
    func input() -> DossierFormInput? {
        guard let scheme else { return nil }
        return DossierFormInput(schemeCode: scheme.code, applicantKind: currentKind, texts: currentTexts(), documents: documentStates)
    }

    /// Whether the agent typed or chose anything that differs from what the form showed (even a
    /// text that cannot be read yet): leaving then asks first.
    var isDirty: Bool {
        guard let base, let scheme, let now = input() else { return false }
        let shown = DossierFormInput.showing(base, scheme: scheme)
        if now.applicantKind != shown.applicantKind || now.documents != shown.documents { return true }
        func trimmed(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespaces) }
        return now.texts.contains { trimmed($0.value) != trimmed(shown.texts[$0.key]) }
    }

    /// Rebuilds the dossier from the fields: inline messages, Save state, eligibility.
    @discardableResult
    private func revalidate() -> DossierFormModel.Result? {
        guard let scheme, let base, let input = input() else { return nil }
        let result = input.result(over: base, scheme: scheme)
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
        saveButton.isSensitive = (lastResult?.isValid ?? false) && isDirty && editor.isSensitive && !isBusy
    }

    private func updateEligibility(_ d: AidDossier, scheme: AidScheme) {
        let result = EligibilityCheck.evaluate(d, scheme: scheme, on: guichet.today)
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
        documentRows = []
        guard let scheme else { return }
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
            let current = documentStates[requirement.id] ?? nil
            drop.selectedIndex = current.map { 1 + (SupportingDocument.State.allCases.firstIndex(of: $0.state) ?? 0) } ?? 0
            comment.text = current?.comment ?? ""
            date.text = current.map { "le \(FrenchFormat.date($0.date))" } ?? ""
            let update: @MainActor () -> Void = { [weak self, weak drop, weak comment, weak date] in
                guard let self, !self.loading, let drop, let comment else { return }
                let choice = drop.selectedIndex ?? 0
                if choice > 0 {
                    let state = SupportingDocument.State.allCases[choice - 1]
                    let today = self.guichet.today
                    self.documentStates[requirement.id] = .some(SupportingDocument(id: requirement.id, state: state, date: today,
                                                                                     comment: comment.typedText))
                    date?.text = "le \(FrenchFormat.date(today))"
                } else {
                    self.documentStates[requirement.id] = .some(nil)
                    date?.text = ""
                }
                self.revalidate()
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
            documentRows.append((drop, comment, date))
        }
    }

    // MARK: Lifecycle actions

    /// A button of the actions box: its label, and the action it asks for.
    private enum ActionButton: CaseIterable {
        case submit, startReview, grant, pay, settle, refuse, abandon, cancel, recordSale

        var label: String {
            switch self {
            case .submit: "Déposer"
            case .startReview: "Mettre en instruction"
            case .grant: "Accorder"
            case .pay: "Verser"
            case .settle: "Solder"
            case .refuse: "Refuser"
            case .abandon: "Classer sans suite"
            case .cancel: "Annuler l’aide"
            case .recordSale: "Enregistrer une vente"
            }
        }

        var kind: DossierTransition.Kind {
            switch self {
            case .submit: .submit
            case .startReview: .startReview
            case .grant: .grant
            case .pay, .settle: .pay
            case .refuse: .refuse
            case .abandon: .abandon
            case .cancel: .cancel
            case .recordSale: .recordSale
            }
        }

        var tooltip: String { self == .settle ? "Verser tout le reste à verser et solder le dossier" : kind.label }
        var isClosing: Bool { self == .refuse || self == .cancel || self == .abandon }
    }

    private func refreshLifecycle() {
        actionsBox.removeAll()
        actionButtons = [:]
        guard let scheme, let d = base else { return }
        // A new dossier gets its number, and its actions, once saved.
        let available = stored == nil ? [] : DossierLifecycle(scheme: scheme).availableTransitions(for: d)
        let needsAmount = available.contains(.grant) || available.contains(.pay)
        let needsReason = !Set(available).isDisjoint(with: [.grant, .refuse, .abandon, .cancel])
        actionFields[0].isVisible = needsAmount
        actionFields[1].isVisible = needsReason
        if !available.contains(.grant) { overspendField.isVisible = false }
        headings["actions"]?.isVisible = !available.isEmpty
        for action in ActionButton.allCases where available.contains(action.kind) {
            let button = Button(label: action.label)
            button.tooltip = action.tooltip
            if action.isClosing { button.addCSSClass("destructive-action") }
            button.onClicked { [weak self] in self?.perform(action) }
            actionsBox.append(button)
            actionButtons[action.label] = button
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
        let changes = d.timeline.reversed().map { change -> String in
            let comment = change.comment.map { " — \($0)" } ?? ""
            return "\(FrenchFormat.date(change.date)) · \(change.to.label) (\(change.agent))\(comment)"
        }
        let lines = changes + history
        return lines.isEmpty ? "Aucun événement." : lines.joined(separator: "\n")
    }

    /// The action a button asks for, from the amount and reason typed; a French message when
    /// what is typed cannot make one (an empty payment amount).
    private func action(for button: ActionButton) throws(ValidationError) -> DossierAction {
        let reason = actionReason.trimmedText
        switch button {
        case .submit: return .submit
        case .startReview: return .startReview
        case .grant: return try .grant(amount: actionAmount.text, reason: actionReason.typedText, overspendReason: overspendReason.typedText)
        case .pay: return try .payment(amount: actionAmount.text)
        case .settle: return .settle(label: nil)
        case .refuse: return .refuse(reason: reason)
        case .abandon: return .abandon(reason: actionReason.typedText)
        case .cancel: return .cancel(reason: reason)
        case .recordSale: return .recordSale(on: guichet.today)
        }
    }

    private func perform(_ button: ActionButton) {
        guard let stored, !isBusy, let result = revalidate() else { return }
        guard result.isValid else {
            showAllErrors = true
            revalidate()
            actionMessage.show("Corrigez d’abord les champs signalés.")
            return
        }
        let action: DossierAction
        do { action = try self.action(for: button) } catch {
            actionMessage.show(DossierFormModel.sentence(error.message))
            return
        }
        do { try guichet.precheck(action, on: result.dossier) } catch let error as LifecycleError {
            refused(error)
            return
        } catch {
            actionMessage.show("\(error)")
            return
        }
        guard let question = guichet.confirmation(for: action, on: result.dossier) else {
            execute(action, label: button.label, on: stored)
            return
        }
        MessageDialog.show(parent: window, kind: .question, title: question.question, detail: question.consequence,
                           choices: [.init("Revenir au dossier"),
                                     .init(question.action, style: question.destructive ? .destructive : .suggested)]) { [weak self] choice in
            guard choice == 1, let self, self.stored?.number == stored.number else { return }
            self.execute(action, label: button.label, on: stored)
        }
    }

    /// Runs the action with the form's changes in one write transaction, then shows the result.
    private func execute(_ action: DossierAction, label: String, on stored: AidDossier) {
        guard let input = input() else { return }
        isBusy = true
        actionMessage.show("\(label) : en cours…")
        let guichet = guichet
        Task { [weak self] in
            do {
                let saved = try await guichet.perform(action, on: stored.number, expectedVersion: stored.version, form: input)
                await self?.reopen(saved, message: "\(label) : fait. Statut : \(saved.status.label).")
                self?.focusNextStep()
            } catch let error as LifecycleError {
                self?.refused(error)
            } catch {
                self?.failed(error, doing: "Action impossible")
            }
            self?.isBusy = false
        }
    }

    /// After an action the buttons are new: the keyboard goes to what comes next (the amount of
    /// a grant or a payment, else the first action), not back to the top of the window.
    private func focusNextStep() {
        if actionFields[0].isVisible {
            _ = actionAmount.grabFocus()
        } else if let first = ActionButton.allCases.lazy.compactMap({ self.actionButtons[$0.label] }).first {
            _ = first.grabFocus()
        }
    }

    private func refused(_ error: LifecycleError) {
        if error.code == .overspendNeedsConfirmation {
            overspendField.isVisible = true
            MessageDialog.inform(parent: window, kind: .warning, title: "Dépassement de l’enveloppe",
                                 detail: error.message + "\nPour confirmer, indiquez le motif du dépassement puis cliquez de nouveau sur « Accorder ».")
            _ = overspendReason.grabFocus()
        }
        actionMessage.show(error.message)
    }

    // MARK: Saving

    /// Ctrl+S and the Save button.
    func save() {
        guard isEditable, !isBusy, let result = revalidate(), let input = input() else { return }
        guard result.isValid else {
            showAllErrors = true
            revalidate()
            banner.show("Le dossier comporte des erreurs : corrigez les champs signalés avant d’enregistrer."
                        + (result.otherErrors.isEmpty ? "" : "\n" + result.otherErrors.joined(separator: "\n")))
            return
        }
        let stored = self.stored
        let guichet = guichet
        isBusy = true
        Task { [weak self] in
            do {
                if let stored {
                    let saved = try await guichet.saveDossier(stored.number, expectedVersion: stored.version, form: input)
                    await self?.reopen(saved.value, message: saved.changed ? "Dossier \(saved.value.number.formatted) enregistré."
                                                                           : "Aucune modification à enregistrer.")
                } else {
                    let created = try await guichet.createDossier(from: input)
                    await self?.reopen(created, message: "Dossier \(created.number.formatted) enregistré.")
                }
            } catch let StoreError.conflict(_, key, changes) {
                self?.conflicted(key: key, changes: changes)
            } catch {
                self?.failed(error, doing: "Enregistrement impossible")
            }
            self?.isBusy = false
        }
    }

    /// After a write: the dossier as stored with its history, and what was done.
    private func reopen(_ saved: AidDossier, message: String) async {
        let sheet = try? await guichet.dossierSheet(saved.number)
        show(sheet ?? DossierSheet(dossier: saved, scheme: scheme, history: []))
        banner.show(nil)
        actionMessage.show(message)
        onSaved?(saved)
    }

    private func conflicted(key: String, changes: [FieldChange]) {
        let shown = changes.filter(DossierFieldLabels.isShown)
        let list = shown.prefix(12).map { "• \(DossierFieldLabels.label($0.field)) : « \(DossierFieldLabels.value($0.old, at: $0.field)) » → « \(DossierFieldLabels.value($0.new, at: $0.field)) »" }
        banner.show("Le dossier \(key) a été modifié par un autre agent depuis son ouverture ; vos saisies sont conservées "
                    + "mais n’ont pas été enregistrées.\nModifications de l’autre agent :\n" + list.joined(separator: "\n")
                    + (shown.count > 12 ? "\n…" : "")
                    + "\nPour repartir de la version enregistrée, cliquez sur « Annuler les modifications ».")
    }

    private func failed(_ error: any Error, doing what: String) {
        banner.show("\(what) : \(error). Vos saisies sont conservées.")
    }

    /// "Annuler les modifications": asks first when something was typed.
    private func askToCancelEdits() {
        guard isDirty else { cancelEdits(); return }
        DiscardChangesDialog.ask(parent: window, unsaved: "Le dossier en cours de saisie n’est pas enregistré.") { [weak self] in
            self?.cancelEdits()
        }
    }

    /// Back to the stored version (read again), or to nothing for a new dossier.
    func cancelEdits() {
        guard let stored else { showNothing(); return }
        reading?.cancel()
        let guichet = guichet
        reading = Task { [weak self] in
            do {
                let sheet = try await guichet.dossierSheet(stored.number)
                guard !Task.isCancelled else { return }
                self?.show(sheet)
            } catch is CancellationError {
            } catch {
                self?.banner.show("Lecture du dossier impossible : \(error)")
            }
        }
    }
}
