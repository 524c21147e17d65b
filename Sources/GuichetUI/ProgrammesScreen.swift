import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// The "Programmes" section: construction and rehabilitation programmes with search and filters,
/// the rules' findings per programme, the yearly summary of the brief (§6.1), the selected
/// programme's form (saved with optimistic locking) and the import of a table with a dry-run report.
/// Reads, saves and imports go through the use cases off the main thread.
@MainActor
public final class ProgrammesScreen: Screen {
    public static let section = SectionInfo(id: "programmes", title: "Programmes", iconName: "go-home-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget
    public let searchEntry: Entry?
    public var supportsSave: Bool { true }

    /// Set by tests (and usable by agents) to import this file instead of asking with a file chooser.
    static let importFileVariable = "GUICHET_UI_IMPORT_FILE"

    private let context: ScreenContext
    private let kinds: Stack
    let yearFilter: DropDown
    private let landlordFilter: DropDown
    private let status: Label
    private let formScroller: Widget
    private let summaryHolder: Box
    private let details: Stack
    let construction: KindPage<ConstructionProgramme>
    let rehabilitation: KindPage<RehabilitationProgramme>
    private var landlords: [Landlord] = []
    private var years: [Int] = []
    private var updatingFilters = false
    private let directory: DirectoryReference
    /// The import preview under way, which the agent can interrupt.
    let progress = WorkProgress()
    private var filtersReading: Task<Void, Never>?

    public static let factory = ScreenFactory(section) { try ProgrammesScreen(context: $0) }

    public init(context: ScreenContext) throws {
        self.context = context
        let builder = try Builder(uiFile: "programmes-screen.ui")
        root = try builder.get("page")
        kinds = try builder.get("kinds")
        let search = try builder.get("search", as: Entry.self)
        searchEntry = search
        yearFilter = try builder.get("yearFilter")
        landlordFilter = try builder.get("landlordFilter")
        status = try builder.get("status")
        formScroller = try builder.get("formScroller")
        summaryHolder = try builder.get("summaryHolder")
        details = try builder.get("details")
        let directory = DirectoryReference()
        self.directory = directory
        construction = KindPage(columns: ProgrammeRows.constructionColumns,
                                summaryColumns: ProgrammeRows.constructionSummaryColumns,
                                fields: ProgrammeFormFields.construction(directory: { directory.value }))
        rehabilitation = KindPage(columns: ProgrammeRows.rehabilitationColumns,
                                  summaryColumns: ProgrammeRows.rehabilitationSummaryColumns,
                                  fields: ProgrammeFormFields.rehabilitation(directory: { directory.value }))
        kinds.addChild(construction.root, name: "construction", title: "Construction")
        kinds.addChild(rehabilitation.root, name: "rehabilitation", title: "Réhabilitation")
        formScroller.setScrolledChild(construction.form.root)
        summaryHolder.append(construction.summaryBox)
        try builder.get("progress-slot", as: Box.self).append(progress.root)
        root.setAccessibleLabel("Programmes")

        let rules = context.guichet?.profile.programmeRules
        construction.format = { ProgrammeRows.construction($0, rules: rules) }
        construction.summarize = { rows in
            let s = ProgrammeSummary.construction(rows.map(\.record.programme))
            return (ProgrammeRows.summary(s), ProgrammeRows.totals(s), ProgrammeRows.unknownCellsNote(s.total.unknownCells, doubtful: s.total.doubtfulCells))
        }
        rehabilitation.format = { ProgrammeRows.rehabilitation($0) }
        rehabilitation.summarize = { rows in
            let s = ProgrammeSummary.rehabilitation(rows.map(\.record.programme))
            return (ProgrammeRows.summary(s), ProgrammeRows.totals(s), ProgrammeRows.unknownCellsNote(s.total.unknownCells, doubtful: s.total.doubtfulCells))
        }
        if let guichet = context.guichet {
            construction.load = { q in try await guichet.constructionPage(q).rows }
            construction.form.store = { r in try await guichet.saveConstruction(r) }
            rehabilitation.load = { q in try await guichet.rehabilitationPage(q).rows }
            rehabilitation.form.store = { r in try await guichet.saveRehabilitation(r) }
        }
        construction.requestReload = { [weak self] in self?.reload() }
        rehabilitation.requestReload = { [weak self] in self?.reload() }
        construction.onProgrammeChosen = { [weak self] in self?.details.visibleChildName = "form" }
        rehabilitation.onProgrammeChosen = { [weak self] in self?.details.visibleChildName = "form" }
        construction.onError = { [weak self] in self?.showStatus($0, error: true) }
        rehabilitation.onError = { [weak self] in self?.showStatus($0, error: true) }

        search.onChanged { [weak self] in self?.reloadList() }
        yearFilter.onSelectionChanged { [weak self] in self?.filtersChanged() }
        landlordFilter.onSelectionChanged { [weak self] in self?.filtersChanged() }
        kinds.onNotify("visible-child-name") { [weak self] in self?.kindChanged() }
        try builder.get("importButton", as: Button.self).onClicked { [weak self] in self?.chooseImportFile() }
        reload()
    }

    var kind: ProgrammeTableKind { kinds.visibleChildName == "rehabilitation" ? .rehabilitation : .construction }

    public func activate() { reload() }

    public func canLeave() -> Bool {
        guard construction.form.isDirty || rehabilitation.form.isDirty else { return true }
        MessageDialog.inform(parent: context.window, kind: .warning, title: "Modifications non enregistrées",
                             detail: "Enregistrez le programme (Ctrl+S) ou annulez vos modifications avant de quitter la section.")
        return false
    }

    public func save() { kind == .construction ? construction.form.save() : rehabilitation.form.save() }

    private func kindChanged() {
        formScroller.setScrolledChild(kind == .construction ? construction.form.root : rehabilitation.form.root)
        summaryHolder.removeAll()
        summaryHolder.append(kind == .construction ? construction.summaryBox : rehabilitation.summaryBox)
        reload()
    }

    private func filtersChanged() {
        guard !updatingFilters else { return }
        reloadList()
    }

    /// The query of the visible list: search text, year and landlord filters, the list's sort.
    private func query(for kind: ProgrammeTableKind) -> ProgrammeQuery {
        var q = ProgrammeQuery(kind: kind, text: searchEntry?.text)
        if let i = yearFilter.selectedIndex, i > 0, i - 1 < years.count { q.year = years[i - 1] }
        if let i = landlordFilter.selectedIndex, i > 0, i - 1 < landlords.count { q.landlordId = landlords[i - 1].id }
        return q
    }

    /// Reads the filters' choices (landlords, financing years), then the visible list again: on
    /// showing, after a save or an import. Typing and filtering only re-read the list.
    func reload() {
        guard let guichet = context.guichet else {
            showStatus("Aucune base de données ouverte : les programmes ne peuvent pas être lus.", error: true)
            return
        }
        let kind = self.kind
        filtersReading?.cancel()
        filtersReading = Task { [weak self] in
            do {
                let (stored, knownYears) = try await guichet.programmeFilters(kind: kind)
                guard !Task.isCancelled, let self else { return }
                self.filtersReading = nil
                self.directory.value = LandlordDirectory(stored)
                self.updateFilters(landlords: stored, years: knownYears)
                self.reloadList()
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled else { return }
                self?.filtersReading = nil
                self?.showStatus("Lecture impossible : \(error)", error: true)
            }
        }
    }

    /// True while filters or the visible list are being read.
    var isLoading: Bool { filtersReading != nil || construction.isLoading || rehabilitation.isLoading }
    public var isReading: Bool { isLoading }

    /// Reads the visible list again with the current search and filters.
    private func reloadList() {
        if kind == .construction { construction.reload(query(for: kind)) } else { rehabilitation.reload(query(for: kind)) }
    }

    private func updateFilters(landlords newLandlords: [Landlord], years newYears: [Int]) {
        updatingFilters = true
        defer { updatingFilters = false }
        if newYears != years || yearFilter.items.isEmpty {
            let previous = yearFilter.selectedIndex.flatMap { $0 > 0 && $0 - 1 < years.count ? years[$0 - 1] : nil }
            years = newYears
            yearFilter.items = ["Toutes les années"] + years.map(String.init)
            yearFilter.selectedIndex = previous.flatMap { y in years.firstIndex(of: y).map { $0 + 1 } } ?? 0
        }
        if newLandlords.map(\.id) != landlords.map(\.id) || landlordFilter.items.isEmpty {
            let previous = landlordFilter.selectedIndex.flatMap { $0 > 0 && $0 - 1 < landlords.count ? landlords[$0 - 1].id : nil }
            landlords = newLandlords
            landlordFilter.items = ["Tous les bailleurs"] + landlords.map(\.name)
            landlordFilter.selectedIndex = previous.flatMap { id in landlords.firstIndex { $0.id == id }.map { $0 + 1 } } ?? 0
        }
    }

    func showStatus(_ text: String?, error: Bool = false) {
        status.show(text)
        status.removeCSSClass("error")
        if error { status.addCSSClass("error") }
    }

    // MARK: Import

    private func chooseImportFile() {
        let kind = self.kind
        if let path = ProcessInfo.processInfo.environment[Self.importFileVariable], !path.isEmpty {
            previewImport(path, kind: kind)
            return
        }
        FileChooser.open(parent: context.window, title: "Importer un tableau de programmes (\(kind.label))",
                         filters: [FileChooser.Filter(name: "Tableaux CSV", pattern: "*.csv"),
                                   FileChooser.Filter(name: "Tous les fichiers", pattern: "*")]) { [weak self] path in
            if let path { self?.previewImport(path, kind: kind) }
        }
    }

    /// Dry run first (off the main thread, interruptible): the report and what would change,
    /// then "Importer" applies it. Columns the import could not read alone (or a required column
    /// it did not find) are put to the agent first in the columns dialog; "Colonnes…" opens it
    /// again to correct a reading.
    func previewImport(_ path: String, kind: ProgrammeTableKind, choices: ColumnChoices? = nil) {
        guard let guichet = context.guichet else { return }
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        progress.run("Lecture et aperçu de l’import de « \(name) »…", stopped: "Aperçu de l’import interrompu : rien n’a été enregistré.") {
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw UnreadableInput(path) }
            return (data, try await guichet.importProgrammes(data, kind: kind, options: ProgrammeImportOptions(choices: choices, rules: guichet.profile.programmeRules),
                                                             sourceName: name, dryRun: true))
        } done: { [weak self] outcome in
            self?.previewed(outcome, name: name, path: path, kind: kind, choices: choices)
        }
    }

