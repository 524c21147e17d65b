import GtkKit

/// The honest page of a section that cannot work here: its icon, name, "Section indisponible"
/// and the reason (no database open, a profile without the part it needs, a screen that failed
/// to build). Nothing is simulated.
@MainActor
public final class UnavailableSectionScreen: Screen {
    public let section: SectionInfo
    public let reason: String
    public let root: Widget

    /// Never fails: when even this page's `.ui` file cannot be read, the reason is shown as a
    /// plain label (the window must always be able to say why a section is missing).
    public init(section: SectionInfo, reason: String) {
        self.section = section
        self.reason = reason
        root = (try? Self.page(section: section, reason: reason)) ?? {
            let label = Label("\(section.title) : \(reason)")
            label.wraps = true
            return label
        }()
        root.setAccessibleLabel("\(section.title) : section indisponible")
    }

    private static func page(section: SectionInfo, reason: String) throws -> Widget {
        let builder = try Builder(uiFile: "unavailable-section-page.ui")
        try builder.get("icon", as: Image.self).iconName = section.iconName
        try builder.get("section", as: Label.self).text = section.title
        try builder.get("summary", as: Label.self).text = reason
        return try builder.get("page")
    }
}
