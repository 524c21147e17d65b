import Foundation

/// Imports a programme table (construction or rehabilitation) from the bytes of a CSV or text
/// export, as agents receive them: any of UTF-8 (with or without BOM) / Windows-1252, `;` `,` or tab,
/// CRLF or LF, loose headers, French amounts, "TOTAL" rows, blank rows, messy cells.
///
/// Policy: a row whose landlord is unknown (or blank) is still imported with `landlordId == nil`
/// and the source's spelling kept, and an error is reported at its line and column: no data is
/// lost, the agent adds the alias and re-imports (the natural key does not depend on the landlord).
/// Rows without commune or programme name are skipped with an error. `strict` turns any error
/// into a failed import with nothing imported.
public struct ProgrammeTableImporter: Sendable {
    public var directory: LandlordDirectory

    public init(directory: LandlordDirectory) { self.directory = directory }

    public func importTable(_ data: Data, kind: ProgrammeTableKind, strict: Bool = false) -> ImportReport {
        var report = ImportReport(kind: kind, encoding: nil, separator: nil, lineEnding: nil, columns: [],
                                  headerLine: nil, construction: [], rehabilitation: [], skipped: [],
                                  issues: [], totalRows: [], strict: strict, failed: false)
        let decoded = SourceText.decode(data)
        report.encoding = decoded.encoding
        if !decoded.undefinedBytes.isEmpty {
            report.issues.append(ImportIssue(.warning, line: nil,
                "\(decoded.undefinedBytes.count) octet(s) sans caractère en Windows-1252 remplacé(s) par « \u{FFFD} »"))
        }
        let table = DelimitedText(decoded.text)
        report.separator = String(table.separator)
        report.lineEnding = table.lineEnding
        if let line = table.unterminatedQuoteLine {
            report.issues.append(ImportIssue(.error, line: line, "guillemet ouvert jamais refermé : la fin du fichier est lue comme une seule cellule"))
        }

        // Header: the first of the first ten rows naming at least three known columns.
        let matcher = HeaderMatcher(kind: kind)
        guard let headerIndex = table.records.prefix(10).firstIndex(where: { r in
            Set(r.cells.compactMap { matcher.match($0)?.field }).count >= 3
        }) else {
            report.issues.append(ImportIssue(.error, line: nil,
                "ligne d'en-têtes introuvable : aucune des dix premières lignes ne nomme au moins trois colonnes connues "
                + "(commune, année, programme, bailleur…)"))
            report.failed = true
            return report
        }
        let header = table.records[headerIndex]
        report.headerLine = header.line
        for r in table.records[..<headerIndex] {
            report.skipped.append(SkippedRow(line: r.line, reason: isBlank(r.cells) ? .blank : .title))
        }
        report.columns = mapColumns(header, matcher: matcher, kind: kind, issues: &report.issues)
        let present = Set(report.columns.compactMap(\.field))
        let missing = ProgrammeField.required(for: kind).filter { !present.contains($0) }
        if !missing.isEmpty {
            report.issues.append(ImportIssue(.error, line: header.line,
                "colonne(s) obligatoire(s) absente(s) : \(missing.map(\.label).joined(separator: ", "))"))
            report.failed = true
            return report
        }
        if kind == .construction, present.isDisjoint(with: [.plus, .plai, .pls, .total]) {
            report.issues.append(ImportIssue(.error, line: header.line,
                "aucune colonne de logements (PLUS, PLAI, PLS ou total)"))
            report.failed = true
            return report
        }

        var rows = RowReader(columns: report.columns, directory: directory, kind: kind)
        var keys: [String: Int] = [:]
        var sectionStart = 0
        for record in table.records[(headerIndex + 1)...] {
            if isBlank(record.cells) {
                report.skipped.append(SkippedRow(line: record.line, reason: .blank)); continue
            }
            if isTotalLabel(record.cells.first ?? "") {
                report.skipped.append(SkippedRow(line: record.line, reason: .total))
                let check = rows.checkTotal(record, report: report, sectionStart: sectionStart)
                report.totalRows.append(check)
                if !check.matches {
                    let detail = check.comparisons.filter { !$0.matches }.map { c in
                        "\(c.field.label) : total indiqué \(format(c.given, c.field)), somme des lignes \(format(c.computed, c.field))"
                    }.joined(separator: " ; ")
                    report.issues.append(ImportIssue(.warning, line: record.line,
                        "la ligne « \(record.cells[0]) » ne correspond pas aux lignes qu'elle totalise (\(detail))"))
                }
                sectionStart = report.importedCount
                continue
            }
            guard let parsed = rows.read(record, issues: &report.issues) else {
                report.skipped.append(SkippedRow(line: record.line, reason: .invalid)); continue
            }
            var key = parsed.key
            let seen = keys[key, default: 0] + 1
            keys[key] = seen
            if seen > 1 {
                key += "#\(seen)"
                report.issues.append(ImportIssue(.warning, line: record.line,
                    "programme en double (même commune, année et nom qu'une ligne précédente) : importé séparément"))
            }
            switch parsed.programme {
            case .construction(let p): report.construction.append(ImportedRow(line: record.line, naturalKey: key, programme: p))
            case .rehabilitation(let p): report.rehabilitation.append(ImportedRow(line: record.line, naturalKey: key, programme: p))
            }
        }
        if strict && !report.errors.isEmpty {
            report.failed = true
            report.construction = []
            report.rehabilitation = []
        }
        return report
    }

    /// "TOTAL", "Total 2022", "TOTAUX", "Sous-total": not a commune called "Totalville".
    func isTotalLabel(_ cell: String) -> Bool {
        let words = LooseName.key(cell).split(separator: " ")
        guard let first = words.first else { return false }
        return first == "total" || first == "totaux" || (first == "sous" && words.dropFirst().first == "total")
    }

    private func isBlank(_ cells: [String]) -> Bool { cells.allSatisfy { $0.trimmingSpaces().isEmpty } }

    private func format(_ v: Int64, _ field: ProgrammeField) -> String {
        RowReader.moneyFields.contains(field) ? FrenchFormat.money(Money(cents: v)) : FrenchFormat.integer(v)
    }

    private func mapColumns(_ header: DelimitedText.Record, matcher: HeaderMatcher, kind: ProgrammeTableKind,
                            issues: inout [ImportIssue]) -> [SourceColumn] {
        var used: [ProgrammeField: SourceColumn] = [:]
        var columns: [SourceColumn] = []
        for (i, text) in header.cells.enumerated() {
            var column = SourceColumn(index: i + 1, header: text, field: nil)
            if let m = matcher.match(text) {
                if let first = used[m.field] {
                    issues.append(ImportIssue(.warning, line: header.line, column: column,
                        "« \(m.field.label) » déjà lu en \(first.reference) : colonne ignorée"))
                } else {
                    column.field = m.field
                    used[m.field] = column
                    if m.byTypo {
                        issues.append(ImportIssue(.warning, line: header.line, column: column,
                            "en-tête rapproché de « \(m.field.label) »"))
                    }
                }
            } else if !text.trimmingSpaces().isEmpty {
                issues.append(ImportIssue(.warning, line: header.line, column: column,
                    "en-tête non reconnu pour un tableau de \(kind.label) : colonne ignorée"))
            }
            columns.append(column)
        }
        return columns
    }
}
