import Foundation
import GRDB
import GuichetCore

extension SQLiteSession {
    /// Requests struck off before a date (one `?`): what the purge deletes and the schedule lists.
    static let struckOffBefore = "struckOffOn IS NOT NULL AND struckOffOn < ?"

    /// What `purgeStruckOffRequests(before:)` would delete, read from the narrow table.
    func struckOffRequests(before date: CalendarDate) throws -> [RetentionDue] {
        try Row.fetchAll(db, sql: "SELECT key, struckOffOn FROM request WHERE \(Self.struckOffBefore) ORDER BY struckOffOn, key",
                         arguments: [date.iso]).compactMap { row in
            CalendarDate(parsing: row[1]).map { RetentionDue(key: row[0], since: $0) }
        }
    }
}
