import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct BudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "Enveloppes, engagements et versements par dispositif et par action, synthèse du PLH.")

    @Option(name: .long, help: "Année (défaut : l'année en cours).") var year: Int?
    @Option(name: .long, help: "Date de référence pour la part de l'année écoulée (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON (montants en centimes, parts en points de base).") var json = false

    func run() async throws {
        let day = try DossierArguments.date(date)
        let y = year ?? day.year
        guard (1900...2200).contains(y) else { throw CLIFailure("--year : année invalide \(y)", code: 64) }
        let overview = try await GlobalOptions.openGuichet().budgetOverview(year: y, on: day)
        if json { try Console.json(overview) } else { print(overview) }
    }

    func print(_ o: BudgetOverview) {
        let m = { (x: Money?) in x.map { FrenchFormat.money($0, alwaysCents: false) } ?? "—" }
        let pct = { (bp: Int?) in bp.map { FrenchFormat.percent(Percentage(basisPoints: $0)) } ?? "—" }
        Console.line("Budget \(o.year) — année écoulée au \(o.referenceDate) : \(pct(o.yearElapsedBp))")
        func rows(_ lines: [BudgetLineStatus]) -> [[String]] {
            lines.map { l in
                let flag = l.overspent ? "dépassement" : (l.underConsumed ? "sous-consommation" : "")
                let env = l.envelopeOf != l.code && !l.envelopeOf.hasPrefix("Action") ? "sur \(l.envelopeOf)" : (l.approximate ? "≈ " : "") + m(l.envelope)
                return [l.code, String(l.name.prefix(40)), env, m(l.committed), m(l.paid), m(l.remaining), FrenchFormat.integer(l.dossiers), pct(l.committedShareBp), flag]
            }
        }
        let header = ["Code", "Libellé", "Enveloppe", "Engagé", "Versé", "Reste", "Dossiers", "Part engagée", "Alerte"]
        Console.line(); Console.line("Par dispositif :")
        Console.table(header, rows(o.schemes + [o.total]), right: [2, 3, 4, 5, 6, 7])
        Console.line(); Console.line("Par action du PLH :")
        Console.table(header, rows(o.actions), right: [2, 3, 4, 5, 6, 7])
        guard let p = o.plh else { return }
        Console.line(); Console.line("Synthèse du \(p.title) (hors budget : lignes exclues des totaux) :")
        let money = { (x: Money?, outside: Bool) in x.map { FrenchFormat.money($0, alwaysCents: false) + (outside ? " (hors budget)" : "") } ?? "—" }
        var table = p.lines.map { l in
            ["\(l.action)", String(l.title.prefix(45)), money(l.investment, l.investmentOutsideBudget), money(l.investmentPerYear, l.investmentOutsideBudget),
             money(l.operating, l.operatingOutsideBudget), money(l.operatingPerYear, l.operatingOutsideBudget),
             m(l.committedYear), m(l.paidYear), m(l.committedPeriod), m(l.paidPeriod)]
        }
        table.append(["", "Total (budget du PLH)", m(p.investment.inside), m(p.investment.insidePerYear), m(p.operating.inside), m(p.operating.insidePerYear),
                      m(p.committedYear), m(p.paidYear), m(p.committedPeriod), m(p.paidPeriod)])
        table.append(["", "Hors budget du PLH", m(p.investment.outside), m(p.investment.outsidePerYear), m(p.operating.outside), m(p.operating.outsidePerYear), "", "", "", ""])
        Console.table(["#", "Action", "Invest. 6 ans", "Invest./an", "Fonct. 6 ans", "Fonct./an", "Engagé \(o.year)", "Versé \(o.year)",
                       "Engagé \(p.firstYear)-\(p.lastYear)", "Versé \(p.firstYear)-\(p.lastYear)"], table, right: Set(2...9))
    }
}
