import ArgumentParser
import GuichetApp
import GuichetCore

struct DossiersPayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pay", abstract: "Enregistre un versement (jamais plus que le reste à verser).")

    @Argument(help: "Numéro du dossier.") var number: String
    @Option(name: .long, help: "Montant en euros (« 1 234,56 »).") var amount: String
    @Option(name: .long, help: "Libellé (acompte, solde…).") var label: String?
    @Option(name: .long, help: "Date (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        let n = try DossierArguments.number(number)
        let m = try DossierArguments.money(amount, option: "--amount")
        let day = try DossierArguments.date(date)
        try await DossierWrite.run(json: json, done: { "Dossier \($0.number) : versement de \(m) enregistré (\($0.status.label), reste \($0.remainingToPay))." }) {
            try await $0.perform(.pay(m, label: label), on: n, date: day)
        }
    }
}

struct DossiersSettleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "settle", abstract: "Verse tout le reste à verser et solde le dossier.")

    @Argument(help: "Numéro du dossier.") var number: String
    @Option(name: .long, help: "Libellé (défaut : « Solde »).") var label: String?
    @Option(name: .long, help: "Date (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        let n = try DossierArguments.number(number)
        let day = try DossierArguments.date(date)
        try await DossierWrite.run(json: json, done: { "Dossier \($0.number) : \($0.payments.last.map { "versement de \($0.amount)" } ?? "versement") enregistré, dossier \($0.status.label.lowercased())." }) {
            try await $0.perform(.settle(label: label), on: n, date: day)
        }
    }
}
