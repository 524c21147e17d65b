import Foundation
import GuichetCore

/// Social-housing requests: the ranked list, a request with its score history, registering and
/// editing a request (scored with the territory's grid in the same transaction), and the explicit
/// re-scoring after a grid change.
extension Guichet {
    /// The territory's cotation grid; a profile without one cannot score requests.
    public func grid() throws -> CotationGrid {
        guard let g = profile.cotation else {
            throw Unavailable("Le territoire « \(profile.id) » n'a pas de grille de cotation (partie « cotation » absente de son profil).")
        }
        return g
    }

    // MARK: Reading

    /// One page of the ranked list as the list shows it, and how many requests match.
    public func requestRowPage(_ query: RequestQuery) async throws -> RequestRowPage {
        try await storage.read { s in RequestRowPage(total: try s.countRequests(query), rows: try s.requestListRows(query)) }
    }

    /// Rows of the ranked list without the count (the pages after the first).
    public func requestRows(_ query: RequestQuery) async throws -> [RequestListRow] {
        try await storage.read { try $0.requestListRows(query) }
    }

    /// Whole requests of a query with their latest score, and how many match (command line, reports).
    public func requests(_ query: RequestQuery) async throws -> (total: Int, requests: [StoredRequest]) {
        try await storage.read { s in (try s.countRequests(query), try s.requests(query)) }
    }

    /// A stored request and every score it received, oldest first; nil when unknown.
    public func requestSheet(_ id: String) async throws -> RequestSheet? {
        try await storage.read { s in
            guard let stored = try s.request(id: id) else { return nil }
            return RequestSheet(stored: stored, scores: try s.scoreHistory(requestId: id))
        }
    }

    // MARK: Writing

    /// Registers a new request (`expectedVersion` nil) under the next id of its year, or saves an
    /// edited one read at `expectedVersion`; either way scored with the grid on `scoredOn`
    /// (default: today). An edited request equal to the stored one writes nothing: no version,
    /// no score, no history line.
    public func saveRequest(_ request: SocialHousingRequest, expectedVersion: Int?, scoredOn date: CalendarDate? = nil)
        async throws -> Saved<StoredRequest> {
        let grid = try grid()
        let day = date ?? today
        return try await storage.write { s in
            guard let expectedVersion else {
                var r = request
                r.id = try s.nextRequestId(year: r.requestDate.year)
                return Saved(try s.insertRequest(r, grid: grid, on: day), changed: true)
            }
            guard let stored = try s.request(id: request.id) else {
                throw StoreError.notFound(entity: SocialHousingRequest.historyEntity, key: request.id)
            }
            if stored.request == request { return Saved(stored, changed: false) }
            return Saved(try s.updateRequest(request, expectedVersion: expectedVersion, grid: grid, on: day), changed: true)
        }
    }

    /// Scores every request not struck off again with the current grid (after a grid change), by
    /// chunks of short transactions (`RequestRescore`); older scores stay in each request's history.
    public func rescoreRequests(on date: CalendarDate? = nil) async throws -> RescoreSummary {
        let grid = try grid()
        let day = date ?? today
        let store = storage.store
        return try await storage.detached { try RequestRescore.run(store, grid: grid, on: day) }
    }
}

/// A page of the ranked list and the number of requests matching its filters.
public struct RequestRowPage: Sendable, Equatable {
    public var total: Int
    public var rows: [RequestListRow]
    public init(total: Int, rows: [RequestListRow]) { self.total = total; self.rows = rows }
}

/// A request and its scores, oldest first.
public struct RequestSheet: Sendable {
    public var stored: StoredRequest
    public var scores: [StoredScore]
    public init(stored: StoredRequest, scores: [StoredScore]) { self.stored = stored; self.scores = scores }
}
