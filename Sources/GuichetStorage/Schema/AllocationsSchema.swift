import GRDB

/// The allocation register of the CIA review: each allocation as JSON, with the columns the
/// review narrows on (year of the lease, landlord) and those a check or a count reads.
enum AllocationsSchema {
    static let columns: [(String, Database.ColumnType)] = [
        ("year", .integer), ("calYear", .integer), ("landlordId", .text), ("holderKind", .text),
        ("communeKey", .text), ("inQPV", .boolean), ("transfer", .boolean), ("priority", .boolean),
    ]

    static func v6(_ db: Database) throws {
        try DocumentTables.createTable(db, table: "allocation", columns: columns, indexes: [["year"], ["landlordId", "year"]])
    }
}
