import Foundation
import GuichetCore

/// An opened database with the profile of its territory: what the window and every command work on.
public struct Workspace: Sendable {
    public let store: any GuichetStore
    public let profile: TerritoryProfile

    public init(store: any GuichetStore, profile: TerritoryProfile) {
        self.store = store
        self.profile = profile
    }

    /// Opens the file and loads the profile named in it.
    public static func open(_ url: URL, dataDirectory: URL? = ProfileDirectory.locate()) throws -> Workspace {
        let store = try SQLiteStore.open(url)
        let territory = try store.read { try $0.territoryID() }
        return Workspace(store: store, profile: try ProfileDirectory.load(territory: territory, from: dataDirectory))
    }
}
