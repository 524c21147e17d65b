import ArgumentParser
import GuichetCore
import GuichetApp

/// `guichet plh indicators [--year A] [--action N] [--mid-term] [--json]`: every action's levers
/// and indicators for a year: target, the years so far, gap and trend.
struct PLHIndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Indicateurs de résultat et leviers de chaque action du PLH pour une année (objectif, années, écart, tendance).")

    @Option(name: .long, help: "Année du bilan (défaut : l'année en cours, dans la période du PLH).") var year: Int?
    @Option(name: .long, help: "Une seule action (numéro).") var action: Int?
    @Flag(name: .customLong("mid-term"), help: "Bilan à mi-parcours : cumul des années depuis le début du PLH, comparé à l'objectif sur ces années.")
    var midTerm = false
    @Flag(name: .long, help: "Sortie JSON (nombres : entiers, montants en centimes, parts en points de base).") var json = false

    func run() async throws {
        try PLHCommand.checkYear(year)
        let guichet = try GlobalOptions.openGuichet()
        var review = try await guichet.plhReview(year: year, kind: midTerm ? .midTerm : .annual)
        if let action {
            guard review.action(action) != nil else { throw CLIFailure("--action : le PLH n'a pas d'action \(action)", code: 64) }
            review.actions = review.actions.filter { $0.number == action }
        }
        if json { return try Console.json(PLHReviewJSON(review)) }
        print(review)
    }

    static func short(_ s: String, _ n: Int = 48) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    func print(_ r: PLHReview) {
        Console.line("\(r.title) — années \(r.years.first!)-\(r.year)")
        for a in r.actions {
            Console.line()
            Console.line("Action \(a.number) — \(a.title)")
            Console.line("  Leviers :")
            Console.table(["Levier", "Libellé"] + r.years.map(String.init),
                          a.levers.map { l in [l.lever.id, Self.short(l.lever.labelWithPhases, 60)] + r.years.map { l.years[$0]?.text ?? "—" } })
            Console.line("  Indicateurs de résultat :")
            var rows: [[String]] = []
            for m in a.measures {
                let gap = r.kind == .midTerm || m.measure.target?.per == .period ? m.periodGap(through: r.year) : m.gap(for: r.year)
                rows.append([m.measure.id, Self.short(m.label), m.unitText, m.sourceLabel, m.targetText ?? "—"]
                            + r.years.map { Self.short(m.text($0), 24) }
                            + [gap.map { m.format($0, signed: true) } ?? "", m.trend(r.year)?.label ?? ""])
            }
            Console.table(["Mesure", "Libellé", "Unité", "Source", "Objectif"] + r.years.map(String.init) + ["Écart", "Tendance"], rows)
            if let money = a.money, money.hasLines {
                let y = money.years[r.year]
                let m = { (x: Money?) in x.map { FrenchFormat.money($0, alwaysCents: false) } ?? "—" }
                Console.line("  Moyens \(r.year) (\(money.sourcesText)) : enveloppe \(m(y?.envelope)), engagé \(m(y?.committed)), versé \(m(y?.paid))")
            }
        }
        if !r.territorial.isEmpty {
            Console.line()
            Console.line("Objectifs territorialisés \(r.year) :")
            Console.table(["Territoire", "Produit", "Objectif", "Réalisé", "Atteinte"], r.territorial.map {
                [$0.target.scope.label, $0.target.product.label, FrenchFormat.integer($0.target.dwellings), FrenchFormat.integer($0.produced),
                 $0.share.map { FrenchFormat.percent($0) } ?? "—"]
            }, right: [2, 3, 4])
        }
    }
}
