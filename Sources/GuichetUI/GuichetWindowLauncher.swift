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
        // overlap GTK's own start; the window does not wait for them (it shows « Connexion à la
        // base… » until they are there).
        StartupTimeline.mark("programme lancé")
        let opening = BackgroundWork { () throws -> WindowConnection in
            let guichet = try Guichet.open(url, clock: clock)
            StartupTimeline.mark("base et profil ouverts")
            return WindowConnection(guichet: guichet, prefetch: StartupPrefetch.start(on: guichet, section: initialSection))
        }
        var configuration = WindowConfiguration(territoryName: "Guichet Habitat", databasePath: url.path,
                                                initialSection: initialSection)
        configuration.connect = {
            let connection = try await opening.value
            await connection.prefetch.settle(within: .milliseconds(150))
            return connection
        }
        return runGuichetApplication(configuration)
    }

    /// Prints why the database cannot be opened; exit status 2.
    private static func openFailed(_ open: () throws -> Void) -> Int32 {
        do { try open() } catch {
            FileHandle.standardError.write(Data("guichet : \(error)\n".utf8))
        }
        return 2
    }
}

/// Blocking work started now on a thread of its own (it starts at once, before GTK, and holds
/// no thread of Swift's concurrency pool), whose result is awaited later.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<Value, any Error>?
    private var waiting: [CheckedContinuation<Value, any Error>] = []

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            let result = Result { try work() }
            lock.lock()
            outcome = result
            let waiters = waiting
            waiting = []
            lock.unlock()
            for waiter in waiters { waiter.resume(with: result) }
        }.start()
    }

    /// The work's value (or its error), once it is done.
    var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                lock.lock()
                if let outcome {
                    lock.unlock()
                    continuation.resume(with: outcome)
                } else {
                    waiting.append(continuation)
                    lock.unlock()
                }
            }
        }
    }
}
