/// A TOTAL row of the source compared with the rows of the block it closes: the data rows
/// since the previous TOTAL row or the header, whatever its label says ("TOTAL 2020/2023",
/// "TOTAL GENERAL", "Total prévision 2024/2025"). A TOTAL right after another one (an empty
/// block) is compared with every row above: a grand total.
public struct TotalRowCheck<Field: ImportField>: Hashable, Sendable, Codable {
    public enum Scope: Hashable, Sendable, Codable {
        /// The rows from `firstLine` to `lastLine` (none when the block is empty).
        case block
        /// Every data row above.
        case allRowsAbove
    }
    public struct Comparison: Hashable, Sendable, Codable {
        public var field: Field
        /// Integers for counts, cents for amounts.
        public var given: Int64
        /// Nil when the sum would overflow (it cannot within `ImportLimits`).
        public var computed: Int64?
        public var matches: Bool { given == computed }
    }
    public var line: Int
    public var label: String
    public var scope: Scope
    /// Data rows compared, and their lines.
    public var rows: Int
    public var firstLine: Int?
    public var lastLine: Int?
    /// The one financing year of the rows compared, when they share one.
    public var year: Int?
    public var comparisons: [Comparison]
    public var matches: Bool { comparisons.allSatisfy(\.matches) }
}

/// Collects the figures of data rows and compares each TOTAL row with its block. Running sums
/// (checked: nil once a sum would overflow) keep each TOTAL row's cost independent of the rows
/// above it, however many TOTAL rows follow one another.
public struct TotalBlocks<Field: ImportField> {
    private var rows = 0
    private var blockStart = 0
    private var blockFirstLine: Int?
    private var blockLastLine: Int?
    private var blockYears: Set<Int?> = []
    private var allYears: Set<Int?> = []
    private var allFirstLine: Int?
    private var allLastLine: Int?
    private var blockSums: [Field: Int64?] = [:]
    private var allSums: [Field: Int64?] = [:]
    private let columns: [ImportColumn<Field>]
    private let limits: ImportLimits

    public init(columns: [ImportColumn<Field>], limits: ImportLimits) {
        self.columns = columns.filter { $0.field?.cellKind.isFigure == true }
        self.limits = limits
    }

    /// Indexes (in the order rows were added) of the rows of the open block.
    public var openBlock: Range<Int> { blockStart..<rows }

    /// A data row's figures (cents for money), with its year when it has one.
    public mutating func add(line: Int, year: Int?, values: [Field: Int64]) {
        rows += 1
        if blockFirstLine == nil { blockFirstLine = line }
        if allFirstLine == nil { allFirstLine = line }
        blockLastLine = line; allLastLine = line
        blockYears.insert(year); allYears.insert(year)
        for (field, v) in values {
            Self.add(v, to: &blockSums, field)
            Self.add(v, to: &allSums, field)
        }
    }

    private static func add(_ v: Int64, to sums: inout [Field: Int64?], _ field: Field) {
        guard let current = sums[field] else { sums[field] = v; return }
        guard let s = current else { return }
        let (t, overflow) = s.addingReportingOverflow(v)
        sums[field] = overflow ? .some(nil) : .some(t)
    }

    /// Compares a TOTAL row with its block, then opens the next block. A figure of the TOTAL row
    /// beyond the limits is an error at its line and column, and not compared.
    public mutating func close(_ cells: [String], line: Int, label: String, issues: inout [ImportIssue]) -> TotalRowCheck<Field> {
        var given: [Field: Int64] = [:]
        for c in columns {
            guard let field = c.field, c.index <= cells.count else { continue }
            let text = cells[c.index - 1]
            var problem: String?
            switch field.cellKind {
            case .money:
                let (v, p) = CellReader.money(text, limits: limits, allowNegative: true)
                if let m = v.value { given[field] = m.cents }
                problem = p
            case .count:
                let (v, p) = CellReader.count(text, limits: limits)
                if let n = v.value { given[field] = Int64(n) }
                problem = p
            default: break
            }
            if let problem { issues.append(ImportIssue(.error, line: line, column: c.source, problem + " (ligne de total non comparée sur ce point)")) }
        }
        let empty = blockStart == rows
        let sums = empty ? allSums : blockSums
        let years = empty ? allYears : blockYears
        let comparisons = given.keys.sorted { $0.rawValue < $1.rawValue }.map { field -> TotalRowCheck<Field>.Comparison in
            // No row gives the field: its sum is 0; an overflowing sum is nil.
            let sum: Int64? = sums[field].map { $0 } ?? 0
            return TotalRowCheck.Comparison(field: field, given: given[field]!, computed: sum)
        }
        let check = TotalRowCheck(line: line, label: label, scope: empty ? .allRowsAbove : .block,
                                  rows: empty ? rows : rows - blockStart,
                                  firstLine: empty ? allFirstLine : blockFirstLine, lastLine: empty ? allLastLine : blockLastLine,
                                  year: years.count == 1 ? years.first! : nil, comparisons: comparisons)
        blockStart = rows
        blockSums = [:]; blockYears = []; blockFirstLine = nil; blockLastLine = nil
        return check
    }
}
