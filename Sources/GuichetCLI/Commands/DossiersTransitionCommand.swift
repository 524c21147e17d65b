import ArgumentParser
import GuichetApp
import GuichetCore

struct DossiersTransitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transition", abstract: "Fait avancer un dossier : submit, review, grant, refuse, abandon, cancel.",
        discussion: """
        submit    brouillon → déposé (pièces obligatoires reçues ou valides)
        review    déposé → en instruction
        grant     en instruction → accordé (--amount, défaut : montant calculé ; --reason si inférieur ;
                  --above-average MOTIF si l'aide porte la moyenne de l'année au-dessus de l'aide
                  moyenne visée par le PLH (une moyenne n'est pas un plafond) ;
                  --confirm-overspend MOTIF si l'enveloppe de l'année est dépassée) ; toutes les pièces
                  obligatoires doivent être « valides »
        refuse    → refusé (--reason obligatoire)
        abandon   → sans suite (--reason facultatif)
        cancel    accordé ou versé → annulé, libère le reste à verser (--reason obligatoire)
        """)

    enum Action: String, ExpressibleByArgument, CaseIterable { case submit, review, grant, refuse, abandon, cancel }

    @Argument(help: "Numéro du dossier.") var number: String
    @Argument(help: "Action : submit, review, grant, refuse, abandon, cancel.") var action: Action
    @Option(name: .long, help: "Montant accordé en euros (« 1 234,56 »).") var amount: String?
    @Option(name: .long, help: "Motif.") var reason: String?
    @Option(name: .customLong("confirm-overspend"), help: "Confirme un dépassement d'enveloppe, avec son motif.") var confirmOverspend: String?
    @Option(name: .customLong("above-average"), help: "Motive une aide qui porte la moyenne par logement de l'année au-dessus de la moyenne visée.")
    var aboveAverage: String?
    @Option(name: .long, help: "Date (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func step() throws -> DossierAction {
        func required(_ what: String) throws -> String {
            guard let r = reason, !r.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIFailure("--reason : motif obligatoire pour \(what)", code: 64) }
            return r
        }
        switch self.action {
        case .submit: return .submit
        case .review: return .startReview
        case .grant:
            return .grant(amount: try amount.map { try DossierArguments.money($0, option: "--amount") }, reason: reason,
                          overspendReason: confirmOverspend, aboveAverageReason: aboveAverage)
        case .refuse: return .refuse(reason: try required("un refus"))
        case .abandon: return .abandon(reason: reason)
        case .cancel: return .cancel(reason: try required("une annulation"))
        }
    }

    func run() async throws {
        let n = try DossierArguments.number(number)
        let day = try DossierArguments.date(date)
        let step = try step()
        try await DossierWrite.run(json: json, done: { "Dossier \($0.number) : \($0.status.label)." }) {
            try await $0.perform(step, on: n, date: day)
        }
    }
}
