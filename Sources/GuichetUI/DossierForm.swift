import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// The fiche of one dossier for the counter (`ui/dossier-form.ui`): a header that stays in view
/// (applicant, number, status, next step, error summary), the sections « Demandeur », « Logement »,
/// « Éléments du dispositif », « Pièces justificatives », « Décision et versements », « Historique »
/// in one or two columns, and an action bar at the bottom with « Enregistrer ». Fields are made
/// from the field table (`FieldRow`, `FicheSectionID.fields`), shown for the scheme and the kind
/// of applicant. Saves and actions go through the use cases (`Guichet`), off the main thread;
/// the form sends what it shows and the use case writes only what the agent changed. Money and
/// irreversible actions ask first; a failed save keeps everything typed. A closed or anonymised
/// dossier is shown read only.
@MainActor
final class DossierForm {
    let root: Widget
    let guichet: Guichet
    private let schemes: [AidScheme]
    private weak var window: Window?

    private let title: Label
    let numberLabel: Label
    let subtitle: Label
    let nextStep: Label
    let banner: Label
    private let bannerBox: Widget
    private let firstErrorButton: Button
    let backButton: Button
    private let editor: Widget
    private let bodyScroll: Widget
    private let columnsBox: Box
    private let columnStart: Box
    private let columnEnd: Box
    /// Slots for other features' buttons: beside the title, and in the action bar.
    let headerActions: Box
    let barActions: Box
    private let schemeDrop: DropDown
    private let kindDrop: DropDown
    private(set) var sections: [FicheSectionID: FicheSection] = [:]
    /// The fields' rows, typed (`FieldRow`) or chosen from a list (`ChoiceFieldRow`: PO / PB).
    private var rows: [DossierField: any FicheFieldRow] = [:]
    let members = MembersEditor()
    private var communeCompletion: EntryCompletion?
    private var communeMatches: [COGCommune] = []
    /// The territory's communes (official geographic code), for the commune field's suggestions.
    var communes: [COGCommune] = []
    let saveButton: Button
    private let cancelButton: Button
    /// Eligibility and amount: the rules with their sources, the agent's checks (aidrules' panel).
    let eligibility = EligibilityPanel()
    private let documentsGrid: Grid
    private let amountRow: FieldRow
    private let reasonRow: FieldRow
    private let overspendRow: FieldRow
    /// Asked when a grant takes the year's average per dwelling above the PLH's target.
    private let aboveAverageRow: FieldRow
    var actionAmount: Entry { amountRow.entry }
    var actionReason: Entry { reasonRow.entry }
    var overspendReason: Entry { overspendRow.entry }
    var aboveAverageReason: Entry { aboveAverageRow.entry }
    private let actionsBox: FlowBox
    let actionMessage: Label
    private let paymentsLabel: Label
    private let timelineLabel: Label
    /// The fiche's letters: offered by the dossier's state, previewed, printed or saved, reprinted.
    private(set) var letters: DossierLettersPanel!
    private var twoColumns = false
    private var columnsPlaced = false

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
    private var membersTouched = false
    private var showAllErrors = false
    private var loading = false
    private var editable = true
    /// A save or an action is on its way: buttons wait for it.
    private(set) var isBusy = false { didSet { refreshSaveState() } }
    private(set) var lastResult: DossierFormModel.Result?
    /// The read of the dossier shown (reopening after a write, Escape).
    private var reading: Task<Void, Never>?

    /// The action buttons shown, by label (tests).
    private(set) var actionButtons: [String: Button] = [:]

    /// A dossier was saved (inserted, updated or moved by an action); `created` for a new one.
    var onSaved: (@MainActor (_ dossier: AidDossier, _ created: Bool) -> Void)?
    /// The back button (the fiche covers the list) or Escape asked to go back to the list.
    var onBack: (@MainActor () -> Void)?
    /// Tells the agent what was done, beyond the fiche ("Dossier 2026-PRL-0033 enregistré").
    var onAnnounce: (@MainActor (String) -> Void)?

