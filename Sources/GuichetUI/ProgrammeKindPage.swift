import GtkKit
import GuichetCore

/// One kind of programme on the Programmes screen: its list, its yearly summary and the form of
/// its selected programme (the screen places the three).
@MainActor
final class KindPage<P: Hashable & Sendable & Codable & ProgrammeListFields> {
    let root: Widget
    let summaryBox: Box
    let form: ProgrammeForm<P>
    let table: LazyTable
    let summaryTable: LazyTable
    private let rows = TableRows()
    private let summaryRows = TableRows()
    private let note = Label("")
    /// One sentence with the totals of the programmes shown.
    let totals = Label("")
    private(set) var data: [ProgrammeRow<P>] = []
    private var sort = ProgrammeQuery.Column.key
    private var ascending = true
    private var refreshFormAfterReload = false
    private var loading: Task<Void, Never>?

    /// Reads the rows of a query through the use cases (set by the screen on an open base).
    var load: (@Sendable (ProgrammeQuery) async throws -> [ProgrammeRow<P>])?
    var format: ((ProgrammeRow<P>) -> [String])?
    /// Summary lines of the rows shown and the note on unknown cells.
    var summarize: (([ProgrammeRow<P>]) -> (lines: [[String]], totals: String, note: String))?
    var requestReload: (() -> Void)?
    var onError: ((String) -> Void)?
    /// A programme was chosen in the list.
    var onProgrammeChosen: (() -> Void)?

    init(columns: [TableColumn], summaryColumns: [TableColumn], fields: [ProgrammeFormField<P>]) {
        summaryBox = Box(vertical: true, spacing: 0)
        table = LazyTable(columns: columns, dataSource: rows)
        summaryTable = LazyTable(columns: summaryColumns, dataSource: summaryRows)
        form = ProgrammeForm(fields: fields, accessibleName: "Fiche du programme")
        table.view.setAccessibleLabel("Liste des programmes")
        table.columnView.setAccessibleLabel("Programmes")
        summaryTable.columnView.setAccessibleLabel("Bilan par année de financement")
        root = table.view
        table.setColumnWidths(ProgrammeRows.listWidths)
        summaryTable.setColumnWidths(ProgrammeRows.summaryWidths)
        summaryTable.view.setExpand(horizontal: true, vertical: true)
        totals.xAlign = 0
        totals.wraps = true
        totals.setMargins(8)
        summaryBox.append(totals)
        summaryBox.append(summaryTable.view)
        note.xAlign = 0
        note.wraps = true
        note.addCSSClass("dim-label")
        note.setMargins(8)
        summaryBox.append(note)

        table.onSortChanged = { [weak self] column, descending in
            guard let self else { return }
            self.sort = column.flatMap(ProgrammeQuery.Column.init(rawValue:)) ?? .key
            self.ascending = !descending
            self.requestReload?()
        }
        table.onSelectionChanged = { [weak self] row in self?.selectionChanged(row) }
        form.onSaved = { [weak self] _ in
            self?.refreshFormAfterReload = true
            self?.requestReload?()
        }
    }

    /// True while the list is being read.
    var isLoading: Bool { loading != nil }

    /// Reads the list again (the previous one stays until then; a newer read cancels this one)
    /// and keeps the programme being edited selected when still listed.
    func reload(_ query: ProgrammeQuery) {
        guard let load else { return }
        var q = query
        q.sort = sort
        q.ascending = ascending
        loading?.cancel()
        loading = Task { [weak self] in
            do {
                let read = try await load(q)
                guard !Task.isCancelled, let self else { return }
                self.loading = nil
                self.show(read)
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled else { return }
                self?.loading = nil
                self?.onError?("Lecture des programmes impossible : \(error)")
            }
        }
    }

    private func show(_ read: [ProgrammeRow<P>]) {
        data = read
        rows.rows = data.map { format?($0) ?? [] }
        table.reload()
        let summary = summarize?(data) ?? (lines: [], totals: "", note: "")
        totals.text = summary.totals
        summaryRows.rows = summary.lines
        summaryTable.reload()
        note.show(summary.note)
        let key = form.record?.key
        let index = key.flatMap { k in data.firstIndex { $0.record.key == k } }
        table.selectedRow = index
        if !form.isDirty || refreshFormAfterReload {
            showInForm(index, keepsMessage: refreshFormAfterReload)
            refreshFormAfterReload = false
        }
    }

    private func selectionChanged(_ row: Int?) {
        if form.isDirty, let current = form.record?.key, row.map({ data[$0].record.key }) != current {
            // Never lose what was typed: stay on the programme being edited.
            table.selectedRow = data.firstIndex { $0.record.key == current }
            onError?("Enregistrez (Ctrl+S) ou annulez les modifications du programme en cours avant d'en choisir un autre.")
            return
        }
        showInForm(row)
        if row != nil { onProgrammeChosen?() }
    }

    private func showInForm(_ row: Int?, keepsMessage: Bool = false) {
        guard let row, row < data.count else { form.show(nil, findings: [], heading: ""); return }
        let r = data[row]
        let year = r.record.programme.financingYear.value.map(String.init) ?? "année inconnue"
        form.show(r.record, findings: r.findings, heading: "\(r.record.programme.commune) — \(r.record.programme.name) (\(year))",
                  keepsMessage: keepsMessage)
    }
}
