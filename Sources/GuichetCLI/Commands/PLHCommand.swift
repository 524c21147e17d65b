import ArgumentParser
import GuichetCore

/// `guichet plh …`: the PLH's yearly review by action: indicators, levers, territorialised targets.
struct PLHCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plh", abstract: "Bilan du PLH par action : indicateurs de résultat, leviers, objectifs territorialisés.",
        subcommands: [PLHIndicatorsCommand.self, PLHDetailCommand.self, PLHSetCommand.self, PLHLeverCommand.self,
                      PLHTargetCommand.self, PLHTargetsCommand.self, PLHHistoryCommand.self])

    static func checkYear(_ year: Int?) throws {
        if let year, !InputLimits.years.contains(year) { throw CLIFailure("--year : année invalide \(year)", code: 64) }
    }
}
