import Foundation
import GRDB
import GuichetCore

/// How every entity is stored: the whole record as JSON in `data` (so the schema follows the
/// domain without a column per field), plus a few projected columns that lists search, filter
/// and sort on with indexes. A `version` column gives optimistic locking: a save that starts from
/// an old version is refused with what the other agent changed. Every insert and update writes
/// its history line in the same transaction.
struct DocumentTable<Record: Codable>: Sendable {
    /// SQL table name.
    let table: String
    /// Entity name in history and messages ("dossier", "programme", …).
    let entity: String
    /// Projected columns and how to compute them from a record.
    let projections: [(column: String, value: @Sendable (Record) -> (any DatabaseValueConvertible)?)]

    static var encoder: JSONEncoder { let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]; return e }

    func encode(_ r: Record) throws -> String { String(decoding: try Self.encoder.encode(r), as: UTF8.self) }
    func decode(_ text: String) throws -> Record { try JSONDecoder().decode(Record.self, from: Data(text.utf8)) }

    /// Inserts a new record at version 1; a duplicate key is refused.
    func insert(_ record: Record, key: String, in s: SQLiteSession, action: String = "création", now: Date = Date()) throws {
        if try exists(key, in: s) { throw StoreError.constraint("\(entity) « \(key) » existe déjà") }
        let cols = ["key", "version", "data", "createdAt", "updatedAt"] + projections.map(\.column)
        let stamp = Timestamp.string(now)
        var args: [(any DatabaseValueConvertible)?] = [key, 1, try encode(record), stamp, stamp]
        args += projections.map { $0.value(record) }
        try s.db.execute(sql: "INSERT INTO \(table)(\(cols.joined(separator: ","))) VALUES (\(cols.map { _ in "?" }.joined(separator: ",")))",
                         arguments: StatementArguments(args))
        try s.recordChange(entity: entity, key: key, action: action, old: nil as Record?, new: record, at: now)
    }

    /// Inserts many records at version 1 with one prepared statement and no history line per
    /// record (the caller writes one for the batch). A duplicate key fails the whole session.
    func bulkInsert<S: Sequence>(_ records: S, key: (Record) -> String, in s: SQLiteSession, now: Date = Date()) throws where S.Element == Record {
        let cols = ["key", "version", "data", "createdAt", "updatedAt"] + projections.map(\.column)
        let statement = try s.db.makeStatement(sql: "INSERT INTO \(table)(\(cols.joined(separator: ","))) VALUES (\(cols.map { _ in "?" }.joined(separator: ",")))")
        let stamp = Timestamp.string(now)
        var batch: [Record] = []
        batch.reserveCapacity(Self.encodingBatch)
        func flush() throws {
            for (r, text) in zip(batch, try encodeConcurrently(batch)) {
                var args: [(any DatabaseValueConvertible)?] = [key(r), 1, text, stamp, stamp]
                args += projections.map { $0.value(r) }
                do { try statement.execute(arguments: StatementArguments(args)) } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                    throw StoreError.constraint("\(entity) « \(key(r)) » existe déjà : rien n'a été importé")
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        for r in records {
            batch.append(r)
            if batch.count == Self.encodingBatch { try flush() }
        }
        try flush()
    }

    static var encodingBatch: Int { 1_024 }

    /// JSON of many records, encoded on every core: JSON encoding is most of the cost of a
    /// 100,000-dossier import, and SQLite only needs the text afterwards, in order.
    func encodeConcurrently(_ records: [Record]) throws -> [String] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, records.count / 64))
        guard workers > 1 else { return try records.map(encode) }
        var out = [String?](repeating: nil, count: records.count)
        out.withUnsafeMutableBufferPointer { buffer in
            // Workers only read the records and each writes its own slots.
            let input = Unchecked(records), slots = Unchecked(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let encoder = Self.encoder
                var i = w
                while i < input.value.count {
                    slots.value[i] = (try? encoder.encode(input.value[i])).map { String(decoding: $0, as: UTF8.self) }
                    i += workers
                }
            }
        }
        // A record that failed is encoded again here, to throw its own error.
        return try zip(records, out).map { r, text in try text ?? encode(r) }
    }

    /// Saves a record read at `expectedVersion`; refused with the other agent's changes when the
    /// stored version moved on. Returns the new version.
    @discardableResult
    func update(_ record: Record, key: String, expectedVersion: Int, in s: SQLiteSession,
                action: String = "modification", comment: String? = nil, now: Date = Date()) throws -> Int {
        guard let (stored, version) = try fetch(key, in: s) else { throw StoreError.notFound(entity: entity, key: key) }
        guard version == expectedVersion else {
            // What the other agent's save changed compared with this one; bookkeeping fields aside.
            let bookkeeping: Set<String> = ["version", "updatedAt", "createdAt"]
            throw StoreError.conflict(entity: entity, key: key,
                                      changes: FieldChange.diff(old: record, new: stored).filter { !bookkeeping.contains($0.field) })
        }
        let sets = (["version = ?", "data = ?", "updatedAt = ?"] + projections.map { "\($0.column) = ?" }).joined(separator: ", ")
        var args: [(any DatabaseValueConvertible)?] = [version + 1, try encode(record), Timestamp.string(now)]
        args += projections.map { $0.value(record) }
        args.append(key)
        try s.db.execute(sql: "UPDATE \(table) SET \(sets) WHERE key = ?", arguments: StatementArguments(args))
        try s.recordChange(entity: entity, key: key, action: action, old: stored, new: record, comment: comment, at: now)
        return version + 1
    }

    func fetch(_ key: String, in s: SQLiteSession) throws -> (Record, Int)? {
        guard let row = try Row.fetchOne(s.db, sql: "SELECT data, version FROM \(table) WHERE key = ?", arguments: [key]) else { return nil }
        return (try decode(row["data"]), row["version"])
    }

    func exists(_ key: String, in s: SQLiteSession) throws -> Bool {
        try Bool.fetchOne(s.db, sql: "SELECT EXISTS(SELECT 1 FROM \(table) WHERE key = ?)", arguments: [key]) ?? false
    }

    /// Records matching a SQL condition on the projected columns, in the given order.
    func fetchAll(where condition: String = "1", arguments: StatementArguments = [], orderBy: String = "key",
                  limit: Int? = nil, offset: Int = 0, in s: SQLiteSession) throws -> [Record] {
        var sql = "SELECT data FROM \(table) WHERE \(condition) ORDER BY \(orderBy)"
        if let limit { sql += " LIMIT \(limit) OFFSET \(offset)" }
        return try String.fetchAll(s.db, sql: sql, arguments: arguments).map(decode)
    }

    /// Visits every record in key order without holding them all (exports, checks).
    func forEach(where condition: String = "1", arguments: StatementArguments = [], orderBy: String = "key",
                 in s: SQLiteSession, _ body: (Record) throws -> Void) throws {
        let cursor = try String.fetchCursor(s.db, sql: "SELECT data FROM \(table) WHERE \(condition) ORDER BY \(orderBy)", arguments: arguments)
        var batch: [String] = []
        batch.reserveCapacity(Self.encodingBatch)
        func flush() throws {
            for r in try decodeConcurrently(batch) { try body(r) }
            batch.removeAll(keepingCapacity: true)
        }
        while let text = try cursor.next() {
            batch.append(text)
            if batch.count == Self.encodingBatch { try flush() }
        }
        try flush()
    }

    /// Records decoded from a batch of JSON texts on every core, in order (checks of 100,000 dossiers).
    func decodeConcurrently(_ texts: [String]) throws -> [Record] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, texts.count / 64))
        guard workers > 1 else { return try texts.map(decode) }
        var out = [Record?](repeating: nil, count: texts.count)
        out.withUnsafeMutableBufferPointer { buffer in
            let input = Unchecked(texts), slots = Unchecked(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let decoder = JSONDecoder()
                var i = w
                while i < input.value.count {
                    slots.value[i] = try? decoder.decode(Record.self, from: Data(input.value[i].utf8))
                    i += workers
                }
            }
        }
        // A text that failed is decoded again here, to throw its own error.
        return try zip(texts, out).map { text, r in try r ?? decode(text) }
    }

    func count(where condition: String = "1", arguments: StatementArguments = [], in s: SQLiteSession) throws -> Int {
        try Int.fetchOne(s.db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)", arguments: arguments) ?? 0
    }
}

/// Hands a value to concurrent workers that share it safely by construction (read-only, or disjoint slots).
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Schema side of document tables (shared by every area's migration).
enum DocumentTables {
    /// Creates the table with its projected columns; `columns` gives their SQL types.
    static func createTable(_ db: Database, table: String, columns: [(String, Database.ColumnType)],
                            indexes: [[String]] = []) throws {
        try db.create(table: table) { t in
            t.primaryKey("key", .text)
            t.column("version", .integer).notNull()
            t.column("data", .jsonText).notNull()
            t.column("createdAt", .text).notNull()
            t.column("updatedAt", .text).notNull()
            for (name, type) in columns { t.column(name, type) }
        }
        for cols in indexes {
            try db.create(index: "\(table)_by_\(cols.joined(separator: "_"))", on: table, columns: cols)
        }
    }

}

/// Text for accent- and case-insensitive search ("Évelyne Dupré" → "evelyne dupre").
public enum SearchText {
    public static func fold(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
    }
    /// A LIKE pattern matching the folded text anywhere, with LIKE's wildcards escaped.
    public static func likePattern(_ query: String) -> String {
        let folded = fold(query.trimmingCharacters(in: .whitespaces))
        let escaped = folded.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%\(escaped)%"
    }
}
