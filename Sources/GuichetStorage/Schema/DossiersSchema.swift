import GRDB

/// Aid dossiers: the whole record as JSON, plus the columns lists search, filter, sort and
/// aggregate on (100,000 dossiers stay fast with these indexes).
enum DossiersSchema {
    static func v1(_ db: Database) throws {
        try DocumentTables.createTable(db, table: "dossier", columns: [
            ("year", .integer), ("scheme", .text), ("sequence", .integer), ("status", .text), ("statusRank", .integer),
            ("applicant", .text), ("applicantFold", .text), ("commune", .text), ("communeFold", .text), ("search", .text),
            ("requestedCents", .integer), ("grantedCents", .integer), ("paidCents", .integer), ("releasedCents", .integer),
            ("receivedOn", .text), ("budgetYear", .integer), ("plhAction", .integer), ("lastChange", .text),
        ], indexes: [["year", "scheme", "sequence"], ["status"], ["scheme", "budgetYear", "status", "grantedCents", "paidCents", "releasedCents"], ["applicantFold"], ["communeFold"], ["lastChange"]])
    }
}
