import Foundation
import GRDB
import GuichetCore

/// How every entity is stored: the whole record as JSON (so the schema follows the domain without
/// a column per field) in a side table `<table>_data`, and a narrow main table `<table>` with the
/// few projected columns that lists search, filter and sort on. Keeping the JSON out of the main
/// table keeps its scans small: filtering 100,000 rows reads ~15 MB instead of ~200 MB.
/// An optional trigram full-text index over a `search` column answers substring searches of three
/// characters or more without a scan. A `version` column gives optimistic locking: a save that
/// starts from an old version is refused with what the other agent changed. Every insert and
/// update writes its history line in the same transaction.
struct DocumentTable<Record: Codable & Sendable>: Sendable {
    /// SQL table name.
    let table: String
    /// Entity name in history and messages ("dossier", "programme", …).
    let entity: String
    /// Projected columns and how to compute them from a record.
    let projections: [(column: String, value: @Sendable (Record) -> (any DatabaseValueConvertible)?)]

    static var encoder: JSONEncoder { let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]; return e }

    func encode(_ r: Record) throws -> String { String(decoding: try Self.encoder.encode(r), as: UTF8.self) }
    func decode(_ text: String) throws -> Record { try JSONDecoder().decode(Record.self, from: Data(text.utf8)) }

    var dataTable: String { "\(table)_data" }
    var ftsTable: String { "\(table)_fts" }
    var insertSQL: String {
        let cols = ["key", "version", "createdAt", "updatedAt"] + projections.map(\.column)
        return "INSERT INTO \(table)(\(cols.joined(separator: ","))) VALUES (\(cols.map { _ in "?" }.joined(separator: ",")))"
    }

    /// Inserts a new record at version 1; a duplicate key is refused.
    func insert(_ record: Record, key: String, in s: SQLiteSession, action: String = "création", now: Date? = nil) throws {
        if try exists(key, in: s) { throw StoreError.constraint("\(entity) « \(key) » existe déjà") }
        let now = now ?? s.clock.now()
        let stamp = Timestamp.string(now)
        try s.db.execute(sql: insertSQL, arguments: StatementArguments([key, 1, stamp, stamp] + projections.map { $0.value(record) }))
        try s.db.execute(sql: "INSERT INTO \(dataTable)(ref, data) VALUES (?, ?)", arguments: [key, try encode(record)])
        try s.recordChange(entity: entity, key: key, action: action, old: nil as Record?, new: record, at: now)
    }

    /// Inserts many records at version 1 with no history line per record (the caller writes one
    /// for the batch). The JSON is made on every core, one chunk at a time, so the encoded batch
    /// never sits whole in memory. A duplicate key fails the whole session.
    func bulkInsert<S: Sequence>(_ records: S, key: (Record) -> String, in s: SQLiteSession, now: Date? = nil) throws
    where S.Element == Record {
        let now = now ?? s.clock.now()
        try withTrigramIndexRebuiltOnce(in: s) {
            var chunk: [Record] = []
            chunk.reserveCapacity(Self.chunkSize)
            func flush() throws {
                let encoded = chunk.concurrentMap(minimumSlice: 256) { r in (r, try? String(decoding: Self.encoder.encode(r), as: UTF8.self)) }
                try insertRows(encoded, key: key, in: s, now: now)
                chunk.removeAll(keepingCapacity: true)
            }
            for r in records {
                chunk.append(r)
                if chunk.count == Self.chunkSize { try flush() }
            }
            try flush()
        }
    }

    /// The same with each record's JSON made beforehand; a nil JSON is encoded here.
    func bulkInsert<S: Sequence>(encoded records: S, key: (Record) -> String, in s: SQLiteSession, now: Date? = nil) throws
    where S.Element == (Record, String?) {
        try withTrigramIndexRebuiltOnce(in: s) { try insertRows(records, key: key, in: s, now: now ?? s.clock.now()) }
    }

    static var chunkSize: Int { 2_048 }

    private func insertRows<S: Sequence>(_ records: S, key: (Record) -> String, in s: SQLiteSession, now: Date) throws
    where S.Element == (Record, String?) {
        // Plain executions: reusing one prepared statement here failed with spurious UNIQUE
        // errors on the key (seen with GRDB 7.10 on this schema), while these are exact.
        let main = insertSQL, data = "INSERT INTO \(dataTable)(ref, data) VALUES (?, ?)"
        let stamp = Timestamp.string(now)
        for (r, json) in records {
            let k = key(r)
            do {
                try s.db.execute(sql: main, arguments: StatementArguments([k, 1, stamp, stamp] + projections.map { $0.value(r) }))
            } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                throw StoreError.constraint("\(entity) « \(k) » existe déjà : rien n'a été importé")
            }
            try s.db.execute(sql: data, arguments: [k, try json ?? encode(r)])
        }
    }

    /// The trigram index is rebuilt once after a batch rather than row by row (about twice as
    /// fast at 100,000 rows); its trigger is set aside meanwhile, inside the same transaction.
    private func withTrigramIndexRebuiltOnce(in s: SQLiteSession, _ work: () throws -> Void) throws {
        let insertTrigger = try String.fetchOne(s.db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                                arguments: ["\(table)_fts_insert"])
        if insertTrigger != nil { try s.db.execute(sql: "DROP TRIGGER \(table)_fts_insert") }
        try work()
        if let insertTrigger {
            try s.db.execute(sql: "INSERT INTO \(ftsTable)(\(ftsTable)) VALUES ('rebuild')")
            try s.db.execute(sql: insertTrigger)
        }
    }

    /// Saves a record read at `expectedVersion`; refused with the other agent's changes when the
    /// stored version moved on. Returns the new version.
    @discardableResult
    func update(_ record: Record, key: String, expectedVersion: Int, in s: SQLiteSession,
                action: String = "modification", comment: String? = nil, now: Date? = nil) throws -> Int {
        let now = now ?? s.clock.now()
        guard let (stored, version) = try fetch(key, in: s) else { throw StoreError.notFound(entity: entity, key: key) }
        guard version == expectedVersion else {
            // What the other agent's save changed compared with this one; bookkeeping fields aside.
            let bookkeeping: Set<String> = ["version", "updatedAt", "createdAt"]
            throw StoreError.conflict(entity: entity, key: key,
                                      changes: FieldChange.diff(old: record, new: stored).filter { !bookkeeping.contains($0.field) })
        }
        let sets = (["version = ?", "updatedAt = ?"] + projections.map { "\($0.column) = ?" }).joined(separator: ", ")
        var args: [(any DatabaseValueConvertible)?] = [version + 1, Timestamp.string(now)]
        args += projections.map { $0.value(record) }
        args.append(key)
        try s.db.execute(sql: "UPDATE \(table) SET \(sets) WHERE key = ?", arguments: StatementArguments(args))
        try s.db.execute(sql: "UPDATE \(dataTable) SET data = ? WHERE ref = ?", arguments: [try encode(record), key])
        try s.recordChange(entity: entity, key: key, action: action, old: stored, new: record, comment: comment, at: now)
        return version + 1
    }

    func fetch(_ key: String, in s: SQLiteSession) throws -> (Record, Int)? {
        guard let row = try Row.fetchOne(s.db, sql: "SELECT d.data, t.version FROM \(table) t JOIN \(dataTable) d ON d.ref = t.key WHERE t.key = ?",
                                         arguments: [key]) else { return nil }
        return (try decode(row[0]), row[1])
    }

    func exists(_ key: String, in s: SQLiteSession) throws -> Bool {
        try Bool.fetchOne(s.db, sql: "SELECT EXISTS(SELECT 1 FROM \(table) WHERE key = ?)", arguments: [key]) ?? false
    }

    /// Records matching a SQL condition on the projected columns, in the given order. The page is
    /// chosen on the narrow table first, then only its records are read and decoded.
    func fetchAll(where condition: String = "1", arguments: StatementArguments = [], orderBy: String = "key",
                  limit: Int? = nil, offset: Int = 0, in s: SQLiteSession) throws -> [Record] {
        var sql = "SELECT key FROM \(table) WHERE \(condition) ORDER BY \(orderBy)"
        if let limit { sql += " LIMIT \(limit) OFFSET \(offset)" } else if offset > 0 { sql += " LIMIT -1 OFFSET \(offset)" }
        let keys = try String.fetchAll(s.db, sql: sql, arguments: arguments)
        return try records(forKeys: keys, in: s)
    }

    /// The records of these keys, in the same order.
    func records(forKeys keys: [String], in s: SQLiteSession) throws -> [Record] {
        var byKey: [String: String] = [:]
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
            let rows = try Row.fetchAll(s.db, sql: "SELECT ref, data FROM \(dataTable) WHERE ref IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments(chunk))
            for r in rows { byKey[r[0]] = r[1] }
        }
        return try keys.compactMap { byKey[$0] }.map(decode)
    }

    /// Visits every record matching a condition in order without holding them all (exports,
    /// checks); records are decoded a chunk at a time on every core.
    func forEach(where condition: String = "1", arguments: StatementArguments = [], orderBy: String = "key",
                 in s: SQLiteSession, _ body: (Record) throws -> Void) throws {
        let cursor = try String.fetchCursor(s.db, sql: """
            SELECT d.data FROM \(table) JOIN \(dataTable) d ON d.ref = \(table).key WHERE \(condition) ORDER BY \(orderBy)
            """, arguments: arguments)
        var chunk: [String] = []
        chunk.reserveCapacity(Self.chunkSize)
        func flush() throws {
            let decoded = chunk.concurrentMap(minimumSlice: 256) { text in try? JSONDecoder().decode(Record.self, from: Data(text.utf8)) }
            // A record that failed is decoded again here, to throw its own error.
            for (text, record) in zip(chunk, decoded) { try body(try record ?? decode(text)) }
            chunk.removeAll(keepingCapacity: true)
        }
        while let text = try cursor.next() {
            chunk.append(text)
            if chunk.count == Self.chunkSize { try flush() }
        }
        try flush()
    }

    /// A condition matching every word of `text` somewhere in the `search` column (folded), in
    /// any order: words of three characters or more through the trigram index (one FTS query
    /// for all of them), shorter ones ("10" of "2023 acc 10") by a scan of the narrow table.
    func searchCondition(_ text: SearchText) -> (String, [any DatabaseValueConvertible]) {
        var parts: [String] = []
        var values: [any DatabaseValueConvertible] = []
        let long = text.words.filter { $0.count >= 3 }
        if !long.isEmpty {
            parts.append("\(table).rowid IN (SELECT rowid FROM \(ftsTable) WHERE \(ftsTable) MATCH ?)")
            values.append(Self.ftsQuery(long))
        }
        for word in text.words where word.count < 3 {
            parts.append("instr(search, ?) > 0")
            values.append(word)
        }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), values)
    }

    /// Number of rows matching `text` when nothing else filters: counted in the trigram index
    /// alone (a few ms for 10,000 matches, instead of visiting each matching row). Nil when a
    /// word is too short for the index.
    func searchCount(_ text: SearchText, in s: SQLiteSession) throws -> Int? {
        guard !text.isEmpty, text.words.allSatisfy({ $0.count >= 3 }) else { return nil }
        return try Int.fetchOne(s.db, sql: "SELECT COUNT(*) FROM \(ftsTable) WHERE \(ftsTable) MATCH ?",
                                arguments: [Self.ftsQuery(text.words)]) ?? 0
    }

    /// The words as FTS5 phrases joined by AND (quotes doubled): each is matched as a substring
    /// by the trigram index.
    static func ftsQuery(_ words: [String]) -> String {
        words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }

    func count(where condition: String = "1", arguments: StatementArguments = [], in s: SQLiteSession) throws -> Int {
        try Int.fetchOne(s.db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)", arguments: arguments) ?? 0
    }
}

