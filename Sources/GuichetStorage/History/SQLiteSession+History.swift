import Foundation
import GRDB
import GuichetCore

extension SQLiteSession {
    func append(_ event: HistoryEvent) throws {
        let changes = String(decoding: try JSONEncoder().encode(event.changes), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO history(at, agent, entity, entityKey, action, changes, comment) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Timestamp.string(event.at), event.agent, event.entity, event.entityKey, event.action, changes, event.comment])
    }

    func history(entity: String, key: String) throws -> [HistoryEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM history WHERE entity = ? AND entityKey = ? ORDER BY id",
                         arguments: [entity, key]).map { row in
            HistoryEvent(id: row["id"], at: Timestamp.date(row["at"]) ?? Date(timeIntervalSince1970: 0),
                         agent: row["agent"], entity: row["entity"], entityKey: row["entityKey"], action: row["action"],
                         changes: (try? JSONDecoder().decode([FieldChange].self, from: Data((row["changes"] as String).utf8))) ?? [],
                         comment: row["comment"])
        }
    }
}

/// Timestamps are stored as ISO 8601 in UTC with milliseconds, so they sort as text.
enum Timestamp {
    static func string(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: d)
    }
    static func date(_ s: String?) -> Date? {
        guard let s else { return nil }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }
}
