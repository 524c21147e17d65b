import Foundation
import GRDB
import GRDBSQLite

/// How every connection to a Guichet file is made. Several processes (windows, scripts, the
/// nightly purge) share one file: each waits for the others' short locks instead of failing,
/// and nothing that only reads ever needs the write lock.
enum ConnectionSetup {
    /// How long a statement waits for another process's lock. Every write the product makes is
    /// kept well under a second (long ones are chunked), so this only absorbs bursts.
    static let busyTimeout: TimeInterval = 10

    /// The configuration of the store's own connections.
    static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Keep the -wal and -shm files when the last connection closes: a process
                // opening right after another one exited then neither rebuilds the WAL index
                // (GRDB writes to create a missing WAL, which needs the write lock) nor fails
                // to read from a read-only folder (GRDB's "Database sharing" guide).
                try persistWAL(db)
            }
            // 32 MiB of page cache per connection: the narrow list tables of 100,000 rows stay in it.
            // The file is read with read(), not mapped (mmap_size 0, SQLite's default): on this
            // kernel a mapped read maps whole page-cache folios around each page it touches, so
            // counting 100,000 dossiers put 75 MiB of the file in the window's memory and was
            // slower, cold or warm, than copying the pages it needs (notes/issue-13.md).
        }
        return config
    }

    static func persistWAL(_ db: Database) throws {
        var flag: CInt = 1
        let code = withUnsafeMutablePointer(to: &flag) { sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, $0) }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }

    /// A connection that can only read: a read-only pool, or, in a folder nobody can write to
    /// where the file has no pending WAL, SQLite's "immutable" mode (no lock, no -shm needed).
    static func openReadOnly(_ url: URL) throws -> any DatabaseWriter {
        do {
            return try DatabasePool(path: url.path, configuration: configuration(readonly: true))
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) {
            guard !FileAccess.folderIsWritable(url), !FileAccess.hasPendingWAL(url) else { throw error }
            let encoded = url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url.path
            return try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration(readonly: true))
        }
    }
}

/// What the file system allows on a database file, asked before SQLite is.
enum FileAccess {
    static func isFolder(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    static func folderIsWritable(_ url: URL) -> Bool {
        access(url.deletingLastPathComponent().path, W_OK) == 0
    }

    /// True when the file, or the folder its -wal and -shm files must live in, cannot be written.
    static func isReadOnly(_ url: URL) -> Bool {
        access(url.path, W_OK) != 0 || !folderIsWritable(url)
            || (FileManager.default.fileExists(atPath: url.path + "-shm") && access(url.path + "-shm", W_OK) != 0)
    }

    /// A non-empty -wal file holds committed pages that "immutable" mode would not see.
    static func hasPendingWAL(_ url: URL) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: url.path + "-wal")[.size] as? Int) ?? 0) ?? 0 > 0
    }

    /// Takes group and other permissions off a file, never adds any (a 0400 file stays 0400).
    static func restrictToOwner(_ url: URL) {
        var st = stat()
        guard stat(url.path, &st) == 0, st.st_mode & 0o077 != 0 else { return }
        chmod(url.path, st.st_mode & 0o700)
    }
}
