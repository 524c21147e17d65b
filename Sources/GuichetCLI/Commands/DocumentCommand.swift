import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore
import GuichetReports

/// `guichet document KIND NUMERO --output FICHIER.pdf`: one formal letter of a dossier.
struct DocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Édite un courrier d'un dossier en PDF : accuse-reception, notification ou ordre-paiement.")

    @Argument(help: "Courrier : accuse-reception, notification ou ordre-paiement.") var kind: String
    @Argument(help: "Numéro du dossier (AAAA-CODE-0001).") var number: String
    @Option(name: .long, help: "Fichier PDF à écrire.") var output: String
    @Option(name: .long, help: "Date du courrier (AAAA-MM-JJ, défaut : aujourd'hui).") var date: String?

    func run() async throws {
        guard let kind = DossierDocuments.Kind(rawValue: kind.lowercased()) else {
            throw CLIFailure("Courrier inconnu « \(kind) » (attendu : \(DossierDocuments.Kind.allCases.map(\.rawValue).joined(separator: ", ")))", code: 64)
        }
        let n: DossierNumber
        do { n = try DossierNumber.parse(number, field: "NUMERO") } catch { throw CLIFailure(error.description, code: 64) }
        let day = try DossierArguments.date(date)
        do {
            try await GlobalOptions.openGuichet().writeLetter(kind, for: n, on: day, to: URL(fileURLWithPath: output))
        } catch StoreError.notFound {
            throw CLIFailure("Dossier « \(n) » introuvable.", code: 4)
        }
        Console.line("\(kind.label) du dossier \(n) écrit : \(output)")
    }
}