    init(guichet: Guichet, schemes: [AidScheme], window: Window?) throws {
        self.guichet = guichet
        self.schemes = schemes
        self.window = window
        let b = try Builder(uiFile: "dossier-form.ui")
        root = try b.get("fiche")
        title = try b.get("title")
        numberLabel = try b.get("number")
        subtitle = try b.get("subtitle")
        nextStep = try b.get("next-step")
        banner = try b.get("banner")
        bannerBox = try b.get("banner-box")
        firstErrorButton = try b.get("first-error")
        backButton = try b.get("back")
        editor = try b.get("editor")
        bodyScroll = try b.get("body-scroll")
        columnsBox = try b.get("columns")
        columnStart = try b.get("column-start")
        columnEnd = try b.get("column-end")
        headerActions = try b.get("header-actions")
        barActions = try b.get("bar-actions")
        schemeDrop = try b.get("scheme")
        kindDrop = try b.get("applicant-kind")
        saveButton = try b.get("save")
        cancelButton = try b.get("cancel")
        actionMessage = try b.get("action-message")
        documentsGrid = Grid.make(rowSpacing: 6, columnSpacing: 8)
        amountRow = FieldRow(label: "Montant de la décision ou du versement", input: .money)
        reasonRow = FieldRow(label: "Motif", input: .text)
        overspendRow = FieldRow(label: "Motif du dépassement d’enveloppe", input: .text)
        aboveAverageRow = FieldRow(label: "Motif d’une aide au-dessus de la moyenne visée par le PLH", input: .text)
        actionsBox = FlowBox.make(maxPerLine: 3)
        actionsBox.setAccessibleLabel("Actions sur le dossier")
        paymentsLabel = Label()
        timelineLabel = Label()
        for label in [paymentsLabel, timelineLabel] {
            label.xAlign = 0
            label.wraps = true
        }
        schemeDrop.items = schemes.map(Self.schemeItem)
        buildSections()
        connectSignals()
        setColumns(two: false)
        showNothing()
    }

    /// "PLV — PLAI vacants ou dégradés dans le parc so…": GTK 4.8 drop-downs do not ellipsize,
    /// and a long item would widen the window.
    static func schemeItem(_ scheme: AidScheme) -> String {
        let text = "\(scheme.code) — \(scheme.name)"
        return text.count > 44 ? String(text.prefix(43)) + "…" : text
    }

    // MARK: Building

    private func buildSections() {
        for id in FicheSectionID.allCases {
            let section = FicheSection(id)
            sections[id] = section
            for field in id.fields {
                let row: any FicheFieldRow = field.choices == nil ? FieldRow(field) : ChoiceFieldRow(field)
                rows[field] = row
                section.append(row.root)
            }
        }
        sections[.demandeur]?.append(members.root)
        sections[.dispositif]?.append(eligibility.root)
        sections[.pieces]?.append(documentsGrid)
        let decision = sections[.decision]!
        for row in [amountRow, reasonRow, overspendRow, aboveAverageRow] { decision.append(row.root) }
        decision.append(actionsBox)
        let paid = Label("Versements")
        paid.xAlign = 0
        paid.addCSSClass("heading")
        decision.append(paid)
        decision.append(paymentsLabel)
        letters = DossierLettersPanel(header: headerActions, section: sections[.courriers]!.root, guichet: guichet, window: window)
        letters.onRecorded = { [weak self] number in self?.refreshLetters(number) }
        letters.report = { [weak self] text in self?.actionMessage.show(text) }
        sections[.courriers]?.append(letters.root)
        sections[.historique]?.append(timelineLabel)
        if let commune = typed(.commune) {
            communeCompletion = EntryCompletion(entry: commune.entry) { [weak self] index in self?.communeChosen(index) }
        }
    }

    /// Two columns (sections « Pièces », « Décision », « Historique » in the second) or one.
    func setColumns(two: Bool) {
        guard two != twoColumns || !columnsPlaced else { return }
        columnsPlaced = true
        twoColumns = two
        columnStart.removeAll()
        columnEnd.removeAll()
        for id in FicheSectionID.allCases {
            let section = sections[id]!.root
            if two && id.isSecondColumn { columnEnd.append(section) } else { columnStart.append(section) }
        }
        columnEnd.isVisible = two
        columnsBox.isHomogeneous = two
    }

