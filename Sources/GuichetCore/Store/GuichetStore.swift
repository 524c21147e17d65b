/// The storage seen from the domain and the screens. SQLite (GRDB) implements it today; a shared
/// PostgreSQL backend can implement it later without touching the domain or the screens.
///
/// Work happens in sessions: `read` gives a consistent snapshot, `write` one transaction that is
/// committed whole or rolled back whole (imports, multi-step changes).
public protocol GuichetStore: AnyObject, Sendable {
    /// Where the data lives, as shown to the agent (a file path, later a server).
    var location: String { get }
    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T
    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T
    /// After an RGPD purge was committed: makes the removed data gone from the storage's files
    /// (a journal may still hold the old pages), not only unreachable. False when it could not be
    /// done now (the base is open elsewhere); the next purge or the storage's own upkeep does it.
    func eraseRemovedData() throws -> Bool
}

extension GuichetStore {
    /// Stores that keep no old copies have nothing to do.
    public func eraseRemovedData() throws -> Bool { true }

    /// One write transaction that is committed, or, with `dryRun`, rolled back once `body` has
    /// run: the value says what the change did or would do, and a preview cannot lie.
    public func write<T: Sendable>(dryRun: Bool, _ body: (any StoreSession) throws -> T) throws -> T {
        guard dryRun else { return try write(body) }
        var value: T?
        do {
            try write { s -> Void in
                value = try body(s)
                throw RolledBack()
            }
        } catch is RolledBack {}
        return value!
    }
}

/// Thrown inside a dry run's transaction to roll it back.
private struct RolledBack: Error {}

/// Everything a session can do; each area of the product adds its own protocol here.
public protocol StoreSession: MetaStore, HistoryStore, DossierStore, LetterStore, RequestStore, ProgrammeStore, AllocationStore, CommitmentStore,
                               PLHReviewStore {
    /// The agent to whom changes made in this session are attributed.
    var agent: String { get }
    /// Stamps the changes made in this session (history lines, last change).
    var clock: Clock { get }
}

/// Facts about the database itself.
public protocol MetaStore {
    func territoryID() throws -> String
    /// Checks of the storage engine (SQLite's integrity check, foreign keys): empty when sound.
    func integrityProblems() throws -> [String]
}

/// Errors of the storage, said in French so the window and the command line can show them as is.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound(entity: String, key: String)
    /// Another agent saved the same record since it was read.
    case conflict(entity: String, key: String, changes: [FieldChange])
    case constraint(String)
    case unavailable(String)

    public var description: String {
        switch self {
        case let .notFound(entity, key): return "\(entity) « \(key) » introuvable"
        case let .conflict(entity, key, changes):
            let list = changes.map { "\($0.field) : « \($0.old ?? "") » → « \($0.new ?? "") »" }.joined(separator: "; ")
            return "\(entity) « \(key) » a été modifié par un autre agent depuis son ouverture" + (list.isEmpty ? "" : " (\(list))")
        case let .constraint(m): return m
        case let .unavailable(m): return m
        }
    }
}
