import Foundation

/// Storage of social-housing requests and of their scores, as the screens and the command line
/// need it. Implemented by GuichetStorage; every call runs inside a `StoreSession`.
///
/// Every stored request has a score: inserting and updating take the `CotationResult` computed
/// for it. Scores are kept append-only (`scoreHistory`); the latest one is what lists rank on.
/// Re-scoring after a grid change is explicit: `RequestRescore.run` (by chunks) or `rescoreAll`.
public protocol RequestStore {
    /// Stores a new request at version 1 with its score. Throws `StoreError.constraint` when the id exists.
    func insertRequest(_ request: SocialHousingRequest, score: CotationResult) throws -> StoredRequest
    /// Saves a request read at `expectedVersion` (version + 1), with its new score when given.
    /// Throws `StoreError.conflict` (with the other agent's changes) when the stored version
    /// differs, `StoreError.notFound` when the id is unknown.
    func updateRequest(_ request: SocialHousingRequest, expectedVersion: Int, score: CotationResult?) throws -> StoredRequest
    /// Stores many new requests with their scores at once (demo data, imports): one history line
    /// for the batch; refused whole when an id exists.
    func bulkInsertRequests(_ scored: [ScoredRequest], historyNote: String) throws
    /// Appends a score of a stored request; it becomes the latest one.
    func recordScore(_ score: CotationResult, requestId: String) throws
    func request(id: String) throws -> StoredRequest?
    /// Every score the request received, oldest first.
    func scoreHistory(requestId: String) throws -> [StoredScore]
    /// Filtered, ranked and paged as `RequestQuery.apply(to:)` does.
    func requests(_ query: RequestQuery) throws -> [StoredRequest]
    /// How many requests match the query's filters (offset and limit ignored).
    func countRequests(_ query: RequestQuery) throws -> Int
    /// Visits every request matching the query in its order without holding them all (checks, exports).
    func forEachRequest(_ query: RequestQuery, _ body: (StoredRequest) throws -> Void) throws
    /// The id a new request registered in `year` gets: "DLS-2024-000042".
    func nextRequestId(year: Int) throws -> String
    /// Ids of the requests not struck off, in id order: what a rescore examines.
    func openRequestIds() throws -> [String]
    /// Scores the requests of `ids` that are not struck off again with `grid` on `date`,
    /// appending a new score (older ones stay in `scoreHistory`); a request whose latest score
    /// already has this grid version, date, total and priority status is left as is.
    func rescore(_ ids: [String], grid: CotationGrid, on date: CalendarDate) throws -> RescoreSummary
    /// The one history line of a rescore batch.
    func recordRescore(_ summary: RescoreSummary) throws
    /// RGPD (brief §9): deletes requests struck off strictly before `date`, their scores and their
    /// history lines, and writes one history line saying how many (no personal data). Returns the count.
    func purgeStruckOffRequests(before date: CalendarDate) throws -> Int
    /// The requests `purgeStruckOffRequests(before: date)` would delete: ids and striking-off dates.
    func struckOffRequests(before date: CalendarDate) throws -> [RetentionDue]
    /// One page of the ranked list, as the list shows it (no score detail).
    func requestListRows(_ query: RequestQuery) throws -> [RequestListRow]
}

extension RequestStore {
    /// Every request not struck off rescored in this session, one history line for the batch
    /// (tests, small stores; the command goes through `RequestRescore.run`, by chunks).
    public func rescoreAll(grid: CotationGrid, on date: CalendarDate) throws -> RescoreSummary {
        let summary = try rescore(openRequestIds(), grid: grid, on: date)
        try recordRescore(summary)
        return summary
    }

    /// Reference semantics; stores read less when they can.
    public func requestListRows(_ query: RequestQuery) throws -> [RequestListRow] {
        try requests(query).map(RequestListRow.init)
    }
}

/// What the ranked list shows of a request: no household detail, no score lines (reading and
/// decoding each row's score explanation was most of the list's cost).
public struct RequestListRow: Sendable, Equatable {
    public var id: String
    /// "LECOMTE Théo", nil when the request holds no name.
    public var applicantName: String?
    public var requestDate: CalendarDate
    public var scoreTotal: Int?
    public var isPriorityHousehold: Bool
    public var wishedTypologies: [Typology]
    public var wishedCommunes: [WishedCommune]

    public init(id: String, applicantName: String? = nil, requestDate: CalendarDate, scoreTotal: Int?, isPriorityHousehold: Bool,
                wishedTypologies: [Typology], wishedCommunes: [WishedCommune]) {
        self.id = id
        self.applicantName = applicantName
        self.requestDate = requestDate
        self.scoreTotal = scoreTotal
        self.isPriorityHousehold = isPriorityHousehold
        self.wishedTypologies = wishedTypologies
        self.wishedCommunes = wishedCommunes
    }

