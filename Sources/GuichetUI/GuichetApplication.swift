import Foundation
import GtkKit

/// Application id, also the D-Bus name when the application registers.
public let guichetApplicationID = "fr.guichethabitat.Guichet"

/// Runs the GTK application with one main window until it is closed; returns the exit status:
/// 2 when `configuration` throws (the database could not be opened), 1 when the window could
/// not be built (e.g. UI files not found); the reason is printed. `configuration` is called
/// once GTK is up, so work it waits for may run meanwhile. Call from the main thread.
@MainActor
public func runGuichetApplication(configuration: @escaping @MainActor () throws -> WindowConfiguration,
                                  screens: [ScreenFactory] = GuichetScreens.standard) -> Int32 {
    RendererChoice.apply()
    // AT-SPI and window managers name the process "guichet" whatever launched it.
    Application.setProgramName("guichet")
    let application = Application(id: guichetApplicationID)
    var mainWindow: MainWindow?
    var failure: Int32?
    application.onActivate { [unowned application] in
        if let mainWindow { mainWindow.present(); return }
        if StartupBenchmark.isBare { StartupBenchmark.runBare(application: application); return }
        let fail: (Int32, String) -> Void = { status, message in
            FileHandle.standardError.write(Data("guichet : \(message)\n".utf8))
            failure = status
            application.quit()
        }
        let config: WindowConfiguration
        do { config = try configuration() } catch { fail(2, "\(error)"); return }
        do {
            let window = try MainWindow(configuration: config, screens: screens, application: application)
            mainWindow = window
            _ = StartupBenchmark.attach(to: window, application: application)
            window.present()
        } catch {
            fail(1, "impossible d’ouvrir la fenêtre : \(error)")
        }
    }
    let status = application.run()
    return failure ?? status
}

/// The same with a configuration at hand (tests).
@MainActor
public func runGuichetApplication(_ configuration: WindowConfiguration,
                                  screens: [ScreenFactory] = GuichetScreens.standard) -> Int32 {
    runGuichetApplication(configuration: { configuration }, screens: screens)
}
