import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore
import GuichetReports
import GuichetStorage

struct AllocationsReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Bilan de la CIA calculé sur le registre : obligations par année, bailleur, réservataire et commune.",
        discussion: """
        Pour chaque obligation : numérateur, dénominateur, part, objectif et attributions manquantes, mutations \
        incluses et hors mutations ; le chiffre publié (bilan à mi-parcours) à côté, avec son périmètre, et les \
        écarts signalés. En JSON, parts et objectifs en points de base (2 500 = 25 %).
        """)

    @Option(name: .long, help: "Année (du bail signé).")
    var year: Int?
    @Option(name: .long, help: "Bailleur : identifiant, nom ou alias.")
    var landlord: String?
    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() async throws {
        let guichet = try GlobalOptions.openGuichet()
        let landlordId = try landlord.map { name in try guichet.workspace.store.read { try LandlordArgument.resolve(name, in: $0) } }
        let data = try await guichet.allocationReviewData()
        if let year, !data.review.years.contains(year) {
            let known = data.review.years.map(String.init).joined(separator: ", ")
            throw CLIFailure("Aucune attribution avec un bail signé en \(year) dans le registre"
                             + (known.isEmpty ? " (registre vide : voir « guichet allocations import »)." : " (années présentes : \(known))."))
        }
        let out = AllocationReviewOutput(data, year: year, landlordId: landlordId)
        if json { return try Console.json(out) }
        AllocationReviewText.print(out, data: data)
    }
}

/// The review as text for people: per year and obligation, one line per perimeter.
enum AllocationReviewText {
    static func print(_ out: AllocationReviewOutput, data: AllocationReviewData) {
        Console.line("Registre des attributions : \(FrenchFormat.integer(out.registerSize)) attribution(s).")
        Console.line("1er quartile : \(data.rules.firstQuartileBoundary.value.label) (\(data.rules.firstQuartileBoundary.source.frenchDescription))")
        for y in out.years {
            Console.line()
            let threshold = y.threshold.map { t in
                "seuil du 1er quartile \(t.year) : \(FrenchFormat.money(Money(cents: t.centsPerUc))) par UC"
                    + (t.year == y.year ? "" : " (aucun seuil \(y.year) dans le profil)")
            } ?? "aucun seuil du 1er quartile dans le profil"
            Console.line("══ \(y.year) — \(threshold)")
            let perimeters = [y.agglomeration].compactMap { $0 } + y.landlords + y.holders
            for obligation in AllocationObligation.allCases {
                let objective = y.agglomeration?.obligations.first { $0.obligation == obligation }?.objectiveBasisPoints
                Console.line()
                Console.line("\(obligation.label)" + (objective.map { " — objectif \(percent($0)) (réservataires : le leur)" } ?? ""))
                Console.table(["Périmètre", "Mutations incluses", "Hors mutations", "Écart (chiffre retenu)", "Publié"], perimeters.map { p in
                    let both = TransferCounting.allCases.map { t in p.obligations.first { $0.obligation == obligation && $0.transfers == t } }
                    let retained = p.obligations.first { $0.obligation == obligation && $0.headline }
                    let published = p.obligations.first { $0.obligation == obligation && $0.headline }?.published
                        ?? p.obligations.first { $0.obligation == obligation && $0.published != nil }?.published
                    return [p.name, both[0].map(figure) ?? "—", both[1].map(figure) ?? "—",
                            retained.map { ($0.reached == false ? "✗ " : "") + $0.gap } ?? "—",
                            published.map { percent($0.basisPoints) + ((retained?.differsFromPublished ?? false) ? " ≠" : "") } ?? ""]
                })
            }
            if let a = y.agglomeration, a.unknownQPV + a.unknownTransfer > 0 {
                Console.line("Non renseigné : \(a.unknownQPV) attribution(s) sans situation QPV (hors des parts QPV), "
                             + "\(a.unknownTransfer) sans indication de mutation (hors des parts « hors mutations »).")
            }
        }
        if !out.awaitingLease.isEmpty {
            let list = out.awaitingLease.sorted { $0.key < $1.key }.map { "\($0.value) décidée(s) en CAL en \($0.key)" }
            Console.line()
            Console.line("En attente de bail (comptées dans aucune année) : " + list.joined(separator: ", ") + ".")
        }
        Console.line()
        Console.line("Tableau de synthèse de l'agglomération (calculé / publié) :")
        Console.table(["Indicateur"] + out.headline.columns, out.headline.rows.map { row in
            [row.label] + row.cells.map { c in
                func v(_ x: Int?) -> String { x.map { row.unit == "count" ? FrenchFormat.integer($0) : percent($0) } ?? "—" }
                if c.computed == nil && c.published == nil { return "" }
                if c.computed == nil { return "(publié) " + v(c.published) }
                return c.published == nil ? v(c.computed) : "\(v(c.computed)) / \(v(c.published))\(c.differs ? " ≠" : "")"
            }
        }, right: Set(1...max(1, out.headline.columns.count)))
        if !out.inconsistencies.isEmpty {
            Console.line("Incohérences des sources (conservées telles quelles) :")
            out.inconsistencies.forEach { Console.line("  ⚠ \($0.message)") }
        }
        Console.line("« ≠ » : chiffre calculé différent du chiffre publié (périmètres en JSON : --json).")
    }

    static func percent(_ bp: Int) -> String {
        FrenchFormat.percent(Percentage(basisPoints: bp), decimals: bp % 100 == 0 ? 0 : 2)
    }

    static func figure(_ o: AllocationReviewOutput.Obligation) -> String {
        "\(FrenchFormat.integer(o.numerator)) / \(FrenchFormat.integer(o.denominator))"
            + (o.shareBasisPoints.map { " = " + FrenchFormat.percent(Percentage(basisPoints: $0), decimals: 2) } ?? "")
    }
}
