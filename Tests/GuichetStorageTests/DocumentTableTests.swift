import Foundation
import GRDB
import XCTest
import GuichetCore
@testable import GuichetStorage

final class DocumentTableTests: XCTestCase {
    struct Note: Codable, Equatable { var title: String; var amount: Money; var date: CalendarDate }
    let table = DocumentTable<Note>(table: "note", entity: "note", projections: [
        ("title", { $0.title }), ("search", { SearchText.fold($0.title) }), ("amountCents", { $0.amount.cents }),
    ])

    private lazy var dir = temporaryFolder()

    func makeStore() throws -> SQLiteStore {
        let store = try SQLiteStore.create(dir.file("d.sqlite"), territory: "capso", agent: "agent.a")
        try store.pool.write { db in
            try DocumentTables.createTable(db, table: "note", columns: [("title", .text), ("search", .text), ("amountCents", .integer)],
                                                indexes: [["title"]])
        }
        return store
    }

    func session<T>(_ store: SQLiteStore, _ body: (SQLiteSession) throws -> T) throws -> T {
        try store.pool.write { db in try body(SQLiteSession(db: db, agent: store.agent, clock: store.clock)) }
    }

    func testRoundTripVersionsAndHistory() throws {
        let store = try makeStore()
        let n = Note(title: "Évelyne Dupré", amount: Money(cents: 400_000), date: CalendarDate(year: 2026, month: 11, day: 22)!)
        try session(store) { try table.insert(n, key: "N1", in: $0) }
        XCTAssertThrowsError(try session(store) { try table.insert(n, key: "N1", in: $0) })
        var edited = n
        edited.amount = Money(cents: 350_000)
        let v2 = try session(store) { try table.update(edited, key: "N1", expectedVersion: 1, in: $0) }
        XCTAssertEqual(v2, 2)
        let (back, version) = try XCTUnwrap(try session(store) { try table.fetch("N1", in: $0) })
        XCTAssertEqual(back, edited)
        XCTAssertEqual(version, 2)
        let found = try session(store) { try table.fetchAll(where: table.searchCondition(SearchText("DUPRE")).0, arguments: StatementArguments(table.searchCondition(SearchText("DUPRE")).1), in: $0) }
        XCTAssertEqual(found, [edited])
        let history = try store.read { try $0.history(entity: "note", key: "N1") }
        XCTAssertEqual(history.map(\.action), ["création", "modification"])
        XCTAssertEqual(history[1].changes, [FieldChange(field: "amount", old: "400000", new: "350000")])
    }

    func testSecondSaveFromAnOldVersionIsAConflictAndOverwritesNothing() throws {
        let store = try makeStore()
        let n = Note(title: "Dossier", amount: Money(cents: 100), date: CalendarDate(year: 2026, month: 1, day: 1)!)
        try session(store) { try table.insert(n, key: "N1", in: $0) }
        var first = n; first.amount = Money(cents: 200)
        var second = n; second.title = "Autre titre"
        try session(store) { _ = try table.update(first, key: "N1", expectedVersion: 1, in: $0) }
        XCTAssertThrowsError(try session(store) { try table.update(second, key: "N1", expectedVersion: 1, in: $0) }) { error in
            guard case let StoreError.conflict(_, key, changes)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(key, "N1")
            XCTAssertEqual(Set(changes.map(\.field)), ["amount", "title"])
            XCTAssertTrue("\(error)".contains("modifié par un autre agent"))
        }
        XCTAssertEqual(try session(store) { try table.fetch("N1", in: $0) }?.0, first)
    }

    func testSearchWordsAreFTSPhrasesWithQuotesDoubled() {
        XCTAssertEqual(DocumentTable<Note>.ftsQuery(["dupre", "a\"b"]), "\"dupre\" AND \"a\"\"b\"")
        XCTAssertEqual(SearchText.fold("Œuvre Élan"), "œuvre elan")
    }
}
