import GuichetCore

/// What the import's columns dialog shows and gives back, without GTK: one row per column with
/// a header, the choices (ignore, or a field of the table's kind) and the one selected as the
/// import understood it; the agent's selections become `ColumnChoices`.
struct ImportColumnsModel {
    struct Row {
        var column: ProgrammeColumn
        /// "F — nbre de logts réhabilités".
        var title: String
        /// How the import read it, in words.
        var understanding: String
        var selected: Int
    }
    let fields: [ProgrammeField]
    var rows: [Row]

    /// Required fields no column gives yet ("année de financement"), to say in the dialog.
    let missingRequired: [ProgrammeField]

    /// "Ignorer la colonne", then the kind's fields by their French names.
    var items: [String] { ["Ignorer la colonne"] + fields.map { $0.label } }

    init(report: ImportReport) {
        fields = ProgrammeField.fields(for: report.kind)
        let present = Set(report.columns.compactMap(\.field))
        missingRequired = ProgrammeField.required(for: report.kind).filter { !present.contains($0) }
        let fields = self.fields
        rows = report.columns.filter { $0.reading.how != .empty }.map { c in
            let index = c.field.flatMap { fields.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            return Row(column: c, title: "\(c.letter) — \(ImportText.cut(c.header, 50))", understanding: c.explanation, selected: index)
        }
    }

    /// Columns whose selection says something the import would not do alone, plus every
    /// unrecognised column the agent left on "ignore" (so it is not asked again).
    func choices(selections: [Int]) -> ColumnChoices {
        var c = ColumnChoices()
        for (row, selected) in zip(rows, selections) {
            let index = row.column.index
            if selected == 0 {
                if row.column.field != nil || [.unrecognised, .ambiguous, .duplicate].contains(row.column.reading.how) {
                    c.ignored.insert(index)
                }
            } else {
                let field = fields[selected - 1]
                if field != row.column.field || row.column.reading.how == .assigned { c.assignments[index] = field.rawValue }
            }
        }
        // A field chosen for one column is taken from any other column that had it.
        let assigned = Set(c.assignments.values)
        for row in rows where row.column.field.map({ assigned.contains($0.rawValue) }) == true && c.assignments[row.column.index] == nil {
            c.ignored.insert(row.column.index)
        }
        return c
    }
}
