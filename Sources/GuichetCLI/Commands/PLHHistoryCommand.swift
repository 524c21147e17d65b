import ArgumentParser
import Foundation
import GuichetCore
import GuichetApp

/// `guichet plh history ACTION MESURE|LEVIER --year A`: every change of an entered value or of a
/// lever's progress for a year, oldest first.
struct PLHHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Historique d'une valeur saisie (ou d'un levier avec --lever) pour une année.")

    @Argument(help: "Numéro de l'action.") var action: Int
    @Argument(help: "Identifiant de la mesure, ou du levier avec --lever.") var id: String
    @Option(name: .long, help: "Année.") var year: Int
    @Flag(name: .long, help: "L'identifiant est celui d'un levier.") var lever = false
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        try PLHCommand.checkYear(year)
        let guichet = try GlobalOptions.openGuichet()
        let events = lever
            ? try await guichet.plhHistory(entity: PLHReviewEntity.lever, key: LeverProgress.key(action: action, lever: id, year: year))
            : try await guichet.plhHistory(entity: PLHReviewEntity.indicator, key: EnteredIndicatorValue.key(action: action, measure: id, year: year))
        if json { return try Console.json(events) }
        Self.print(events, measure: lever ? nil : guichet.profile.plhActions?.sheet(action)?.measure(id))
    }

    static func print(_ events: [HistoryEvent], measure: PLHMeasure?) {
        guard !events.isEmpty else { return Console.line("Aucune saisie.") }
        for e in events { Console.line(PLHReviewHistoryText.line(e, measure: measure)) }
    }
}
