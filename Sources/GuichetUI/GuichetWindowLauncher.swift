import Foundation
import GtkKit
import GuichetCLI
import GuichetStorage

/// Opens the main window on the requested database: `guichet` with no subcommand.
@MainActor
public enum GuichetWindowLauncher {
    public static func run(_ request: WindowRequest) -> Int32 {
        let url = request.databaseURL
        // A missing file is said at once, display or not.
        guard FileManager.default.fileExists(atPath: url.path) else { return openFailed { _ = try Workspace.open(url, clock: request.clock) } }
        let initialSection = ProcessInfo.processInfo.environment["GUICHET_UI_SECTION"]
        // Opening the database, reading the territory profile and the first screen's rows
        // overlaps GTK's own start.
        let clock = request.clock
        let opening = BackgroundWork { () throws -> (Workspace, StartupPrefetch) in
            let ws = try Workspace.open(url, clock: clock)
            return (ws, StartupPrefetch.read(from: ws, section: initialSection))
        }
        return runGuichetApplication(configuration: {
            let (ws, prefetch) = try opening.result()
            var configuration = WindowConfiguration(territoryName: ws.profile.name, databasePath: url.path,
                                                    initialSection: initialSection, workspace: ws)
            configuration.prefetch = prefetch
            return configuration
        })
    }

    /// Prints why the database cannot be opened; exit status 2.
    private static func openFailed(_ open: () throws -> Void) -> Int32 {
        do { try open() } catch {
            FileHandle.standardError.write(Data("guichet : \(error)\n".utf8))
        }
        return 2
    }
}

/// Work started on another thread now, whose result is collected later.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, any Error>?
    private var collected = false // touched by the collecting thread only

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            outcome = Result { try work() }
            done.signal()
        }.start()
    }

    /// Waits for the work (once) and returns its value or throws its error.
    func result() throws -> Value {
        if !collected { done.wait(); collected = true }
        return try outcome!.get()
    }
}
