import Foundation
import GRDB
import XCTest
import GuichetCore
@testable import GuichetStorage

final class DatabaseFileTests: XCTestCase {
    func testCreatesFileReadableByOwnerOnlyWithMigrations() throws {
        let dir = temporaryFolder()
        let url = dir.file("sub/guichet.sqlite")
        let store = try SQLiteStore.create(url, territory: "capso", agent: "agent.test")
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(try store.read { try $0.territoryID() }, "capso")
        XCTAssertEqual(try store.read { try $0.integrityProblems() }, [])
        let tables = try store.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type='table'") }
        XCTAssertTrue(tables.contains("history"))
        let journal = try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(journal, "wal")
        let fk = try store.pool.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        XCTAssertEqual(fk, 1)
        // Reopening finds the same territory.
        XCTAssertEqual(try SQLiteStore.open(url).read { try $0.territoryID() }, "capso")
        XCTAssertThrowsError(try SQLiteStore.create(url, territory: "demo")) {
            XCTAssertEqual($0 as? OpenError, .alreadyInitialised(path: url.path, territory: "capso"))
        }
    }

    func testRefusesForeignFilesAndLeavesThemUntouched() throws {
        let dir = temporaryFolder()
        let text = dir.file("notes.txt")
        try Data("pas une base\n".utf8).write(to: text)
        XCTAssertThrowsError(try SQLiteStore.open(text)) { XCTAssertEqual($0 as? OpenError, .notADatabase(path: text.path)) }
        XCTAssertEqual(try Data(contentsOf: text), Data("pas une base\n".utf8))

        let other = dir.file("other.sqlite")
        let q = try DatabaseQueue(path: other.path)
        try q.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try q.close()
        let before = try Data(contentsOf: other)
        XCTAssertThrowsError(try SQLiteStore.open(other)) { XCTAssertEqual($0 as? OpenError, .foreignDatabase(path: other.path)) }
        XCTAssertThrowsError(try SQLiteStore.create(other, territory: "capso"))
        XCTAssertEqual(try Data(contentsOf: other), before)

        XCTAssertThrowsError(try SQLiteStore.open(dir.file("absent.sqlite"))) {
            XCTAssertEqual($0 as? OpenError, .notFound(path: dir.file("absent.sqlite").path))
        }
    }

    func testRefusesFileWrittenByNewerSchemaAndLeavesItUntouched() throws {
        let dir = temporaryFolder()
        let url = dir.file("g.sqlite")
        do {
            let store = try SQLiteStore.create(url, territory: "capso")
            try store.pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v999-future')") }
            try store.pool.close()
        }
        let before = try Data(contentsOf: url)
        XCTAssertThrowsError(try SQLiteStore.open(url)) { XCTAssertEqual($0 as? OpenError, .newerSchema(path: url.path)) }
        XCTAssertEqual(try Data(contentsOf: url), before)
    }

    func testHistoryIsAppendOnly() throws {
        let dir = temporaryFolder()
        let store = try SQLiteStore.create(dir.file("h.sqlite"), territory: "capso", agent: "m.durand")
        struct Rec: Codable { var name: String; var amount: Money }
        try store.write { s in
            try s.recordChange(entity: "dossier", key: "2026-ACC-0001", action: "création", old: nil as Rec?,
                               new: Rec(name: "Dupont", amount: Money(cents: 400_000)))
            try s.recordChange(entity: "dossier", key: "2026-ACC-0001", action: "modification",
                               old: Rec(name: "Dupont", amount: Money(cents: 400_000)), new: Rec(name: "Dupont", amount: Money(cents: 350_000)))
            // No change, no line.
            try s.recordChange(entity: "dossier", key: "2026-ACC-0001", action: "modification",
                               old: Rec(name: "Dupont", amount: .zero), new: Rec(name: "Dupont", amount: .zero))
        }
        let events = try store.read { try $0.history(entity: "dossier", key: "2026-ACC-0001") }
        XCTAssertEqual(events.map(\.action), ["création", "modification"])
        XCTAssertEqual(events.map(\.agent), ["m.durand", "m.durand"])
        XCTAssertEqual(events[1].changes, [FieldChange(field: "amount", old: "400000", new: "350000")])
        XCTAssertThrowsError(try store.pool.write { try $0.execute(sql: "UPDATE history SET agent = 'x'") })
        XCTAssertThrowsError(try store.pool.write { try $0.execute(sql: "DELETE FROM history") })
        XCTAssertEqual(try store.read { try $0.history(entity: "dossier", key: "2026-ACC-0001") }.count, 2)
    }

    func testWriteSessionIsOneTransaction() throws {
        let dir = temporaryFolder()
        let store = try SQLiteStore.create(dir.file("t.sqlite"), territory: "capso")
        struct Boom: Error {}
        XCTAssertThrowsError(try store.write { s in
            try s.append(HistoryEvent(at: Date(), agent: "a", entity: "e", entityKey: "k", action: "x", changes: []))
            throw Boom()
        })
        XCTAssertEqual(try store.read { try $0.history(entity: "e", key: "k") }.count, 0)
    }

    func testDefaultLocationFollowsXDG() {
        XCTAssertEqual(DatabaseLocation.resolve(explicit: "/x/y.sqlite", environment: ["GUICHET_DATABASE": "/z"]).path, "/x/y.sqlite")
        XCTAssertEqual(DatabaseLocation.resolve(explicit: nil, environment: ["GUICHET_DATABASE": "/z.sqlite"]).path, "/z.sqlite")
        XCTAssertEqual(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).path,
                       "/d/guichet/guichet.sqlite")
        XCTAssertEqual(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/h"]).path,
                       "/h/.local/share/guichet/guichet.sqlite")
    }
}
