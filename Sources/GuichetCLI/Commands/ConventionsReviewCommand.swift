import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct ConventionsReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Par bailleur et par année : objectif, résultat, écart, objectif manqué ; incohérences des sources.",
        discussion: "Taux en points de base en JSON (2 500 = 25 %). Les résultats de production et de réhabilitation "
            + "non saisis sont calculés à partir des programmes.")

    @Option(name: .long, help: "Bailleur : identifiant, nom ou alias.")
    var landlord: String?
    @Option(name: .long, help: "Année.")
    var year: Int?
    @Flag(name: .long, help: "Affiche aussi les objectifs sans résultat (toujours présents en JSON).")
    var all = false
    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Line: Encodable {
        var landlordId: String
        var landlordName: String
        var year: Int
        var indicator: ReviewLine.Indicator
        var label: String
        /// "basisPoints" for shares, "units" for counts.
        var unit: String
        var objective: Int
        var result: Int?
        var gap: Int?
        var missed: Bool
        var resultSource: ReviewLine.ResultSource
    }
    struct Output: Encodable {
        var lines: [Line]
        var missed: Int
        var withoutResult: Int
        var inconsistencies: [SourceInconsistency]
    }

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        let out: Output = try ws.store.read { s in
            let landlordId = try landlord.map { try LandlordArgument.resolve($0, in: s) }
            let landlords = try s.landlords()
            let names = Dictionary(landlords.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            var conventions = try s.conventions()
            if let landlordId { conventions = conventions.filter { $0.landlordId == landlordId } }
            let lines = ConventionReview.review(conventions, construction: try s.allConstruction(), rehabilitation: try s.allRehabilitation())
                .filter { year == nil || $0.year == year }
                .map { l in
                    Line(landlordId: l.landlordId, landlordName: names[l.landlordId] ?? l.landlordId, year: l.year, indicator: l.indicator,
                         label: l.indicator.label, unit: l.indicator.isShare ? "basisPoints" : "units", objective: l.objective,
                         result: l.result, gap: l.gap, missed: l.missed, resultSource: l.resultSource)
                }
            var flagged = landlordId == nil
                ? ConventionReview.inconsistencies(conventions, landlords: landlords, publishedTotals: ws.profile.landlords?.publishedTotals)
                : ConventionReview.inconsistencies(conventions, landlords: landlords.filter { $0.id == landlordId })
            if landlordId == nil { flagged += try s.agglomerationResults()?.inconsistencies ?? [] }
            flagged = flagged.filter { year == nil || $0.year == nil || $0.year == year }
            return Output(lines: lines, missed: lines.filter(\.missed).count, withoutResult: lines.filter { $0.result == nil }.count,
                          inconsistencies: flagged)
        }
        if json { return try Console.json(out) }
        func value(_ v: Int?, _ unit: String) -> String {
            guard let v else { return "—" }
            return unit == "basisPoints" ? FrenchFormat.percent(Percentage(basisPoints: v), decimals: 2) : FrenchFormat.integer(v)
        }
        Console.table(["Bailleur", "Année", "Indicateur", "Objectif", "Résultat", "Écart", ""], out.lines.filter { all || $0.result != nil }.map { l in
            [l.landlordName, "\(l.year)", l.label, value(l.objective, l.unit), value(l.result, l.unit),
             l.gap.map { ($0 >= 0 ? "+" : "") + value($0, l.unit) } ?? "—", l.missed ? "✗ manqué" : (l.result == nil ? "" : "✓")]
        }, right: [3, 4, 5])
        Console.line("\(out.missed) objectif(s) manqué(s), \(out.withoutResult) sans résultat.")
        if !out.inconsistencies.isEmpty {
            Console.line("Incohérences des sources (conservées telles quelles) :")
            out.inconsistencies.forEach { Console.line("  ⚠ \($0.message)") }
        }
    }
}
