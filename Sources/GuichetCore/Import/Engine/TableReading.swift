import Foundation

/// A delimited table read up to its data rows, for any kind of import: bytes decoded, records
/// split, the header row found among the first ten, each column understood by meaning (or by
/// the agent's remembered choice). What is specific to a kind of table (programmes, allocation
/// extracts) reads the data rows from here.
public struct TableReading<Field: ImportField> {
    public var encoding: SourceEncoding
    public var separator: String
    public var lineEnding: LineEnding
    public var records: [Record]
    /// Index in `records` of the header row; nil when none was found.
    public var headerIndex: Int?
    public var columns: [ImportColumn<Field>]
    /// Identifies the header row, to remember the agent's column choices.
    public var signature: String?
    public var issues: [ImportIssue]
    public let limits: ImportLimits

    public struct Record: Sendable {
        public var line: Int
        public var cells: [String]
        public var recoveredQuote: Bool
    }

    public var headerLine: Int? { headerIndex.map { records[$0].line } }
    public var dataRecords: ArraySlice<Record> { headerIndex.map { records[($0 + 1)...] } ?? [] }

    /// - Parameters:
    ///   - kindName: the table's kind, part of the choices' signature ("construction").
    ///   - minimumFields: distinct fields a row must name to be the header row.
    ///   - choices: the agent's choices for a header signature (given now, or remembered).
    public init(_ data: Data, fields: [Field], kindName: String, minimumFields: Int = 3, limits: ImportLimits = .standard,
                choices: (String) -> ColumnChoices? = { _ in nil }) {
        self.limits = limits
        let decoded = SourceText.decode(data)
        encoding = decoded.encoding
        var issues: [ImportIssue] = []
        if !decoded.undefinedBytes.isEmpty {
            issues.append(ImportIssue(.warning, line: nil,
                "\(decoded.undefinedBytes.count) octet(s) sans caractère en Windows-1252 remplacé(s) par « \u{FFFD} »"))
        }
        let table = DelimitedText(decoded.text, limits: limits)
        separator = String(table.separator)
        lineEnding = table.lineEnding
        issues += table.issues
        records = table.records.map { Record(line: $0.line, cells: $0.cells, recoveredQuote: $0.recoveredQuote) }
        var matcher = HeaderMatcher(fields: fields)
        headerIndex = records.prefix(10).firstIndex { matcher.distinctFields($0.cells) >= minimumFields }
        columns = []
        signature = nil
        if let h = headerIndex {
            let headers = records[h].cells
            let sig = ColumnChoices.signature(kind: kindName, headers: headers)
            signature = sig
            columns = matcher.columns(headers, choices: choices(sig))
        }
        self.issues = issues
    }

    /// Columns whose header could not be read alone, for the agent to assign or ignore.
    public var columnsToResolve: [ImportColumn<Field>] {
        columns.filter { [.ambiguous, .unrecognised].contains($0.reading.how) }
    }

    public func column(_ field: Field) -> ImportColumn<Field>? { columns.first { $0.field == field } }

    /// What a row is, whatever the table: blank, a TOTAL row, a lone title, or data.
    public func shape(of record: Record) -> RowShape {
        var nonEmpty = 0, first: String?
        var hasFigure = false
        for (i, cell) in record.cells.enumerated() where !cell.trimmingSpaces().isEmpty {
            nonEmpty += 1
            if first == nil { first = cell }
            if i < columns.count, let f = columns[i].field, f.cellKind.isFigure { hasFigure = true }
        }
        guard let first else { return .blank }
        if Self.isTotalLabel(first) { return .total(label: first.trimmingSpaces()) }
        if nonEmpty == 1 && !hasFigure { return .title(text: first.trimmingSpaces()) }
        return .data
    }

    /// "TOTAL", "Total 2022", "TOTAUX", "Sous-total", "TOTAL GENERAL": not a commune called "Totalville".
    public static func isTotalLabel(_ cell: String) -> Bool {
        let words = LooseName.key(String(cell.prefix(200))).split(separator: " ")
        guard let first = words.first else { return false }
        return first == "total" || first == "totaux" || (first == "sous" && words.dropFirst().first == "total")
    }

    /// How each column was understood, one line per column with a header (for reports and dialogs).
    public var columnExplanations: [String] {
        columns.filter { $0.reading.how != .empty }.map(\.explanation)
    }
}

/// What a row of a table is.
public enum RowShape: Hashable, Sendable {
    case blank
    /// A row whose first filled cell says TOTAL: it closes a block.
    case total(label: String)
    /// One text cell and no figure: a title ("Prévisions 2024") or a note.
    case title(text: String)
    case data
}
