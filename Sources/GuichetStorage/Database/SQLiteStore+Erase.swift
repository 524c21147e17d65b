import Foundation
import GRDB
import GuichetCore

extension SQLiteStore {
    /// The WAL keeps the pages an RGPD purge overwrote until it is checkpointed and truncated:
    /// copies them into the file (where `secure_delete` already zeroed the freed bytes) and
    /// empties it. Another connection still reading old pages makes SQLite report "busy": false.
    public func eraseRemovedData() throws -> Bool {
        try translate {
            try pool.writeWithoutTransaction { db in
                let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return (row?[0] as Int? ?? 1) == 0
            }
        }
    }
}