    var hasTwoColumns: Bool { twoColumns }

    // MARK: Showing

    /// Empty state: no dossier selected.
    func showNothing() {
        reading?.cancel()
        stored = nil
        base = nil
        scheme = nil
        lastResult = nil
        editor.isVisible = false
        letters.show(nil)
        title.text = "Aucun dossier sélectionné"
        numberLabel.text = ""
        subtitle.show("Choisissez un dossier dans la liste ou créez-en un (Ctrl+N).")
        nextStep.show(nil)
        showBanner(nil)
        actionMessage.show(nil)
        refreshSaveState()
    }

    /// Shows a stored dossier for editing, with its history.
    func show(_ sheet: DossierSheet) {
        let dossier = sheet.dossier
        if stored?.number != dossier.number { eligibility.reset() }
        letters.show(sheet)
        stored = dossier
        base = dossier
        history = sheet.historyLines
        showAllErrors = true
        showBanner(nil)
        // An anonymised dossier keeps its figures for the budget; nobody types a person back in.
        // A closed one is a record: it is read, not edited.
        editable = !dossier.isAnonymised && !dossier.status.isClosed
        load(dossier, schemeCode: dossier.schemeCode)
        refreshSaveState()
        bodyScroll.scrollToTop()
    }

    /// Whether the shown dossier can be edited (not a closed or anonymised one).
    var isEditable: Bool { editable }

    /// Starts a new dossier of the first scheme (the agent chooses the scheme first).
    func startNew() {
        reading?.cancel()
        eligibility.reset()
        stored = nil
        letters.show(nil)
        history = []
        showAllErrors = false
        showBanner(nil)
        actionMessage.show(nil)
        guard let first = schemes.first else { return }
        editable = true
        base = DossierFormModel.blank(scheme: first, year: guichet.today.year, createdAt: guichet.clock.now())
        load(base!, schemeCode: first.code)
        refreshSaveState()
        bodyScroll.scrollToTop()
        _ = schemeDrop.grabFocus()
    }

    var isNew: Bool { base != nil && stored == nil }
    var isShowingDossier: Bool { base != nil }

    private func load(_ d: AidDossier, schemeCode: String) {
        loading = true
        defer { loading = false }
        touched = []
        membersTouched = false
        editor.isVisible = true
        if let index = schemes.firstIndex(where: { $0.code == schemeCode }) { schemeDrop.selectedIndex = index }
        schemeDrop.isSensitive = stored == nil
        applyScheme(schemeCode, kind: d.applicant.kind)
        let texts = DossierFormModel.texts(of: d)
        for (field, row) in rows { row.text = texts[field] ?? "" }
        members.show(MemberText.others(of: d))
        documentStates = scheme.map { DossierFormInput.showing(d, scheme: $0).documents } ?? [:]
        amountRow.entry.text = ""
        reasonRow.entry.text = ""
        overspendRow.entry.text = ""
        overspendRow.isVisible = false
        aboveAverageRow.entry.text = ""
        aboveAverageRow.isVisible = false
        applyEditable()
        updateHeader()
        rebuildDocuments()
        revalidate()
        refreshLifecycle()
    }

    /// Read only: fields keep their text (readable, copyable) but take no typing.
    private func applyEditable() {
        for row in rows.values { row.isEditable = editable }
        members.isEditable = editable
        kindDrop.isSensitive = editable
        cancelButton.isVisible = editable
        saveButton.isVisible = editable
        for row in documentRows {
            row.state.isSensitive = editable
            row.comment.isEditable = editable
        }
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
        for (field, row) in rows { row.isVisible = visible.contains(field) }
        members.root.isVisible = !currentKind.isOrganisation
        sections[.dispositif]?.root.isVisible = true
    }

