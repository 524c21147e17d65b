import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// Opens the main window on a database: `guichet` with no subcommand.
@MainActor
public enum GuichetWindowLauncher {
    /// `clock`: where the window's "today" comes from (default dates, current year, deadlines).
    public static func run(database url: URL, clock: Clock) -> Int32 {
        // A missing file is said at once, display or not.
        guard FileManager.default.fileExists(atPath: url.path) else { return openFailed { _ = try Guichet.open(url, clock: clock) } }
        let initialSection = ProcessInfo.processInfo.environment["GUICHET_UI_SECTION"]
        // Opening the database and reading the territory profile, then the first screen's rows,
        // overlap GTK's own start.
        let opening = BackgroundWork { () throws -> (Guichet, StartupPrefetch) in
            let guichet = try Guichet.open(url, clock: clock)
            return (guichet, StartupPrefetch.start(on: guichet, section: initialSection))
        }
        return runGuichetApplication(configuration: {
            let (guichet, prefetch) = try opening.result()
            var configuration = WindowConfiguration(territoryName: guichet.profile.name, databasePath: url.path,
                                                    initialSection: initialSection, guichet: guichet)
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
