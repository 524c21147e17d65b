import Foundation
import GtkKit

/// Application id, also the D-Bus name when the application registers.
public let guichetApplicationID = "fr.guichethabitat.Guichet"

/// Runs the GTK application with one main window until it is closed; returns the exit status:
/// 2 when the database could not be opened (the window says why, and so does the error
/// output), 1 when the window could not be built (e.g. UI files not found). The window is
/// built at once: with `configuration.connect`, before the database is open. Call from the
/// main thread.
@MainActor
public func runGuichetApplication(_ configuration: WindowConfiguration,
                                  screens: [ScreenFactory] = GuichetScreens.standard) -> Int32 {
    RendererChoice.apply()
    // AT-SPI and window managers name the process "guichet" whatever launched it.
    Application.setProgramName("guichet")
    let application = Application(id: guichetApplicationID)
    var mainWindow: MainWindow?
    var failure: Int32?
    application.onActivate { [unowned application] in
        if let mainWindow { mainWindow.present(); return }
        StartupTimeline.mark("GTK prêt")
        do {
            let window = try MainWindow(configuration: configuration, screens: screens, application: application)
            mainWindow = window
            // The base could not be opened: the window says why; the exit status says it too.
            window.onConnectionFailure = { reason in
                FileHandle.standardError.write(Data("guichet : \(reason)\n".utf8))
                failure = 2
            }
            StartupBenchmark.attach(to: window, application: application)
            StartupTimeline.mark("fenêtre construite")
            window.present()
        } catch {
            FileHandle.standardError.write(Data("guichet : impossible d’ouvrir la fenêtre : \(error)\n".utf8))
            failure = 1
            application.quit()
        }
    }
    let status = application.run()
    return failure ?? status
}
