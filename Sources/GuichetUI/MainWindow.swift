import GtkKit

/// The main window's controller: header bar (territory, database file), section sidebar,
/// content stack, window shortcuts routed to the visible screen, unsaved-changes guard.
/// The window keeps its controller alive until it is destroyed.
@MainActor
public final class MainWindow {
    /// Detailed action → shortcut, set on the application.
    public static let shortcuts: [(action: String, accelerator: String)] = [
        ("win.find", "<Control>f"), ("win.new", "<Control>n"), ("win.save", "<Control>s"),
        ("win.close", "<Control>w"), ("win.quit", "<Control>q"),
    ]

    public let window: Window
    public let screens: [any Screen]
    let sidebar: ListBox
    let stack: Stack
    private weak var application: Application?
    private var currentIndex = 0
    private var revertingSelection = false
    private var findAction: SimpleAction!
    private var newAction: SimpleAction!
    private var saveAction: SimpleAction!

    /// Builds the window from `ui/main-window.ui` and the screens from `factories`, in order.
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
        try builder.get("title", as: Label.self).text = configuration.territoryName
        let subtitle = try builder.get("subtitle", as: Label.self)
        subtitle.text = configuration.databasePath
        subtitle.tooltip = configuration.databasePath

        let context = ScreenContext(configuration: configuration, window: window)
        screens = try factories.map { try $0(context) }
        guard !screens.isEmpty else { throw GtkKitError("Aucune section à afficher.") }
        guard Set(screens.map(\.id)).count == screens.count else {
            throw GtkKitError("Deux sections portent le même identifiant.")
        }
        for screen in screens {
            stack.addChild(screen.root, name: screen.id, title: screen.title)
            sidebar.append(try Self.makeSidebarRow(for: screen))
        }
        installActions()
        if let application {
            for shortcut in Self.shortcuts { application.setAccelerator(shortcut.accelerator, for: shortcut.action) }
        }
        window.onCloseRequest { [weak self] in
            // true keeps the window open
            guard let self else { return false }
            return !self.currentScreen.canLeave()
        }
        sidebar.onRowSelected { [weak self] index in self?.sidebarSelected(index) }
        let initial = configuration.initialSection.flatMap { id in screens.firstIndex { $0.id == id } } ?? 0
        currentIndex = initial
        sidebar.selectRow(at: initial)
        show(initial)
        window.keepAlive(self)
    }

    public func present() { window.present() }

    public var sectionIDs: [String] { screens.map(\.id) }
    public var currentScreen: any Screen { screens[currentIndex] }
    /// Name of the stack page on screen.
    public var visibleSectionID: String? { stack.visibleChildName }

    /// Selects a section as a click on its sidebar row does; false when unknown or when the
    /// current screen refused to be left.
    @discardableResult
    public func selectSection(_ id: String) -> Bool {
        guard let index = screens.firstIndex(where: { $0.id == id }) else { return false }
        sidebar.selectRow(at: index)
        return currentIndex == index
    }

    private static func makeSidebarRow(for screen: any Screen) throws -> Widget {
        let builder = try Builder(uiFile: "sidebar-row.ui")
        let row: Widget = try builder.get("row")
        try builder.get("icon", as: Image.self).iconName = screen.iconName
        try builder.get("label", as: Label.self).text = screen.title
        row.setAccessibleLabel(screen.title)
        return row
    }

    private func sidebarSelected(_ index: Int?) {
        guard !revertingSelection, let index, index != currentIndex else { return }
        guard currentScreen.canLeave() else {
            revertingSelection = true
            sidebar.selectRow(at: currentIndex)
            revertingSelection = false
            return
        }
        show(index)
    }

    private func show(_ index: Int) {
        currentIndex = index
        let screen = screens[index]
        stack.visibleChildName = screen.id
        for (other, page) in screens.enumerated() { page.root.setAccessibleHidden(other != index) }
        findAction.isEnabled = screen.searchEntry != nil
        newAction.isEnabled = screen.supportsNewItem
        saveAction.isEnabled = screen.supportsSave
        screen.activate()
    }

    private func installActions() {
        findAction = window.addAction("find") { [weak self] in _ = self?.currentScreen.searchEntry?.grabFocus() }
        newAction = window.addAction("new") { [weak self] in self?.currentScreen.newItem() }
        saveAction = window.addAction("save") { [weak self] in self?.currentScreen.save() }
        window.addAction("close") { [weak self] in self?.window.close() }
        window.addAction("quit") { [weak self] in
            guard let self, self.currentScreen.canLeave() else { return }
            self.window.destroy()
            self.application?.quit()
        }
    }
}
