import Foundation
import GRDB
import GuichetCore

extension DocumentTable {
    /// Replaces a stored record (projections, JSON, version + 1) without a history line: for the
    /// RGPD anonymisation, whose field diff would carry the very data it removes; the caller
    /// writes its own line. Throws `notFound` when the key is unknown.
    func replaceWithoutHistory(_ record: Record, key: String, version: Int, in s: SQLiteSession, now: Date) throws {
        let sets = (["version = ?", "updatedAt = ?"] + projections.map { "\($0.column) = ?" }).joined(separator: ", ")
        var args: [(any DatabaseValueConvertible)?] = [version, Timestamp.string(now)]
        args += projections.map { $0.value(record) }
        args.append(key)
        try s.db.execute(sql: "UPDATE \(table) SET \(sets) WHERE key = ?", arguments: StatementArguments(args))
        guard s.db.changesCount == 1 else { throw StoreError.notFound(entity: entity, key: key) }
        try s.db.execute(sql: "UPDATE \(dataTable) SET data = ? WHERE ref = ?", arguments: [try encode(record), key])
    }
}
