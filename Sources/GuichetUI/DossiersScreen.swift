import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// "Dossiers d'aide": search and filters, the lazily loaded list of dossiers, and the form of
/// the selected (or new) dossier beside it (`ui/dossiers-screen.ui`, `DossierForm`). Every read
/// and write goes through the use cases off the main thread: typing in the search keeps the
/// previous result on screen until the new one is read.
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
    private let formArea: Box
    private let formPlaceholder: Widget
    private let makeForm: @MainActor () throws -> DossierForm
    let source: DossierListSource.Source
    private let guichet: Guichet
    let countLabel: Label
    let statusFilter: DropDown
    private let schemeFilter: DropDown
    private let yearFilter: DropDown
    private let schemes: [AidScheme]
    private let years: [Int]
    private weak var window: Window?
    private var shownRow: Int?
    /// The read of the dossier being opened; a newer choice cancels it.
    private var opening: Task<Void, Never>?

    public init(context: ScreenContext) throws {
        guard let guichet = context.guichet else {
            throw GtkKitError("La section Dossiers d’aide a besoin d’une base ouverte.")
        }
        self.guichet = guichet
        window = context.window
        schemes = guichet.profile.schemes?.schemes ?? []
        let b = try Builder(uiFile: "dossiers-screen.ui")
        root = try b.get("page")
        search = try b.get("search")
        countLabel = try b.get("count")
        statusFilter = try b.get("status-filter")
        schemeFilter = try b.get("scheme-filter")
        yearFilter = try b.get("year-filter")
        source = DossierListSource.make(guichet: guichet, prefetched: context.configuration.prefetch.dossiers)
        table = LazyTable(columns: DossierListSource.columns, dataSource: nil, pageSize: DossierListSource.pageSize)
        source.table = table
        table.columnView.setAccessibleLabel("Dossiers")
        table.setColumnWidths(DossierListSource.widths)
        try b.get("list-area", as: Box.self).append(table.view)
        formArea = try b.get("form-area")
        formPlaceholder = try b.get("form-placeholder")
        let (schemes, window) = (schemes, context.window)
        makeForm = { try DossierForm(guichet: guichet, schemes: schemes, window: window) }

        statusFilter.items = ["Tous les statuts"] + DossierStatus.allCases.map(\.label)
        schemeFilter.items = ["Tous les dispositifs"] + schemes.map(DossierForm.schemeItem)
        let thisYear = guichet.today.year
        years = Array((thisYear - 7...thisYear).reversed())
        yearFilter.items = ["Toutes les années"] + years.map(String.init)
        for drop in [statusFilter, schemeFilter, yearFilter] { drop.selectedIndex = 0 }

        connectSignals(newButton: try b.get("new"))
        countLabel.text = "Lecture des dossiers…"
        source.onResult = { [weak self] in self?.resultShown() }
        source.refresh()
        RetentionCheck.start(guichet: guichet, label: try b.get("retention-notice"))
    }

    /// The section's factory; without an open database (UI test hook) the section says it
    /// needs one instead of failing the window.
    public static let factory = ScreenFactory(
        section,
        unavailable: "Ouvrez une base (guichet --database FICHIER) pour instruire les dossiers "
            + "de subvention du PLH : dépôt, instruction, décision, engagement et paiement.",
        make: { context, _ in try DossiersScreen(context: context) })

    private func connectSignals(newButton: Button) {
        search.onChanged { [weak self] in self?.filtersChanged() }
        for drop in [statusFilter, schemeFilter, yearFilter] {
            drop.onSelectionChanged { [weak self] in self?.filtersChanged() }
        }
        newButton.onClicked { [weak self] in self?.newItem() }
        table.onSortChanged = { [weak self] column, descending in
            guard let self else { return }
            self.source.query.sort = column.flatMap(DossierQuery.Column.init(rawValue:)) ?? .number
            self.source.query.ascending = column == nil || !descending
            self.reloadList()
        }
        table.onSelectionChanged = { [weak self] row in self?.rowSelected(row) }
        root.onKeyPressed { [weak self] keyval, _, _ in
            guard let self, keyval == 0xff1b /* GDK_KEY_Escape */, let form = self.builtForm, form.isShowingDossier
            else { return false }
            self.escape(form)
            return true
        }
    }

    /// Escape: back to the stored dossier (or to nothing for a new one); what was typed is
    /// dropped only once the agent said so.
    private func escape(_ form: DossierForm) {
        if confirmLeavingForm({}) { form.cancelEdits() }
    }

    private func filtersChanged() {
        var q = source.query
        q.text = search.typedText
        q.statuses = statusFilter.selectedIndex.flatMap { $0 > 0 ? [DossierStatus.allCases[$0 - 1]] : nil } ?? []
        q.schemes = schemeFilter.selectedIndex.flatMap { $0 > 0 && $0 <= schemes.count ? [schemes[$0 - 1].code] : nil } ?? []
        q.year = yearFilter.selectedIndex.flatMap { $0 > 0 && $0 <= years.count ? years[$0 - 1] : nil }
        source.query = q
        reloadList()
    }

    /// The dossier form, built and put in place of the placeholder the first time.
    func form() throws -> DossierForm {
        if let builtForm { return builtForm }
        let form = try makeForm()
        form.onSaved = { [weak self] _ in self?.reloadList() }
        formArea.remove(formPlaceholder)
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

    /// A new result is on screen (or its read failed).
    private func resultShown() {
        shownRow = nil
        countLabel.text = source.lastError ?? DossierListSource.countText(source.total)
        onListShown?()
    }

    private func rowSelected(_ row: Int?) {
        guard let row, row != shownRow else { return }
        // A row whose page is still being read is opened once it comes.
        source.whenRead(row) { [weak self] listed in self?.chosen(listed.number, row: row) }
    }

    private func chosen(_ number: DossierNumber, row: Int) {
        guard confirmLeavingForm({ [weak self] in self?.open(number, row: row) }) else {
            table.selectedRow = shownRow
            return
        }
        open(number, row: row)
    }

    /// Reads the dossier and shows it in the form when read; a newer choice cancels this one.
    func open(_ number: DossierNumber, row: Int?) {
        opening?.cancel()
        shownRow = row
        let guichet = guichet
        opening = Task { [weak self] in
            do {
                let sheet = try await guichet.dossierSheet(number)
                guard !Task.isCancelled, let self else { return }
                try self.form().show(sheet)
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

    /// True when the form has nothing unsaved; otherwise asks, and runs `proceed` after the
    /// agent chose to drop the changes.
    private func confirmLeavingForm(_ proceed: @escaping @MainActor () -> Void) -> Bool {
        guard let form = builtForm, form.isDirty else { return true }
        DiscardChangesDialog.ask(parent: window, unsaved: "Le dossier en cours de saisie n’est pas enregistré.") {
            form.cancelEdits()
            proceed()
        }
        return false
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
        do { try form().startNew() } catch { countLabel.text = "Fiche du dossier indisponible : \(error)" }
    }

    public func save() {
        guard let form = builtForm, form.isShowingDossier else { return }
        form.save()
    }
}
