import GtkKit

/// The main window's controller: header bar (territory, database file), section sidebar,
/// content stack, window shortcuts routed to the visible screen, unsaved-changes guard.
/// Screens are built the first time their section is shown (opening the window builds one).
/// Given a connection instead of an open database, the window shows « Connexion à la base… »
/// and builds its first screen once the database is open (`MainWindow+Connection.swift`).
/// The window keeps its controller alive until it is destroyed.
@MainActor
public final class MainWindow {
    /// Detailed action → shortcut, set on the application.
    public static let shortcuts: [(action: String, accelerator: String)] = [
        ("win.find", "<Control>f"), ("win.new", "<Control>n"), ("win.save", "<Control>s"),
        ("win.close", "<Control>w"), ("win.quit", "<Control>q"),
    ]

    public let window: Window
    /// The sidebar's sections, in order.
    public let sections: [SectionInfo]
    private let factories: [ScreenFactory]
    var context: ScreenContext
    /// Built screens, by section index (nil until first shown or asked for).
    private var built: [(any Screen)?]
    let sidebar: ListBox
    let stack: Stack
    private weak var application: Application?
    var currentIndex = 0
    let titleLabel: Label
    /// Shown instead of any screen while the database is being opened (nil once it is).
    var connectionPage: ConnectionPage?
    /// Told when the database could not be opened (the window says why meanwhile).
    public var onConnectionFailure: (@MainActor (String) -> Void)?
    private var revertingSelection = false
    var findAction: SimpleAction!
    var newAction: SimpleAction!
    var saveAction: SimpleAction!

    /// Builds the window from `ui/main-window.ui`, one sidebar row per factory, and the initial
    /// section's screen (its failure fails the window; later ones show their error in place).
    /// Without `application` (tests), no shortcuts are installed but actions still work.
    public init(configuration: WindowConfiguration, screens factories: [ScreenFactory],
                application: Application?) throws {
        let builder = try Builder(uiFile: "main-window.ui")
        window = try builder.get("window")
        sidebar = try builder.get("sidebar")
        stack = try builder.get("content")
        self.application = application
        if let application { application.addWindow(window) }
        window.title = configuration.territoryName
        titleLabel = try builder.get("title")
        titleLabel.text = configuration.territoryName
        let subtitle = try builder.get("subtitle", as: Label.self)
        subtitle.text = configuration.databasePath
        subtitle.tooltip = configuration.databasePath

        context = ScreenContext(configuration: configuration, window: window)
        self.factories = factories
        sections = factories.map(\.section)
        built = Array(repeating: nil, count: factories.count)
        guard !sections.isEmpty else { throw GtkKitError("Aucune section à afficher.") }
        guard Set(sections.map(\.id)).count == sections.count else {
            throw GtkKitError("Deux sections portent le même identifiant.")
        }
        for section in sections { sidebar.append(try Self.makeSidebarRow(for: section)) }
        installActions()
        if let application {
            for shortcut in Self.shortcuts { application.setAccelerator(shortcut.accelerator, for: shortcut.action) }
        }
        window.onCloseRequest { [weak self] in
            // true keeps the window open
            guard let self, self.isConnected else { return false }
            return !self.currentScreen.canLeave()
        }
        sidebar.onRowSelected { [weak self] index in self?.sidebarSelected(index) }
        let initial = configuration.initialSection.flatMap { id in sections.firstIndex { $0.id == id } } ?? 0
        currentIndex = initial
        window.keepAlive(self)
        if let connect = configuration.connect, configuration.guichet == nil {
            sidebar.selectRow(at: initial)
            startConnecting(connect, location: configuration.databasePath)
            return
        }
        try install(factories[initial].build(context), at: initial)
        sidebar.selectRow(at: initial)
        show(initial, activating: false)
    }

    public func present() { window.present() }

    public var sectionIDs: [String] { sections.map(\.id) }
    public var currentScreen: any Screen { screen(at: currentIndex) }

    /// The screen of a section, built now if it was not yet; nil for an unknown id.
    public func screen(_ id: String) -> (any Screen)? {
        sections.firstIndex { $0.id == id }.map(screen(at:))
    }

    /// Whether a section's screen exists already (tests; lazy building).
    public func isBuilt(_ id: String) -> Bool {
        sections.firstIndex { $0.id == id }.map { built[$0] != nil } ?? false
    }

    private func screen(at index: Int) -> any Screen {
        if let screen = built[index] { return screen }
        let section = sections[index]
        let screen: any Screen
        do {
            screen = try factories[index].build(context)
        } catch {
            screen = UnavailableSectionScreen(section: section, reason: "Cette section n’a pas pu s’ouvrir : \(error)")
        }
        install(screen, at: index)
        return screen
    }

    func install(_ screen: any Screen, at index: Int) {
        built[index] = screen
        stack.addChild(screen.root, name: screen.id, title: screen.title)
    }
    /// Name of the stack page on screen.
    public var visibleSectionID: String? { stack.visibleChildName }

    /// Selects a section as a click on its sidebar row does; false when unknown or when the
    /// current screen refused to be left.
    @discardableResult
    public func selectSection(_ id: String) -> Bool {
        guard let index = sections.firstIndex(where: { $0.id == id }) else { return false }
        sidebar.selectRow(at: index)
        return currentIndex == index
    }

    private static func makeSidebarRow(for section: SectionInfo) throws -> Widget {
        let builder = try Builder(uiFile: "sidebar-row.ui")
        let row: Widget = try builder.get("row")
        try builder.get("icon", as: Image.self).iconName = section.iconName
        try builder.get("label", as: Label.self).text = section.title
        row.setAccessibleLabel(section.title)
        return row
    }

    private func sidebarSelected(_ index: Int?) {
        guard !revertingSelection, let index, index != currentIndex else { return }
        // Still connecting: the section chosen is the one built once the base is open.
        guard isConnected else { currentIndex = index; return }
        guard currentScreen.canLeave() else {
            revertingSelection = true
            sidebar.selectRow(at: currentIndex)
            revertingSelection = false
            return
        }
        show(index)
    }

    /// Shows a section, building its screen the first time; `activate()` only when the screen
    /// existed before (a screen just built has read its data).
    func show(_ index: Int, activating: Bool = true) {
        currentIndex = index
        let existed = built[index] != nil
        let screen = screen(at: index)
        stack.visibleChildName = screen.id
        for (other, page) in built.enumerated() { page?.root.setAccessibleHidden(other != index) }
        findAction.isEnabled = screen.searchEntry != nil
        newAction.isEnabled = screen.supportsNewItem
        saveAction.isEnabled = screen.supportsSave
        if activating && existed { screen.activate() }
    }

    private func installActions() {
        findAction = window.addAction("find") { [weak self] in _ = self?.currentScreen.searchEntry?.grabFocus() }
        newAction = window.addAction("new") { [weak self] in self?.currentScreen.newItem() }
        saveAction = window.addAction("save") { [weak self] in self?.currentScreen.save() }
        window.addAction("close") { [weak self] in self?.window.close() }
        window.addAction("quit") { [weak self] in
            guard let self, !self.isConnected || self.currentScreen.canLeave() else { return }
            self.window.destroy()
            self.application?.quit()
        }
    }
}