    private func updateHeader() {
        guard let d = base else { return }
        if stored == nil {
            title.text = "Nouveau dossier"
            numberLabel.text = ""
            subtitle.show("Choisissez d’abord le dispositif : la fiche n’affiche que ses champs.")
            nextStep.show("Prochaine étape : enregistrer le dossier (il reçoit alors son numéro).")
        } else {
            let name = d.applicant.displayName
            title.text = name.isEmpty ? d.number.formatted : name
            numberLabel.text = d.number.formatted
            var line = "\(d.status.label) · \(scheme?.name ?? d.schemeCode)"
            if let on = stored?.anonymisedOn {
                line += "\nAnonymisé le \(FrenchFormat.date(on)) (RGPD) : données personnelles effacées, fiche en lecture seule."
            }
            subtitle.show(line)
            nextStep.show(scheme.map { DossierNextStep.text(for: d, scheme: $0, on: guichet.today) })
        }
    }

    /// The entry of a field (tests, benchmarks).
    func entry(_ field: DossierField) -> Entry? { typed(field)?.entry }

    /// The row of a typed field (nil for a field chosen from a list).
    private func typed(_ field: DossierField) -> FieldRow? { rows[field] as? FieldRow }

    // MARK: Editing

    private func connectSignals() {
        for (field, row) in rows {
            row.onChanged { [weak self] in
                guard let self, !self.loading else { return }
                self.touched.insert(field)
                if field == .commune { self.suggestCommunes() }
                self.revalidate()
            }
        }
        members.onChanged = { [weak self] in
            guard let self, !self.loading else { return }
            self.membersTouched = true
            self.revalidate()
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
        backButton.onClicked { [weak self] in self?.onBack?() }
        firstErrorButton.onClicked { [weak self] in self?.focusFirstError() }
        eligibility.onRecord = { [weak self] condition, met, note in self?.recordCheck(condition, met: met, note: note) }
        amountRow.entry.onActivate { [weak self] in self?.amountRow.entry.grabFocus() }
    }

    private func currentTexts() -> [DossierField: String] {
        var texts: [DossierField: String] = [:]
        guard let scheme else { return texts }
        for field in DossierField.fields(for: scheme, applicant: currentKind) { texts[field] = rows[field]?.text ?? "" }
        return texts
    }

    /// What the form shows, as the use cases take it.
    func input() -> DossierFormInput? {
        guard let scheme else { return nil }
        return DossierFormInput(schemeCode: scheme.code, applicantKind: currentKind, texts: currentTexts(), documents: documentStates,
                                members: currentKind.isOrganisation ? nil : members.members)
    }

    /// Whether the agent typed or chose anything that differs from what the form showed (even a
    /// text that cannot be read yet): leaving then asks first.
    var isDirty: Bool {
        guard let base, let scheme, let now = input() else { return false }
        let shown = DossierFormInput.showing(base, scheme: scheme)
        if now.applicantKind != shown.applicantKind || now.documents != shown.documents { return true }
        if now.members != nil && now.members != shown.members { return true }
        func trimmed(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespaces) }
        return now.texts.contains { trimmed($0.value) != trimmed(shown.texts[$0.key]) }
    }

    /// Rebuilds the dossier from the fields: inline messages, Save state, eligibility.
    @discardableResult
    private func revalidate() -> DossierFormModel.Result? {
        guard let scheme, let base, let input = input() else { return nil }
        let result = input.result(over: base, scheme: scheme)
        lastResult = result
        for (field, row) in rows {
            row.show(error: (showAllErrors || touched.contains(field)) ? result.errors[field] : nil)
        }
        members.show(errors: (showAllErrors || membersTouched) ? result.memberErrors : [:])
        if bannerBox.isVisible && result.isValid { showBanner(nil) }
        refreshSaveState()
        updateEligibility(result.dossier, scheme: scheme)
        return result
    }

    private func refreshSaveState() {
        saveButton.isSensitive = (lastResult?.isValid ?? false) && isDirty && editable && !isBusy
        // A letter reads the dossier as stored: typed changes are saved first.
        letters?.setPending(isDirty || isBusy)
    }

