import ArgumentParser
import GuichetCore

struct DossiersPayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pay", abstract: "Enregistre un versement (jamais plus que le reste à verser).")

    @Argument(help: "Numéro du dossier.") var number: String
    @Option(name: .long, help: "Montant en euros (« 1 234,56 »).") var amount: String
    @Option(name: .long, help: "Libellé (acompte, solde…).") var label: String?
    @Option(name: .long, help: "Date (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() throws {
        let n = try DossierArguments.number(number)
        let m = try DossierArguments.money(amount, option: "--amount")
        let day = try DossierArguments.date(date)
        try DossierWrite.run(json: json, done: { "Dossier \($0.number) : versement de \(m) enregistré (\($0.status.label), reste \($0.remainingToPay))." }) { _, catalog, s in
            try DossierActions.apply(.pay(m, label: label), to: n, catalog: catalog, on: day, in: s)
        }
    }
}
