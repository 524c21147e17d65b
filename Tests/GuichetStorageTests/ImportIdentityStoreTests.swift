import Foundation
import XCTest
import GuichetCore
@testable import GuichetStorage

/// Identity across files: rows of one file never overwrite each other, a later file updates a
/// stored programme only on an unambiguous match, wide differences wait for the agent, a
/// re-import changes nothing, and column choices are remembered for the same headers.
final class ImportIdentityStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()

    private var root: URL {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        return root
    }

    private func makeStore() throws -> SQLiteStore {
        let store = try SQLiteStore.create(dir.file("i.sqlite"), territory: "cabbalr", agent: "test")
        let profile = try LandlordsProfile.decode(try Data(contentsOf: root.appendingPathComponent("data/territories/cabbalr/landlords.json")))
        try store.write { s in for l in profile.landlords { try s.upsertLandlord(l) } }
        return store
    }

    /// The rehabilitation annex cut in two files as an agent would: the financed block, then the forecast block.
    private func annexParts() throws -> (financed: Data, forecast: Data) {
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/fixtures/cia/annexe-1-rehabilitation.csv"))
        let lines = try XCTUnwrap(String(data: data, encoding: .windowsCP1252)).components(separatedBy: "\r\n")
        let cut = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("TOTAL 2020/2023") })
        let a = lines[...cut].joined(separator: "\r\n") + "\r\n"
        let b = (lines[..<2] + lines[(cut + 1)...]).joined(separator: "\r\n")
        return (try XCTUnwrap(a.data(using: .windowsCP1252)), try XCTUnwrap(b.data(using: .windowsCP1252)))
    }

    private func run(_ data: Data, _ store: SQLiteStore, kind: ProgrammeTableKind = .rehabilitation, name: String = "f.csv",
                     options: ProgrammeImportOptions = ProgrammeImportOptions(), dryRun: Bool = false,
                     accept: Bool = false) throws -> ProgrammeImportRun.Result {
        try ProgrammeImportRun.run(data, kind: kind, options: options, sourceName: name, dryRun: dryRun,
                                   acceptWideDifferences: accept, store: store)
    }

    private func history(_ store: SQLiteStore) throws -> Int {
        try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM history") ?? 0 }
    }

    func testTwoFilesOfOneAnnexKeepBothResidencesAndReimportIsANoOp() throws {
        let store = try makeStore()
        let (financed, forecast) = try annexParts()
        let a = try run(financed, store, name: "financés.csv")
        XCTAssertEqual(a.outcome.imported, 21)
        let b = try run(forecast, store, name: "prévisions.csv")
        XCTAssertEqual([b.outcome.imported, b.outcome.updated, b.outcome.held], [10, 0, 0])
        let stored = try store.read { try $0.allRehabilitation() }
        XCTAssertEqual(stored.count, 31)
        let anatole = stored.filter { $0.name == "Anatole France" }
        XCTAssertEqual(Set(anatole.map { "\($0.effectivePeriod.rawValue) \($0.dwellings.value!) \($0.epciSubsidy.value!.cents)" }),
                       ["financed 77 50200000", "forecast 13 3900000"])
        let before = try history(store)
        for (data, count) in [(financed, 21), (forecast, 10)] {
            let again = try run(data, store)
            XCTAssertEqual([again.outcome.imported, again.outcome.updated, again.outcome.unchanged], [0, 0, count])
        }
        XCTAssertEqual(try history(store), before, "a re-import writes nothing")
    }

    func testUpdatesOnlyOnAnUnambiguousMatchAndWideDifferencesWaitForTheAgent() throws {
        let store = try makeStore()
        let header = "Commune;Programme;Bailleur;Année;Logements;Subvention État"
        func table(_ rows: [String]) -> Data { Data(([header] + rows).joined(separator: "\n").utf8) }
        _ = try run(table(["Lillers;Résidence Duez;PDCH;2020;36;100 000,00 €",
                           "Bruay;Cité;SIA;2021;10;1 000,00 €", "Bruay;Cité;SIA;2021;12;1 200,00 €"]), store)
        // A small change on a single match: updated.
        let small = try run(table(["Lillers;Résidence Duez;PDCH;2020;38;100 000,00 €"]), store)
        XCTAssertEqual([small.outcome.updated, small.outcome.held], [1, 0])
        // Ten times the dwellings: shown in the dry run, held by a real run, written only when accepted.
        let wideFile = table(["Lillers;Résidence Duez;PDCH;2020;380;100 000,00 €"])
        let dry = try run(wideFile, store, dryRun: true)
        XCTAssertEqual(dry.outcome.reviews.map(\.reason), [.wideDifference])
        XCTAssertTrue(dry.outcome.reviews[0].message.contains("logements 38 → 380"), dry.outcome.reviews[0].message)
        let held = try run(wideFile, store)
        XCTAssertEqual([held.outcome.updated, held.outcome.held], [0, 1])
        XCTAssertEqual(try store.read { try $0.allRehabilitation() }.first { $0.name == "Résidence Duez" }?.dwellings.value, 38)
        let accepted = try run(wideFile, store, accept: true)
        XCTAssertEqual(accepted.outcome.updated, 1)
        XCTAssertEqual(try store.read { try $0.allRehabilitation() }.first { $0.name == "Résidence Duez" }?.dwellings.value, 380)
        // Two stored "Cité" rows and one changed row: which one it updates cannot be told, so it is added and said.
        let ambiguous = try run(table(["Bruay;Cité;SIA;2021;11;1 100,00 €"]), store)
        XCTAssertEqual([ambiguous.outcome.imported, ambiguous.outcome.updated], [1, 0])
        XCTAssertEqual(ambiguous.outcome.reviews.map(\.reason), [.ambiguous])
        XCTAssertEqual(try store.read { try $0.allRehabilitation() }.filter { $0.name == "Cité" }.map(\.dwellings.value), [10, 12, 11])
    }

    func testColumnChoicesAreRememberedForTheSameHeaders() throws {
        let store = try makeStore()
        let data = Data("Commune;Programme;Bailleur;Exo;Logements;Remarques\nBéthune;Rés. A;SIA;2022;10;RAS\n".utf8)
        XCTAssertTrue(try run(data, store).report.failed, "no financing year without the agent")
        let choices = ColumnChoices(assignments: [4: ProgrammeField.financingYear.rawValue], ignored: [6])
        let dry = try run(data, store, options: ProgrammeImportOptions(choices: choices), dryRun: true)
        XCTAssertFalse(dry.report.failed)
        XCTAssertNil(try store.read { try $0.columnChoices(signature: dry.report.signature!) }, "a dry run remembers nothing")
        let first = try run(data, store, options: ProgrammeImportOptions(choices: choices))
        XCTAssertEqual(first.outcome.imported, 1)
        // The next file with the same headers (other rows) is read the same way, without asking again.
        let next = try run(Data("COMMUNE;Programme;Bailleur;Exo;Logements;Remarques\nAuchel;Rés. B;SIA;2023;5;\n".utf8), store)
        XCTAssertFalse(next.report.failed)
        XCTAssertEqual(next.report.columns[3].reading.how, .assigned)
        XCTAssertEqual(next.report.columns[5].reading.how, .ignored)
        XCTAssertEqual(next.outcome.imported, 1)
    }
}
