import GtkKit
import GuichetUI
import XCTest

/// Hook for scripts/ui-tests.sh and scripts/screenshots.sh until the `guichet` executable opens
/// the window itself: with GUICHET_UI_LAUNCH=1 this test runs the real application (blocking
/// until its window closes); otherwise it is skipped.
///   GUICHET_UI_TERRITORY, GUICHET_UI_DATABASE: header bar texts;
///   GUICHET_UI_SECTION: section selected at start.
final class LaunchForUITests: XCTestCase {
    func testRunApplication() throws {
        let environment = ProcessInfo.processInfo.environment
        try XCTSkipUnless(environment["GUICHET_UI_LAUNCH"] == "1", "set GUICHET_UI_LAUNCH=1 to run the window")
        let configuration = WindowConfiguration(
            territoryName: environment["GUICHET_UI_TERRITORY"] ?? "Communauté d’agglomération du Pays de Saint-Omer",
            databasePath: environment["GUICHET_UI_DATABASE"] ?? "/home/agent/guichet/capso.sqlite",
            initialSection: environment["GUICHET_UI_SECTION"])
        let status = MainActor.assumeIsolated { runGuichetApplication(configuration) }
        XCTAssertEqual(status, 0)
    }
}
