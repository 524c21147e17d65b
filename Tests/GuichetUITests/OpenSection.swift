import GuichetStorage
@testable import GuichetUI
import XCTest

/// A main window with one section on `workspace`, and that section's screen as `type`. The
/// caller destroys the window (`defer { window.window.destroy() }`).
@MainActor
func openSection<S: Screen>(_ factory: ScreenFactory, on workspace: Workspace, as type: S.Type,
                            prefetch: StartupPrefetch = StartupPrefetch()) throws -> (window: MainWindow, screen: S) {
    var configuration = WindowConfiguration(territoryName: "Essai", databasePath: workspace.store.location, workspace: workspace)
    configuration.prefetch = prefetch
    let main = try MainWindow(configuration: configuration, screens: [factory], application: nil)
    guard let screen = main.currentScreen as? S else {
        main.window.destroy()
        throw WrongScreen(section: factory.section.id, expected: "\(S.self)", built: "\(Swift.type(of: main.currentScreen))")
    }
    return (main, screen)
}

/// The section built another kind of screen than the test expected (fails the test).
struct WrongScreen: Error {
    let section: String
    let expected: String
    let built: String
}
