import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

/// `guichet budget …`: the PLH ledger, shown (default) or written on its other lines.
struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "Budget du PLH : enveloppes, engagements, versements, synthèse ; engagements sur les autres lignes du PLH.",
        subcommands: [BudgetShowCommand.self, BudgetCommitmentsCommand.self, BudgetCommitCommand.self, BudgetPayCommand.self,
                      BudgetCancelCommand.self],
        defaultSubcommand: BudgetShowCommand.self)
}

struct BudgetShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Enveloppes, engagements et versements par dispositif, par ligne et par action, rapprochement et synthèse du PLH.")

    @Option(name: .long, help: "Année (défaut : l'année en cours).") var year: Int?
    @Option(name: .long, help: "Date de référence pour la part de l'année écoulée (défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON (montants en centimes, parts en points de base).") var json = false

    func run() async throws {
        let day = try DossierArguments.date(date)
        let y = year ?? day.year
        guard (1900...2200).contains(y) else { throw CLIFailure("--year : année invalide \(y)", code: 64) }
        let overview = try await GlobalOptions.openGuichet().budgetOverview(.year(y), on: day)
        if json { try Console.json(overview) } else { print(overview) }
    }

    func print(_ o: BudgetOverview) {
        let m = { (x: Money?) in x.map { FrenchFormat.money($0, alwaysCents: false) } ?? "—" }
        let pct = { (bp: Int?) in bp.map { FrenchFormat.percent(Percentage(basisPoints: $0)) } ?? "—" }
        let year = o.year.map(String.init) ?? "période"
        Console.line("Budget \(year) — année écoulée au \(o.referenceDate) : \(pct(o.yearElapsedBp))")
        func rows(_ lines: [BudgetLineStatus]) -> [[String]] {
            lines.map { l in
                let flag = l.overspent ? "dépassement" : (l.underConsumed ? "sous-consommation" : "")
                let env = l.envelopeOf != l.code && !l.envelopeOf.hasPrefix("Action") ? "sur \(l.envelopeOf)"
                    : l.periodOnly ? "\(m(l.envelope)) / \(m(l.periodEnvelope)) (période)" : (l.approximate ? "≈ " : "") + m(l.envelope)
                return [l.code, String(l.name.prefix(40)), env, m(l.committed), m(l.paid), m(l.remaining), FrenchFormat.integer(l.dossiers), pct(l.committedShareBp), flag]
            }
        }
        let header = ["Code", "Libellé", "Enveloppe", "Engagé", "Versé", "Reste", "Dossiers", "Part engagée", "Alerte"]
        Console.line(); Console.line("Par dispositif :")
        Console.table(header, rows(o.schemes + [o.total]), right: [2, 3, 4, 5, 6, 7])
        let averages = o.schemes.compactMap { l in l.average.map { (l, $0) } }
        if !averages.isEmpty {
            Console.line(); Console.line("Aide moyenne par logement (objectif de l'année, non plafond) :")
            Console.table(["Code", "Moyenne visée", "Moyenne accordée", "Logements", "Accordé", "Alerte"], averages.map { l, a in
                [l.code, m(a.target), m(a.average), FrenchFormat.integer(a.dwellings), m(a.granted), a.aboveTarget ? "au-dessus de la moyenne" : ""]
            }, right: [1, 2, 3, 4])
        }
        if !o.lines.isEmpty {
            Console.line(); Console.line("Autres lignes du PLH (engagements par décision) :")
            Console.table(header, rows(o.lines + [o.linesTotal]), right: [2, 3, 4, 5, 6, 7])
        }
        Console.line(); Console.line("Par action du PLH :")
        Console.table(header, rows(o.actions), right: [2, 3, 4, 5, 6, 7])
        if !o.reconciliation.isEmpty {
            Console.line(); Console.line("Enveloppes et lignes du PLH \(year) :")
            Console.table(["#", "Nature", "Ligne du PLH", "Dispositifs", "Autres lignes", "Écart"], o.reconciliation.map { r in
                ["\(r.action)", BudgetKind(rawValue: r.kind)?.label ?? r.kind, m(r.plhLine), m(r.schemeEnvelopes), m(r.lineEnvelopes),
                 (r.difference.cents > 0 ? "+" : "") + m(r.difference)]
            }, right: [2, 3, 4, 5])
        }
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
        Console.table(["#", "Action", "Invest. 6 ans", "Invest./an", "Fonct. 6 ans", "Fonct./an", "Engagé \(year)", "Versé \(year)",
                       "Engagé \(p.firstYear)-\(p.lastYear)", "Versé \(p.firstYear)-\(p.lastYear)"], table, right: Set(2...9))
    }
}
