import Foundation
import GtkKit

/// The rows of a long list read through the use cases a page at a time, never on the main
/// thread: a new query (keystroke, filter, sort) reads its count and first page while the table
/// keeps showing the previous result; a newer query cancels an older one still pending; the
/// table asks for the other pages as they come into view (`LazyTablePageSource`). The rows read
/// are kept with their page, so a selected row gives its record's key, not its display text.
@MainActor
final class ListSource<Query: Equatable & Sendable, Row: Sendable>: LazyTablePageSource {
    /// Reads the number of matches and the rows of a query limited to its first page.
    typealias FirstPage = @Sendable (Query) async throws -> (total: Int, rows: [Row])
    /// Reads the rows of a query limited to a page.
    typealias Rows = @Sendable (Query) async throws -> [Row]

    weak var table: LazyTable? {
        didSet { table?.pageSource = self }
    }
    /// Filters and sort wanted; offset and limit are set per page.
    var query: Query
    /// The last total read (shown by the count label).
    private(set) var total = 0
    /// The last read error in French, nil after a successful read.
    private(set) var lastError: String?
    /// How long the last count + first page took, from asking to answer (benchmark detail).
    private(set) var lastQueryMilliseconds = 0.0
    /// Called once a new result (or an error) is shown.
    var onResult: (@MainActor () -> Void)?

    private let pageSize: Int
    private let limited: @Sendable (Query, Range<Int>) -> Query
    private let readFirst: FirstPage
    private let readRows: Rows
    private let cells: (Row, Int) -> [String]
    private let failure: String
    /// The query whose result the table shows: pages are read for it, not for `query`.
    private var shownQuery: Query?
    private var rowsByPage: [Int: [Row]] = [:]
    private var pending: Task<Void, Never>?
    private var waiting: (index: Int, use: @MainActor (Row) -> Void)?
    /// A first page already read, or being read, for the initial query (while the window opened).
    private var early: (query: Query, ready: () -> (total: Int, rows: [Row])?, task: Task<(total: Int, rows: [Row]), any Error>)?

    /// `limited`: the query restricted to rows (offset, limit); `cells`: a row's cell texts, with
    /// its absolute index; `failure`: "Lecture des dossiers impossible".
    init(query: Query, pageSize: Int, limited: @escaping @Sendable (Query, Range<Int>) -> Query,
         first: @escaping FirstPage, rows: @escaping Rows, cells: @escaping (Row, Int) -> [String], failure: String) {
        self.query = query
        self.pageSize = pageSize
        self.limited = limited
        self.readFirst = first
        self.readRows = rows
        self.cells = cells
        self.failure = failure
    }

    /// Uses the first page of `query` read early: at once if it is in (`ready`), else once
    /// `task` brings it, instead of reading it again.
    func prefetched(ready: @escaping () -> (total: Int, rows: [Row])?, task: Task<(total: Int, rows: [Row]), any Error>,
                    for query: Query) {
        early = (query, ready, task)
    }

    /// The row at `index` now, or once its page is read if it is still the one selected then
    /// (a row chosen before its page came in); a newer wait replaces an older one.
    func whenRead(_ index: Int, _ use: @escaping @MainActor (Row) -> Void) {
        if let row = row(at: index) {
            waiting = nil
            use(row)
        } else {
            waiting = (index, use)
        }
    }

    /// True while a query's count and first page are being read.
    var isLoading: Bool { pending != nil }

    /// Whether nothing is being read: neither a new result nor a page of the one shown.
    var isIdle: Bool { pending == nil && !(table?.isWaitingForRows ?? false) }

    /// The row shown at `index`, once its page was read.
    func row(at index: Int) -> Row? {
        guard index >= 0 else { return nil }
        let rows = rowsByPage[index / pageSize]
        let offset = index % pageSize
        return rows.flatMap { offset < $0.count ? $0[offset] : nil }
    }

    /// Reads the count and first page of `query` and shows them when they come; an older read
    /// still pending is cancelled.
    func refresh() {
        pending?.cancel()
        pending = nil
        let wanted = query
        let first = limited(wanted, 0..<pageSize)
        let early = self.early?.query == wanted ? self.early : nil
        self.early = nil
        // Read while the window opened: shown in the same frame as the screen.
        if let page = early?.ready() {
            lastQueryMilliseconds = 0
            show(.success(page), for: wanted)
            return
        }
        let readFirst = readFirst
        let started = Date()
        pending = Task { [weak self] in
            let outcome: Result<(total: Int, rows: [Row]), any Error>
            if let early, let page = try? await early.task.value {
                outcome = .success(page)
            } else {
                do { outcome = .success(try await readFirst(first)) } catch { outcome = .failure(error) }
            }
            guard !Task.isCancelled, let self else { return }
            self.pending = nil
            self.lastQueryMilliseconds = Date().timeIntervalSince(started) * 1000
            self.show(outcome, for: wanted)
        }
    }

    private func show(_ outcome: Result<(total: Int, rows: [Row]), any Error>, for wanted: Query) {
        switch outcome {
        case .success(let page):
            total = page.total
            lastError = nil
            shownQuery = wanted
            rowsByPage = [0: page.rows]
            table?.show(total: page.total, firstRows: page.rows.enumerated().map { cells($1, $0) })
        case .failure(let error):
            lastError = "\(failure) : \(error)"
        }
        onResult?()
    }

    func requestCells(forRows rows: Range<Int>, generation: Int) {
        guard let shownQuery else { return }
        let q = limited(shownQuery, rows)
        let readRows = readRows
        Task { [weak self] in
            let read = (try? await readRows(q)) ?? []
            guard let self, let table = self.table, table.generation == generation else { return }
            let page = rows.lowerBound / self.pageSize
            self.rowsByPage[page] = read
            // Rows of pages far from view are forgotten with the table's own cache.
            if self.rowsByPage.count > 32, let far = self.rowsByPage.keys.max(by: { abs($0 - page) < abs($1 - page) }) {
                self.rowsByPage[far] = nil
            }
            table.provide(read.enumerated().map { self.cells($1, rows.lowerBound + $0) }, forRows: rows, generation: generation)
            if let (index, use) = self.waiting, let row = self.row(at: index) {
                self.waiting = nil
                if table.selectedRow == index { use(row) }
            }
        }
    }
}
