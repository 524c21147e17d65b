/// A column of the source table: 1-based position, spreadsheet letter and header as written.
public struct SourceColumn: Hashable, Sendable, Codable {
    public var index: Int
    public var header: String
    public var field: ProgrammeField?

    public init(index: Int, header: String, field: ProgrammeField?) {
        self.index = index; self.header = header; self.field = field
    }

    /// "A", "B", … "Z", "AA" as spreadsheets name columns.
    public var letter: String { SourceColumn.letter(index) }

    public static func letter(_ index: Int) -> String {
        var n = index, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// "colonne D (BAILLEURS)".
    public var reference: String {
        header.isEmpty ? "colonne \(letter)" : "colonne \(letter) (\(header))"
    }
}

/// A problem met while importing, located by line and column, in French.
public struct ImportIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The row or file is wrong; `strict` imports stop on it.
        case error
        /// Kept as given, to be looked at.
        case warning
    }
    public var severity: Severity
    /// 1-based physical line of the file; nil for the file as a whole.
    public var line: Int?
    public var column: SourceColumn?
    public var message: String

    public init(_ severity: Severity, line: Int?, column: SourceColumn? = nil, _ message: String) {
        self.severity = severity; self.line = line; self.column = column; self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("ligne \(line)") }
        if let column { place.append(column.reference) }
        let prefix = severity == .error ? "Erreur" : "Attention"
        return place.isEmpty ? "\(prefix) : \(message)" : "\(prefix), \(place.joined(separator: ", ")) : \(message)"
    }
}

/// A programme read from a row, with where it came from and its natural key.
public struct ImportedRow<Programme: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var line: Int
    /// Stable across re-imports of the same file: kind, year, commune, programme name
    /// (suffixed "#2", "#3" for repeated rows). The store upserts by it.
    public var naturalKey: String
    public var programme: Programme
}

/// A row left out, and why.
public struct SkippedRow: Hashable, Sendable, Codable {
    public enum Reason: String, Hashable, Sendable, Codable { case blank, title, total, invalid }
    public var line: Int
    public var reason: Reason
}

/// A "TOTAL" row of the source compared with the sums of the rows it covers.
public struct TotalRowCheck: Hashable, Sendable, Codable {
    public enum Scope: Hashable, Sendable, Codable {
        case year(Int)
        /// Rows since the previous total row.
        case section
        /// Every data row above.
        case allRowsAbove
    }
    public struct Comparison: Hashable, Sendable, Codable {
        public var field: ProgrammeField
        /// Integers for counts, cents for amounts.
        public var given: Int64
        public var computed: Int64
        public var matches: Bool { given == computed }
    }
    public var line: Int
    public var label: String
    public var scope: Scope
    public var comparisons: [Comparison]
    public var matches: Bool { comparisons.allSatisfy(\.matches) }
}

/// Everything an import produced: programmes, skipped rows, issues, total checks.
public struct ImportReport: Sendable, Codable {
    public var kind: ProgrammeTableKind
    public var encoding: SourceEncoding?
    public var separator: String?
    public var lineEnding: LineEnding?
    public var columns: [SourceColumn]
    public var headerLine: Int?
    public var construction: [ImportedRow<ConstructionProgramme>]
    public var rehabilitation: [ImportedRow<RehabilitationProgramme>]
    public var skipped: [SkippedRow]
    public var issues: [ImportIssue]
    public var totalRows: [TotalRowCheck]
    public var strict: Bool
    /// Nothing was imported: a fatal problem, or an error under `strict`.
    public var failed: Bool

    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }
    public var warnings: [ImportIssue] { issues.filter { $0.severity == .warning } }
    public var importedCount: Int { construction.count + rehabilitation.count }
}
