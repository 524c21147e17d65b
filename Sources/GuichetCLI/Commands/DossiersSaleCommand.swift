import ArgumentParser
import GuichetApp
import GuichetCore

struct DossiersSaleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sale", abstract: "Enregistre la vente du logement (clause anti-spéculative).")

    @Argument(help: "Numéro du dossier.") var number: String
    @Option(name: .long, help: "Date de la vente.") var date: String
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        let n = try DossierArguments.number(number)
        let day = try DossierArguments.date(date)
        try await DossierWrite.run(json: json, done: { d in
            let due = d.antiSpeculation?.repaymentDue
            return "Dossier \(d.number) : vente du \(day) enregistrée" + (due.map { " avant la fin de la clause : remboursement dû \($0)." } ?? " après la fin de la clause : rien à rembourser.")
        }) {
            try await $0.perform(.recordSale(on: day), on: n, date: day)
        }
    }
}
