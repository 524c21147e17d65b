import Foundation
import GRDB
import GuichetCore

/// One read or write session on the SQLite file. Each area conforms it to its store protocol
/// in its own file (`SQLiteSession+Dossiers.swift`, …); GRDB types never leave this target.
struct SQLiteSession: StoreSession {
    let db: Database
    let agent: String
    let clock: Clock
}

/// The `meta` table: territory id, creation date, preferences.
enum MetaRecord {
    static func value(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
    static func set(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }
}

extension SQLiteSession {
    func territoryID() throws -> String {
        guard let t = try MetaRecord.value("territory", in: db) else { throw StoreError.notFound(entity: "territoire", key: "meta") }
        return t
    }

    func integrityProblems() throws -> [String] {
        var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        problems += fk.map { "clé étrangère rompue : table \($0[0] as String? ?? "?"), ligne \($0[1] as Int64? ?? 0)" }
        return problems
    }
}
