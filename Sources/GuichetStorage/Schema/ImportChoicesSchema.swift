import GRDB

/// The agent's column choices for imported tables, remembered per header signature so the next
/// file with the same headers is read the same way.
enum ImportChoicesSchema {
    static func v4(_ db: Database) throws {
        try db.create(table: "import_column_choice") { t in
            t.primaryKey("signature", .text)
            t.column("choices", .text).notNull()
            t.column("savedAt", .text).notNull()
            t.column("agent", .text).notNull()
        }
    }
}
