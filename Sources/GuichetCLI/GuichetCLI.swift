import ArgumentParser
import Dispatch
import Foundation
import GuichetApp
import GuichetCore
import GuichetReports
import GuichetStorage

/// The command line: the same use cases as the window (`Guichet`), headless, scriptable.
public enum GuichetCLI {
    /// Runs the command line; `openWindow` is called with the database's location and the clock
    /// when no subcommand is given. The system clock is made here from `environment`
    /// (`GUICHET_TODAY` moves it to another day) and handed to the commands and the window:
    /// nothing below reads the computer's calendar itself.
    public static func main(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                            openWindow: @escaping @Sendable (URL, Clock) -> Int32) -> Int32 {
        var args = Array(arguments.dropFirst())
        do {
            let clock: Clock
            do { clock = try SystemClock.make(environment: environment) } catch { throw CLIFailure(error.description, code: 64) }
            GlobalOptions.setClock(clock)
            let database = try GlobalOptions.extractDatabase(from: &args)
            GlobalOptions.setDatabase(database)
            if args.isEmpty || args == ["--fenetre"] {
                return openWindow(DatabaseLocation.resolve(explicit: database), clock)
            }
            var command = try GuichetCommand.parseAsRoot(args)
            if let asynchronous = command as? any AsyncParsableCommand {
                try Blocking.run(asynchronous)
            } else {
                try command.run()
            }
            return 0
        } catch {
            return report(error)
        }
    }

    /// Prints an error in French on standard error and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let e as OpenError: Console.error(e.description); return 2
        case let e as ProfileErrors: Console.error("Profil de territoire invalide :\n" + e.description); return 3
        case let e as CLIFailure: Console.error(e.message); return e.code
        case let e as StoreError: Console.error(e.description); return 4
        case let e as GuichetCore.ValidationError: Console.error(e.description); return 5
        case let e as ValidationErrors: Console.error(e.description); return 5
        case let e as InvalidForm: Console.error(e.description); return 5
        case let e as LifecycleError: return report(e.failure)
        case let e as Unavailable: Console.error(e.description); return 3
        case let e as UnreadableInput: Console.error(e.description); return 66
        case let e as ReportError: Console.error(e.description); return 7
        case let e as DossierDocuments.Refusal: Console.error(e.description); return 6
        default:
            let code = GuichetCommand.exitCode(for: error).rawValue
            let message = GuichetCommand.fullMessage(for: error)
            if code == 0 { Console.line(message) } else { Console.error(message) }
            return code
        }
    }
}

/// Runs an asynchronous command to its end from the main thread (which no actor needs here:
/// the use cases run on background queues), so the command line stays a plain process.
enum Blocking {
    static func run(_ command: any AsyncParsableCommand) throws {
        let box = Unchecked(command)
        let outcome = Unchecked<Result<Void, any Error>>(.success(()))
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await box.value.run() } catch { outcome.value = .failure(error) }
            done.signal()
        }
        done.wait()
        try outcome.value.get()
    }

    /// A value handed to the task and read back after the semaphore: one thread at a time.
    private final class Unchecked<T>: @unchecked Sendable {
        var value: T
        init(_ value: T) { self.value = value }
    }
}

/// A failure a command reports as is, with its exit code.
public struct CLIFailure: Error {
    public var message: String
    public var code: Int32 = 1
    public init(_ message: String, code: Int32 = 1) { self.message = message; self.code = code }
}

struct GuichetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guichet",
        abstract: "Guichet Habitat : dossiers d'aide du PLH, demandes de logement social, bailleurs et programmes.",
        discussion: """
        Sans sous-commande, ouvre la fenêtre. Options communes, placées n'importe où :
          --database CHEMIN   base à utiliser (sinon $GUICHET_DATABASE, sinon
                              $XDG_DATA_HOME/guichet/guichet.sqlite)
        """,
        version: GuichetVersion.string,
        subcommands: CommandRegistry.all
    )
}

public enum GuichetVersion {
    public static let string = "Guichet Habitat 0.1.0"
}
