import GRDB

/// What the service enters for the PLH's yearly review: indicator values, levers' progress,
/// territorialised targets. Each as a document (JSON) with the columns the review narrows on;
/// their history goes to the shared append-only `history` table.
enum PLHReviewSchema {
    static func v10(_ db: Database) throws {
        try DocumentTables.createTable(db, table: "plh_indicator_value", columns: [("year", .integer), ("action", .integer)],
                                       indexes: [["year"]])
        try DocumentTables.createTable(db, table: "plh_lever_progress", columns: [("year", .integer), ("action", .integer)],
                                       indexes: [["year"]])
        try DocumentTables.createTable(db, table: "plh_territorial_target", columns: [("year", .integer)], indexes: [["year"]])
    }
}