    /// After a letter was recorded: the history and the letters list read again, the fields
    /// (and anything typed) left as they are.
    private func refreshLetters(_ number: DossierNumber) {
        let guichet = guichet
        Task { [weak self] in
            guard let sheet = try? await guichet.dossierSheet(number), let self, self.stored?.number == number else { return }
            self.history = sheet.historyLines
            self.letters.show(sheet)
            if let base = self.base { self.timelineLabel.text = self.timelineText(base) }
            self.refreshSaveState()
        }
    }

    private func updateEligibility(_ d: AidDossier, scheme: AidScheme) {
        guard let result = guichet.eligibility(of: d) else { return }
        // The agent records a check on a stored dossier not yet decided.
        let checks: EligibilityPanel.Checks = stored == nil ? .afterSave : (editable && guichet.acceptsChecks(d) ? .open : .closed)
        eligibility.show(result, checks: checks)
    }

    /// « Remplie » / « Non remplie » on a condition the agent checks: recorded at once, with what
    /// the fiche shows written in the same transaction (nothing typed is dropped), then the
    /// dossier shown again.
    private func recordCheck(_ condition: String, met: Bool, note: String?) {
        guard let stored, !isBusy, let input = input(), let result = revalidate() else { return }
        guard result.isValid else {
            showAllErrors = true
            revalidate()
            summariseErrors(result)
            actionMessage.show("Corrigez d’abord les champs signalés.")
            return
        }
        isBusy = true
        let guichet = guichet
        let label = scheme?.conditions.first { $0.conditionID == condition }?.text ?? condition
        Task { [weak self] in
            do {
                let saved = try await guichet.recordCheck(condition, met: met, note: note, on: stored.number,
                                                          expectedVersion: stored.version, form: input)
                await self?.reopen(saved, message: "Vérification enregistrée : « \(label) » \(met ? "remplie" : "non remplie").", created: false)
            } catch let StoreError.conflict(_, key, changes) {
                self?.conflicted(key: key, changes: changes)
            } catch {
                self?.failed(error, doing: "Vérification non enregistrée")
            }
            self?.isBusy = false
        }
    }

    // MARK: Commune

    /// Suggestions from the territory's communes as the agent types (words in any order,
    /// accents and hyphens ignored: "st omer", "saint omer").
    private func suggestCommunes() {
        guard let row = typed(.commune), editable else { return }
        let typed = SearchText(row.entry.text)
        guard !typed.isEmpty, !communes.isEmpty else { communeCompletion?.show([]); return }
        communeMatches = Array(COGCommune.matching(typed, in: communes).prefix(8))
        if communeMatches.count == 1, communeMatches[0].name == row.entry.trimmedText {
            communeCompletion?.show([])
            return
        }
        communeCompletion?.show(communeMatches.map(\.label))
    }

    /// A commune picked: its name, INSEE code and postcode filled together.
    private func communeChosen(_ index: Int) {
        guard index < communeMatches.count else { return }
        let commune = communeMatches[index]
        typed(.commune)?.entry.text = commune.name
        typed(.insee)?.entry.text = commune.insee
        if let postcode = commune.postcodes.first, commune.postcodes.count == 1 || (typed(.postcode)?.entry.trimmedText ?? "").isEmpty
            || !commune.postcodes.contains(typed(.postcode)?.entry.trimmedText ?? "") {
            typed(.postcode)?.entry.text = postcode
        }
        communeCompletion?.show([])
        typed(.address)?.entry.grabFocus()
    }

    // MARK: Documents

    /// The words of a document's state, the same everywhere (fiche, requests, letters).
    static let documentStateItems = ["Non reçue"] + SupportingDocument.State.allCases.map(\.formLabel)

