import GtkKit
import GuichetStorage

/// What the executable hands the window. Extend it with new fields (with defaults) rather than
/// new parameters of `runGuichetApplication`.
public struct WindowConfiguration {
    /// Shown as the window title, e.g. "Communauté d'agglomération du Pays de Saint-Omer".
    public var territoryName: String
    /// Path of the open database file, shown as the subtitle.
    public var databasePath: String
    /// The application's services (storage, reports) for screens that need them; nil while
    /// only placeholder screens exist.
    public var services: (any AppServices)?
    /// Section selected at start (a `Screen.id`); the first one when nil or unknown.
    public var initialSection: String?
    /// The open database and its territory profile: what storage-backed screens work on.
    public var workspace: Workspace?

    public init(territoryName: String, databasePath: String, services: (any AppServices)? = nil,
                initialSection: String? = nil, workspace: Workspace? = nil) {
        self.territoryName = territoryName
        self.databasePath = databasePath
        self.services = services
        self.initialSection = initialSection
        self.workspace = workspace
    }
}

/// Placeholder for the services the executable builds once and screens share. The
/// storage-backed screens will add requirements here (e.g. `var storage: GuichetStorage…`),
/// implemented by the executable; screens read them from `ScreenContext.services`.
@MainActor
public protocol AppServices: AnyObject {}

/// What a screen factory receives.
@MainActor
public struct ScreenContext {
    public let configuration: WindowConfiguration
    /// The main window, as parent of dialogs and file choosers.
    public let window: Window
    public var services: (any AppServices)? { configuration.services }
    public var workspace: Workspace? { configuration.workspace }
}

/// Builds one section's controller. The window calls each factory once, in order.
public typealias ScreenFactory = @MainActor (ScreenContext) throws -> any Screen
