import Foundation
import GRDB
import GuichetCore

/// Records that carry their own version and last change (dossiers, commitments): stored at
/// version 1, then saved at the version read plus one, stamped with the store's clock.
protocol VersionedDocument {
    var version: Int { get set }
    var updatedAt: Date { get set }
}

extension AidDossier: VersionedDocument {}
extension BudgetCommitment: VersionedDocument {}

extension DocumentTable where Record: VersionedDocument {
    /// Inserts a new record at version 1 and returns it as stored.
    func insertFirstVersion(_ record: Record, key: String, in s: SQLiteSession) throws -> Record {
        var r = record
        r.version = 1
        try insert(r, key: key, in: s, now: r.updatedAt)
        return r
    }

    /// Saves a record read at `expectedVersion` (refused with the other agent's changes when the
    /// stored version moved on) and returns it as stored.
    func saveNextVersion(_ record: Record, key: String, expectedVersion: Int, in s: SQLiteSession) throws -> Record {
        var r = record
        r.version = expectedVersion + 1
        r.updatedAt = s.clock.now()
        try update(r, key: key, expectedVersion: expectedVersion, in: s, now: r.updatedAt)
        return r
    }
}
