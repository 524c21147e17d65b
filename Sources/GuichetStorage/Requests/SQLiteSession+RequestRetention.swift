import Foundation
import GRDB
import GuichetCore

extension SQLiteSession {
    /// The same condition as `purgeStruckOffRequests(before:)`, read from the narrow table.
    func struckOffRequests(before date: CalendarDate) throws -> [RetentionDue] {
        try Row.fetchAll(db, sql: "SELECT key, struckOffOn FROM request WHERE struckOffOn IS NOT NULL AND struckOffOn < ? ORDER BY struckOffOn, key",
                         arguments: [date.iso]).compactMap { row in
            CalendarDate(parsing: row[1]).map { RetentionDue(key: row[0], since: $0) }
        }
    }
}
