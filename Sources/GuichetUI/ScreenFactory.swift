import GtkKit
import GuichetApp

/// What the sidebar shows of a section before its screen exists.
public struct SectionInfo: Equatable, Sendable {
    /// Stable identifier (stack page name, tests, `WindowConfiguration.initialSection`).
    public let id: String
    /// French name shown in the sidebar.
    public let title: String
    /// Symbolic icon name shown in the sidebar.
    public let iconName: String

    public init(id: String, title: String, iconName: String) {
        self.id = id
        self.title = title
        self.iconName = iconName
    }
}

/// One section of the window: its sidebar entry, and how to build its screen. The window
/// builds a screen the first time it is shown, so opening the window costs one screen, not six.
@MainActor
public struct ScreenFactory {
    public let section: SectionInfo
    private let make: @MainActor (ScreenContext) throws -> any Screen

    public init(_ section: SectionInfo, make: @escaping @MainActor (ScreenContext) throws -> any Screen) {
        self.section = section
        self.make = make
    }

    /// A section that needs an open database, and possibly a part of its territory profile
    /// (`needs`): without it, the section shows `reason` instead of failing the window.
    public init(_ section: SectionInfo, unavailable reason: String,
                needs: @escaping @MainActor (Guichet) -> Bool = { _ in true },
                make: @escaping @MainActor (ScreenContext, Guichet) throws -> any Screen) {
        self.init(section) { context in
            guard let guichet = context.guichet, needs(guichet) else {
                return UnavailableSectionScreen(section: section, reason: reason)
            }
            return try make(context, guichet)
        }
    }

    /// Builds the screen; its section must be the one announced in the sidebar.
    func build(_ context: ScreenContext) throws -> any Screen {
        let screen = try make(context)
        guard screen.section == section else {
            throw GtkKitError("La section « \(section.title) » a construit l’écran « \(screen.title) ».")
        }
        return screen
    }
}
