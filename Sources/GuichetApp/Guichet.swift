import Foundation
import GuichetCore
import GuichetStorage

/// The counter an agent works at: the only door the window and the command line have to the
/// data and the rules. Every use case is written once here as an intent-named `async` function
/// (`createDossier`, `grant`, `importProgrammes`, `exportReport`…); store work runs on a
/// background queue and the result comes back to the caller's actor, so the GTK main thread
/// never waits for the database (see `StoreAccess`). Multi-step changes happen in one write
/// transaction (a grant checks its envelope and writes in the same one).
///
/// Modelled on GRDB's demo `AppDatabase` and GNOME Podcasts' data crate: no GTK, no argument
/// parsing here; the front ends are thin callers.
public final class Guichet: Sendable {
    /// The territory's rules (schemes, PLH, grid, landlords) read from its profile.
    public let profile: TerritoryProfile
    let storage: StoreAccess
    /// Where "today" comes from for every decision (default dates, the current budget year,
    /// retention deadlines); the store stamps its changes with the same clock.
    public let clock: Clock

    public init(store: any GuichetStore, profile: TerritoryProfile, clock: Clock) {
        self.profile = profile
        self.storage = StoreAccess(store)
        self.clock = clock
    }

    /// Opens a database file and the profile of its territory (synchronous: the window calls it
    /// on its opening thread, the command line before any work).
    public static func open(_ url: URL, clock: Clock) throws -> Guichet {
        let workspace = try Workspace.open(url, clock: clock)
        return Guichet(store: workspace.store, profile: workspace.profile, clock: clock)
    }

    /// Where the data lives, as shown to the agent (the file path).
    public var location: String { storage.store.location }

    /// Today by the injected clock.
    public var today: CalendarDate { clock.today() }

    /// The open database with its profile, for the few storage-level tasks that are not use
    /// cases of an agent (database creation, demo data, benchmarks).
    public var workspace: Workspace { Workspace(store: storage.store, profile: profile, clock: clock) }
}

/// What a save did: the record as stored, and whether anything was written (a form saved
/// without a change writes nothing: no new version, no history line).
public struct Saved<Value: Sendable>: Sendable {
    public var value: Value
    public var changed: Bool
    public init(_ value: Value, changed: Bool) { self.value = value; self.changed = changed }
}

/// A use case the territory's profile cannot serve (no schemes, no grid…), said in French.
public struct Unavailable: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
