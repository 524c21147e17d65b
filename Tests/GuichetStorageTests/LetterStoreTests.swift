import Foundation
import GRDB
import XCTest
import GuichetCore
@testable import GuichetStorage

/// Letters produced for dossiers: numbered per dossier, a history line each, never changed,
/// removed only with the personal data of an anonymised dossier.
final class LetterStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()
    static let day = CalendarDate(year: 2026, month: 12, day: 3)!

    func makeStore() throws -> (SQLiteStore, [AidDossier]) {
        let store = try SQLiteStore.create(dir.file("l.sqlite"), territory: "capso", agent: "agent.accueil")
        let dossiers = DemoDossiers.generate(count: 60, seed: 7, schemes: DossierStoreTests.catalog, years: 2023...2026,
                                             referenceDate: CalendarDate(year: 2026, month: 11, day: 20)!)
        try store.write { s in try s.bulkInsertDossiers(dossiers, historyNote: "test") }
        return (store, dossiers)
    }

    func letter(_ d: AidDossier, _ text: String) -> IssuedLetter {
        IssuedLetter(dossier: d.number, kind: "accuse-reception", title: "Accusé de réception", date: Self.day,
                     at: Date(timeIntervalSince1970: 1_796_000_000), agent: "agent.accueil", content: Data(text.utf8))
    }

    func testLettersAreNumberedKeptAsProducedAndInTheHistory() throws {
        let (store, dossiers) = try makeStore()
        let d = dossiers[3]
        let first = try store.write { try $0.recordLetter(letter(d, "premier")) }
        let second = try store.write { try $0.recordLetter(letter(d, "second")) }
        XCTAssertEqual([first.sequence, second.sequence], [1, 2])
        let other = try store.write { try $0.recordLetter(letter(dossiers[4], "autre")) }
        XCTAssertEqual(other.sequence, 1, "numbered per dossier")

        let kept = try store.read { try $0.letters(of: d.number) }
        XCTAssertEqual(kept.map { String(decoding: $0.content, as: UTF8.self) }, ["premier", "second"])
        XCTAssertEqual(kept.first, first)
        let history = try store.read { try $0.history(entity: "dossier", key: d.number.formatted) }.filter { $0.action == "courrier" }
        XCTAssertEqual(history.map(\.comment), ["Accusé de réception n° 1 daté du 03/12/2026", "Accusé de réception n° 2 daté du 03/12/2026"])
        XCTAssertEqual(history.map(\.agent), ["agent.accueil", "agent.accueil"])
    }

    func testAProducedLetterCannotBeChangedNorDeleted() throws {
        let (store, dossiers) = try makeStore()
        _ = try store.write { try $0.recordLetter(letter(dossiers[0], "x")) }
        XCTAssertThrowsError(try store.write { s in try (s as! SQLiteSession).db.execute(sql: "UPDATE dossier_letter SET content = x'00'") })
        XCTAssertThrowsError(try store.write { s in try (s as! SQLiteSession).db.execute(sql: "DELETE FROM dossier_letter") })
    }

    func testNoLetterForAnUnknownDossier() throws {
        let (store, dossiers) = try makeStore()
        var d = dossiers[0]
        d.number = DossierNumber(year: 2020, scheme: "ACC", sequence: 999)
        XCTAssertThrowsError(try store.write { try $0.recordLetter(letter(d, "x")) }) {
            XCTAssertEqual($0 as? StoreError, .notFound(entity: "dossier", key: "2020-ACC-0999"))
        }
    }

    func testAnonymisationRemovesTheLettersOfTheDossier() throws {
        let (store, dossiers) = try makeStore()
        let closed = try XCTUnwrap(dossiers.first { $0.status.isClosed && $0.retentionStart != nil })
        _ = try store.write { try $0.recordLetter(letter(closed, "Madame Sylvie SIMON, 12 rue Carnot")) }
        let later = closed.retentionStart!.adding(years: 6)
        let n = try store.write { try $0.anonymiseDossiers([closed.number.formatted], closedBefore: later, on: later) }
        XCTAssertEqual(n, 1)
        XCTAssertTrue(try store.read { try $0.letters(of: closed.number) }.isEmpty)
    }
}
