import GtkKit
import GuichetApp
import GuichetCore

/// "Demandes de logement social": the requests ranked by score then age, with search and
/// filters; beside the list the form of the selected (or new) request and its score, computed
/// live with the territory's grid as the agent types (`ui/requests-screen.ui`). Reads and saves
/// go through the use cases off the main thread.
@MainActor
public final class RequestsScreen: Screen {
    public static let section = SectionInfo(id: "demandes", title: "Demandes de logement social", iconName: "system-users-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget
    public var searchEntry: Entry? { search }
    public var supportsNewItem: Bool { true }
    public var supportsSave: Bool { true }
    public var isReading: Bool { source.isLoading }

    let guichet: Guichet
    let grid: CotationGrid
    let search: Entry
    let communeFilter: Entry
    let typologyFilter: DropDown
    let priorityFilter: CheckButton
    let table: LazyTable
    let source: RequestListSource.Source
    let form: RequestForm
    let score: ScorePanel
    let saveButton: Button
    let countLabel: Label
    let formTitle: Label
    let banner: Label
    /// The date scores are computed on (today by the use cases' clock; tests fix it).
    var scoreDate: () -> CalendarDate
    private weak var window: Window?
    /// Version of the shown stored request (optimistic locking), nil for a new one.
    private(set) var shownVersion: Int?
    private var baseline = ""
    private var shownRow: Int?
    /// The read of the request being opened, or the save on its way.
    private var working: Task<Void, Never>?

    public init(context: ScreenContext) throws {
        guard let guichet = context.guichet else {
            throw GtkKitError("La section des demandes a besoin d’une base ouverte.")
        }
        guard let grid = guichet.profile.cotation else {
            throw GtkKitError("Le profil du territoire n’a pas de grille de cotation.")
        }
        self.guichet = guichet
        self.grid = grid
        scoreDate = { guichet.today }
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
        source = RequestListSource.make(guichet: guichet)
        table = LazyTable(columns: RequestListSource.columns, dataSource: nil, pageSize: RequestListSource.pageSize)
        source.table = table
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

        connectSignals(newButton: try b.get("new"), side: try b.get("request-side"))
        countLabel.text = "Lecture des demandes…"
        source.onResult = { [weak self] in self?.resultShown() }
        source.refresh()
        startNew()
    }

    /// The section's factory; without an open database or a grid the section says what it needs.
    public static let factory = ScreenFactory(
        section,
        unavailable: "Ouvrez une base dont le territoire a une grille de cotation (guichet --database FICHIER) "
            + "pour enregistrer et coter les demandes de logement social.",
        needs: { $0.profile.cotation != nil }, make: { context, _ in try RequestsScreen(context: context) })

    /// True while a request is being read or saved.
    var isWorking: Bool { working != nil }

    private func connectSignals(newButton: Button, side: Widget) {
        search.onChanged { [weak self] in self?.filtersChanged() }
        communeFilter.onChanged { [weak self] in self?.filtersChanged() }
        typologyFilter.onSelectionChanged { [weak self] in self?.filtersChanged() }
        priorityFilter.onToggled { [weak self] in self?.filtersChanged() }
        newButton.onClicked { [weak self] in self?.newItem() }
        saveButton.onClicked { [weak self] in self?.save() }
        table.onSelectionChanged = { [weak self] row in self?.rowSelected(row) }
        form.onChange = { [weak self] in self?.formChanged() }
        side.onKeyPressed { [weak self] keyval, _, _ in
            guard let self, keyval == 0xff1b /* GDK_KEY_Escape */ else { return false }
            self.escape()
            return true
        }
    }

    /// Escape: back to the stored request (or to a blank new one); what was typed is dropped
    /// only once the agent said so — as in the dossiers section.
    private func escape() {
        guard confirmLeavingForm({ [weak self] in self?.revert() }) else { return }
        revert()
    }

    /// The form as the request was stored (read again), or blank for a new one.
    private func revert() {
        guard shownVersion != nil, let id = form.loaded?.id else { startNew(); return }
        open(id, row: shownRow)
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

    /// Reads count and rows again (shown when read); the form keeps its request.
    func reloadList() {
        source.refresh()
    }

    private func resultShown() {
        shownRow = nil
        countLabel.text = source.lastError ?? RequestListSource.countText(source.total)
    }

    private func rowSelected(_ row: Int?) {
        guard let row, row != shownRow else { return }
        // A row whose page is still being read is opened once it comes.
        source.whenRead(row) { [weak self] listed in self?.chosen(listed.id, row: row) }
    }

    private func chosen(_ id: String, row: Int) {
        guard confirmLeavingForm({ [weak self] in self?.open(id, row: row) }) else {
            table.selectedRow = shownRow
            return
        }
        open(id, row: row)
    }

    /// Reads the stored request `id` and shows it in the form when read; a newer choice cancels
    /// this one.
    func open(_ id: String, row: Int?) {
        working?.cancel()
        shownRow = row
        let guichet = guichet
        working = Task { [weak self] in
            do {
                let sheet = try await guichet.requestSheet(id)
                guard !Task.isCancelled, let self else { return }
                self.working = nil
                guard let sheet else {
                    self.showBanner("La demande « \(id) » n’existe plus.", error: true)
                    return
                }
                self.show(sheet)
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled else { return }
                self?.working = nil
                self?.showBanner("Lecture de la demande impossible : \(error)", error: true)
            }
        }
    }

    private func show(_ sheet: RequestSheet) {
        let stored = sheet.stored
        shownVersion = stored.version
        form.show(stored.request)
        formTitle.text = "Demande \(stored.id)"
        score.showHistory(sheet.scores)
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
        working?.cancel()
        working = nil
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

    /// Saves the form (Ctrl+S): a new request gets the next id of its year; a changed one is
    /// saved against the version it was read at, an unchanged one is not written at all. Errors
    /// leave everything typed in place.
    public func save() {
        guard working == nil else { return }
        let (draft, errors) = form.draft()
        guard let draft, errors.isEmpty else {
            form.revealsMissing = true
            form.showErrors(errors)
            showBanner("La demande contient des erreurs : corrigez les champs signalés.", error: true)
            return
        }
        let today = scoreDate()
        let version = shownVersion
        let guichet = guichet
        saveButton.isSensitive = false
        working = Task { [weak self] in
            do {
                let saved = try await guichet.saveRequest(draft, expectedVersion: version, scoredOn: today)
                let scores = (try? await guichet.requestSheet(saved.value.id))?.scores ?? []
                guard let self else { return }
                self.working = nil
                if saved.changed { self.reloadList() }
                self.show(RequestSheet(stored: saved.value, scores: scores))
                self.showBanner(saved.changed ? "Demande \(saved.value.id) enregistrée : \(FrenchFormat.integer(saved.value.score?.total ?? 0)) points."
                                              : "Aucune modification à enregistrer.", error: false)
            } catch {
                self?.working = nil
                self?.saveFailed(error)
            }
        }
    }

    private func saveFailed(_ error: any Error) {
        if case .conflict? = error as? StoreError {
            MessageDialog.inform(parent: window, kind: .error, title: "Demande modifiée par un autre agent",
                                 detail: "\(error). Votre saisie est conservée : rouvrez la demande pour voir "
                                    + "la version enregistrée, puis reportez vos modifications.")
        } else {
            MessageDialog.inform(parent: window, kind: .error, title: "Enregistrement impossible", detail: "\(error)")
        }
        showBanner("Demande non enregistrée : \(error)", error: true)
        formChanged()
    }
}
