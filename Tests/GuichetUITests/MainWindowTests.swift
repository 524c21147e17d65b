import GtkKit
@testable import GuichetUI
import XCTest

/// A screen whose answers the tests control.
@MainActor
private final class StubScreen: Screen {
    let id: String
    let title: String
    let iconName = "edit-find-symbolic"
    let root: Widget
    let searchEntry: Entry?
    var leavable = true
    var newItems = 0
    var activations = 0
    var supportsNewItem: Bool { true }

    init(id: String, withSearch: Bool) {
        self.id = id
        title = "Essai \(id)"
        let box = Box(vertical: true)
        searchEntry = withSearch ? Entry(placeholder: "Rechercher") : nil
        if let searchEntry { box.append(searchEntry) }
        box.append(Entry(placeholder: "Autre champ"))
        root = box
    }

    func canLeave() -> Bool { leavable }
    func newItem() { newItems += 1 }
    func activate() { activations += 1 }
}

@MainActor private let configuration = WindowConfiguration(territoryName: "Pays de Saint-Omer",
                                                databasePath: "/tmp/guichet-essai.sqlite")

final class MainWindowTests: XCTestCase {
    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    func testWindowBuildsWithTheSixSectionsAndSwitches() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let main = try MainWindow(configuration: configuration, screens: GuichetScreens.standard, application: nil)
            defer { main.window.destroy() }
            XCTAssertEqual(main.screens.map(\.title), [
                "Dossiers d’aide", "Demandes de logement social", "Bailleurs et conventions",
                "Programmes", "Budget du PLH", "Exports",
            ])
            XCTAssertEqual(main.window.title, "Pays de Saint-Omer")
            XCTAssertEqual(main.visibleSectionID, "dossiers")
            XCTAssertEqual(main.sidebar.selectedIndex, 0)
            main.present()
            XCTAssertTrue(main.selectSection("programmes"))
            XCTAssertEqual(main.visibleSectionID, "programmes")
            XCTAssertEqual(main.sidebar.selectedIndex, 3)
            XCTAssertFalse(main.selectSection("inconnue"))
            XCTAssertEqual(main.visibleSectionID, "programmes")
        }
    }

    func testInitialSectionComesFromTheConfiguration() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            var config = configuration
            config.initialSection = "budget"
            let main = try MainWindow(configuration: config, screens: GuichetScreens.standard, application: nil)
            defer { main.window.destroy() }
            XCTAssertEqual(main.visibleSectionID, "budget")
            XCTAssertEqual(main.sidebar.selectedIndex, 4)
        }
    }

    func testUnsavedScreenKeepsTheSidebarAndTheWindow() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let first = StubScreen(id: "a", withSearch: false)
            let main = try MainWindow(configuration: configuration,
                                      screens: [{ _ in first }, { _ in StubScreen(id: "b", withSearch: false) }],
                                      application: nil)
            main.present()
            first.leavable = false
            XCTAssertFalse(main.selectSection("b"))
            XCTAssertEqual(main.visibleSectionID, "a")
            XCTAssertEqual(main.sidebar.selectedIndex, 0, "the sidebar goes back to the unsaved section")
            weak let weakMain = main
            main.window.close()
            MainLoop.drainPending()
            XCTAssertNotNil(weakMain, "close refused: window and controller stay")
            first.leavable = true
            XCTAssertTrue(main.selectSection("b"))
            main.window.close()
        }
    }

    func testShortcutActionsReachTheVisibleScreen() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let searchable = StubScreen(id: "a", withSearch: true)
            let plain = StubScreen(id: "b", withSearch: false)
            let main = try MainWindow(configuration: configuration,
                                      screens: [{ _ in searchable }, { _ in plain }], application: nil)
            defer { main.window.destroy() }
            main.present()
            XCTAssertEqual(searchable.activations, 1)
            XCTAssertTrue(main.window.activateAction("win.find"))
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { searchable.searchEntry!.containsFocus },
                          "Ctrl+F focuses the search entry")
            XCTAssertTrue(main.window.activateAction("win.new"))
            XCTAssertEqual(searchable.newItems, 1)
            XCTAssertTrue(main.selectSection("b"))
            XCTAssertEqual(plain.activations, 1)
            main.window.activateAction("win.new")
            XCTAssertEqual(plain.newItems, 1)
            XCTAssertEqual(searchable.newItems, 1, "routed to the visible screen only")
        }
    }
}
