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

    /// « En attente de pièces »: the ids of the documents recorded valid, filled from the stored
    /// dossiers (the last record of a document wins, as `AidDossier.document(_:)` reads it).
    static func v8ValidDocuments(_ db: Database) throws {
        try db.alter(table: "dossier") { t in t.add(column: "validDocuments", .text) }
        try fillValidDocuments(db)
    }

    /// The valid documents' ids of every stored dossier, from its JSON (what the projection writes).
    static func fillValidDocuments(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE dossier SET validDocuments = ',' || coalesce((
              SELECT group_concat(id, ',') FROM (
                SELECT json_extract(doc.value, '$.id') AS id, json_extract(doc.value, '$.state') AS state,
                       row_number() OVER (PARTITION BY json_extract(doc.value, '$.id') ORDER BY doc.key DESC) AS latest
                FROM dossier_data data, json_each(data.data, '$.documents') doc WHERE data.ref = dossier.key)
              WHERE latest = 1 AND state = 'valid'), '') || ','
            """)
    }
}