    private func previewed(_ outcome: Result<(Data, ProgrammeImportRun.Result), any Error>, name: String, path: String,
                           kind: ProgrammeTableKind, choices: ColumnChoices?) {
        let data: Data, preview: ProgrammeImportRun.Result
        switch outcome {
        case .success(let read): (data, preview) = read
        case .failure(let error as UnreadableInput):
            MessageDialog.inform(parent: context.window, kind: .error, title: "Fichier illisible", detail: error.description)
            return
        case .failure(let error):
            MessageDialog.inform(parent: context.window, kind: .error, title: "Import impossible : « \(name) »", detail: "\(error)")
            return
        }
        let report = preview.report
        let askColumns = { [weak self] in self?.chooseColumns(report, path: path, kind: kind) }
        if choices == nil, !report.columns.isEmpty, !report.columnsToResolve.isEmpty || report.failed {
            askColumns()
            return
        }
        if report.failed {
            MessageDialog.show(parent: context.window, kind: .error, title: "Import impossible : « \(name) »",
                               detail: ImportReportText.detail(preview),
                               choices: [MessageDialog.Choice("Fermer")] + (report.columns.isEmpty ? [] : [MessageDialog.Choice("Colonnes…")])) { choice in
                if choice == 1 { askColumns() }
            }
            return
        }
        MessageDialog.show(parent: context.window, kind: .question, title: "Importer « \(name) » ?",
                           detail: ImportReportText.detail(preview),
                           choices: [MessageDialog.Choice("Annuler"), MessageDialog.Choice("Colonnes…"),
                                     MessageDialog.Choice("Importer", style: .suggested)]) { [weak self] choice in
            switch choice {
            case 1: askColumns()
            // The rows to check were shown: importing them is the agent's confirmation.
            case 2: self?.applyImport(data, name: name, kind: kind, choices: choices)
            default: break
            }
        }
    }

