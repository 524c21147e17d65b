import ArgumentParser
import GuichetCore
import GuichetApp

/// `guichet plh lever ACTION LEVIER --year A --state prévu|engagé|réalisé|abandonné [--note N]`.
struct PLHLeverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lever", abstract: "Enregistre l'avancement d'un levier pour une année (prévu, engagé, réalisé, abandonné), avec une note.")

    @Argument(help: "Numéro de l'action.") var action: Int
    @Argument(help: "Identifiant du levier (« 7.3 », voir « guichet plh indicators »).") var lever: String
    @Option(name: .long, help: "Année.") var year: Int
    @Option(name: .long, help: "État : prévu, engagé, réalisé ou abandonné.") var state: String
    @Option(name: .long, help: "Note.") var note: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        try PLHCommand.checkYear(year)
        let guichet = try GlobalOptions.openGuichet()
        let saved = try await guichet.setLever(action: action, lever: lever, year: year, state: state, note: note)
        if json { return try Console.json(saved.value) }
        Console.line(saved.changed ? "Enregistré : levier \(lever), \(year) : \(saved.value.state.label)." : "Aucun changement.")
    }
}
