import GuichetCore

/// What a column holds; it decides alignment and default width in every output.
public enum ReportColumnKind: Sendable, Hashable {
    case text, integer, money, percent, date

    /// Default width in average characters (ODS column width, PDF column share).
    var defaultWidth: Int {
        switch self {
        case .text: return 24
        case .integer: return 10
        case .money: return 14
        case .percent: return 9
        case .date: return 11
        }
    }
}

public enum ReportAlignment: Sendable, Hashable { case leading, center, trailing }

public struct ReportColumn: Sendable, Hashable {
    public var title: String
    public var kind: ReportColumnKind
    /// Width in average characters; nil picks a default from the kind.
    public var width: Int?
    /// The longest value the column must show whole (identifiers, states: cut, they would read
    /// wrong); the column is never narrowed below it.
    public var widest: String?

    /// Text shown whole however many lines it takes (the PLH's wording in a review), instead of
    /// two lines then "…".
    public var wraps: Bool

    public init(_ title: String, _ kind: ReportColumnKind = .text, width: Int? = nil, wraps: Bool = false) {
        self.title = title
        self.kind = kind
        self.width = width
        self.wraps = wraps
    }

    /// Figures right, dates centred, text left: the way French tables are read.
    public var alignment: ReportAlignment {
        switch kind {
        case .text: return .leading
        case .date: return .center
        case .integer, .money, .percent: return .trailing
        }
    }

    public var effectiveWidth: Int { max(3, width ?? kind.defaultWidth) }

    /// The same column, never narrower than `sample` set whole.
    public func whole(fitting sample: String) -> ReportColumn { var c = self; c.widest = sample; return c }
}

/// The rows of a table, produced on demand so that 100 000 rows never sit in memory.
/// The producer pushes each row to `emit`; it is called once per writer pass (the PDF
/// writer makes two: one to paginate, one to draw), so it must yield the same rows each
/// time: re-run the query, re-read the file. A producer may throw; the write then fails
/// and the target file is left as it was.
public struct ReportRows: Sendable {
    public typealias Emit = ([ReportCell]) throws -> Void
    let produce: @Sendable (Emit) throws -> Void

    public init(producer: @escaping @Sendable (Emit) throws -> Void) {
        self.produce = producer
    }

    /// Rows from any re-iterable sequence (an array, a lazy map over a range).
    public init<S: Sequence & Sendable>(_ rows: S) where S.Element == [ReportCell] {
        self.produce = { emit in for row in rows { try emit(row) } }
    }

    public static let none = ReportRows([[ReportCell]]())

    /// Runs the producer once.
    public func forEach(_ body: Emit) throws { try produce(body) }
}

/// A named table: one ODS sheet, one CSV file, one table in the PDF.
public struct ReportTable: Sendable {
    public var name: String
    public var columns: [ReportColumn]
    public var rows: ReportRows
    /// Total rows, shown after the data rows and styled apart (bold).
    public var totals: [[ReportCell]]
    /// Long lists: every row on one line in PDF (text ends in "…" rather than wrapping), so that
    /// a row's height never varies and pages hold as many rows as they can.
    public var oneLinePerRow = false
    /// Totals of the printed list only (PDF): a list exported as CSV or spreadsheet keeps one
    /// line per record, which is what filters and pivot tables expect.
    public var printedTotals: [[ReportCell]] = []

    public init(name: String, columns: [ReportColumn], rows: ReportRows, totals: [[ReportCell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.totals = totals
    }

    public init(name: String, columns: [ReportColumn], rows: [[ReportCell]], totals: [[ReportCell]] = []) {
        self.init(name: name, columns: columns, rows: ReportRows(rows), totals: totals)
    }

    /// Checks a row's width, so a short row is reported instead of shifting columns.
    func check(_ row: [ReportCell], index: Int) throws(ReportError) {
        guard row.count == columns.count else {
            throw ReportError.invalidRow(table: name, row: index, cells: row.count, columns: columns.count)
        }
    }
}