/// Schema side of document tables (shared by every area's migration).
enum DocumentTables {
    /// Creates the narrow table with its projected columns, its JSON side table and, when
    /// `search` is among the columns, the trigram index kept in step by triggers.
    static func createTable(_ db: Database, table: String, columns: [(String, Database.ColumnType)],
                            indexes: [[String]] = []) throws {
        try db.create(table: table) { t in
            t.primaryKey("key", .text)
            t.column("version", .integer).notNull()
            t.column("createdAt", .text).notNull()
            t.column("updatedAt", .text).notNull()
            for (name, type) in columns { t.column(name, type) }
        }
        try db.create(table: "\(table)_data") { t in
            t.primaryKey("ref", .text).references(table, column: "key", onDelete: .cascade, onUpdate: .cascade)
            t.column("data", .jsonText).notNull()
        }
        for cols in indexes {
            try db.create(index: "\(table)_by_\(cols.joined(separator: "_"))", on: table, columns: cols)
        }
        guard columns.contains(where: { $0.0 == "search" }) else { return }
        let fts = "\(table)_fts"
        try db.execute(sql: """
            CREATE VIRTUAL TABLE \(fts) USING fts5(search, content='\(table)', content_rowid='rowid', tokenize='trigram');
            CREATE TRIGGER \(table)_fts_insert AFTER INSERT ON \(table) BEGIN
              INSERT INTO \(fts)(rowid, search) VALUES (new.rowid, new.search);
            END;
            CREATE TRIGGER \(table)_fts_delete AFTER DELETE ON \(table) BEGIN
              INSERT INTO \(fts)(\(fts), rowid, search) VALUES ('delete', old.rowid, old.search);
            END;
            CREATE TRIGGER \(table)_fts_update AFTER UPDATE OF search ON \(table) BEGIN
              INSERT INTO \(fts)(\(fts), rowid, search) VALUES ('delete', old.rowid, old.search);
              INSERT INTO \(fts)(rowid, search) VALUES (new.rowid, new.search);
            END;
            """)
    }
}
