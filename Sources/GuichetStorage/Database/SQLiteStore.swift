import Foundation
import GRDB
import GuichetCore

/// The embedded SQLite implementation of `GuichetStore`: one file, WAL, foreign keys on,
/// readable by its owner only (0600). Opening never writes unless the schema needs work, so
/// reading needs no write lock; a file or folder that cannot be written is opened read-only.
public final class SQLiteStore: GuichetStore {
    /// 'GHAB' in the SQLite header marks a Guichet Habitat file.
    static let applicationID: Int32 = 0x4748_4142

    public let url: URL
    public let agent: String
    /// Stamps what is written (history, last change, creation of the file).
    public let clock: Clock
    /// True when the file (or its folder) cannot be written: every write then fails with
    /// « la base est en lecture seule ».
    public let isReadOnly: Bool
    let pool: any DatabaseWriter

    public var location: String { url.path }

    /// Opens an existing Guichet database. Foreign, newer or missing files are refused untouched.
    public static func open(_ url: URL, agent: String = AgentName.current(), clock: Clock = SystemClock.current) throws -> SQLiteStore {
        let path = url.path
        if FileAccess.isFolder(url) { throw OpenError.isFolder(path: path) }
        // What a killed demo build or export left beside the base goes at the next start.
        TemporaryFiles.sweep(folder: url.deletingLastPathComponent())
        guard FileManager.default.fileExists(atPath: path) else { throw OpenError.notFound(path: path) }
        try Preflight.check(url)
        let store = try SQLiteStore(url: url, agent: agent, clock: clock)
        guard (try? store.pool.read { try MetaRecord.value("territory", in: $0) }) ?? nil != nil else {
            throw OpenError.notInitialised(path: path)
        }
        return store
    }

    /// Creates a new database for a territory (the file must not hold one already).
    public static func create(_ url: URL, territory: String, agent: String = AgentName.current(),
                              clock: Clock = SystemClock.current) throws -> SQLiteStore {
        let path = url.path
        let fm = FileManager.default
        if FileAccess.isFolder(url) { throw OpenError.isFolder(path: path) }
        if fm.fileExists(atPath: path), let size = try? fm.attributesOfItem(atPath: path)[.size] as? Int, size > 0 {
            try Preflight.check(url)
            let existing = try SQLiteStore(url: url, agent: agent, clock: clock)
            if let t = try existing.pool.read({ try MetaRecord.value("territory", in: $0) }) {
                throw OpenError.alreadyInitialised(path: path, territory: t)
            }
        } else {
            let dir = url.deletingLastPathComponent()
            if !fm.fileExists(atPath: dir.path) {
                do { try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
                catch { throw OpenError.io(path: path, reason: "dossier impossible à créer") }
            }
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw OpenError.io(path: path, reason: "fichier impossible à créer (droits ou disque plein ?)")
            }
        }
        let store = try SQLiteStore(url: url, agent: agent, clock: clock)
        do {
            try store.pool.write { db in
                try MetaRecord.set("territory", territory, in: db)
                try MetaRecord.set("created", ISO8601DateFormatter().string(from: clock.now()), in: db)
            }
        } catch {
            throw OpenError.io(path: path, reason: Self.describe(error))
        }
        return store
    }

    private init(url: URL, agent: String, clock: Clock) throws {
        self.url = url
        self.agent = agent
        self.clock = clock
        let readOnly = FileAccess.isReadOnly(url)
        do {
            pool = readOnly ? try ConnectionSetup.openReadOnly(url)
                            : try DatabasePool(path: url.path, configuration: ConnectionSetup.configuration(readonly: false))
            isReadOnly = readOnly
            try Self.prepareSchema(pool, path: url.path, readOnly: readOnly)
        } catch let e as OpenError {
            throw e
        } catch {
            throw OpenError.io(path: url.path, reason: Self.describe(error))
        }
        // SQLite gives the WAL and SHM files the main file's mode; make sure of the main file.
        if !readOnly { FileAccess.restrictToOwner(url) }
    }

