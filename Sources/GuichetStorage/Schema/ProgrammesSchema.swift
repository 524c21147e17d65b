import GRDB

/// Landlords, programmes (one table per kind), commune facts and conventions: each record as
/// JSON, plus the columns the lists filter and sort on.
enum ProgrammesSchema {
    static let programmeColumns: [(String, Database.ColumnType)] = [
        ("year", .integer), ("landlordId", .text), ("landlordFold", .text), ("communeKey", .text), ("communeFold", .text),
        ("nameFold", .text), ("dwellings", .integer), ("stateCents", .integer), ("epciCents", .integer), ("search", .text),
    ]

    static func v1(_ db: Database) throws {
        try DocumentTables.createTable(db, table: "landlord", columns: [("name", .text), ("nameFold", .text)])
        for table in ["construction_programme", "rehabilitation_programme"] {
            try DocumentTables.createTable(db, table: table, columns: programmeColumns,
                                           indexes: [["year"], ["landlordId"], ["communeKey"]])
        }
        try DocumentTables.createTable(db, table: "commune_facts", columns: [("name", .text)])
        try DocumentTables.createTable(db, table: "convention", columns: [])
        try DocumentTables.createTable(db, table: "agglomeration_results", columns: [])
    }
}
