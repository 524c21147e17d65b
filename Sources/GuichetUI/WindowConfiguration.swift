import GtkKit
import GuichetApp

/// What the executable hands the window. Extend it with new fields (with defaults) rather than
/// new parameters of `runGuichetApplication`.
public struct WindowConfiguration {
    /// Shown as the window title, e.g. "Communauté d'agglomération du Pays de Saint-Omer".
    public var territoryName: String
    /// Path of the open database file, shown as the subtitle.
    public var databasePath: String
    /// Section selected at start (a `Screen.id`); the first one when nil or unknown.
    public var initialSection: String?
    /// The use cases on the open database: the screens' only door to the data and the rules.
    public var guichet: Guichet?
    /// Data the first screen shows, read while GTK started.
    public var prefetch = StartupPrefetch()
    /// Opens the database when `guichet` is not given yet: the window is shown at once
    /// (« Connexion à la base… ») and its screens are built with what this returns.
    public var connect: (@Sendable () async throws -> WindowConnection)?

    public init(territoryName: String, databasePath: String, initialSection: String? = nil, guichet: Guichet? = nil) {
        self.territoryName = territoryName
        self.databasePath = databasePath
        self.initialSection = initialSection
        self.guichet = guichet
    }
}

/// What a screen factory receives.
@MainActor
public struct ScreenContext {
    public let configuration: WindowConfiguration
    /// The main window, as parent of dialogs and file choosers.
    public let window: Window
    public var guichet: Guichet? { configuration.guichet }
}
