import Foundation
import GuichetCore
import GuichetStorage

/// The requests part of `guichet demo`: half as many requests as dossiers, scored with the
/// profile's grid on the day of creation and stored in one batch (one history line).
enum DemoRequestData {
    static let seed: UInt64 = 2024_07_01

    static func populate(store: SQLiteStore, profile: TerritoryProfile, size: Int, today: CalendarDate = .today()) throws -> [String: Int] {
        guard let grid = profile.cotation, size / 2 > 0 else { return [:] }
        let requests = DemoRequests.generate(count: size / 2, seed: seed, grid: grid, referenceDate: today)
        let scored = score(requests, grid: grid, on: today)
        try store.write { try $0.bulkInsertRequests(scored, historyNote: "Données de démonstration") }
        return ["demandes": scored.count, "demandes radiées": requests.filter { $0.struckOffOn != nil }.count]
    }

    /// Scores on every core: scoring builds every line's French explanation.
    static func score(_ requests: [SocialHousingRequest], grid: CotationGrid, on date: CalendarDate) -> [ScoredRequest] {
        requests.concurrentMap { ScoredRequest(request: $0, result: CotationEngine.score($0, grid: grid, on: date)) }
    }
}
