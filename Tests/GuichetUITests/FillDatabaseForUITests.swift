import Foundation
import GuichetCore
import GuichetStorage
import XCTest

/// Test helper for screenshots and benchmarks of the Dossiers section (the `demo` command of
/// this branch does not make dossiers yet): with GUICHET_FILL_DATABASE=PATH it creates a `demo`
/// database there holding GUICHET_FILL_COUNT (default 400) generated dossiers; skipped otherwise.
final class FillDatabaseForUITests: XCTestCase {
    func testFillDatabase() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["GUICHET_FILL_DATABASE"] else {
            throw XCTSkip("set GUICHET_FILL_DATABASE=PATH to create a database with demo dossiers")
        }
        let count = Int(environment["GUICHET_FILL_COUNT"] ?? "") ?? 400
        let url = URL(fileURLWithPath: path)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let profile = try ProfileDirectory.load(territory: "demo")
        let store = try SQLiteStore.create(url, territory: profile.id)
        let catalog = try XCTUnwrap(profile.schemes)
        let today = CalendarDate.today()
        let dossiers = DemoDossiers.generate(count: count, seed: 42, schemes: catalog, years: (today.year - 3)...today.year,
                                             referenceDate: today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "Données de démonstration (tests d’interface)") }
        let stored = try store.read { try $0.countDossiers(DossierQuery()) }
        XCTAssertEqual(stored, count)
    }
}