    private func rebuildDocuments() {
        documentsGrid.removeAll()
        documentRows = []
        guard let scheme else { return }
        for (index, requirement) in scheme.documents.enumerated() {
            let name = Label(requirement.label + (requirement.mandatory ? "" : " (facultative)"))
            name.xAlign = 0
            name.wraps = true
            name.addCSSClass("caption-heading")
            let drop = DropDown(items: Self.documentStateItems)
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
            drop.isSensitive = editable
            comment.isEditable = editable
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
        amountRow.isVisible = needsAmount
        reasonRow.isVisible = needsReason
        if !available.contains(.grant) {
            overspendRow.isVisible = false
            aboveAverageRow.isVisible = false
        }
        actionsBox.isVisible = !available.isEmpty
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
        case .grant: return try .grant(amount: actionAmount.text, reason: actionReason.typedText, overspendReason: overspendReason.typedText,
                                       aboveAverageReason: aboveAverageReason.typedText)
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
            summariseErrors(result)
            actionMessage.show("Corrigez d’abord les champs signalés.")
            return
        }
        let action: DossierAction
        do { action = try self.action(for: button) } catch {
            actionMessage.show(DossierFormModel.sentence(error.message))
            return
        }
        // Refused at once when the dossier cannot take it; a grant is read against the budget
        // (off the main thread): an overspend or an aid above the PLH's average asks for its
        // reason before the question, not after it.
        isBusy = true
        let guichet = guichet
        let dossier = result.dossier
        Task { [weak self] in
            do {
                try await guichet.precheckAgainstBudget(action, on: dossier)
                self?.isBusy = false
                self?.ask(action, label: button.label, dossier: dossier, on: stored)
            } catch let error as LifecycleError {
                self?.isBusy = false
                self?.refused(error)
            } catch {
                self?.isBusy = false
                self?.actionMessage.show("\(error)")
            }
        }
    }

