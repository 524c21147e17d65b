import Foundation
import GtkKit

/// Application id, also the D-Bus name when the application registers.
public let guichetApplicationID = "fr.guichethabitat.Guichet"

/// Runs the GTK application with one main window until it is closed; returns the exit status
/// (1 when the window could not be built, e.g. UI files not found; the reason is printed).
/// Call from the main thread (the executable's top level).
@MainActor
public func runGuichetApplication(_ configuration: WindowConfiguration,
                                  screens: [ScreenFactory] = GuichetScreens.standard) -> Int32 {
    // AT-SPI and window managers name the process "guichet" whatever launched it.
    Application.setProgramName("guichet")
    let application = Application(id: guichetApplicationID)
    var mainWindow: MainWindow?
    var failed = false
    application.onActivate { [unowned application] in
        if let mainWindow { mainWindow.present(); return }
        if StartupBenchmark.isBare { StartupBenchmark.runBare(application: application); return }
        do {
            let window = try MainWindow(configuration: configuration, screens: screens, application: application)
            mainWindow = window
            _ = StartupBenchmark.attach(to: window, application: application)
            window.present()
        } catch {
            FileHandle.standardError.write(Data("guichet : impossible d’ouvrir la fenêtre : \(error)\n".utf8))
            failed = true
            application.quit()
        }
    }
    let status = application.run()
    return failed ? 1 : status
}
