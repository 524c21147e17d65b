import Foundation

/// Reads an allocation extract (a landlord's export, the SNE's, SYPLO's) from the bytes of a CSV
/// or text file, with the import engine: any encoding, separator and line ending, headers read
/// by meaning, blank and title rows left out and said.
///
/// Nothing is dropped: every row with a value becomes an allocation; a cell that does not read
/// is left unknown with a warning at its line and column (never guessed: an unreadable QPV cell
/// is "QPV inconnu", not "hors QPV"); a landlord the directory does not know is kept as spelled
/// with an error. Rows without SNE number are keyed by their facts and their rank among identical
/// rows, so that reading the same file again finds the same keys; a number met twice in one file
/// is one allocation (the second row completes the first, and is said). Pure: no storage.
public struct AllocationExtractImporter: Sendable {
    public var directory: LandlordDirectory
    public var categories: [PriorityCategory]

    public init(directory: LandlordDirectory, categories: [PriorityCategory]) {
        self.directory = directory; self.categories = categories
    }

    public static let kindName = "attributions"

    public func read(_ data: Data, options: AllocationImportOptions = AllocationImportOptions(),
                     remembered: (String) -> ColumnChoices? = { _ in nil }) -> AllocationImportReport {
        var report = AllocationImportReport()
        let table = TableReading(data, fields: Array(AllocationField.allCases), kindName: Self.kindName, minimumFields: 2,
                                 limits: options.limits, choices: { options.choices ?? remembered($0) })
        report.encoding = table.encoding
        report.separator = table.separator
        report.lineEnding = table.lineEnding
        report.issues = table.issues
        defer { report.issues = report.issues.capped(options.limits.maxIssues) }
        guard let headerIndex = table.headerIndex, let headerLine = table.headerLine else {
            report.issues.append(ImportIssue(.error, line: nil,
                "ligne d'en-têtes introuvable : aucune des dix premières lignes ne nomme au moins deux colonnes connues "
                + "(bailleur, commune, date de la CAL ou du bail, QPV, ménage prioritaire…)"))
            report.failed = true
            return report
        }
        report.headerLine = headerLine
        report.signature = table.signature
        report.columns = table.columns
        for r in table.records[..<headerIndex] {
            report.skipped.append(SkippedRow(line: r.line, reason: r.cells.allSatisfy { $0.trimmingSpaces().isEmpty } ? .blank : .title))
        }
        for c in table.columns where [.ambiguous, .unrecognised, .duplicate].contains(c.reading.how) {
            report.issues.append(ImportIssue(.warning, line: headerLine, column: c.source, c.explanation))
        }
        let present = Set(table.columns.compactMap(\.field))
        // The SNE number alone finds allocations already in the register (an extract that
        // completes them, as SYPLO's does); without it, a row needs its landlord and a date.
        var missing: [String] = []
        let numbered = present.contains(.sneNumber)
        if !numbered && !present.contains(.landlord) && options.landlordId == nil {
            missing.append("bailleur (ou l'option du bailleur de l'extrait)")
        }
        if !numbered && present.isDisjoint(with: [.calDecisionDate, .leaseDate]) {
            missing.append("date de décision de la CAL ou de signature du bail")
        }
        if !missing.isEmpty {
            report.issues.append(ImportIssue(.error, line: headerLine,
                "colonne(s) obligatoire(s) absente(s) : \(missing.joined(separator: ", ")) ; attribuez-les parmi les colonnes non reconnues"))
            report.failed = true
            return report
        }
        if present.isDisjoint(with: [.calDecisionDate, .leaseDate]) {
            report.issues.append(ImportIssue(.warning, line: headerLine,
                "extrait sans date : il complète les attributions déjà au registre (même numéro unique) ; une attribution "
                + "qui n'y est pas encore n'est comptée dans aucune année tant qu'un autre extrait ne donne pas sa date"))
        }
        // A SYPLO export has a label column and no holder column: its allocations are the State's.
        if present.contains(.syploLabel) && !present.contains(.reservationHolder) {
            report.kind = .syplo
            report.issues.append(ImportIssue(.warning, line: headerLine,
                "extrait SYPLO : chaque attribution est comptée sur le contingent de l'État (pas de colonne « réservataire »)"))
        }
        let fixedLandlord = options.landlordId.flatMap { id in directory.landlords.first { $0.id == id } }
        var reader = AllocationRowReader(columns: table.columns, directory: directory, categories: categories,
                                         landlord: fixedLandlord, stateContingent: report.kind == .syplo)
        var ranks: [String: Int] = [:]
        var sneLines: [String: Int] = [:]
        for record in table.dataRecords {
            switch table.shape(of: record) {
            case .blank:
                report.skipped.append(SkippedRow(line: record.line, reason: .blank))
            case .total(let label):
                report.skipped.append(SkippedRow(line: record.line, reason: .total))
                report.issues.append(ImportIssue(.warning, line: record.line, "ligne « \(ImportText.cut(label, 40)) » lue comme un total : non importée"))
            case .title, .data:
                // One filled cell is still an allocation's fact: nothing is read as a title here.
                guard var row = reader.read(record, issues: &report.issues) else {
                    report.skipped.append(SkippedRow(line: record.line, reason: .invalid))
                    continue
                }
                if let sne = row.allocation.sneNumber, let key = AllocationKey.sne(sne) {
                    row.key = key
                    if let first = sneLines[key] {
                        report.issues.append(ImportIssue(.warning, line: record.line,
                            "numéro unique \(sne) déjà lu ligne \(first) : une seule attribution, complétée par cette ligne"))
                    } else {
                        sneLines[key] = record.line
                    }
                } else {
                    let fingerprint = AllocationKey.fingerprint(row.allocation)
                    ranks[fingerprint, default: 0] += 1
                    row.key = AllocationKey.natural(row.allocation, rank: ranks[fingerprint]!)
                    if ranks[fingerprint]! == 2 {
                        report.issues.append(ImportIssue(.warning, line: record.line,
                            "ligne identique à une précédente, sans numéro unique : comptée comme une autre attribution"))
                    }
                }
                report.rows.append(row)
            }
        }
        let withoutNumber = report.rows.filter { $0.allocation.sneNumber == nil }.count
        if withoutNumber > 0 {
            report.issues.append(ImportIssue(.warning, line: nil,
                "\(withoutNumber) attribution(s) sans numéro unique : le même logement lu dans un autre extrait serait compté deux fois"))
        }
        return report
    }
}
