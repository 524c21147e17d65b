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

/// Collects the figures of data rows and compares each TOTAL row with its block.
public struct TotalBlocks<Field: ImportField> {
    struct Row { var line: Int; var year: Int?; var values: [Field: Int64] }
    private var rows: [Row] = []
    private var blockStart = 0
    private let columns: [ImportColumn<Field>]
    private let limits: ImportLimits

    public init(columns: [ImportColumn<Field>], limits: ImportLimits) {
        self.columns = columns.filter { $0.field?.cellKind.isFigure == true }
        self.limits = limits
    }

    /// Index of the first row of the open block, and the number of rows so far.
    public var openBlock: Range<Int> { blockStart..<rows.count }

    /// A data row's figures (cents for money), with its year when it has one.
    public mutating func add(line: Int, year: Int?, values: [Field: Int64]) {
        rows.append(Row(line: line, year: year, values: values))
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
        let empty = blockStart == rows.count
        let block = empty ? rows[...] : rows[blockStart...]
        let comparisons = given.keys.sorted { $0.rawValue < $1.rawValue }.map { field -> TotalRowCheck<Field>.Comparison in
            var sum: Int64? = 0
            for r in block {
                guard let s = sum else { break }
                let (v, overflow) = s.addingReportingOverflow(r.values[field] ?? 0)
                sum = overflow ? nil : v
            }
            return TotalRowCheck.Comparison(field: field, given: given[field]!, computed: sum)
        }
        let years = Set(block.map(\.year))
        let check = TotalRowCheck(line: line, label: label, scope: empty ? .allRowsAbove : .block, rows: block.count,
                                  firstLine: block.first?.line, lastLine: block.last?.line,
                                  year: years.count == 1 ? years.first! : nil, comparisons: comparisons)
        blockStart = rows.count
        return check
    }
}
