import Foundation
import GuichetApp
import GuichetCore
import GuichetStorage

/// Options every command shares. `--database` may stand anywhere on the line
/// (`guichet --database x.sqlite check` as well as `guichet check --database x.sqlite`),
/// so it is taken out before the subcommand is parsed.
enum GlobalOptions {
    nonisolated(unsafe) private static var database: String?
    /// Where "today" comes from: set once by `GuichetCLI.main` before any command runs (the
    /// system clock, moved by `GUICHET_TODAY`); every default date of a command reads it.
    nonisolated(unsafe) private(set) static var clock: Clock = SystemClock.current

    static func extractDatabase(from args: inout [String]) throws -> String? {
        var found: String?
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--database" {
                guard i + 1 < args.count else { throw CLIFailure("--database attend un chemin de fichier", code: 64) }
                found = args[i + 1]
                args.removeSubrange(i...(i + 1))
            } else if a.hasPrefix("--database=") {
                found = String(a.dropFirst("--database=".count))
                args.remove(at: i)
            } else if a == "--" {
                break
            } else {
                i += 1
            }
        }
        return found
    }

    static func setDatabase(_ path: String?) { database = path }
    static func setClock(_ c: Clock) { clock = c }

    /// The path given with `--database`, nil when none was.
    static var explicitDatabase: String? { database }

    static var databaseURL: URL { DatabaseLocation.resolve(explicit: database) }

    /// True when the database was chosen on the command line or in the environment.
    static var databaseChosen: Bool {
        database != nil || !(ProcessInfo.processInfo.environment["GUICHET_DATABASE"] ?? "").isEmpty
    }

    /// Opens the chosen database and its territory profile.
    static func openWorkspace() throws -> Workspace { try Workspace.open(databaseURL, clock: clock) }

    /// The use cases on the chosen database: what every command that an agent could also do in
    /// the window works through.
    static func openGuichet() throws -> Guichet { try Guichet.open(databaseURL, clock: clock) }
}

/// Output helpers: JSON for scripts, French text for people.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((TerminalText.message(message) + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        FileHandle.standardOutput.write(try e.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func line(_ s: String = "") { FileHandle.standardOutput.write(Data((TerminalText.escaped(s) + "\n").utf8)) }

    /// A plain text table with aligned columns; `right` marks columns aligned right (numbers).
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) {
        // Escaped before measuring, so that columns stay aligned.
        let rows = rows.map { $0.map(TerminalText.escaped) }
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func fmt(_ r: [String]) -> String {
            r.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                return right.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        line(fmt(header))
        line(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        rows.forEach { line(fmt($0)) }
    }
}
