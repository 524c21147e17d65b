import Foundation
import GtkKit
import GuichetApp
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// Issue 13: the window is on screen before its database is open. It shows the sidebar and a
/// blank page (« Connexion à la base… » when the opening lasts), lets the agent choose a section
/// meanwhile, and builds the chosen section once the base is open; a base that cannot be
/// opened is said in the window.
final class WindowConnectionTests: XCTestCase {
    /// Hands the connection over when the test says so.
    final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var waiter: CheckedContinuation<Void, Never>?
        private var opened = false

        func wait() async {
            await withCheckedContinuation { continuation in
                lock.lock()
                if opened { lock.unlock(); continuation.resume() } else { waiter = continuation; lock.unlock() }
            }
        }

        func open() {
            lock.lock()
            opened = true
            let w = waiter
            waiter = nil
            lock.unlock()
            w?.resume()
        }
    }

    private func makeGuichet() throws -> Guichet {
        let url = temporaryFolder(prefix: "connection").file("essai.sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let today = CalendarDate(year: 2026, month: 11, day: 1)!
        let store = try SQLiteStore.create(url, territory: profile.id, clock: .fixed(today))
        let dossiers = DemoDossiers.generate(count: 30, seed: 3, schemes: try XCTUnwrap(profile.schemes), years: 2025...2026,
                                             referenceDate: today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "essai") }
        return Guichet(store: store, profile: profile, clock: .fixed(today))
    }

    func testTheWindowIsUsableBeforeTheBaseIsOpenAndBuildsTheChosenSectionAfter() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
        let guichet = try makeGuichet()
        let gate = Gate()
        try MainActor.assumeIsolated {
            var configuration = WindowConfiguration(territoryName: "Guichet Habitat", databasePath: "/srv/guichet.sqlite")
            configuration.connect = {
                await gate.wait()
                return WindowConnection(guichet: guichet)
            }
            let main = try MainWindow(configuration: configuration, screens: GuichetScreens.standard, application: nil)
            defer { main.window.destroy() }
            main.present()
            XCTAssertFalse(main.isConnected)
            XCTAssertEqual(main.visibleSectionID, MainWindow.connectionPageName)
            XCTAssertFalse(main.isBuilt(DossiersScreen.section.id), "no screen is built without its data")
            XCTAssertEqual(main.window.title, "Guichet Habitat")
            // The words come when the opening lasts.
            let page = try XCTUnwrap(main.connectionPage)
            XCTAssertFalse(page.isShowingWaiting)
            waitFor("the waiting words") { page.isShowingWaiting }
            // The agent chooses another section meanwhile: nothing is built yet, the choice is kept.
            XCTAssertTrue(main.selectSection(BudgetScreen.section.id))
            XCTAssertEqual(main.sidebar.selectedIndex, 4)
            XCTAssertEqual(main.visibleSectionID, MainWindow.connectionPageName)
            XCTAssertFalse(main.isBuilt(BudgetScreen.section.id))

            gate.open()
            waitFor("the connection") { main.isConnected }
            XCTAssertEqual(main.visibleSectionID, BudgetScreen.section.id, "the section chosen while connecting")
            XCTAssertTrue(main.isBuilt(BudgetScreen.section.id))
            XCTAssertFalse(main.isBuilt(DossiersScreen.section.id), "only what is shown is built")
            XCTAssertEqual(main.window.title, guichet.profile.name)
            XCTAssertTrue(main.selectSection(DossiersScreen.section.id))
            let dossiers = try XCTUnwrap(main.currentScreen as? DossiersScreen)
            waitFor("the dossiers") { dossiers.source.isIdle }
            XCTAssertEqual(dossiers.table.rowCount, 30)
        }
    }

    func testABaseThatCannotBeOpenedIsSaidInTheWindow() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
        struct Refused: Error, CustomStringConvertible { var description: String { "ce fichier n'est pas une base Guichet" } }
        try MainActor.assumeIsolated {
            var configuration = WindowConfiguration(territoryName: "Guichet Habitat", databasePath: "/tmp/autre.sqlite")
            configuration.connect = { throw Refused() }
            let main = try MainWindow(configuration: configuration, screens: GuichetScreens.standard, application: nil)
            defer { main.window.destroy() }
            var told: String?
            main.onConnectionFailure = { told = $0 }
            main.present()
            waitFor("the failure") { told != nil }
            XCTAssertEqual(told, "ce fichier n'est pas une base Guichet")
            let page = try XCTUnwrap(main.connectionPage)
            XCTAssertEqual(page.headingText, "La base ne peut pas être ouverte")
            XCTAssertTrue(page.detailText.contains("ce fichier n'est pas une base Guichet"))
            XCTAssertTrue(page.detailText.contains("/tmp/autre.sqlite"))
            XCTAssertFalse(main.sidebar.isSensitive, "no section can work without the base")
        }
    }

    func testTheFirstScreenShowsRowsReadWhileTheWindowOpenedInItsFirstFrame() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
        let guichet = try makeGuichet()
        try MainActor.assumeIsolated {
            let prefetch = StartupPrefetch.start(on: guichet, section: nil)
            var configuration = WindowConfiguration(territoryName: "Guichet Habitat", databasePath: guichet.location)
            configuration.connect = {
                await prefetch.settle(within: .seconds(10))
                return WindowConnection(guichet: guichet, prefetch: prefetch)
            }
            let main = try MainWindow(configuration: configuration, screens: GuichetScreens.standard, application: nil)
            defer { main.window.destroy() }
            waitFor("the connection") { main.isConnected }
            let screen = try XCTUnwrap(main.currentScreen as? DossiersScreen)
            XCTAssertFalse(screen.isReading, "the rows read early are on the screen as it is built")
            XCTAssertEqual(screen.table.rowCount, 30)
        }
    }
}
