import GtkKit
import GuichetStorage

/// What the executable hands the window. Extend it with new fields (with defaults) rather than
/// new parameters of `runGuichetApplication`.
public struct WindowConfiguration {
    /// Shown as the window title, e.g. "Communauté d'agglomération du Pays de Saint-Omer".
    public var territoryName: String
    /// Path of the open database file, shown as the subtitle.
    public var databasePath: String
    /// Section selected at start (a `Screen.id`); the first one when nil or unknown.
    public var initialSection: String?
    /// The open database and its territory profile: what storage-backed screens work on.
    public var workspace: Workspace?
    /// Data the first screen shows, read while GTK started.
    public var prefetch = StartupPrefetch()

    public init(territoryName: String, databasePath: String, initialSection: String? = nil, workspace: Workspace? = nil) {
        self.territoryName = territoryName
        self.databasePath = databasePath
        self.initialSection = initialSection
        self.workspace = workspace
    }
}

/// What a screen factory receives.
@MainActor
public struct ScreenContext {
    public let configuration: WindowConfiguration
    /// The main window, as parent of dialogs and file choosers.
    public let window: Window
    public var workspace: Workspace? { configuration.workspace }
}
