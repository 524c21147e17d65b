import ArgumentParser
import GuichetCore
import GuichetStorage

/// Commitments on the PLH's budget lines that are not individual aids (subsidies to ADIL or
/// Mahra-Le Toit, studies, the operator's contract, the land fund): committed by decision,
/// paid, cancelled. The line ids are those of `guichet budget` (« Autres lignes du PLH »).
enum CommitmentArguments {
    static func number(_ text: String) throws -> CommitmentNumber {
        guard let n = CommitmentNumber(parsing: text) else {
            throw CLIFailure("NUMERO : numéro d'engagement invalide « \(text) » (attendu ENG-AAAA-NNNN)", code: 64)
        }
        return n
    }

    static func plh(_ ws: Workspace) throws -> PLHProgramme {
        guard let plh = ws.profile.plh else { throw CLIFailure("Le profil du territoire « \(ws.profile.id) » ne définit pas de PLH.", code: 3) }
        return plh
    }

    static func write(json: Bool, done: (BudgetCommitment) -> String,
                      _ body: (Workspace, PLHProgramme, SchemeCatalog, any StoreSession) throws -> BudgetCommitment) throws {
        let ws = try GlobalOptions.openWorkspace()
        let plh = try plh(ws)
        let catalog = ws.profile.schemes ?? SchemeCatalog(schemes: [])
        let c: BudgetCommitment
        do { c = try ws.store.write { try body(ws, plh, catalog, $0) } } catch let r as CommitmentActions.Refusal {
            throw CLIFailure(r.message + (r.warning != nil ? " (option --confirm-overspend MOTIF)" : ""), code: 6)
        }
        if json { try Console.json(c) } else { Console.line(done(c)) }
    }
}

struct BudgetCommitmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commitments", abstract: "Liste les engagements sur les autres lignes du PLH.")

    @Option(name: .long, help: "Ligne du PLH (identifiant : adil, soliha, ori…).") var line: String?
    @Option(name: .long, help: "Année de la décision.") var year: Int?
    @Flag(name: .long, help: "Sortie JSON (montants en centimes).") var json = false

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        let plh = try CommitmentArguments.plh(ws)
        if let line, plh.budgetLine(id: line) == nil {
            throw CLIFailure("--line : ligne « \(line) » inconnue du PLH (attendu : \(plh.budgetLines.map { $0.id }.joined(separator: ", ")))", code: 64)
        }
        let list = try ws.store.read { try $0.commitments(lineID: line, year: year) }
        if json { try Console.json(list); return }
        let m = { (x: Money) in FrenchFormat.money(x, alwaysCents: false) }
        Console.table(["Numéro", "Ligne", "Décision", "Bénéficiaire", "Engagé", "Versé", "Reste", "État"], list.map { c in
            [c.number.formatted, c.lineID, c.decision.label, c.beneficiary, m(c.amount), m(c.paid), m(c.remainingToPay), c.statusLabel]
        }, right: [4, 5, 6])
        Console.line("\(list.count) engagement(s).")
    }
}

struct BudgetCommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit", abstract: "Engage une somme sur une ligne du PLH, par décision (subvention, étude, prestation).",
        discussion: "Un engagement qui dépasse l'enveloppe de la ligne demande un motif (--confirm-overspend MOTIF).")

    @Option(name: .long, help: "Ligne du PLH (identifiant : adil, soliha, ori…).") var line: String
    @Option(name: .long, help: "Montant en euros (« 16 919 »).") var amount: String
    @Option(name: .long, help: "Référence de la décision (délibération, arrêté, convention).") var decision: String
    @Option(name: .customLong("decision-date"), help: "Date de la décision (son année est celle de l'engagement).") var decisionDate: String
    @Option(name: .long, help: "Bénéficiaire (défaut : celui de la ligne).") var beneficiary: String?
    @Option(name: .long, help: "Objet.") var purpose: String?
    @Option(name: .customLong("confirm-overspend"), help: "Confirme un dépassement d'enveloppe, avec son motif.") var confirmOverspend: String?
    @Option(name: .long, help: "Date de saisie (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() throws {
        let m = try DossierArguments.money(amount, option: "--amount")
        let decided = try DossierArguments.date(decisionDate, option: "--decision-date")
        let day = try DossierArguments.date(date)
        let request = CommitmentActions.Request(lineID: line, decision: DecisionReference(reference: decision, date: decided),
                                                beneficiary: beneficiary, purpose: purpose, amount: m, overspendReason: confirmOverspend)
        try CommitmentArguments.write(json: json, done: { "Engagement \($0.number) : \(m) sur « \($0.lineID) » (\($0.decision.label))." }) { _, plh, catalog, s in
            try CommitmentActions.commit(request, plh: plh, catalog: catalog, on: day, in: s)
        }
    }
}

struct BudgetPayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pay", abstract: "Enregistre un versement sur un engagement (jamais plus que le reste à verser).")

    @Argument(help: "Numéro de l'engagement (ENG-AAAA-NNNN).") var number: String
    @Option(name: .long, help: "Montant en euros.") var amount: String
    @Option(name: .long, help: "Référence du mandat de paiement.") var reference: String?
    @Option(name: .long, help: "Date (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() throws {
        let n = try CommitmentArguments.number(number)
        let m = try DossierArguments.money(amount, option: "--amount")
        let day = try DossierArguments.date(date)
        try CommitmentArguments.write(json: json, done: { "Engagement \($0.number) : versement de \(m) enregistré (reste \($0.remainingToPay))." }) { _, _, _, s in
            try CommitmentActions.pay(n, amount: m, reference: reference, on: day, in: s)
        }
    }
}

struct BudgetCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Annule un engagement : le montant non versé revient à l'enveloppe.")

    @Argument(help: "Numéro de l'engagement (ENG-AAAA-NNNN).") var number: String
    @Option(name: .long, help: "Motif (obligatoire).") var reason: String
    @Option(name: .long, help: "Date (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() throws {
        let n = try CommitmentArguments.number(number)
        let day = try DossierArguments.date(date)
        try CommitmentArguments.write(json: json, done: { "Engagement \($0.number) annulé : \($0.released) libéré(s)." }) { _, _, _, s in
            try CommitmentActions.cancel(n, reason: reason, on: day, in: s)
        }
    }
}
