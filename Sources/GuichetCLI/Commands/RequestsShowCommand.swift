import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct RequestsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Affiche une demande, le détail de sa cotation et l'historique de ses scores.")

    @Argument(help: "Numéro de la demande (DLS-AAAA-NNNNNN).")
    var id: String

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() async throws {
        let guichet = try GlobalOptions.openGuichet()
        guard let sheet = try await guichet.requestSheet(id) else {
            throw StoreError.notFound(entity: SocialHousingRequest.historyEntity, key: id)
        }
        let (stored, history) = (sheet.stored, sheet.scores)
        if json { try Console.json(RequestView(stored, history: history)); return }
        let r = stored.request
        let on = stored.score?.computedOn ?? guichet.today
        Console.line("Demande \(r.id)" + (r.sneNumber.map { " — n° unique \($0)" } ?? " — pas encore de numéro unique"))
        Console.line("Déposée le \(FrenchFormat.date(r.requestDate))" + (r.struckOffOn.map { " — radiée le \(FrenchFormat.date($0))" } ?? ""))
        Console.line("Ménage : " + r.members.map { m in
            (m.displayName.map { "\($0), " } ?? "") + "\(m.role.frenchLabel) (\(m.birthDate.age(on: on)) ans)"
        }.joined(separator: " ; "))
        Console.line("Ressources annuelles : \(FrenchFormat.money(r.annualResources))")
        if let h = r.home {
            Console.line("Logement actuel : \(h.status.frenchLabel) — loyer \(FrenchFormat.money(h.monthlyRent)), charges "
                         + "\(FrenchFormat.money(h.monthlyCharges)), aide au logement \(FrenchFormat.money(h.monthlyHousingBenefit)) par mois")
        } else {
            Console.line("Logement actuel : aucun logement à charge")
        }
        Console.line("Souhaits : \(RequestText.communes(r).isEmpty ? "—" : RequestText.communes(r)) ; \(RequestText.typologies(r).isEmpty ? "—" : RequestText.typologies(r))")
        if !r.criteria.isEmpty {
            Console.line("Situations déclarées :")
            for c in r.criteria {
                let label = guichet.profile.cotation?.criterion(id: c.criterionId)?.label ?? c.criterionId
                Console.line("  • \(label) : \(RequestText.document(c.document, on: on))" + (c.detail.map { " (\($0))" } ?? ""))
            }
        }
        for p in r.calProposals {
            Console.line("Proposée en CAL le \(FrenchFormat.date(p.date))" + (p.landlord.map { " (\($0))" } ?? "")
                         + ", rang \(p.rank), \(p.effectiveOutcome.frenchLabel)" + (p.outcome == nil ? " (issue non renseignée)" : ""))
        }
        if let score = stored.score {
            Console.line()
            Console.line("Cotation : \(RequestText.points(score.total)) points au \(FrenchFormat.date(score.computedOn)) (grille \(score.gridVersion))"
                         + (score.isPriorityHousehold ? " — ménage prioritaire" : ""))
            RequestText.priorityFindings(score.priority ?? [])
            RequestText.linesTable(score.lines)
        }
        Console.line()
        Console.line("Historique des cotations :")
        Console.table(["Enregistrée le", "Calculée au", "Grille", "Points"], history.map {
            [$0.recordedAt.map { FrenchFormat.date(CalendarDate(dayOf: $0)) } ?? "—", FrenchFormat.date($0.computedOn),
             $0.gridVersion, RequestText.points($0.total)]
        }, right: [3])
    }
}
