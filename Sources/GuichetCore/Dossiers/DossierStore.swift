/// Storage of aid dossiers, as the screens and the command line need it. Implemented by
/// GuichetStorage (GRDB); every call runs inside a `StoreSession` (read or write transaction).
public protocol DossierStore {
    /// Stores a new dossier with version 1 and returns it as stored.
    /// Throws `StoreError.constraint` when the number exists.
    func insertDossier(_ dossier: AidDossier) throws -> AidDossier
    /// Saves a dossier read at `expectedVersion`; returns it with version + 1 and `updatedAt` set.
    /// Throws `StoreError.conflict` (with the field changes made by the other agent) when the stored
    /// version differs, `StoreError.notFound` when the number is unknown.
    func updateDossier(_ dossier: AidDossier, expectedVersion: Int) throws -> AidDossier
    /// Stores many new dossiers at once (demo data, imports) with one history line for the batch
    /// instead of one per dossier; refused whole when a number exists.
    func bulkInsertDossiers(_ dossiers: [AidDossier], historyNote: String) throws
    func dossier(number: DossierNumber) throws -> AidDossier?
    /// The next free sequence for (year, scheme): 1 + the highest used, 1 when none.
    func nextDossierSequence(year: Int, scheme: String) throws -> Int
    /// Visits the list columns of every dossier matching the query's filters, in its order, read
    /// from the list projection rather than whole records (list exports of 100,000 dossiers).
    func forEachDossierRow(_ query: DossierQuery, _ body: (DossierListRow) throws -> Void) throws
    /// Filtered, sorted, paged as `DossierQuery.apply(to:)` does.
    func dossiers(_ query: DossierQuery) throws -> [AidDossier]
    /// The page the query asks for and the number of all matches, read together (a keystroke in
    /// the list's search needs both; storage may answer in one pass).
    func dossierPage(_ query: DossierQuery) throws -> DossierPage
    /// The same as `dossierPage` with list rows instead of whole records (what a list shows:
    /// no record is decoded, so a keystroke stays fast).
    func dossierRowPage(_ query: DossierQuery) throws -> DossierRowPage
    /// How many dossiers match the query's filters (offset and limit ignored).
    func countDossiers(_ query: DossierQuery) throws -> Int
    /// Visits every dossier matching the query's filters, in its order, without holding them all
    /// (checks, exports of 100,000 dossiers).
    func forEachDossier(_ query: DossierQuery, _ body: (AidDossier) throws -> Void) throws
    /// Per (scheme, year) figures, as `BudgetFigures.aggregate` computes them; `years` nil: all.
    func budgetFigures(years: ClosedRange<Int>?) throws -> [BudgetFigures]
    /// RGPD (brief §9): closed dossiers not yet anonymised whose retention started
    /// (`AidDossier.retentionStart`) strictly before `date`, by number, with no personal data.
    func dossiersDueForAnonymisation(closedBefore date: CalendarDate) throws -> [RetentionDue]
    /// Anonymises the dossiers of `numbers` that are still due (`AidDossier.anonymised(on:)`) as of
    /// `today`: records, list and search columns, and each one's history replaced by a single line
    /// without personal data. All or nothing; returns how many. A second run finds nothing to do.
    /// The search index keeps the removed terms until `compactAfterRGPDPurge`.
    func anonymiseDossiers(_ numbers: [String], closedBefore date: CalendarDate, on today: CalendarDate) throws -> Int
    /// Merges the search indexes so that no term of an anonymised or deleted record stays in them.
    func compactAfterRGPDPurge() throws
}

extension DossierStore {
    /// Every due dossier in one transaction, indexes compacted (small stores, tests).
    public func anonymiseClosedDossiers(closedBefore date: CalendarDate, on today: CalendarDate) throws -> Int {
        let due = try dossiersDueForAnonymisation(closedBefore: date).map(\.key)
        let n = try anonymiseDossiers(due, closedBefore: date, on: today)
        try compactAfterRGPDPurge()
        return n
    }

    /// Fallback for small stores: loads the page, then visits it.
    public func forEachDossier(_ query: DossierQuery, _ body: (AidDossier) throws -> Void) throws {
        try dossiers(query).forEach(body)
    }

    /// The number a new dossier gets.
    public func nextDossierNumber(year: Int, scheme: String) throws -> DossierNumber {
        DossierNumber(year: year, scheme: scheme, sequence: try nextDossierSequence(year: year, scheme: scheme))
    }
}

/// A page of a dossier list and the number of dossiers matching its filters.
public struct DossierPage: Sendable, Equatable {
    public var total: Int
    public var dossiers: [AidDossier]
    public init(total: Int, dossiers: [AidDossier]) { self.total = total; self.dossiers = dossiers }
}

/// A page of list rows and the number of dossiers matching the filters.
public struct DossierRowPage: Sendable, Equatable {
    public var total: Int
    public var rows: [DossierListRow]
    public init(total: Int, rows: [DossierListRow]) { self.total = total; self.rows = rows }
}

extension DossierStore {
    /// Default from whole records, for stores without list columns.
    public func dossierRowPage(_ query: DossierQuery) throws -> DossierRowPage {
        let page = try dossierPage(query)
        return DossierRowPage(total: page.total, rows: page.dossiers.map(DossierListRow.init))
    }

    /// Two-query default for stores that cannot do better.
    public func dossierPage(_ query: DossierQuery) throws -> DossierPage {
        DossierPage(total: try countDossiers(query), dossiers: try dossiers(query))
    }
}
