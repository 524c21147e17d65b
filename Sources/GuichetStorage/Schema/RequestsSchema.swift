import GRDB

/// Social-housing requests (the whole request as JSON plus the columns the ranked list filters
/// and sorts on) and their scores: `request_score` is append-only, the latest score of a request
/// is projected on its row (`scoreId`, `scoreTotal`, `isPriority`) for ranking.
enum RequestsSchema {
    static func v1(_ db: Database) throws {
        try DocumentTables.createTable(db, table: "request", columns: [
            ("sne", .text), ("requestDate", .text), ("struckOffOn", .text), ("search", .text),
            ("communeKeys", .text), ("typologyKeys", .text),
            ("scoreId", .integer), ("scoreTotal", .integer), ("isPriority", .integer),
        ], indexes: [["struckOffOn"], ["sne"]])
        // The ranking order of `RequestQuery.precedes`, as SQL expressions the list's ORDER BY repeats.
        try db.execute(sql: """
            CREATE INDEX request_ranking ON request(coalesce(scoreTotal, -1) DESC, requestDate, sne IS NULL, sne, key)
            """)
        try db.create(table: "request_score") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("requestKey", .text).notNull().references("request", column: "key", onDelete: .cascade)
            t.column("total", .integer).notNull()
            t.column("gridVersion", .text).notNull()
            t.column("computedOn", .text).notNull()
            t.column("priority", .integer).notNull()
            t.column("lines", .jsonText).notNull()
            t.column("recordedAt", .text).notNull()
        }
        try db.create(index: "request_score_by_request", on: "request_score", columns: ["requestKey", "id"])
        // Scores are history: never edited; deleted only by the RGPD purge of their request.
        try db.execute(sql: """
            CREATE TRIGGER request_score_no_update BEFORE UPDATE ON request_score
            BEGIN SELECT RAISE(ABORT, 'une cotation enregistrée ne peut pas être modifiée'); END;
            CREATE TRIGGER request_score_no_delete BEFORE DELETE ON request_score
            WHEN (SELECT value FROM meta WHERE key = 'rgpd-purge-in-progress') IS NULL
            BEGIN SELECT RAISE(ABORT, 'une cotation enregistrée ne peut pas être supprimée'); END;
            """)
    }

    /// The requester's name shown in the ranked list (requests hold names since issue 14; older
    /// rows have none, so the column starts empty).
    static func v3ApplicantName(_ db: Database) throws {
        try db.alter(table: "request") { t in t.add(column: "applicantName", .text) }
    }

    /// The priority categories a score found and why (JSON); NULL for scores stored before.
    static func v5PriorityFindings(_ db: Database) throws {
        try db.alter(table: "request_score") { t in t.add(column: "priorityFindings", .jsonText) }
    }
}
