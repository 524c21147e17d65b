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

/// Letters produced for dossiers, kept as printed so that a reprint is identical (issue 18).
/// Append-only like the history: only the RGPD anonymisation of a dossier, inside its own
/// transaction, removes a dossier's letters.
enum DossierLettersSchema {
    static func v8(_ db: Database) throws {
        try db.create(table: "dossier_letter") { t in
            t.column("dossier", .text).notNull()
            t.column("sequence", .integer).notNull()
            t.column("kind", .text).notNull()
            t.column("title", .text).notNull()
            t.column("date", .text).notNull()
            t.column("at", .text).notNull()
            t.column("agent", .text).notNull()
            t.column("content", .blob).notNull()
            t.primaryKey(["dossier", "sequence"])
        }
        try db.execute(sql: """
            CREATE TRIGGER dossier_letter_no_update BEFORE UPDATE ON dossier_letter
            BEGIN SELECT RAISE(ABORT, 'un courrier édité ne peut pas être modifié'); END;
            CREATE TRIGGER dossier_letter_no_delete BEFORE DELETE ON dossier_letter
            WHEN (SELECT value FROM meta WHERE key = 'rgpd-purge-in-progress') IS NULL
            BEGIN SELECT RAISE(ABORT, 'un courrier édité ne peut pas être supprimé'); END;
            """)
    }
}
