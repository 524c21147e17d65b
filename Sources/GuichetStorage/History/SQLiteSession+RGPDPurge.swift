import Foundation
import GRDB
import GuichetCore

extension SQLiteSession {
    /// Runs an RGPD purge inside the caller's transaction: the history and score triggers let
    /// deletions through only while the 'rgpd-purge-in-progress' flag is set (a failure rolls the
    /// flag back with everything else), and `secure_delete` overwrites the freed bytes so the
    /// removed data does not linger in the file's free pages, whatever SQLite's build default.
    /// A trigram index keeps a changed row's old terms in older segments until they merge: the
    /// `searchIndexes` touched are merged at the end, so no trigram of a removed name stays.
    func duringRGPDPurge<T>(searchIndexes: [String], _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA secure_delete = ON")
        try MetaRecord.set("rgpd-purge-in-progress", "1", in: db)
        let result = try body()
        for fts in searchIndexes { try db.execute(sql: "INSERT INTO \(fts)(\(fts)) VALUES ('optimize')") }
        try db.execute(sql: "DELETE FROM meta WHERE key = 'rgpd-purge-in-progress'")
        return result
    }
}
