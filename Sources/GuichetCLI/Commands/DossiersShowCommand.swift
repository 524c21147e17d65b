import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct DossiersShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Affiche un dossier : éligibilité, montant, pièces, versements, historique.")

    @Argument(help: "Numéro du dossier.") var number: String
    @Option(name: .long, help: "Date de l'examen d'éligibilité (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON (montants en centimes).") var json = false

    struct Line: Encodable {
        var label: String; var quantity: Int; var unit: String; var unitAmount: Money?; var amount: Money; var funder: String?
        var source: String?
        init(_ l: AmountLine) {
            label = l.label; quantity = l.quantity; unit = l.unit; unitAmount = l.unitAmount; amount = l.amount; funder = l.funder
            source = l.source?.citation
        }
    }
    struct Unmet: Encodable { var condition: String; var message: String; var mandatory: Bool }
    /// Every rule of the scheme applied to the dossier, with where it comes from.
    struct Rule: Encodable {
        var id: String; var label: String; var state: String; var message: String?; var blocking: Bool
        var checkedByAgent: Bool; var recorded: RecordedCheck?; var source: String; var citation: String?
        init(_ r: RuleOutcome) {
            id = r.id; label = r.label; state = r.state.rawValue; message = r.message; blocking = r.blocking
            checkedByAgent = r.checkedByAgent; recorded = r.recorded; source = r.sourceLabel
            citation = [r.source, r.thresholdSource].compactMap { $0?.kind == .plh ? $0?.citation : nil }.first
        }
    }
    struct Eligibility: Encodable {
        var eligible: Bool; var unmet: [Unmet]; var rules: [Rule]; var lines: [Line]; var total: Money; var maximum: Money?
        var maximumSource: String?; var averageTarget: Money?
        var coFunding: [Line]; var coFundingTotal: Money
    }
    struct Document: Encodable { var id: String; var label: String; var mandatory: Bool; var state: String?; var date: CalendarDate?; var comment: String? }
    struct Sheet: Encodable {
        var summary: DossierSummary
        var schemeName: String?
        var dossier: AidDossier
        var eligibility: Eligibility?
        var documents: [Document]
        var missingDocuments: [String]
        var availableTransitions: [String]
        var history: [HistoryEvent]
    }

    func run() async throws {
        let n = try DossierArguments.number(number)
        let day = try DossierArguments.date(date)
        let dossierSheet = try await GlobalOptions.openGuichet().dossierSheet(n)
        let (d, history, scheme) = (dossierSheet.dossier, dossierSheet.history, dossierSheet.scheme)
        var eligibility: Eligibility?
        var documents: [Document] = []
        var missing: [String] = [], transitions: [String] = []
        var rules: [RuleOutcome] = []
        if let scheme {
            let r = EligibilityCheck.evaluate(d, scheme: scheme, on: day)
            rules = r.rules
            eligibility = Eligibility(eligible: r.isEligible, unmet: r.unmet.map { Unmet(condition: $0.condition, message: $0.message, mandatory: $0.mandatory) },
                                      rules: r.rules.map(Rule.init),
                                      lines: r.breakdown.lines.map(Line.init), total: r.breakdown.total, maximum: r.breakdown.maximum,
                                      maximumSource: r.breakdown.capSource?.label, averageTarget: r.breakdown.averageTarget,
                                      coFunding: r.breakdown.coFunding.map(Line.init), coFundingTotal: r.breakdown.coFundingTotal)
            documents = scheme.documents.map { req in
                let doc = d.document(req.id)
                return Document(id: req.id, label: req.label, mandatory: req.mandatory, state: doc?.state.rawValue, date: doc?.date, comment: doc?.comment)
            }
            let lifecycle = DossierLifecycle(scheme: scheme)
            missing = lifecycle.missingDocuments(d)
            transitions = lifecycle.availableTransitions(for: d).map(\.rawValue)
        }
        let sheet = Sheet(summary: DossierSummary(d), schemeName: scheme?.name, dossier: d, eligibility: eligibility, documents: documents,
                          missingDocuments: missing, availableTransitions: transitions, history: history)
        if json { try Console.json(sheet) } else { print(sheet, dossier: d, rules: rules, history: dossierSheet.historyLines) }
    }

    func print(_ sh: Sheet, dossier d: AidDossier, rules: [RuleOutcome], history: [String]) {
        let m = { (x: Money) in FrenchFormat.money(x) }
        Console.line("Dossier \(d.number) — \(sh.schemeName ?? d.schemeCode) (action \(d.plhAction) du PLH)")
        Console.line("Statut : \(d.status.label)" + (d.receivedOn.map { " — déposé le \($0)" } ?? ""))
        Console.line("Demandeur : \(d.applicant.displayName) (\(d.applicant.kind.label)\(d.applicant.ownerStatus.map { ", \($0.label.lowercased())" } ?? ""))")
        Console.line("Adresse postale : " + (d.applicant.postalAddress?.oneLine ?? d.applicant.address ?? "non renseignée (aucun courrier possible)"))
        if let b = d.applicant.bankAccount { Console.line("Coordonnées bancaires : \(b.holder), IBAN \(b.iban.masked)") }
        Console.line("Logement : \(d.property.address), \(d.property.postcode) \(d.property.commune) — \(d.property.dwellings) logement(s)")
        Console.line("Demandé : \(d.requestedAmount.map(m) ?? "—")   Accordé : \(m(d.grantedAmount))   Versé : \(m(d.paidAmount))   Reste : \(m(d.remainingToPay))")
        if let c = d.closure { Console.line("Clôture : \(c.status.label) le \(c.date) — \(c.reason)" + (c.released.map { " (libéré : \(m($0)))" } ?? "")) }
        if let a = d.antiSpeculation {
            Console.line("Clause anti-spéculative : jusqu'au \(a.endDate)" + (a.saleDate.map { ", vente le \($0)" } ?? "") + (a.repaymentDue.map { " — remboursement dû \(m($0))" } ?? "")
                         + " (remboursement \(a.repayment.label) : \(a.repaymentSource.orDefault.label))")
        }
        if let g = d.grant, let why = g.aboveAverageReason { Console.line("Au-dessus de l'aide moyenne : \(why)") }
        if let e = sh.eligibility {
            Console.line()
            Console.line(e.eligible ? "Éligibilité : conditions remplies." : "Éligibilité : conditions non remplies.")
            Console.line("Règles du dispositif (✓ remplie, ✗ non remplie, ? à vérifier par l'agent, – sans objet) :")
            for r in rules { r.textLines.forEach { Console.line("  \($0)") } }
            Console.line("Montant calculé :")
            for l in e.lines {
                Console.line("  \(l.label) : \(l.quantity) \(l.unit) × \(l.unitAmount.map(m) ?? "—") = \(m(l.amount))" + (l.source.map { " — \($0)" } ?? ""))
            }
            Console.line("  Total aide de l'agglomération : \(m(e.total))"
                         + (e.maximum.map { " (plafond \(m($0))\(e.maximumSource.map { ", \($0)" } ?? ""))" } ?? ""))
            if let target = e.averageTarget {
                Console.line("  Aide moyenne visée par le PLH : \(m(target)) par logement sur l'année (objectif, non plafond)")
            }
            if !e.coFunding.isEmpty {
                Console.line("Cofinancements (hors budget de l'agglomération) :")
                for l in e.coFunding { Console.line("  \(l.funder ?? "") — \(l.label) : \(m(l.amount))") }
            }
        }
        Console.line()
        Console.line("Pièces justificatives :")
        for doc in sh.documents {
            let state = doc.state.flatMap(SupportingDocument.State.init(rawValue:))?.label ?? "manquante"
            Console.line("  [\(doc.id)] \(doc.label)\(doc.mandatory ? " (obligatoire)" : "") : \(state)" + (doc.date.map { " le \($0)" } ?? "") + (doc.comment.map { " — \($0)" } ?? ""))
        }
        if !d.payments.isEmpty {
            Console.line()
            Console.line("Versements :")
            for p in d.payments { Console.line("  \(p.date) : \(m(p.amount))" + (p.label.map { " (\($0))" } ?? "") + " — \(p.agent)") }
        }
        Console.line()
        Console.line("Chronologie :")
        for t in d.timeline { Console.line("  \(t.date) : \(t.from?.label ?? "—") → \(t.to.label) (\(t.agent))" + (t.comment.map { " — \($0)" } ?? "")) }
        Console.line()
        Console.line("Historique (le plus récent d'abord) :")
        for line in history { Console.line("  \(line)") }
        if !sh.availableTransitions.isEmpty { Console.line(); Console.line("Actions possibles : " + sh.availableTransitions.joined(separator: ", ")) }
    }
}
