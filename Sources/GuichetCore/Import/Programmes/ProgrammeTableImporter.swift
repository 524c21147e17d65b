import Foundation

/// Imports a programme table (construction or rehabilitation) from the bytes of a CSV or text
/// export, as agents receive them: any of UTF-8 (with or without BOM) / Windows-1252 / UTF-16,
/// `;` `,` or tab, CRLF or LF, headers typed by hand (read by meaning, see `ProgrammeField`),
/// French amounts and Excel's accounting zeros, TOTAL rows closing blocks, titles, blank rows.
///
/// Nothing is dropped: a row with any figure (or a commune, or a name) is imported, what is
/// missing left unknown and flagged; a blank name becomes "sans nom (ligne N)". A row whose
/// landlord is unknown is imported with `landlordId == nil` and an error at its line and column.
/// `strict` turns any error into a failed import with nothing imported. Pure: no storage.
public struct ProgrammeTableImporter: Sendable {
    public var directory: LandlordDirectory

    public init(directory: LandlordDirectory) { self.directory = directory }

    public func importTable(_ data: Data, kind: ProgrammeTableKind, strict: Bool = false) -> ImportReport {
        importTable(data, kind: kind, options: ProgrammeImportOptions(strict: strict))
    }

    /// - Parameter remembered: the agent's choices remembered for a header signature (used when
    ///   `options.choices` is nil).
    public func importTable(_ data: Data, kind: ProgrammeTableKind, options: ProgrammeImportOptions,
                            remembered: (String) -> ColumnChoices? = { _ in nil }) -> ImportReport {
        var report = read(data, kind: kind, options: options, remembered: remembered)
        report.issues = report.issues.capped(options.limits.maxIssues)
        return report
    }

    private func read(_ data: Data, kind: ProgrammeTableKind, options: ProgrammeImportOptions,
                      remembered: (String) -> ColumnChoices?) -> ImportReport {
        var report = ImportReport(kind: kind, strict: options.strict)
        report.plausibility = options.plausibility
        let table = TableReading(data, fields: ProgrammeField.fields(for: kind), kindName: kind.rawValue,
                                 limits: options.limits, choices: { options.choices ?? remembered($0) })
        report.encoding = table.encoding
        report.separator = table.separator
        report.lineEnding = table.lineEnding
        report.issues = table.issues

        guard let headerIndex = table.headerIndex, let headerLine = table.headerLine else {
            report.issues.append(ImportIssue(.error, line: nil,
                "ligne d'en-têtes introuvable : aucune des dix premières lignes ne nomme au moins trois colonnes connues "
                + "(commune, année, programme, bailleur…)"))
            report.failed = true
            return report
        }
        report.headerLine = headerLine
        report.signature = table.signature
        report.columns = table.columns
        for r in table.records[..<headerIndex] {
            report.skipped.append(SkippedRow(line: r.line, reason: r.cells.allSatisfy { $0.trimmingSpaces().isEmpty } ? .blank : .title))
        }
        reportColumns(table.columns, line: headerLine, kind: kind, issues: &report.issues)
        let present = Set(table.columns.compactMap(\.field))
        let missing = ProgrammeField.required(for: kind).filter { !present.contains($0) }
        if !missing.isEmpty {
            report.issues.append(ImportIssue(.error, line: headerLine,
                "colonne(s) obligatoire(s) absente(s) : \(missing.map(\.label).joined(separator: ", ")) ; "
                + "attribuez-les parmi les colonnes non reconnues"))
            report.failed = true
            return report
        }
        if kind == .construction, present.isDisjoint(with: [.plus, .plai, .pls, .total]) {
            report.issues.append(ImportIssue(.error, line: headerLine, "aucune colonne de logements (PLUS, PLAI, PLS ou total)"))
            report.failed = true
            return report
        }

        let reader = RowReader(columns: table.columns, directory: directory, kind: kind, limits: options.limits)
        var totals = TotalBlocks(columns: table.columns, limits: options.limits)
        var rows: [RowReader.Row] = []
        var periods: [(ProgrammePeriod, PeriodSource)?] = []
        var sectionHint: ProgrammePeriod?
        /// Rows of the open block whose period their own status does not give.
        func settleBlock(_ hint: ProgrammePeriod?) {
            for i in totals.openBlock where periods[i] == nil {
                periods[i] = hint.map { ($0, .block) } ?? (.financed, .assumed)
            }
        }
        for record in table.dataRecords {
            switch table.shape(of: record) {
            case .blank:
                report.skipped.append(SkippedRow(line: record.line, reason: .blank))
            case .title(let text):
                report.skipped.append(SkippedRow(line: record.line, reason: .title))
                if let hint = ProgrammePeriod.from(label: text) { sectionHint = hint }
                else {
                    report.issues.append(ImportIssue(.warning, line: record.line,
                        "ligne sans chiffre (« \(ImportText.cut(text, 60)) ») lue comme un titre : non importée"))
                }
            case .total(let label):
                report.skipped.append(SkippedRow(line: record.line, reason: .total))
                settleBlock(ProgrammePeriod.from(label: label) ?? sectionHint)
                let check = totals.close(record.cells, line: record.line, label: label, issues: &report.issues)
                report.totalRows.append(check)
                if !check.matches { report.issues.append(mismatch(check, label: label)) }
                sectionHint = nil
            case .data:
                let row = reader.read(record, issues: &report.issues)
                if let forced = options.period { periods.append((forced, .option)) }
                else { periods.append(row.statusPeriod.map { ($0, .status) }) }
                rows.append(row)
                totals.add(line: row.line, year: row.programme.year, values: row.figures)
            }
        }
        settleBlock(sectionHint)
        assignKeys(rows, periods: periods.map { $0! }, kind: kind, report: &report)
        ProgrammePlausibility(rules: options.plausibility).check(&report)
        if options.strict && !report.errors.isEmpty {
            report.failed = true
            report.construction = []
            report.rehabilitation = []
        }
        return report
    }

