import Foundation
import GtkKit
import GuichetCore

/// "Dossiers d'aide": search and filters, the lazily loaded list of dossiers, and the form of
/// the selected (or new) dossier beside it (`ui/dossiers-screen.ui`, `DossierForm`).
@MainActor
public final class DossiersScreen: Screen {
    nonisolated public static let section = SectionInfo(id: "dossiers", title: "Dossiers d’aide", iconName: "folder-documents-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget
    public var searchEntry: Entry? { search }
    public var supportsNewItem: Bool { true }
    public var supportsSave: Bool { true }

    let search: Entry
    let table: LazyTable
    /// The dossier form, built when a dossier is first opened or created (a hidden form of
    /// a few hundred widgets was a fifth of the window's opening).
    private(set) var builtForm: DossierForm?
    private let formArea: Box
    private let formPlaceholder: Widget
    private let makeForm: @MainActor () throws -> DossierForm
    let source: DossierListSource
    private let countLabel: Label
    let statusFilter: DropDown
    private let schemeFilter: DropDown
    private let yearFilter: DropDown
    private let schemes: [AidScheme]
    private let years: [Int]
    private weak var window: Window?
    private var shownRow: Int?

    public init(context: ScreenContext) throws {
        guard let workspace = context.workspace else {
            throw GtkKitError("La section Dossiers d’aide a besoin d’une base ouverte.")
        }
        window = context.window
        schemes = workspace.profile.schemes?.schemes ?? []
        let b = try Builder(uiFile: "dossiers-screen.ui")
        root = try b.get("page")
        search = try b.get("search")
        countLabel = try b.get("count")
        statusFilter = try b.get("status-filter")
        schemeFilter = try b.get("scheme-filter")
        yearFilter = try b.get("year-filter")
        source = DossierListSource(store: workspace.store, prefetched: context.configuration.prefetch.dossiers)
        table = LazyTable(columns: DossierListSource.columns, dataSource: source, pageSize: DossierListSource.pageSize)
        table.columnView.setAccessibleLabel("Dossiers")
        table.setColumnWidths(DossierListSource.widths)
        try b.get("list-area", as: Box.self).append(table.view)
        formArea = try b.get("form-area")
        formPlaceholder = try b.get("form-placeholder")
        let (store, schemes, window, clock) = (workspace.store, schemes, context.window, workspace.clock)
        makeForm = { try DossierForm(store: store, schemes: schemes, window: window, clock: clock) }

        statusFilter.items = ["Tous les statuts"] + DossierStatus.allCases.map(\.label)
        schemeFilter.items = ["Tous les dispositifs"] + schemes.map(DossierForm.schemeItem)
        let thisYear = workspace.clock.today().year
        years = Array((thisYear - 7...thisYear).reversed())
        yearFilter.items = ["Toutes les années"] + years.map(String.init)
        for drop in [statusFilter, schemeFilter, yearFilter] { drop.selectedIndex = 0 }

        connectSignals(newButton: try b.get("new"))
        showCount() // the table read the list when it was made
        RetentionCheck.start(workspace: workspace, label: try b.get("retention-notice"), today: workspace.clock.today())
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
            form.cancelEdits()
            return true
        }
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

    /// Re-reads count and rows; the form keeps its dossier.
    func reloadList() {
        table.reload()
        shownRow = nil
        showCount()
    }

    private func showCount() {
        countLabel.text = source.lastError ?? DossierListSource.countText(source.total)
    }

    private func rowSelected(_ row: Int?) {
        guard let row, row != shownRow else { return }
        guard let number = DossierNumber(parsing: table.text(row: row, column: 0)) else { return }
        guard confirmLeavingForm({ [weak self] in self?.open(number, row: row) }) else {
            table.selectedRow = shownRow
            return
        }
        open(number, row: row)
    }

    private func open(_ number: DossierNumber, row: Int?) {
        do {
            let form = try self.form()
            guard let dossier = try form.store.read({ try $0.dossier(number: number) }) else { return }
            shownRow = row
            form.show(dossier)
        } catch {
            countLabel.text = "Lecture du dossier impossible : \(error)"
        }
    }

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
        table.selectedRow = nil
        shownRow = nil
        do { try form().startNew() } catch { countLabel.text = "Fiche du dossier indisponible : \(error)" }
    }

    public func save() {
        guard let form = builtForm, form.isShowingDossier else { return }
        form.save()
    }
}