    public init(_ stored: StoredRequest) {
        self.init(id: stored.id, applicantName: stored.request.applicantName, requestDate: stored.request.requestDate, scoreTotal: stored.score?.total,
                  isPriorityHousehold: stored.score?.isPriorityHousehold ?? false,
                  wishedTypologies: stored.request.wishedTypologies, wishedCommunes: stored.request.wishedCommunes)
    }
}

/// A request as stored: its version (optimistic locking) and its latest score.
public struct StoredRequest: Sendable, Equatable {
    public var request: SocialHousingRequest
    public var version: Int
    /// Nil only for a request stored without a score by an older program.
    public var score: StoredScore?

    public init(request: SocialHousingRequest, version: Int, score: StoredScore?) {
        self.request = request
        self.version = version
        self.score = score
    }

    public var id: String { request.id }
}

/// A score as stored: the total, the grid version and date it was computed with, and the lines
/// that explain it. Only the criteria that apply (declared, or whose condition holds) are kept,
/// so that history stays small; the others scored nothing.
public struct StoredScore: Codable, Sendable, Equatable {
    public var requestId: String
    public var total: Int
    public var gridVersion: String
    public var computedOn: CalendarDate
    public var isPriorityHousehold: Bool
    public var lines: [CotationLine]
    /// When it was stored (nil before storing).
    public var recordedAt: Date?
    /// The priority categories found and why (empty when none, and for scores stored before
    /// they were kept).
    public var priority: [PriorityFinding]?

    public init(requestId: String, total: Int, gridVersion: String, computedOn: CalendarDate,
                isPriorityHousehold: Bool, lines: [CotationLine], recordedAt: Date? = nil, priority: [PriorityFinding]? = nil) {
        self.requestId = requestId
        self.total = total
        self.gridVersion = gridVersion
        self.computedOn = computedOn
        self.isPriorityHousehold = isPriorityHousehold
        self.lines = lines
        self.recordedAt = recordedAt
        self.priority = priority
    }

    public init(requestId: String, result: CotationResult) {
        self.init(requestId: requestId, total: result.total, gridVersion: result.gridVersion,
                  computedOn: result.computedOn, isPriorityHousehold: result.isPriorityHousehold,
                  lines: Self.kept(result.lines), priority: result.priority)
    }

    /// The lines a stored score keeps.
    public static func kept(_ lines: [CotationLine]) -> [CotationLine] {
        lines.filter { $0.applied || $0.points > 0 }
    }

    /// True when `result` gives the same total and the same points per kept criterion.
    public func agrees(with result: CotationResult) -> Bool {
        let fresh = Self.kept(result.lines)
        return total == result.total && gridVersion == result.gridVersion
            && lines.map(\.id) == fresh.map(\.id) && lines.map(\.points) == fresh.map(\.points)
    }
}

/// What an explicit re-scoring did.
public struct RescoreSummary: Codable, Sendable, Equatable {
    public var gridVersion: String
    public var computedOn: CalendarDate
    /// Requests not struck off.
    public var examined: Int
    /// Requests that received a new score.
    public var rescored: Int
    /// Requests whose total changed.
    public var changedTotal: Int

    public init(gridVersion: String, computedOn: CalendarDate, examined: Int, rescored: Int, changedTotal: Int) {
        self.gridVersion = gridVersion
        self.computedOn = computedOn
        self.examined = examined
        self.rescored = rescored
        self.changedTotal = changedTotal
    }
}

extension RequestStore {
    /// Scores a new request with `grid` on `date` and stores both.
    public func insertRequest(_ request: SocialHousingRequest, grid: CotationGrid, on date: CalendarDate) throws -> StoredRequest {
        try insertRequest(request, score: CotationEngine.score(request, grid: grid, on: date))
    }

    /// Saves a changed request and stores its new score with `grid` on `date`.
    public func updateRequest(_ request: SocialHousingRequest, expectedVersion: Int, grid: CotationGrid,
                              on date: CalendarDate) throws -> StoredRequest {
        try updateRequest(request, expectedVersion: expectedVersion, score: CotationEngine.score(request, grid: grid, on: date))
    }
}

extension RetentionRules {
    /// The `before` date of `purgeStruckOffRequests` on `today`: requests struck off on or before
    /// `today` minus the retention period are due.
    public func struckOffPurgeLimit(today: CalendarDate) -> CalendarDate {
        today.adding(years: -struckOffRequestYears).adding(days: 1)
    }
}

extension SocialHousingRequest {
    /// The entity name of requests in history and storage messages: `history(entity:key:)` with the id.
    public static let historyEntity = "demande"
}
