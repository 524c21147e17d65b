import ArgumentParser
import GuichetApp
import GuichetCore

struct DossiersDocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "document", abstract: "Enregistre l'état d'une pièce justificative.")

    @Argument(help: "Numéro du dossier (AAAA-CODE-0001).") var number: String
    @Argument(help: "Identifiant de la pièce (voir « dossiers show »).") var documentID: String
    @Option(name: .long, help: "received (reçue), valid (valide) ou invalid (non conforme).") var status: String
    @Option(name: .long, help: "Date (défaut : aujourd'hui).") var date: String?
    @Option(name: .long, help: "Commentaire.") var comment: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        let n = try DossierArguments.number(number)
        let aliases: [String: SupportingDocument.State] = ["recue": .received, "reçue": .received, "valide": .valid, "non_conforme": .invalid]
        guard let state = SupportingDocument.State(rawValue: status) ?? aliases[status.lowercased()] else {
            throw CLIFailure("--status : état inconnu « \(status) » (attendu : received, valid, invalid)", code: 64)
        }
        let day = try DossierArguments.date(date)
        try await DossierWrite.run(json: json, done: { "Dossier \($0.number) : pièce « \(documentID) » \(state.label)." }) {
            try await $0.recordDocument(documentID, state: state, comment: comment, on: n, date: day)
        }
    }
}
