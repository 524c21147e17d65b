import ArgumentParser
import GuichetApp
import GuichetCore

/// `guichet dossiers check NUM CONDITION --met|--not-met [--note …]`: the agent's finding on a
/// condition the product does not check itself (the PLH names it without a figure, or its figure
/// is a default to confirm).
struct DossiersCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Enregistre la vérification par l'agent d'une condition sans seuil fixé (remplie ou non, avec une note).",
        discussion: "Les conditions à vérifier par l'agent sont listées par « guichet dossiers show NUMERO » (« à vérifier par l'agent »).")

    @Argument(help: "Numéro du dossier.") var number: String
    @Argument(help: "Condition (identifiant : builtBefore, minimumWorks, longVacancy…).") var condition: String
    @Flag(name: .customLong("met"), help: "La condition est remplie.") var met = false
    @Flag(name: .customLong("not-met"), help: "La condition n'est pas remplie.") var notMet = false
    @Option(name: .long, help: "Note de l'agent (ce qui a été vérifié, sur quelle pièce).") var note: String?
    @Option(name: .long, help: "Date (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func validate() throws {
        guard met != notMet else { throw ArgumentParser.ValidationError("indiquez --met ou --not-met (l'un des deux)") }
    }

    func run() async throws {
        let n = try DossierArguments.number(number)
        let day = try DossierArguments.date(date)
        try await DossierWrite.run(json: json, done: { d in
            "Dossier \(d.number) : condition « \(condition) » \(met ? "remplie" : "non remplie") selon l'agent."
        }) {
            try await $0.recordCheck(condition, met: met, note: note, on: n, date: day)
        }
    }
}
