import Foundation
import GRDB
import GuichetCore

/// The embedded SQLite implementation of `GuichetStore`: one file, WAL, foreign keys on,
/// readable by its owner only (0600).
public final class SQLiteStore: GuichetStore {
    /// 'GHAB' in the SQLite header marks a Guichet Habitat file.
    static let applicationID: Int32 = 0x4748_4142

    public let url: URL
    public let agent: String
    /// Stamps what is written (history, last change, creation of the file).
    public let clock: Clock
    let pool: DatabasePool

    public var location: String { url.path }

    /// Opens an existing Guichet database. Foreign, newer or missing files are refused untouched.
    public static func open(_ url: URL, agent: String = AgentName.current(), clock: Clock = SystemClock.current) throws -> SQLiteStore {
        let path = url.path
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
        try store.pool.write { db in
            try MetaRecord.set("territory", territory, in: db)
            try MetaRecord.set("created", ISO8601DateFormatter().string(from: clock.now()), in: db)
        }
        return store
    }

    private init(url: URL, agent: String, clock: Clock) throws {
        self.url = url
        self.agent = agent
        self.clock = clock
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        let mapped = FileSystemKind.allowsMemoryMapping(at: url)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 32 MiB of page cache per connection: the narrow list tables of 100,000 rows stay in it.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // Reads map the file instead of copying its pages: the first search of a session
            // (an empty page cache) no longer pays 20-30 ms of read() calls. Writes still go
            // through write(), so a full disk is an error, not a crash. Not on network shares.
            if mapped { try db.execute(sql: "PRAGMA mmap_size = 268435456") }
        }
        do {
            pool = try DatabasePool(path: url.path, configuration: config)
            try pool.write { db in
                if try Migrations.migrator.hasBeenSuperseded(db) { throw OpenError.newerSchema(path: url.path) }
                try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
            }
            try Migrations.migrator.migrate(pool)
        } catch let e as OpenError {
            throw e
        } catch {
            throw OpenError.io(path: url.path, reason: Self.describe(error))
        }
        // SQLite gives the WAL and SHM files the main file's mode; make sure of the main file.
        chmod(url.path, 0o600)
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
        case .SQLITE_READONLY: return "la base est en lecture seule"
        case .SQLITE_CANTOPEN: return "le fichier de la base ne peut pas être ouvert (supprimé ou déplacé ?)"
        case .SQLITE_NOTADB: return "ce fichier n'est pas une base SQLite"
        case .SQLITE_CORRUPT: return "la base est endommagée ; lancez « guichet check »"
        case .SQLITE_CONSTRAINT: return "contrainte non respectée : \(e.message ?? "")"
        default: return e.message ?? "\(e)"
        }
    }
}

/// Checks a file before GRDB touches it: SQLite at all, ours, not newer. Read-only.
enum Preflight {
    static func check(_ url: URL) throws {
        let path = url.path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw OpenError.io(path: path, reason: "lecture impossible") }
        let header = handle.readData(ofLength: 100)
        try? handle.close()
        if header.isEmpty { return }  // an empty file is a new database
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\u{0}".utf8) else {
            throw OpenError.notADatabase(path: path)
        }
        // The application id is read through SQLite (not the raw header): while another
        // connection has the file open, the header's latest version may still sit in the WAL.
        var config = Configuration()
        config.readonly = true
        // Another process opening the same file at the same moment holds its locks briefly.
        config.busyMode = .timeout(5)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            let (appID, newer) = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Migrations.migrator.hasBeenSuperseded(db))
            }
            try queue.close()
            if appID != SQLiteStore.applicationID { throw OpenError.foreignDatabase(path: path) }
            if newer { throw OpenError.newerSchema(path: path) }
        } catch let e as OpenError { throw e } catch {
            throw OpenError.io(path: path, reason: SQLiteStore.describe(error))
        }
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