    /// The question before the action, in words that state its consequence; none for a step
    /// that needs none.
    private func ask(_ action: DossierAction, label: String, dossier: AidDossier, on stored: AidDossier) {
        guard self.stored?.number == stored.number else { return }
        guard let question = guichet.confirmation(for: action, on: dossier) else {
            execute(action, label: label, on: stored)
            return
        }
        MessageDialog.show(parent: window, kind: .question, title: question.question, detail: question.consequence,
                           choices: [.init("Revenir au dossier"),
                                     .init(question.action, style: question.destructive ? .destructive : .suggested)]) { [weak self] choice in
            guard choice == 1, let self, self.stored?.number == stored.number else { return }
            self.execute(action, label: label, on: stored)
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
                await self?.reopen(saved, message: "\(label) : fait. Statut : \(saved.status.label).", created: false)
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
        if amountRow.isVisible {
            amountRow.entry.focusAndReveal()
        } else if let first = ActionButton.allCases.lazy.compactMap({ self.actionButtons[$0.label] }).first {
            first.focusAndReveal()
        }
    }

    private func refused(_ error: LifecycleError) {
        if error.code == .aboveAverageNeedsReason {
            // An average is a target, not a cap: more may be granted, once the agent says why.
            aboveAverageRow.isVisible = true
            aboveAverageRow.entry.grabFocus()
            MessageDialog.inform(parent: window, kind: .warning, title: "Au-dessus de l’aide moyenne visée par le PLH",
                                 detail: error.message + "\nPour accorder ce montant, indiquez le motif puis cliquez de nouveau sur « Accorder ».") {
                // The field the agent types next, below the fold of a long fiche: in view.
                [weak self] in _ = self?.aboveAverageRow.entry.focusAndReveal()
            }
        }
        if error.code == .overspendNeedsConfirmation {
            overspendRow.isVisible = true
            // The field the agent types next, beside « Accorder »: focus comes back to it, in view.
            overspendRow.entry.grabFocus()
            MessageDialog.inform(parent: window, kind: .warning, title: "Dépassement de l’enveloppe",
                                 detail: error.message + "\nPour confirmer, indiquez le motif du dépassement puis cliquez de nouveau sur « Accorder ».")
        }
        actionMessage.show(error.message)
    }

    // MARK: Saving

    /// Ctrl+S and the Save button; `then` runs once the dossier is saved (not when refused).
    func save(then: (@MainActor () -> Void)? = nil) {
        guard isEditable, !isBusy, let result = revalidate(), let input = input() else { return }
        guard result.isValid else {
            showAllErrors = true
            revalidate()
            summariseErrors(result)
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
                                                                           : "Aucune modification à enregistrer.", created: false)
                } else {
                    let created = try await guichet.createDossier(from: input)
                    await self?.reopen(created, message: "Dossier \(created.number.formatted) enregistré.", created: true)
                }
                self?.isBusy = false
                then?()
                return
            } catch let StoreError.conflict(_, key, changes) {
                self?.conflicted(key: key, changes: changes)
            } catch {
                self?.failed(error, doing: "Enregistrement impossible")
            }
            self?.isBusy = false
        }
    }

    /// The summary at the top after a refused save: how many errors, on which fields, and the
    /// button that takes the agent to the first one.
    private func summariseErrors(_ result: DossierFormModel.Result) {
        let fields = FicheSectionID.allCases.flatMap(\.fields).filter { result.errors[$0] != nil && rows[$0]?.isVisible == true }
        var names = fields.map(\.label)
        if !result.memberErrors.isEmpty { names.append("Autres personnes du ménage") }
        let count = names.count + result.otherErrors.count
        var text = "Le dossier comporte des erreurs (\(count)) : corrigez-les avant d’enregistrer."
        if !names.isEmpty { text += "\nChamps concernés : " + names.joined(separator: ", ") + "." }
        if !result.otherErrors.isEmpty { text += "\n" + result.otherErrors.joined(separator: "\n") }
        showBanner(text, withJump: !names.isEmpty)
    }

    private func showBanner(_ text: String?, withJump: Bool = false) {
        banner.show(text)
        bannerBox.isVisible = text != nil
        firstErrorButton.isVisible = withJump
    }

    /// Keyboard to the first field showing a message, scrolled into view.
    func focusFirstError() {
        for field in FicheSectionID.allCases.flatMap(\.fields) {
            if let row = rows[field], row.isVisible, row.hasError {
                row.focusAndReveal()
                return
            }
        }
        if members.root.isVisible { members.root.focusAndReveal() }
    }

    /// After a write: the dossier as stored with its history, and what was done.
    private func reopen(_ saved: AidDossier, message: String, created: Bool) async {
        let sheet = try? await guichet.dossierSheet(saved.number)
        show(sheet ?? DossierSheet(dossier: saved, scheme: scheme, history: []))
        showBanner(nil)
        actionMessage.show(message)
        if message.hasPrefix("Dossier ") { onAnnounce?(String(message.dropLast())) }
        onSaved?(saved, created)
    }

    private func conflicted(key: String, changes: [FieldChange]) {
        let shown = changes.filter(DossierFieldLabels.isShown)
        let list = shown.prefix(12).map { "• \(DossierFieldLabels.label($0.field)) : « \(DossierFieldLabels.value($0.old, at: $0.field)) » → « \(DossierFieldLabels.value($0.new, at: $0.field)) »" }
        showBanner("Le dossier \(key) a été modifié par un autre agent depuis son ouverture ; vos saisies sont conservées "
                   + "mais n’ont pas été enregistrées.\nModifications de l’autre agent :\n" + list.joined(separator: "\n")
                   + (shown.count > 12 ? "\n…" : "")
                   + "\nPour repartir de la version enregistrée, cliquez sur « Annuler les modifications ».")
    }

    private func failed(_ error: any Error, doing what: String) {
        showBanner("\(what) : \(error). Vos saisies sont conservées.")
    }

    /// "Annuler les modifications": asks first when something was typed.
    private func askToCancelEdits() {
        guard isDirty else { cancelEdits(); return }
        DiscardChangesDialog.ask(parent: window, unsaved: "Le dossier en cours de saisie n’est pas enregistré.",
                                 save: { [weak self] then in self?.save(then: then) }) { [weak self] in
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
                self?.showBanner("Lecture du dossier impossible : \(error)")
            }
        }
    }
}