    /// The columns dialog, then the preview again with the agent's choices.
    private func chooseColumns(_ report: ImportReport, path: String, kind: ProgrammeTableKind) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        do {
            try ImportColumnsDialog.present(parent: context.window, report: report, fileName: name) { [weak self] choices in
                guard let choices else { return }
                self?.previewImport(path, kind: kind, choices: choices)
            }
        } catch {
            MessageDialog.inform(parent: context.window, kind: .error, title: "Import impossible : « \(name) »", detail: "\(error)")
        }
    }

    /// Applies the import in one write session (remembering the agent's column choices), then
    /// shows the lists and summary again.
    func applyImport(_ data: Data, name: String, kind: ProgrammeTableKind, choices: ColumnChoices? = nil) {
        guard let guichet = context.guichet else { return }
        showStatus("Import de « \(name) » en cours…")
        Task { [weak self] in
            do {
                let result = try await guichet.importProgrammes(data, kind: kind, options: ProgrammeImportOptions(choices: choices, rules: guichet.profile.programmeRules),
                                                                sourceName: name, dryRun: false, acceptWideDifferences: true)
                self?.reload()
                self?.showStatus("Import de « \(name) » enregistré. " + ImportReportText.counts(result))
            } catch {
                self?.showStatus("Import de « \(name) » refusé, rien n'a été enregistré : \(error)", error: true)
            }
        }
    }
}

/// The landlord directory the forms resolve a typed landlord with, read at each reload.
@MainActor
final class DirectoryReference {
    var value: LandlordDirectory?
}
