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

    /// Scores in as many slices as there are cores: scoring builds every line's French
    /// explanation and is the bulk of the work.
    static func score(_ requests: [SocialHousingRequest], grid: CotationGrid, on date: CalendarDate) -> [ScoredRequest] {
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, requests.count / 1_000))
        let chunk = (requests.count + slices - 1) / slices
        let results = SliceResults(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { i in
            let part = requests[min(requests.count, i * chunk)..<min(requests.count, (i + 1) * chunk)]
            results.set(i, part.map { ScoredRequest(request: $0, result: CotationEngine.score($0, grid: grid, on: date)) })
        }
        return results.joined()
    }

    /// Each slice writes its own index under a lock.
    final class SliceResults: @unchecked Sendable {
        private var slices: [[ScoredRequest]]
        private let lock = NSLock()
        init(count: Int) { slices = Array(repeating: [], count: count) }
        func set(_ i: Int, _ value: [ScoredRequest]) { lock.lock(); slices[i] = value; lock.unlock() }
        func joined() -> [ScoredRequest] { slices.flatMap { $0 } }
    }
}
