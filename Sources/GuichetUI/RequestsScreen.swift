import GtkKit
import GuichetCore

/// "Demandes de logement social": the requests ranked by score then age, with search and
/// filters; beside the list the form of the selected (or new) request and its score, computed
/// live with the territory's grid as the agent types (`ui/requests-screen.ui`).
@MainActor
public final class RequestsScreen: Screen {
    public static let section = SectionInfo(id: "demandes", title: "Demandes de logement social", iconName: "system-users-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget
    public var searchEntry: Entry? { search }
    public var supportsNewItem: Bool { true }
    public var supportsSave: Bool { true }

    let store: any GuichetStore
    let grid: CotationGrid
    let search: Entry
    let communeFilter: Entry
    let typologyFilter: DropDown
    let priorityFilter: CheckButton
    let table: LazyTable
    let source: RequestListSource
    let form: RequestForm
    let score: ScorePanel
    let saveButton: Button
    let countLabel: Label
    let formTitle: Label
    let banner: Label
    /// The date scores are computed on (today by the workspace's clock; tests fix it).
    var scoreDate: () -> CalendarDate
    private weak var window: Window?
    /// Version of the shown stored request (optimistic locking), nil for a new one.
    private(set) var shownVersion: Int?
    private var baseline = ""
    private var shownRow: Int?

    public init(context: ScreenContext) throws {
        guard let workspace = context.workspace else {
            throw GtkKitError("La section des demandes a besoin d’une base ouverte.")
        }
        guard let grid = workspace.profile.cotation else {
            throw GtkKitError("Le profil du territoire n’a pas de grille de cotation.")
        }
        store = workspace.store
        scoreDate = workspace.clock.today
        self.grid = grid
        window = context.window
        let b = try Builder(uiFile: "requests-screen.ui")
        root = try b.get("page")
        search = try b.get("search")
        communeFilter = try b.get("commune-filter")
        typologyFilter = try b.get("typology-filter")
        priorityFilter = try b.get("priority-filter")
        countLabel = try b.get("count")
        formTitle = try b.get("form-title")
        banner = try b.get("banner")
        saveButton = try b.get("save")
        source = RequestListSource(store: store)
        table = LazyTable(columns: RequestListSource.columns, dataSource: source, pageSize: 100)
        table.columnView.setAccessibleLabel("Demandes")
        try b.get("list-area", as: Box.self).append(table.view)
        form = RequestForm(grid: grid, today: scoreDate())
        try b.get("form-area", as: Box.self).append(form.root)
        score = ScorePanel(grid: grid)
        try b.get("score-area", as: Box.self).append(score.root)
        try b.get("score-slot", as: Box.self).append(score.total)
        // Widths that show a whole id, date and score; the communes take what is left (the pane
        // can be widened, the table scrolls sideways).
        table.setColumnWidths([56, 150, 150, 104, 68, 52, 84, 200])
        typologyFilter.items = ["Toutes typologies"] + Typology.allCases.map(\.rawValue)
        typologyFilter.selectedIndex = 0

        connectSignals(newButton: try b.get("new"))
        showCount() // the table read the list when it was made
        startNew()
    }

    /// The section's factory; without an open database or a grid the section says what it needs.
    public static let factory = ScreenFactory(
        section,
        unavailable: "Ouvrez une base dont le territoire a une grille de cotation (guichet --database FICHIER) "
            + "pour enregistrer et coter les demandes de logement social.",
        needs: { $0.profile.cotation != nil }, make: { context, _ in try RequestsScreen(context: context) })

    private func connectSignals(newButton: Button) {
        search.onChanged { [weak self] in self?.filtersChanged() }
        communeFilter.onChanged { [weak self] in self?.filtersChanged() }
        typologyFilter.onSelectionChanged { [weak self] in self?.filtersChanged() }
        priorityFilter.onToggled { [weak self] in self?.filtersChanged() }
        newButton.onClicked { [weak self] in self?.newItem() }
        saveButton.onClicked { [weak self] in self?.save() }
        table.onSelectionChanged = { [weak self] row in self?.rowSelected(row) }
        form.onChange = { [weak self] in self?.formChanged() }
    }

    // MARK: List

    private func filtersChanged() {
        var q = RequestQuery()
        q.text = search.typedText
        q.commune = communeFilter.typedText
        q.typology = typologyFilter.selectedIndex.flatMap { $0 > 0 ? Typology.allCases[$0 - 1] : nil }
        q.priorityOnly = priorityFilter.isActive
        source.query = q
        reloadList()
    }

    func reloadList() {
        table.reload()
        shownRow = nil
        showCount()
    }

    private func showCount() {
        countLabel.text = source.lastError ?? RequestListSource.countText(source.total)
    }

    private func rowSelected(_ row: Int?) {
        guard let row, row != shownRow else { return }
        _ = table.text(row: row, column: 0) // makes sure the row's page was read
        guard let id = source.id(atRow: row) else { return }
        guard confirmLeavingForm({ [weak self] in self?.open(id, row: row) }) else {
            table.selectedRow = shownRow
            return
        }
        open(id, row: row)
    }

    /// Shows the stored request `id` in the form.
    func open(_ id: String, row: Int?) {
        do {
            guard let stored = try store.read({ try $0.request(id: id) }) else {
                showBanner("La demande « \(id) » n’existe plus.", error: true)
                return
            }
            shownRow = row
            show(stored)
        } catch {
            showBanner("Lecture de la demande impossible : \(error)", error: true)
        }
    }

    private func show(_ stored: StoredRequest) {
        shownVersion = stored.version
        form.show(stored.request)
        formTitle.text = "Demande \(stored.id)"
        let history = (try? store.read { try $0.scoreHistory(requestId: stored.id) }) ?? []
        score.showHistory(history)
        hideBanner()
        baseline = form.fingerprint
        formChanged()
    }

    // MARK: Form

    /// Re-checks the fields, shows the errors beside them, scores the request and enables saving.
    private func formChanged() {
        let (request, errors) = form.draft()
        form.showErrors(errors)
        score.show(request.map { CotationEngine.score($0, grid: grid, on: scoreDate()) })
        saveButton.isSensitive = request != nil && errors.isEmpty
    }

    var isDirty: Bool { form.fingerprint != baseline }

    /// True when nothing is unsaved; otherwise asks, and runs `proceed` once the agent chose to
    /// drop the changes.
    private func confirmLeavingForm(_ proceed: @escaping @MainActor () -> Void) -> Bool {
        guard isDirty else { return true }
        DiscardChangesDialog.ask(parent: window, unsaved: "La demande en cours de saisie n’est pas enregistrée.") { [weak self] in
            guard let self else { return }
            self.baseline = self.form.fingerprint
            proceed()
        }
        return false
    }

    private func startNew() {
        shownVersion = nil
        form.startNew(on: scoreDate())
        formTitle.text = "Nouvelle demande"
        score.showHistory([])
        hideBanner()
        baseline = form.fingerprint
        formChanged()
    }

    private func showBanner(_ text: String, error: Bool) {
        banner.text = text
        if error { banner.addCSSClass("error") } else { banner.removeCSSClass("error") }
        banner.isVisible = true
    }

    private func hideBanner() { banner.isVisible = false }

    // MARK: Screen

    public func activate() { reloadList() }

    public func canLeave() -> Bool { confirmLeavingForm {} }

    public func newItem() {
        guard confirmLeavingForm({ [weak self] in self?.newItem() }) else { return }
        table.selectedRow = nil
        shownRow = nil
        startNew()
    }

    /// Saves the form (Ctrl+S): a new request gets the next id of the year; a changed one is
    /// saved against the version it was read at. Errors leave everything typed in place.
    public func save() {
        let (draft, errors) = form.draft()
        guard let draft, errors.isEmpty else {
            form.revealsMissing = true
            form.showErrors(errors)
            showBanner("La demande contient des erreurs : corrigez les champs signalés.", error: true)
            return
        }
        let today = scoreDate()
        let version = shownVersion
        let grid = self.grid
        do {
            let saved = try store.write { s -> StoredRequest in
                if let version {
                    return try s.updateRequest(draft, expectedVersion: version, grid: grid, on: today)
                }
                var request = draft
                request.id = try s.nextRequestId(year: today.year)
                return try s.insertRequest(request, grid: grid, on: today)
            }
            reloadList()
            show(saved)
            showBanner("Demande \(saved.id) enregistrée : \(FrenchFormat.integer(saved.score?.total ?? 0)) points.", error: false)
        } catch let error as StoreError {
            if case .conflict = error {
                MessageDialog.inform(parent: window, kind: .error, title: "Demande modifiée par un autre agent",
                                     detail: "\(error). Votre saisie est conservée : rouvrez la demande pour voir "
                                        + "la version enregistrée, puis reportez vos modifications.")
            } else {
                MessageDialog.inform(parent: window, kind: .error, title: "Enregistrement impossible", detail: "\(error)")
            }
            showBanner("Demande non enregistrée : \(error)", error: true)
        } catch {
            MessageDialog.inform(parent: window, kind: .error, title: "Enregistrement impossible", detail: "\(error)")
            showBanner("Demande non enregistrée : \(error)", error: true)
        }
    }
}
