import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// "Dossiers d'aide": the search, views and filters and the lazily loaded list of dossiers take
/// the width; the fiche of the dossier opened (`DossierForm`) comes beside the list — the list
/// narrowing to its first columns on a 1024-pixel screen — or over it with a way back when the
/// window is narrower still (`ui/dossiers-screen.ui`). Every read and write goes through the use
/// cases off the main thread: typing in the search keeps the previous result on screen until the
/// new one is read. The list opens on the latest activity.
@MainActor
public final class DossiersScreen: Screen {
    nonisolated public static let section = SectionInfo(id: "dossiers", title: "Dossiers d’aide", iconName: "folder-documents-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget
    public var searchEntry: Entry? { search }
    public var supportsNewItem: Bool { true }
    public var supportsSave: Bool { true }
    public var isReading: Bool { source.isLoading }

    let search: Entry
    let table: LazyTable
    /// The dossier form, built when a dossier is first opened or created (a hidden form of
    /// a few hundred widgets was a fifth of the window's opening).
    private(set) var builtForm: DossierForm?
    private let page: Paned
    private let listPane: Widget
    private let searchBar: Widget
    private let filterRows: [Widget]
    private let exportButton: Button
    private let formArea: Box
    private let makeForm: @MainActor () throws -> DossierForm
    let source: DossierListSource.Source
    private let guichet: Guichet
    let countLabel: Label
    private let searchHint: Label
    let viewFilter: DropDown
    let statusFilter: MenuButton
    private var statusChecks: [(DossierStatus, CheckButton)] = []
    private let schemeFilter: DropDown
    private let yearFilter: DropDown
    private let schemes: [AidScheme]
    private let years: [Int]
    private weak var window: Window?
    private let toast: ToastOverlay?
    private let progress = WorkProgress()
    private let exportResult = Label()
    private var shownRow: Int?
    /// The read of the dossier being opened; a newer choice cancels it.
    private var opening: Task<Void, Never>?
    private var applyingFilters = false
    private(set) var layout: Layout = .list
    private var savedWidths: [String: Int]

    /// How the list and the fiche share the page.
    enum Layout: Equatable {
        /// No dossier open: the list takes the width.
        case list
        /// The fiche beside the list; `compact`: the list narrowed to its first columns.
        case beside(compact: Bool)
        /// The fiche over the list, with a way back (a narrow window).
        case over
    }

    /// Widths of the page from which the fiche sits beside the list (with a compact list below
    /// the second): a 1366-pixel screen, a 1024-pixel one.
    static let besideWidth = 1_000
    static let compactWidth = 760
    static let tableID = "dossiers"

    public init(context: ScreenContext) throws {
        guard let guichet = context.guichet else {
            throw GtkKitError("La section Dossiers d’aide a besoin d’une base ouverte.")
        }
        self.guichet = guichet
        window = context.window
        toast = context.toast
        schemes = guichet.profile.schemes?.schemes ?? []
        savedWidths = context.configuration.state.columns?[Self.tableID] ?? [:]
        let b = try Builder(uiFile: "dossiers-screen.ui")
        root = try b.get("page")
        page = try b.get("page")
        listPane = try b.get("list-pane")
        searchBar = try b.get("search-bar")
        search = try b.get("search")
        countLabel = try b.get("count")
        searchHint = try b.get("search-hint")
        viewFilter = try b.get("view")
        statusFilter = try b.get("status-filter")
        schemeFilter = try b.get("scheme-filter")
        yearFilter = try b.get("year-filter")
        exportButton = try b.get("export")
        filterRows = [try b.get("filters-views"), try b.get("filters-schemes")]
        source = DossierListSource.make(guichet: guichet, prefetched: context.configuration.prefetch.dossiers)
        table = LazyTable(columns: DossierListSource.columns, dataSource: nil, pageSize: DossierListSource.pageSize)
        source.table = table
        table.columnView.setAccessibleLabel("Dossiers")
        table.setColumnWidths(DossierListSource.startingWidths.merging(savedWidths) { $1 })
        table.sort(by: DossierQuery.Column.updatedAt.rawValue, descending: true)
        try b.get("list-area", as: Box.self).append(table.view)
        formArea = try b.get("form-area")
        let exportArea: Box = try b.get("export-area")
        exportArea.append(progress.root)
        exportResult.xAlign = 0
        exportResult.wraps = true
        exportResult.isVisible = false
        exportArea.append(exportResult)
        let (schemes, window) = (schemes, context.window)
        makeForm = { try DossierForm(guichet: guichet, schemes: schemes, window: window) }

        viewFilter.items = DossierView.allCases.map(\.title)
        viewFilter.selectedIndex = 0
        schemeFilter.items = ["Tous les dispositifs"] + schemes.map { Self.shortItem("\($0.code) — \($0.name)") }
        let thisYear = guichet.today.year
        years = Array((thisYear - 7...thisYear).reversed())
        yearFilter.items = ["Toutes les années"] + years.map(String.init)
        for drop in [schemeFilter, yearFilter] { drop.selectedIndex = 0 }
        let choices: Box = try b.get("status-choices")
        for status in DossierStatus.allCases {
            let check = CheckButton(label: status.label)
            choices.append(check)
            statusChecks.append((status, check))
        }

        connectSignals(newButton: try b.get("new"))
        countLabel.text = "Lecture des dossiers…"
        source.onResult = { [weak self] in self?.resultShown() }
        source.refresh()
        RetentionCheck.start(guichet: guichet, label: try b.get("retention-notice"))
        root.onMapped { [weak self] in self?.relayout() }
        context.window.onResized { [weak self] in
            self?.root.onAfterNextPaint { [weak self] in self?.relayout() }
        }
        page.onPositionChanged { [weak self] in self?.fitColumns() }
    }

    /// The section's factory; without an open database (UI test hook) the section says it
    /// needs one instead of failing the window.
    public static let factory = ScreenFactory(
        section,
        unavailable: "Ouvrez une base (guichet --database FICHIER) pour instruire les dossiers "
            + "de subvention du PLH : dépôt, instruction, décision, engagement et paiement.",
        make: { context, _ in try DossiersScreen(context: context) })

    /// A filter's item short enough for GTK 4.8's drop-downs, which do not ellipsize.
    static func shortItem(_ text: String) -> String { text.count > 30 ? String(text.prefix(29)) + "…" : text }

    private func connectSignals(newButton: Button) {
        search.onChanged { [weak self] in self?.filtersChanged() }
        for drop in [schemeFilter, yearFilter] {
            drop.onSelectionChanged { [weak self] in self?.filtersChanged() }
        }
        viewFilter.onSelectionChanged { [weak self] in self?.viewChosen() }
        for (_, check) in statusChecks {
            check.onToggled { [weak self] in
                guard let self, !self.applyingFilters else { return }
                self.setView(.custom)
                self.filtersChanged()
            }
        }
        newButton.onClicked { [weak self] in self?.newItem() }
        exportButton.onClicked { [weak self] in self?.exportList() }
        table.onSortChanged = { [weak self] column, descending in
            guard let self else { return }
            self.source.query.sort = column.flatMap(DossierQuery.Column.init(rawValue:)) ?? .number
            self.source.query.ascending = column == nil || !descending
            self.reloadList()
        }
        table.onSelectionChanged = { [weak self] row in self?.rowSelected(row) }
        table.onRowActivated = { [weak self] row in self?.rowActivated(row) }
        // Escape: clears the search first; then leaves the fiche (asking when something is typed).
        root.onKeyPressed { [weak self] keyval, _, _ in
            guard let self, keyval == 0xff1b /* GDK_KEY_Escape */ else { return false }
            return self.escape()
        }
        // Escape in the search: GtkSearchEntry's own « stop-search », which clears it here.
        search.connect("stop-search") { [weak self] in
            guard let self, !self.search.text.isEmpty else { return }
            self.search.text = ""
        }
        // ↓ in the search goes to the list, as in any GTK search.
        search.onKeyPressed { [weak self] keyval, _, _ in
            guard let self, keyval == 0xff54 /* Down */ || keyval == 0xff99 /* KP_Down */ else { return false }
            return self.table.focus()
        }
    }

    // MARK: Views and filters

    private func viewChosen() {
        guard !applyingFilters, let index = viewFilter.selectedIndex, index < DossierView.allCases.count else { return }
        let view = DossierView.allCases[index]
        guard view != .custom else { return }
        applyingFilters = true
        for (status, check) in statusChecks { check.isActive = view.statuses.contains(status) }
        applyingFilters = false
        filtersChanged()
    }

    private func setView(_ view: DossierView) {
        applyingFilters = true
        viewFilter.selectedIndex = DossierView.allCases.firstIndex(of: view)
        applyingFilters = false
    }

    var selectedView: DossierView {
        viewFilter.selectedIndex.flatMap { $0 < DossierView.allCases.count ? DossierView.allCases[$0] : nil } ?? .all
    }

    var guichetForTests: Guichet { guichet }

    /// Chooses statuses as the check boxes do (tests).
    func setStatuses(_ statuses: Set<DossierStatus>) {
        applyingFilters = true
        for (status, check) in statusChecks { check.isActive = statuses.contains(status) }
        applyingFilters = false
        setView(.custom)
        filtersChanged()
    }

    private func filtersChanged() {
        guard !applyingFilters else { return }
        var q = source.query
        q.text = SearchText(search.typedText)
        let checked = Set(statusChecks.filter { $0.1.isActive }.map(\.0))
        let view = selectedView
        q.statuses = checked.count == DossierStatus.allCases.count ? [] : checked
        q.receivedOnOrBefore = view == .submittedLongAgo ? guichet.today.adding(days: -30) : nil
        q.awaitingDocuments = view == .awaitingDocuments ? guichet.mandatoryDocuments : nil
        q.schemes = schemeFilter.selectedIndex.flatMap { $0 > 0 && $0 <= schemes.count ? [schemes[$0 - 1].code] : nil } ?? []
        q.year = yearFilter.selectedIndex.flatMap { $0 > 0 && $0 <= years.count ? years[$0 - 1] : nil }
        statusFilter.label = DossierView.statusesText(q.statuses)
        source.query = q
        reloadList()
    }

    /// Back to every dossier, latest activity first (after a new dossier is saved, so that it
    /// shows at the top).
    func showLatestActivity() {
        applyingFilters = true
        search.text = ""
        for (_, check) in statusChecks { check.isActive = false }
        viewFilter.selectedIndex = 0
        schemeFilter.selectedIndex = 0
        yearFilter.selectedIndex = 0
        applyingFilters = false
        if table.sortState?.column != DossierQuery.Column.updatedAt.rawValue || table.sortState?.descending != true {
            table.sort(by: DossierQuery.Column.updatedAt.rawValue, descending: true)
        }
        filtersChanged()
    }

    // MARK: Layout

    /// Places list and fiche for the width of the page.
    func relayout() {
        let width = root.allocatedWidth
        guard width > 0 else {
            // On screen but not laid out yet (the page is mapped before its first allocation,
            // and a dossier may open before the window's first frame): again once it is painted.
            // Off screen, `onMapped` calls again.
            if root.isMapped { root.onAfterNextPaint { [weak self] in self?.relayout() } }
            return
        }
        let ficheShown = builtForm?.isShowingDossier == true
        let wanted: Layout = !ficheShown ? .list
            : width >= Self.besideWidth ? .beside(compact: false)
            : width >= Self.compactWidth ? .beside(compact: true) : .over
        apply(wanted, width: width)
    }

    private func apply(_ wanted: Layout, width: Int) {
        let changed = wanted != layout
        layout = wanted
        formArea.isVisible = wanted != .list
        listPane.isVisible = wanted != .over
        let compact = wanted == .beside(compact: true)
        for row in filterRows { row.isVisible = !compact }
        exportButton.isVisible = !compact
        builtForm?.backButton.isVisible = wanted == .over
        switch wanted {
        case .list, .over:
            builtForm?.setColumns(two: wanted == .over && width >= 820)
        case .beside(let compact):
            let fiche = compact ? max(width - 300, 460) : max(560, width * 48 / 100)
            if changed { page.position = width - fiche }
            builtForm?.setColumns(two: fiche >= 860)
        }
        fitColumns()
    }

    /// Shows the columns that fit the list's width, in the order they matter at the counter.
    private func fitColumns() {
        let available = layout == .list ? root.allocatedWidth : (layout == .over ? 0 : page.position)
        guard available > 0 else { return }
        var used = 0
        let widths = table.columnWidths
        for (rank, id) in DossierListSource.columnPriority.enumerated() {
            // The applicant takes what is left: it needs some room, not its full name.
            let width = id == "applicant" ? 120 : widths[id] ?? DossierListSource.startingWidths[id] ?? 120
            let fits = rank < 2 || used + width <= available - 24
            table.setColumnVisible(id, fits)
            if fits { used += width }
        }
    }

    // MARK: List

    /// The dossier form, built and put in the fiche's place the first time.
    func form() throws -> DossierForm {
        if let builtForm { return builtForm }
        let form = try makeForm()
        form.communes = guichet.profile.communes
        form.onSaved = { [weak self] dossier, created in self?.saved(dossier, created: created) }
        form.onBack = { [weak self] in self?.leaveFiche() }
        form.onAnnounce = { [weak self] text in self?.toast?.show(text) }
        formArea.append(form.root)
        form.root.setExpand(horizontal: true, vertical: true)
        builtForm = form
        return form
    }

    /// Reads count and rows again (shown when read); the form keeps its dossier.
    func reloadList() {
        source.refresh()
    }

    /// Called once a list result is on screen (benchmarks).
    var onListShown: (@MainActor () -> Void)?
    /// A dossier to select once the next result is shown (just saved).
    private var selectWhenShown: DossierNumber?

    /// A new result is on screen (or its read failed).
    private func resultShown() {
        shownRow = nil
        countLabel.text = source.lastError ?? DossierListSource.countText(source.total)
        searchHint.isVisible = source.total == 0 && !source.query.text.isEmpty && source.lastError == nil
        if savedWidths.isEmpty, source.total > 0 {
            // Columns sized to what they hold, once; the agent's own widths are kept after that.
            let rows = (0..<min(source.total, DossierListSource.pageSize)).map { r in (0..<table.columns.count).map { table.text(row: r, column: $0) } }
            savedWidths = table.fittedWidths(samples: rows, limits: DossierListSource.widthLimits)
            table.setColumnWidths(savedWidths)
            fitColumns()
        }
        if let number = selectWhenShown {
            selectWhenShown = nil
            if let row = (0..<min(source.total, DossierListSource.pageSize)).first(where: { source.row(at: $0)?.number == number }) {
                table.selectedRow = row
                shownRow = row
            }
        }
        onListShown?()
    }

    private func rowSelected(_ row: Int?) {
        guard let row, row != shownRow else { return }
        // Arrows move in the list; they open only where the fiche already shows beside it.
        if table.selectionByKeyboard, !(builtForm?.isShowingDossier == true && layout != .over) { return }
        // A row whose page is still being read is opened once it comes.
        source.whenRead(row) { [weak self] listed in self?.chosen(listed.number, row: row) }
    }

    /// Enter on a row (or a double click) opens it, the keyboard going into the fiche.
    private func rowActivated(_ row: Int) {
        source.whenRead(row) { [weak self] listed in
            guard let self else { return }
            if self.shownRow == row, self.builtForm?.stored?.number == listed.number {
                self.builtForm?.root.focusFirstField()
            } else {
                self.chosen(listed.number, row: row, focusFiche: true)
            }
        }
    }

    private func chosen(_ number: DossierNumber, row: Int, focusFiche: Bool = false) {
        guard confirmLeavingForm({ [weak self] in self?.open(number, row: row, focusFiche: focusFiche) }) else {
            table.selectedRow = shownRow
            return
        }
        open(number, row: row, focusFiche: focusFiche)
    }

    /// Reads the dossier and shows it in the form when read; a newer choice cancels this one.
    func open(_ number: DossierNumber, row: Int?, focusFiche: Bool = false) {
        opening?.cancel()
        shownRow = row
        let guichet = guichet
        opening = Task { [weak self] in
            do {
                let sheet = try await guichet.dossierSheet(number)
                guard !Task.isCancelled, let self else { return }
                let form = try self.form()
                form.show(sheet)
                self.relayout()
                if focusFiche || self.layout == .over { form.root.focusFirstField() }
                self.opening = nil
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled else { return }
                self?.countLabel.text = "Lecture du dossier impossible : \(error)"
                self?.opening = nil
            }
        }
    }

    /// True while a dossier chosen in the list is being read.
    var isOpening: Bool { opening != nil }

    /// A dossier was saved: the list shows it — a new one at the top of the latest activity,
    /// selected — and the toast says so (DossierForm.onAnnounce).
    private func saved(_ dossier: AidDossier, created: Bool) {
        selectWhenShown = dossier.number
        if created { showLatestActivity() } else { reloadList() }
    }

    /// Escape: clears the search, then leaves the fiche (back to the list, on its row).
    private func escape() -> Bool {
        let inFiche = builtForm.map { $0.root.containsFocus } ?? false
        if !inFiche, !search.text.isEmpty {
            search.text = ""
            return true
        }
        guard builtForm?.isShowingDossier == true else { return false }
        leaveFiche()
        return true
    }

    /// Closes the fiche (asking first when something is typed) and gives the list the keyboard.
    func leaveFiche() {
        guard let form = builtForm else { return }
        guard confirmLeavingForm({ [weak self] in self?.leaveFiche() }) else { return }
        opening?.cancel()
        form.showNothing()
        relayout()
        if table.rowCount > 0 { table.focus() } else { search.grabFocus() }
    }

    /// True when the form has nothing unsaved; otherwise asks, and runs `proceed` after the
    /// agent chose to save or to drop the changes.
    private func confirmLeavingForm(_ proceed: @escaping @MainActor () -> Void) -> Bool {
        guard let form = builtForm, form.isDirty else { return true }
        DiscardChangesDialog.ask(parent: window, unsaved: "Le dossier en cours de saisie n’est pas enregistré.",
                                 save: { then in form.save(then: then) }, then: proceed) {
            form.cancelEdits()
            proceed()
        }
        return false
    }

    // MARK: Export

    /// « Exporter la liste… »: exactly the dossiers the list shows, in its order, with its search
    /// and filters, in the format of the file name chosen.
    private func exportList() {
        var query = source.query
        query.offset = 0
        query.limit = nil
        let request = ReportRequest(.dossiers, year: query.year, dossiers: query)
        let guichet = guichet
        exportResult.isVisible = false
        ReportSaver.save(parent: window, title: "Exporter la liste des dossiers", suggestedStem: ReportKind.dossiers.stem(year: nil, anonymised: false, on: guichet.today),
                         format: .csv, progress: progress,
                         export: { format, url in try await guichet.exportReport(request, format: format, to: url) }) { [weak self] outcome in
            self?.exportDone(outcome)
        }
    }

    private func exportDone(_ outcome: ReportSaver.Outcome) {
        exportResult.text = outcome.message
        exportResult.isVisible = true
        if outcome.failed { exportResult.addCSSClass("error") } else { exportResult.removeCSSClass("error") }
        ReportSaver.announce(outcome, toast: toast, parent: window)
    }

    // MARK: Screen

    public func activate() { reloadList() }

    public func canLeave() -> Bool {
        confirmLeavingForm {}
    }

    public func newItem() {
        guard confirmLeavingForm({ [weak self] in self?.newItem() }) else { return }
        opening?.cancel()
        table.selectedRow = nil
        shownRow = nil
        do {
            let form = try form()
            form.startNew()
            relayout()
        } catch { countLabel.text = "Fiche du dossier indisponible : \(error)" }
    }

    public func save() {
        guard let form = builtForm, form.isShowingDossier else { return }
        form.save()
    }

    /// Search (with its filters), list, fiche.
    public var focusRegions: [FocusRegion] {
        [FocusRegion(searchBar, kind: .list) { [weak self] _ in self?.search.grabFocus() ?? false },
         FocusRegion(table.view, kind: .list) { [weak self] _ in self?.table.focus() ?? false },
         FocusRegion(builtForm?.isShowingDossier == true ? formArea : nil, kind: .form)]
    }

    public func saveState(into state: inout WindowState) {
        var columns = state.columns ?? [:]
        let widths = table.columnWidths
        if !widths.isEmpty { columns[Self.tableID] = widths }
        state.columns = columns
    }
}