    /// Checks the schema in a read, and takes the write lock only when there is work to do
    /// (a new file, a migration after an update): the usual opening writes nothing.
    private static func prepareSchema(_ pool: any DatabaseWriter, path: String, readOnly: Bool) throws {
        let (newer, complete, marked) = try pool.read { db in
            (try Migrations.migrator.hasBeenSuperseded(db), try Migrations.migrator.hasCompletedMigrations(db),
             try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID)
        }
        if newer { throw OpenError.newerSchema(path: path) }
        if complete && marked { return }
        if readOnly { throw OpenError.io(path: path, reason: "la base doit être mise à jour mais elle est en lecture seule") }
        try pool.write { db in
            if try Migrations.migrator.hasBeenSuperseded(db) { throw OpenError.newerSchema(path: path) }
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        try Migrations.migrator.migrate(pool)
    }

    public func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try translate { try pool.read { db in try body(SQLiteSession(db: db, agent: agent, clock: clock)) } }
    }

    public func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try translate { try pool.write { db in try body(SQLiteSession(db: db, agent: agent, clock: clock)) } }
    }

    /// Storage failures become French messages the window can show (locked file, full disk…).
    func translate<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let e as DatabaseError {
            throw StoreError.unavailable(Self.describe(e))
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let e = error as? DatabaseError else { return "\(error)" }
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "la base est verrouillée par un autre programme ; réessayez dans un instant"
        case .SQLITE_FULL: return "le disque est plein : rien n'a été enregistré"
        case .SQLITE_IOERR: return "erreur de lecture ou d'écriture sur le disque (plein, retiré ou défectueux ?) : rien n'a été enregistré"
        case .SQLITE_READONLY: return "la base est en lecture seule"
        case .SQLITE_PERM, .SQLITE_AUTH: return "accès refusé par le système"
        case .SQLITE_CANTOPEN: return "le fichier de la base ne peut pas être ouvert (supprimé, déplacé ou dossier sans droit d'écriture ?)"
        case .SQLITE_NOTADB: return "ce fichier n'est pas une base SQLite"
        case .SQLITE_CORRUPT: return "la base est endommagée ; lancez « guichet check »"
        case .SQLITE_NOMEM: return "mémoire insuffisante"
        case .SQLITE_TOOBIG: return "une valeur dépasse la taille qu'accepte la base"
        case .SQLITE_CONSTRAINT: return "contrainte non respectée : \(e.message ?? "")"
        default: return "erreur de la base SQLite (code \(e.extendedResultCode.rawValue))"
        }
    }
}

/// Checks a file before GRDB touches it: SQLite at all, ours, not newer. Read-only, and it waits
/// for another process's lock like every other connection.
enum Preflight {
    static func check(_ url: URL) throws {
        let path = url.path
        if FileAccess.isFolder(url) { throw OpenError.isFolder(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw OpenError.io(path: path, reason: "lecture impossible (droits ?)") }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }  // an empty file is a new database
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\u{0}".utf8) else {
            throw OpenError.notADatabase(path: path)
        }
        // The application id is read through SQLite (not the raw header): while another
        // connection has the file open, the header's latest version may still sit in the WAL.
        do {
            let reader = try ConnectionSetup.openReadOnly(url)
            let (appID, newer) = try reader.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Migrations.migrator.hasBeenSuperseded(db))
            }
            try reader.close()
            if appID != SQLiteStore.applicationID { throw OpenError.foreignDatabase(path: path) }
            if newer { throw OpenError.newerSchema(path: path) }
        } catch let e as OpenError { throw e } catch {
            throw OpenError.io(path: path, reason: SQLiteStore.describe(error))
        }
    }

    /// True when the file is a Guichet database (its application id), whatever its schema:
    /// what `demo --replace` may replace.
    static func isGuichetDatabase(_ url: URL) -> Bool {
        guard ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) ?? 0 > 0 else { return false }
        do { try check(url); return true } catch OpenError.newerSchema { return true } catch { return false }
    }
}

/// The agent changes are attributed to: `$GUICHET_AGENT`, else the OS user name.
public enum AgentName {
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let a = environment["GUICHET_AGENT"], !a.isEmpty { return a }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? "agent"
    }
}
