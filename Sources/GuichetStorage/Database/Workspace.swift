import Foundation
import GuichetCore

/// An opened database with the profile of its territory: what the window and every command work on.
public struct Workspace: Sendable {
    public let store: any GuichetStore
    public let profile: TerritoryProfile
    /// Where "today" comes from for every decision taken on this workspace (default dates, the
    /// current budget year, retention deadlines); the store stamps its changes with the same clock.
    public let clock: Clock

    public init(store: any GuichetStore, profile: TerritoryProfile, clock: Clock) {
        self.store = store
        self.profile = profile
        self.clock = clock
    }

    /// Opens the file and loads the profile named in it.
    public static func open(_ url: URL, dataDirectory: URL? = ProfileDirectory.locate(),
                            clock: Clock = SystemClock.current) throws -> Workspace {
        let store = try SQLiteStore.open(url, clock: clock)
        let territory = try store.read { try $0.territoryID() }
        return Workspace(store: store, profile: try ProfileDirectory.load(territory: territory, from: dataDirectory), clock: clock)
    }
}
