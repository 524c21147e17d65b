import GtkKit
@testable import GuichetUI
import XCTest

/// A screen whose answers the tests control.
@MainActor
private final class StubScreen: Screen {
    let section: SectionInfo
    let root: Widget
    let searchEntry: Entry?
    var leavable = true
    var newItems = 0
    var activations = 0
    var supportsNewItem: Bool { true }

    init(id: String, withSearch: Bool) {
        section = StubScreen.section(id)
        let box = Box(vertical: true)
        searchEntry = withSearch ? Entry(placeholder: "Rechercher") : nil
        if let searchEntry { box.append(searchEntry) }
        box.append(Entry(placeholder: "Autre champ"))
        root = box
    }

    static func section(_ id: String) -> SectionInfo {
        SectionInfo(id: id, title: "Essai \(id)", iconName: "edit-find-symbolic")
    }

    /// A factory handing out `screen` (built beforehand so the test can hold it).
    static func factory(_ screen: StubScreen) -> ScreenFactory { ScreenFactory(screen.section) { _ in screen } }

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

    func testWindowBuildsWithItsSectionsAndSwitches() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let main = try MainWindow(configuration: configuration, screens: GuichetScreens.standard, application: nil)
            defer { main.window.destroy() }
            XCTAssertEqual(main.sections.map(\.title), [
                "Dossiers d’aide", "Demandes de logement social", "Bailleurs et conventions",
                "Programmes", "Budget du PLH", "Bilan du PLH", "Exports",
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
                                      screens: [StubScreen.factory(first), StubScreen.factory(StubScreen(id: "b", withSearch: false))],
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
                                      screens: [StubScreen.factory(searchable), StubScreen.factory(plain)], application: nil)
            defer { main.window.destroy() }
            main.present()
            XCTAssertEqual(searchable.activations, 0, "a screen just built has read its data")
            XCTAssertTrue(main.window.activateAction("win.find"))
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { searchable.searchEntry!.containsFocus },
                          "Ctrl+F focuses the search entry")
            XCTAssertTrue(main.window.activateAction("win.new"))
            XCTAssertEqual(searchable.newItems, 1)
            XCTAssertTrue(main.selectSection("b"))
            XCTAssertEqual(plain.activations, 0)
            main.window.activateAction("win.new")
            XCTAssertEqual(plain.newItems, 1)
            XCTAssertEqual(searchable.newItems, 1, "routed to the visible screen only")
            XCTAssertTrue(main.selectSection("a"))
            XCTAssertTrue(main.selectSection("b"))
            XCTAssertEqual(searchable.activations, 1, "shown again: refreshed")
            XCTAssertEqual(plain.activations, 1)
        }
    }

    func testScreensAreBuiltWhenTheirSectionIsFirstShown() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            var builds: [String: Int] = [:]
            let counted: (String) -> ScreenFactory = { id in
                ScreenFactory(StubScreen.section(id)) { _ in
                    builds[id, default: 0] += 1
                    return StubScreen(id: id, withSearch: false)
                }
            }
            let main = try MainWindow(configuration: configuration, screens: [counted("a"), counted("b"), counted("c")],
                                      application: nil)
            defer { main.window.destroy() }
            XCTAssertEqual(builds, ["a": 1], "opening the window builds the initial section only")
            XCTAssertEqual(main.sections.map(\.id), ["a", "b", "c"], "the sidebar lists every section anyway")
            XCTAssertTrue(main.selectSection("c"))
            XCTAssertEqual(main.visibleSectionID, "c")
            XCTAssertTrue(main.selectSection("a"))
            XCTAssertTrue(main.selectSection("c"))
            XCTAssertEqual(builds, ["a": 1, "c": 1], "each screen is built once, when first shown")
            XCTAssertFalse(main.isBuilt("b"))
        }
    }

    func testASectionThatFailsToBuildSaysWhyAndTheWindowStays() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let broken = ScreenFactory(StubScreen.section("b")) { _ in throw GtkKitError("fichier introuvable : b.ui") }
            let mislabelled = ScreenFactory(StubScreen.section("c")) { _ in StubScreen(id: "autre", withSearch: false) }
            let main = try MainWindow(configuration: configuration,
                                      screens: [StubScreen.factory(StubScreen(id: "a", withSearch: false)), broken, mislabelled],
                                      application: nil)
            defer { main.window.destroy() }
            XCTAssertTrue(main.selectSection("b"))
            let page = try XCTUnwrap(main.currentScreen as? UnavailableSectionScreen)
            XCTAssertEqual(main.visibleSectionID, "b")
            XCTAssertTrue(page.reason.contains("fichier introuvable : b.ui"), page.reason)
            XCTAssertTrue(main.selectSection("c"))
            let other = try XCTUnwrap(main.currentScreen as? UnavailableSectionScreen)
            XCTAssertTrue(other.reason.contains("« Essai c »") && other.reason.contains("« Essai autre »"), other.reason)
            XCTAssertTrue(main.selectSection("a"), "the window keeps working")
        }
    }

    func testTheInitialSectionFailingFailsTheWindow() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let broken = ScreenFactory(StubScreen.section("a")) { _ in throw GtkKitError("fichier introuvable : a.ui") }
            XCTAssertThrowsError(try MainWindow(configuration: configuration, screens: [broken], application: nil)) {
                XCTAssertTrue("\($0)".contains("a.ui"))
            }
        }
    }
}
