import Foundation
import GuichetCore
import GuichetStorage

/// The requests part of `guichet demo`: half as many requests as dossiers, scored with the
/// profile's grid on the demo's day and stored in one batch (one history line).
enum DemoRequestData {
    static func populate(store: SQLiteStore, profile: TerritoryProfile, demo: DemoSettings) throws -> [String: Int] {
        guard let grid = profile.cotation, demo.size / 2 > 0 else { return [:] }
        let today = demo.date
        let requests = DemoRequests.generate(count: demo.size / 2, seed: demo.requestSeed, grid: grid, referenceDate: today)
        let scored = score(requests, grid: grid, on: today)
        try store.write { try $0.bulkInsertRequests(scored, historyNote: "Données de démonstration") }
        return ["demandes": scored.count, "demandes radiées": requests.filter { $0.struckOffOn != nil }.count]
    }

    /// Scores on every core: scoring builds every line's French explanation.
    static func score(_ requests: [SocialHousingRequest], grid: CotationGrid, on date: CalendarDate) -> [ScoredRequest] {
        requests.concurrentMap { ScoredRequest(request: $0, result: CotationEngine.score($0, grid: grid, on: date)) }
    }
}
