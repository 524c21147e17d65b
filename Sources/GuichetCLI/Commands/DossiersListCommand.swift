import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct DossiersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les dossiers d'aide (filtres, tri, recherche).")

    @Option(name: .long, help: "Statut (brouillon, depose, en_instruction, accorde, verse, solde, refuse, sans_suite, annule) ; répétable.")
    var status: [String] = []
    @Option(name: .long, help: "Code du dispositif (ACC, PIG…) ; répétable.")
    var scheme: [String] = []
    @Option(name: .long, help: "Année du numéro de dossier.")
    var year: Int?
    @Option(name: .long, help: "Recherche dans le demandeur, le numéro et la commune (sans accents ni casse).")
    var search: String?
    @Option(name: .long, help: "Colonne de tri : \(DossierQuery.Column.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: String = "number"
    @Flag(name: .long, help: "Tri décroissant.")
    var desc = false
    @Option(name: .long, help: "Nombre maximal de lignes (0 : toutes).")
    var limit: Int = 100
    @Flag(name: .long, help: "Sortie JSON (montants en centimes).")
    var json = false

    func query() throws -> DossierQuery {
        var statuses = Set<DossierStatus>()
        for s in status {
            guard let st = DossierStatus(parsing: s) else {
                throw CLIFailure("--status : statut inconnu « \(s) » (attendu : \(DossierStatus.allCases.map(\.rawValue).joined(separator: ", ")))", code: 64)
            }
            statuses.insert(st)
        }
        guard let column = DossierQuery.Column(rawValue: sort) else {
            throw CLIFailure("--sort : colonne inconnue « \(sort) » (attendu : \(DossierQuery.Column.allCases.map(\.rawValue).joined(separator: ", ")))", code: 64)
        }
        guard limit >= 0 else { throw CLIFailure("--limit doit être ≥ 0", code: 64) }
        return DossierQuery(text: search, statuses: statuses, schemes: Set(scheme.map { $0.uppercased() }), year: year,
                            sort: column, ascending: !desc, limit: limit == 0 ? nil : limit)
    }

    struct Listing: Encodable { var total: Int; var shown: Int; var dossiers: [DossierSummary] }

    func run() async throws {
        let q = try query()
        let (total, rows) = try await GlobalOptions.openGuichet().dossiers(q)
        if json { try Console.json(Listing(total: total, shown: rows.count, dossiers: rows.map(DossierSummary.init))); return }
        let money = { (m: Money) in FrenchFormat.money(m) }
        Console.table(["Numéro", "Demandeur", "Commune", "Dispositif", "Statut", "Accordé", "Versé", "Dernière modif."],
                      rows.map { d in [d.number.formatted, d.applicant.displayName, d.property.commune, d.schemeCode, d.status.label,
                                       money(d.grantedAmount), money(d.paidAmount), FrenchFormat.date(CalendarDate(dayOf: d.updatedAt))] },
                      right: [5, 6])
        Console.line("\(FrenchFormat.integer(total)) dossier(s)" + (rows.count < total ? ", \(FrenchFormat.integer(rows.count)) affiché(s) (--limit)" : ""))
    }
}
