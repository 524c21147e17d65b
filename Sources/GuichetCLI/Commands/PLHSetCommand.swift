import ArgumentParser
import GuichetCore
import GuichetApp

/// `guichet plh set ACTION MESURE --year A --value V [--part id=V]… [--comment C]`: a value the
/// service enters for a year (attributed to the agent, dated, history kept).
struct PLHSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Saisit la valeur d'un indicateur pour une année (agent, date, commentaire ; historique conservé).",
        discussion: """
        Valeurs comme on les tape : « 12 », « 35,2 % », « 4 000 € », « 1 250 m² », ou un texte pour un bilan qualitatif.
        Une mesure répartie en catégories se saisit par catégorie : --part banques=4 --part notaires=2 (le total est leur somme).
        Saisir la même valeur et le même commentaire ne change rien.
        """)

    @Argument(help: "Numéro de l'action.") var action: Int
    @Argument(help: "Identifiant de la mesure (voir « guichet plh indicators »).") var measure: String
    @Option(name: .long, help: "Année.") var year: Int
    @Option(name: .long, help: "Valeur (nombre, montant, pourcentage ou texte).") var value: String?
    @Option(name: .long, help: "Catégorie=valeur (répétable).") var part: [String] = []
    @Option(name: .long, help: "Commentaire.") var comment: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        try PLHCommand.checkYear(year)
        let parts = try part.map { p -> (id: String, value: String) in
            guard let eq = p.firstIndex(of: "=") else { throw CLIFailure("--part : « catégorie=valeur » attendu (« \(p) »)", code: 64) }
            return (String(p[..<eq]).trimmingCharacters(in: .whitespaces), String(p[p.index(after: eq)...]))
        }
        let guichet = try GlobalOptions.openGuichet()
        let saved = try await guichet.setIndicator(action: action, measure: measure, year: year, value: value, parts: parts, comment: comment)
        if json { return try Console.json(saved.value) }
        Console.line(saved.changed ? "Enregistré : action \(action), \(measure), \(year)." : "Aucun changement : la valeur enregistrée est la même.")
    }
}
