public typealias AllocationColumn = ImportColumn<AllocationField>

/// What reading an allocation extract gave: the allocations with their keys, rows left out,
/// problems by line and column, and how each column was understood.
public struct AllocationImportReport: Sendable, Codable {
    /// What the extract looks like: a SYPLO export is the State contingent's.
    public enum Kind: String, Sendable, Codable {
        case register, syplo
        public var label: String { self == .syplo ? "extrait SYPLO (contingent de l'État)" : "extrait d'attributions" }
    }
    public var kind: Kind
    public var encoding: SourceEncoding?
    public var separator: String?
    public var lineEnding: LineEnding?
    public var columns: [AllocationColumn]
    public var headerLine: Int?
    public var signature: String?
    public var rows: [ImportedAllocation]
    public var skipped: [SkippedRow]
    public var issues: [ImportIssue]
    /// Nothing can be imported: no header row, or a column without which rows mean nothing.
    public var failed: Bool

    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }
    public var warnings: [ImportIssue] { issues.filter { $0.severity == .warning } }
    public var columnExplanations: [String] { columns.filter { $0.reading.how != .empty }.map(\.explanation) }
    public var columnsToResolve: [AllocationColumn] { columns.filter { [.ambiguous, .unrecognised].contains($0.reading.how) } }

    init() {
        kind = .register; encoding = nil; separator = nil; lineEnding = nil; columns = []; headerLine = nil; signature = nil
        rows = []; skipped = []; issues = []; failed = false
    }
}

/// How to read an allocation extract.
public struct AllocationImportOptions: Sendable {
    /// The landlord of every row, for a landlord's own export that has no landlord column.
    public var landlordId: String?
    /// The agent's column choices for this file (remembered ones are used when nil).
    public var choices: ColumnChoices?
    public var limits: ImportLimits

    public init(landlordId: String? = nil, choices: ColumnChoices? = nil, limits: ImportLimits = .standard) {
        self.landlordId = landlordId; self.choices = choices; self.limits = limits
    }
}