    /// Keys from kind, year, commune, name and period; a row repeating an earlier row's key is
    /// kept apart ("#2"): rows of one file never overwrite each other.
    private func assignKeys(_ rows: [RowReader.Row], periods: [(ProgrammePeriod, PeriodSource)], kind: ProgrammeTableKind,
                            report: inout ImportReport) {
        var seen: [String: Int] = [:]
        for (row, (period, source)) in zip(rows, periods) {
            var programme = row.programme
            // Financed is stored as no mark, as programmes stored before periods existed.
            programme.setPeriod(period == .forecast ? .forecast : nil)
            var key = ProgrammeKey.natural(kind: kind, year: programme.yearValue, commune: programme.commune,
                                           name: programme.name, period: period)
            let n = seen[key, default: 0] + 1
            seen[key] = n
            if n > 1 {
                key += "#\(n)"
                report.issues.append(ImportIssue(.warning, line: row.line,
                    "programme en double (même commune, année, nom et période qu'une ligne précédente) : importé séparément"))
            }
            switch programme {
            case .construction(let p): report.construction.append(ImportedRow(line: row.line, naturalKey: key, programme: p, periodSource: source))
            case .rehabilitation(let p): report.rehabilitation.append(ImportedRow(line: row.line, naturalKey: key, programme: p, periodSource: source))
            }
        }
    }

    private func mismatch(_ check: ProgrammeTotalCheck, label: String) -> ImportIssue {
        let detail = check.comparisons.filter { !$0.matches }.map { c in
            "\(c.field.label) : total indiqué \(format(c.given, c.field)), somme des lignes "
                + (c.computed.map { format($0, c.field) } ?? "hors limites")
        }.joined(separator: " ; ")
        let scope = check.scope == .allRowsAbove ? "toutes les lignes au-dessus"
            : "les \(check.rows) ligne(s) de son bloc" + (check.firstLine.map { " (lignes \($0) à \(check.lastLine!))" } ?? "")
        return ImportIssue(.warning, line: check.line,
            "la ligne « \(ImportText.cut(label, 60)) » ne correspond pas à \(scope) : \(detail)")
    }

    private func format(_ v: Int64, _ field: ProgrammeField) -> String {
        field.cellKind == .money ? FrenchFormat.money(Money(cents: v)) : FrenchFormat.integer(v)
    }

    /// One warning per column the agent should look at; a summary for the rest of a wide header.
    private func reportColumns(_ columns: [ProgrammeColumn], line: Int, kind: ProgrammeTableKind, issues: inout [ImportIssue]) {
        var unread = 0
        for c in columns {
            switch c.reading.how {
            case .corrected, .ambiguous, .duplicate:
                issues.append(ImportIssue(.warning, line: line, column: c.source, c.explanation))
            case .unrecognised:
                unread += 1
                if unread <= 20 {
                    issues.append(ImportIssue(.warning, line: line, column: c.source,
                        "en-tête non reconnu pour un tableau de \(kind.label) : colonne ignorée (à attribuer ou ignorer)"))
                }
            default: break
            }
        }
        if unread > 20 {
            issues.append(ImportIssue(.warning, line: line, "\(unread - 20) autre(s) colonne(s) non reconnue(s) ignorée(s)"))
        }
    }
}

extension RowReader.Parsed {
    var year: Int? {
        switch self { case .construction(let p): p.financingYear.value; case .rehabilitation(let p): p.financingYear.value }
    }
    var yearValue: SourceValue<Int> {
        switch self { case .construction(let p): p.financingYear; case .rehabilitation(let p): p.financingYear }
    }
    var commune: String {
        switch self { case .construction(let p): p.commune; case .rehabilitation(let p): p.commune }
    }
    var name: String {
        switch self { case .construction(let p): p.name; case .rehabilitation(let p): p.name }
    }
    mutating func setPeriod(_ period: ProgrammePeriod?) {
        switch self {
        case .construction(var p): p.period = period; self = .construction(p)
        case .rehabilitation(var p): p.period = period; self = .rehabilitation(p)
        }
    }
}
