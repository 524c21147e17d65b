import GtkKit
import GuichetApp
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// A main window with one section on `workspace`, and that section's screen as `type`. The
/// caller destroys the window (`defer { window.window.destroy() }`).
@MainActor
func openSection<S: Screen>(_ factory: ScreenFactory, on workspace: Workspace, as type: S.Type,
                            today: CalendarDate? = nil, prefetch: StartupPrefetch = StartupPrefetch()) throws -> (window: MainWindow, screen: S) {
    try openSection(factory, on: guichet(workspace, today: today), as: type, prefetch: prefetch)
}

@MainActor
func openSection<S: Screen>(_ factory: ScreenFactory, on guichet: Guichet, as type: S.Type,
                            prefetch: StartupPrefetch = StartupPrefetch()) throws -> (window: MainWindow, screen: S) {
    var configuration = WindowConfiguration(territoryName: "Essai", databasePath: guichet.location, guichet: guichet)
    configuration.prefetch = prefetch
    let main = try MainWindow(configuration: configuration, screens: [factory], application: nil)
    guard let screen = main.currentScreen as? S else {
        main.window.destroy()
        throw WrongScreen(section: factory.section.id, expected: "\(S.self)", built: "\(Swift.type(of: main.currentScreen))")
    }
    return (main, screen)
}

/// The use cases on a test workspace, with the clock fixed at `today` when given (else the
/// workspace's own clock).
func guichet(_ workspace: Workspace, today: CalendarDate? = nil) -> Guichet {
    Guichet(store: workspace.store, profile: workspace.profile, clock: today.map { Clock.fixed($0) } ?? workspace.clock)
}

/// Runs the main loop until `condition` holds (reads and writes come back to the main actor
/// through it); fails the test after `timeout` seconds.
@MainActor
func waitFor(_ what: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
             _ condition: () -> Bool) {
    XCTAssertTrue(MainLoop.iterate(timeout: timeout, until: condition), "timed out waiting for \(what)", file: file, line: line)
}

/// The section built another kind of screen than the test expected (fails the test).
struct WrongScreen: Error {
    let section: String
    let expected: String
    let built: String
}

/// Runs asynchronous work from a test on the main actor, pumping the main loop until it ends.
@MainActor
func awaiting<T>(_ what: String = "the work", _ body: @escaping @MainActor () async throws -> T) throws -> T {
    var result: Result<T, any Error>?
    Task { @MainActor in
        do { result = .success(try await body()) } catch { result = .failure(error) }
    }
    waitFor(what) { result != nil }
    return try XCTUnwrap(result).get()
}
