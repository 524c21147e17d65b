import Foundation
import GRDB
import GuichetCore
#if canImport(Glibc)
import Glibc
#endif

/// A new database built whole under a temporary name beside its target, then renamed into place:
/// a build that fails or is killed never leaves a half-built base at the target (its temporary
/// file is removed on failure, or swept at the next start), and others keep using the old file
/// while the new one is built. Only a Guichet database is ever replaced, never another file.
public enum StagedDatabase {
    /// Builds a database for `territory` with `body` and puts it at `target`. An existing target
    /// is replaced only when `replacing` is true and it is a Guichet database.
    public static func build<T>(at target: URL, territory: String, replacing: Bool, agent: String = AgentName.current(),
                                clock: Clock = SystemClock.current, _ body: (SQLiteStore) throws -> T) throws -> T {
        let path = target.path
        let fm = FileManager.default
        if FileAccess.isFolder(target) { throw OpenError.isFolder(path: path) }
        let exists = fm.fileExists(atPath: path)
        if exists {
            guard replacing else { throw OpenError.exists(path: path) }
            guard Preflight.isGuichetDatabase(target) else { throw OpenError.notReplaceable(path: path) }
        }
        let folder = target.deletingLastPathComponent()
        if !fm.fileExists(atPath: folder.path) {
            do { try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
            catch { throw OpenError.io(path: path, reason: "dossier impossible à créer") }
        }
        TemporaryFiles.sweep(folder: folder)
        let staging = TemporaryFiles.url(beside: target)
        guard TemporaryFiles.create(staging) else {
            throw OpenError.io(path: path, reason: "fichier temporaire impossible à créer dans \(folder.path) (droits ou disque plein ?)")
        }
        defer { for suffix in ["", "-wal", "-shm"] { unlink(staging.path + suffix) } }
        let result: T
        do {
            let store = try SQLiteStore.create(staging, territory: territory, agent: agent, clock: clock)
            result = try body(store)
            // Everything into the main file, then the connections closed: the -wal and -shm
            // files of the staging name are not moved with it.
            _ = try store.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try store.pool.close()
        } catch let e as OpenError {
            throw e
        } catch let e as DatabaseError {
            throw OpenError.io(path: path, reason: SQLiteStore.describe(e))
        }
        if exists { try retire(target) }
        let fd = open(staging.path, O_RDONLY)
        if fd >= 0 { _ = fsync(fd); close(fd) }
        guard rename(staging.path, path) == 0 else {
            throw OpenError.io(path: path, reason: "renommage impossible (\(String(cString: strerror(errno))))")
        }
        return result
    }

    /// Empties the old database's WAL into its file, then removes its -wal and -shm: a kill
    /// before the rename leaves the old base whole, after it the new one, never a mix of both.
    private static func retire(_ target: URL) throws {
        do {
            let old = try DatabaseQueue(path: target.path, configuration: ConnectionSetup.configuration(readonly: false))
            let done = try old.writeWithoutTransaction { db in
                try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")?[0] as Int? ?? 1
            }
            try old.close()
            guard done == 0 else { throw OpenError.inUse(path: target.path) }
        } catch let e as OpenError {
            throw e
        } catch {
            throw OpenError.io(path: target.path, reason: SQLiteStore.describe(error))
        }
        for suffix in ["-wal", "-shm"] { unlink(target.path + suffix) }
    }
}
