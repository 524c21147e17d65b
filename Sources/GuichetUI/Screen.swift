import GtkKit

/// A section of the main window: one controller per screen, in its own file, shown in the
/// content stack when its sidebar row is selected.
///
/// Window shortcuts are routed to the visible screen: Ctrl+F focuses `searchEntry`,
/// Ctrl+N calls `newItem()`, Ctrl+S calls `save()`; Ctrl+W, Ctrl+Q and switching sections ask
/// `canLeave()` first.
@MainActor
public protocol Screen: AnyObject {
    /// Identifier, sidebar title and icon: the same as its factory's.
    var section: SectionInfo { get }
    /// The widget shown in the content area.
    var root: Widget { get }
    /// The entry Ctrl+F focuses, if the screen has one.
    var searchEntry: Entry? { get }
    /// Whether Ctrl+N / Ctrl+S mean something on this screen (the actions are disabled otherwise).
    var supportsNewItem: Bool { get }
    var supportsSave: Bool { get }
    /// True while the data the screen shows (its list, its figures) are being read; the
    /// benchmark measures a section's opening until it is false.
    var isReading: Bool { get }

    /// The screen is shown again (refresh data here). Not called on the showing that built it:
    /// its init has just read the data.
    func activate()
    /// False when leaving would lose unsaved changes; the screen tells the user why
    /// (e.g. with `MessageDialog`) and the window stays where it is.
    func canLeave() -> Bool
    /// Ctrl+N.
    func newItem()
    /// Ctrl+S.
    func save()
}

extension Screen {
    public var id: String { section.id }
    public var title: String { section.title }
    public var iconName: String { section.iconName }
    public var searchEntry: Entry? { nil }
    public var supportsNewItem: Bool { false }
    public var supportsSave: Bool { false }
    public var isReading: Bool { false }
    public func activate() {}
    public func canLeave() -> Bool { true }
    public func newItem() {}
    public func save() {}
}
