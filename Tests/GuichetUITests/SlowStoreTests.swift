import Foundation
import GtkKit
import GuichetApp
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// Issue 13: the window never waits for the database. With a store that takes 500 ms per call
/// (a slow network server), typing in the search box and switching sections complete while the
/// reads are still pending, the main loop keeps turning, and the list shows the previous result
/// until the new one comes.
final class SlowStoreTests: XCTestCase {
    /// Every session of the wrapped store starts 500 ms late, on the thread that asked for it.
    final class SlowStore: GuichetStore, @unchecked Sendable {
        let inner: any GuichetStore
        let delay: TimeInterval
        init(_ inner: any GuichetStore, delay: TimeInterval = 0.5) { self.inner = inner; self.delay = delay }
        var location: String { inner.location }
        func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
            Thread.sleep(forTimeInterval: delay)
            return try inner.read(body)
        }
        func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
            Thread.sleep(forTimeInterval: delay)
            return try inner.write(body)
        }
    }

    func testTypingAndSwitchingSectionsCompleteWhileReadsArePending() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
        let url = temporaryFolder(prefix: "slow-store").file("essai.sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let today = CalendarDate(year: 2026, month: 11, day: 1)!
        let store = try SQLiteStore.create(url, territory: profile.id, clock: .fixed(today))
        let dossiers = DemoDossiers.generate(count: 200, seed: 7, schemes: try XCTUnwrap(profile.schemes), years: 2024...2026,
                                             referenceDate: today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "essai") }
        let slow = Guichet(store: SlowStore(store), profile: profile, clock: .fixed(today))
        try MainActor.assumeIsolated {
            let configuration = WindowConfiguration(territoryName: "Essai", databasePath: url.path, guichet: slow)
            let main = try MainWindow(configuration: configuration, screens: GuichetScreens.standard, application: nil)
            defer { main.window.destroy() }
            main.present()
            let screen = try XCTUnwrap(main.currentScreen as? DossiersScreen)
            XCTAssertTrue(screen.source.isLoading, "the first page is being read, the window is already there")
            waitFor("the first page") { screen.source.isIdle }
            XCTAssertEqual(screen.table.rowCount, 200)
            let firstRow = screen.table.text(row: 0, column: 0)

            // The main loop keeps turning while reads are pending: a main-actor task ticks.
            var ticks = 0
            var ticking = true
            Task { @MainActor in
                while ticking {
                    ticks += 1
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }

            // Typing: each keystroke returns at once; the list keeps its rows until the last
            // keystroke's result is read.
            for text in ["s", "sa", "saint"] {
                screen.search.text = text
                XCTAssertEqual(screen.search.text, text)
                XCTAssertTrue(screen.source.isLoading, "« \(text) »: the read is pending, the keystroke is done")
                XCTAssertEqual(screen.table.rowCount, 200, "the previous result stays on screen")
                XCTAssertEqual(screen.table.text(row: 0, column: 0), firstRow)
            }
            // Switching sections while the search is pending: the sections open and show
            // themselves; their own reads are pending too.
            let before = ticks
            XCTAssertTrue(main.selectSection(BudgetScreen.section.id))
            XCTAssertEqual(main.visibleSectionID, BudgetScreen.section.id)
            let budget = try XCTUnwrap(main.currentScreen as? BudgetScreen)
            XCTAssertTrue(budget.isLoading, "the budget's figures are being read")
            XCTAssertTrue(main.selectSection(RequestsScreen.section.id))
            XCTAssertEqual(main.visibleSectionID, RequestsScreen.section.id)
            let requests = try XCTUnwrap(main.currentScreen as? RequestsScreen)
            XCTAssertTrue(requests.source.isLoading)
            XCTAssertTrue(main.selectSection(DossiersScreen.section.id))
            XCTAssertTrue(screen.source.isLoading, "all this happened before the 500 ms read of the search came back")
            MainLoop.iterate(timeout: 0.2) { false }
            XCTAssertGreaterThan(ticks, before, "the main loop turned while reads were pending")

            waitFor("the last keystroke's result") { screen.source.isIdle && !budget.isLoading && requests.source.isIdle }
            ticking = false
            let saint = try store.read { try $0.countDossiers(DossierQuery(text: "saint")) }
            XCTAssertEqual(screen.table.rowCount, saint, "the last keystroke's result is shown")
            XCTAssertEqual(screen.countLabel.text, DossierListSource.countText(saint))
        }
    }
}
