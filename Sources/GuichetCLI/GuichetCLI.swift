import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

/// What the executable asks of the window when `guichet` runs without a subcommand.
public struct WindowRequest: Sendable {
    public var databaseURL: URL
    /// Where the window's "today" comes from (default dates, current year, retention deadlines).
    public var clock: Clock
}

/// The command line: the same domain as the window, headless, scriptable.
public enum GuichetCLI {
    /// Runs the command line; `openWindow` is called when no subcommand is given. The system
    /// clock is made here from `environment` (`GUICHET_TODAY` moves it to another day) and handed
    /// to the commands and the window: nothing below reads the computer's calendar itself.
    public static func main(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                            openWindow: @escaping @Sendable (WindowRequest) -> Int32) -> Int32 {
        var args = Array(arguments.dropFirst())
        do {
            let clock: Clock
            do { clock = try SystemClock.make(environment: environment) } catch { throw CLIFailure(error.description, code: 64) }
            GlobalOptions.setClock(clock)
            let database = try GlobalOptions.extractDatabase(from: &args)
            GlobalOptions.setDatabase(database)
            if args.isEmpty || args == ["--fenetre"] {
                return openWindow(WindowRequest(databaseURL: DatabaseLocation.resolve(explicit: database), clock: clock))
            }
            var command = try GuichetCommand.parseAsRoot(args)
            try command.run()
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
        default:
            let code = GuichetCommand.exitCode(for: error).rawValue
            let message = GuichetCommand.fullMessage(for: error)
            if code == 0 { Console.line(message) } else { Console.error(message) }
            return code
        }
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
