public typealias ProgrammeColumn = ImportColumn<ProgrammeField>
public typealias ProgrammeTotalCheck = TotalRowCheck<ProgrammeField>

/// A programme read from a row, with where it came from and its natural key.
public struct ImportedRow<Programme: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var line: Int
    /// Stable across re-imports of the same file: kind, year, commune, programme name, and
    /// "prevision" for a forecast (suffixed "#2", "#3" for repeated rows). The store matches by it.
    public var naturalKey: String
    public var programme: Programme
    /// What made the row financed or forecast.
    public var periodSource: PeriodSource

    public init(line: Int, naturalKey: String, programme: Programme, periodSource: PeriodSource = .assumed) {
        self.line = line; self.naturalKey = naturalKey; self.programme = programme; self.periodSource = periodSource
    }
}

/// A row left out, and why.
public struct SkippedRow: Hashable, Sendable, Codable {
    public enum Reason: String, Hashable, Sendable, Codable { case blank, title, total, invalid }
    public var line: Int
    public var reason: Reason
}

/// Everything an import produced: programmes, skipped rows, issues, total checks, and how each
/// column was understood.
public struct ImportReport: Sendable, Codable {
    public var kind: ProgrammeTableKind
    public var encoding: SourceEncoding?
    public var separator: String?
    public var lineEnding: LineEnding?
    public var columns: [ProgrammeColumn]
    public var headerLine: Int?
    /// The header row's signature: the agent's column choices are remembered under it.
    public var signature: String?
    public var construction: [ImportedRow<ConstructionProgramme>]
    public var rehabilitation: [ImportedRow<RehabilitationProgramme>]
    public var skipped: [SkippedRow]
    public var issues: [ImportIssue]
    public var totalRows: [ProgrammeTotalCheck]
    public var strict: Bool
    /// Nothing was imported: a fatal problem, or an error under `strict`.
    public var failed: Bool
    /// The thresholds the rows were checked with; applying the report uses its wide-difference one.
    public var plausibility: PlausibilityRules

    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }
    public var warnings: [ImportIssue] { issues.filter { $0.severity == .warning } }
    public var importedCount: Int { construction.count + rehabilitation.count }
    /// Rows read as financed, or as forecast.
    public func rowCount(_ period: ProgrammePeriod) -> Int {
        construction.filter { $0.programme.effectivePeriod == period }.count
            + rehabilitation.filter { $0.programme.effectivePeriod == period }.count
    }
    /// Columns the agent may still assign or ignore.
    public var columnsToResolve: [ProgrammeColumn] { columns.filter { [.ambiguous, .unrecognised].contains($0.reading.how) } }
    /// How each column was understood, one sentence per column with a header.
    public var columnExplanations: [String] { columns.filter { $0.reading.how != .empty }.map(\.explanation) }

    init(kind: ProgrammeTableKind, strict: Bool) {
        self.kind = kind; encoding = nil; separator = nil; lineEnding = nil; columns = []; headerLine = nil
        signature = nil; construction = []; rehabilitation = []; skipped = []; issues = []; totalRows = []
        self.strict = strict; failed = false; plausibility = .standard
    }
}

/// How to import a programme table.
public struct ProgrammeImportOptions: Sendable {
    /// Any error refuses the whole file.
    public var strict: Bool
    /// Every row is financed, or forecast, whatever the table says; nil: from each row's status,
    /// its block's TOTAL label or section title, else financed.
    public var period: ProgrammePeriod?
    /// The agent's column choices for this file (remembered ones are used when nil).
    public var choices: ColumnChoices?
    public var limits: ImportLimits
    public var plausibility: PlausibilityRules

    public init(strict: Bool = false, period: ProgrammePeriod? = nil, choices: ColumnChoices? = nil,
                limits: ImportLimits = .standard, plausibility: PlausibilityRules = .standard) {
        self.strict = strict; self.period = period; self.choices = choices; self.limits = limits
        self.plausibility = plausibility
    }

    /// With the thresholds of the territory's programme rules (`importChecks`), else the defaults.
    public init(strict: Bool = false, period: ProgrammePeriod? = nil, choices: ColumnChoices? = nil, rules: ProgrammeRules?) {
        self.init(strict: strict, period: period, choices: choices, plausibility: rules?.importChecks ?? .standard)
    }
}
