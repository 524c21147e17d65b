import Foundation
import GRDB
import GuichetCore

extension SQLiteSession {
    func append(_ event: HistoryEvent) throws {
        // Sorted keys: the same change is stored as the same text in every process.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let changes = String(decoding: try encoder.encode(event.changes), as: UTF8.self)
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
    /// `2026-11-23T12:10:37.123Z`, as ISO8601DateFormatter writes it with fractional seconds,
    /// computed by arithmetic: creating a formatter per record cost a third of a 100,000-dossier import.
    static func string(_ d: Date) -> String {
        let ms = Int64((d.timeIntervalSince1970 * 1000 + 0.5).rounded(.down))  // CF rounds to the millisecond
        var days = ms / 86_400_000, rest = ms % 86_400_000
        if rest < 0 { rest += 86_400_000; days -= 1 }
        func pad(_ n: Int64, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        let time = pad(rest / 3_600_000, 2) + ":" + pad(rest / 60_000 % 60, 2) + ":" + pad(rest / 1000 % 60, 2) + "." + pad(rest % 1000, 3)
        return CalendarDate(dayNumber: Int(days)).iso + "T" + time + "Z"
    }
    static func date(_ s: String?) -> Date? {
        guard let s else { return nil }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }
}
