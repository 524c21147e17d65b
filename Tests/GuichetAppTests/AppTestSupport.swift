import Foundation
import GuichetApp
import GuichetCore
import GuichetStorage
import XCTest

/// A fixed day: tests never depend on today's date.
let testDay = CalendarDate(year: 2026, month: 11, day: 20)!

/// The territories whose profile has aid schemes, each with its demo base.
func territoriesWithSchemes() throws -> [String] {
    try ["capso", "cabbalr", "demo"].filter { try ProfileDirectory.load(territory: $0).schemes != nil }
}

extension XCTestCase {
    /// A new base of `territory` in a folder removed after the test, holding `dossiers` generated
    /// demo dossiers (seeded), and the use cases on it with the clock fixed at `testDay`.
    func makeGuichet(territory: String = "demo", dossiers count: Int = 0, agent: String = "essai") throws -> (Guichet, Workspace) {
        let url = temporaryFolder(prefix: "app-\(territory)").file("base.sqlite")
        let profile = try ProfileDirectory.load(territory: territory)
        let store = try SQLiteStore.create(url, territory: profile.id, agent: agent, clock: .fixed(testDay))
        if count > 0, let schemes = profile.schemes {
            let first = profile.plh?.firstYear ?? testDay.year - 3
            let dossiers = DemoDossiers.generate(count: count, seed: 12, schemes: schemes, years: first...testDay.year,
                                                 referenceDate: testDay)
            try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "essai") }
        }
        return (Guichet(store: store, profile: profile, clock: .fixed(testDay)), Workspace(store: store, profile: profile, clock: .fixed(testDay)))
    }
}

/// Runs asynchronous work from a synchronous test.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
