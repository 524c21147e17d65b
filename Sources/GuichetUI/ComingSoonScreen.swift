import GtkKit

/// The honest page of a section not built yet: its icon, name, "Bientôt disponible" and one
/// sentence on what it will hold. Nothing is simulated.
@MainActor
public final class ComingSoonScreen: Screen {
    public let id: String
    public let title: String
    public let iconName: String
    public let summary: String
    public let root: Widget

    public init(id: String, title: String, iconName: String, summary: String) throws {
        self.id = id
        self.title = title
        self.iconName = iconName
        self.summary = summary
        let builder = try Builder(uiFile: "coming-soon-page.ui")
        root = try builder.get("page")
        try builder.get("icon", as: Image.self).iconName = iconName
        try builder.get("section", as: Label.self).text = title
        try builder.get("summary", as: Label.self).text = summary
        root.setAccessibleLabel("\(title) : bientôt disponible")
    }

    /// A factory for the screen list.
    public static func factory(id: String, title: String, iconName: String, summary: String) -> ScreenFactory {
        { _ in try ComingSoonScreen(id: id, title: title, iconName: iconName, summary: summary) }
    }
}
