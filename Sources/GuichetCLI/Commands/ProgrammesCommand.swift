import ArgumentParser
import GuichetCore

/// `guichet programmes …`: programme tables (construction, réhabilitation).
struct ProgrammesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programmes", abstract: "Programmes de logement social : import, liste, bilan.",
        subcommands: [ProgrammesImportCommand.self, ProgrammesListCommand.self, ProgrammesSummaryCommand.self])
}

extension ProgrammePeriod: ExpressibleByArgument {}

extension ProgrammeTableKind: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "construction": self = .construction
        case "rehabilitation", "réhabilitation", "rehab": self = .rehabilitation
        default: return nil
        }
    }
}
