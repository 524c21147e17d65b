import GRDB

/// The PLH ledger (issue 15): the dwellings of each dossier, so that the year's average granted
/// per dwelling of a scheme is aggregated like its commitments, and the commitments on the PLH's
/// budget lines that are not individual aids.
enum BudgetLedgerSchema {
    static func v7(_ db: Database) throws {
        try db.alter(table: "dossier") { t in t.add(column: "dwellings", .integer) }
        try db.execute(sql: """
            UPDATE dossier SET dwellings = (SELECT json_extract(data, '$.property.dwellings') FROM dossier_data WHERE ref = dossier.key)
            """)
        // The budget aggregate reads only this index (covering), dwellings included.
        try db.drop(index: "dossier_by_scheme_budgetYear_status_grantedCents_paidCents_releasedCents")
        try db.create(index: "dossier_budget", on: "dossier",
                      columns: ["scheme", "budgetYear", "status", "grantedCents", "paidCents", "releasedCents", "dwellings"])
        try DocumentTables.createTable(db, table: "budget_commitment", columns: [
            ("year", .integer), ("sequence", .integer), ("lineId", .text), ("committedCents", .integer), ("paidCents", .integer),
        ], indexes: [["year", "sequence"], ["lineId", "year"]])
    }
}
