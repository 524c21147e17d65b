import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct ProgrammesSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Bilan par année de financement et sur la période (montants en centimes en JSON).")

    @Option(name: .long, help: "construction (défaut) ou rehabilitation.")
    var kind: ProgrammeTableKind = .construction
    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    /// `years` and `total` cover every programme; `financed` and `forecast` each give the same lines
    /// for their programmes only (the review keeps them apart).
    struct Output<Line: ProgrammeSummaryLine>: Encodable {
        var kind: ProgrammeTableKind
        var years: [Line]
        var total: Line
        var financed: PeriodSummary<Line>
        var forecast: PeriodSummary<Line>
        var rules: [YearlyRuleFinding]?
        init(kind: ProgrammeTableKind, _ s: YearlySummary<Line>, rules: [YearlyRuleFinding]? = nil) {
            self.kind = kind; years = s.years; total = s.total; financed = s.financed; forecast = s.forecast; self.rules = rules
        }
    }

    /// "PLS : 28" with the fields' French names.
    static func unknownCells(_ cells: [String: Int]) -> [String] {
        cells.map { "\(ProgrammeField(rawValue: $0.key)?.label ?? $0.key) : \($0.value)" }.sorted()
    }

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        switch kind {
        case .construction:
            let programmes = try ws.store.read { try $0.allConstruction() }
            let summary = ProgrammeSummary.construction(programmes)
            let rules = ws.profile.programmeRules?.yearlyFindings(programmes.filter { $0.effectivePeriod == .financed }) ?? []
            if json { return try Console.json(Output(kind: kind, summary, rules: rules)) }
            let n = { (v: Int?) in v.map(FrenchFormat.integer) ?? "—" }
            let pct = { (p: Percentage?) in p.map { FrenchFormat.percent($0, decimals: 0) } ?? "—" }
            Console.table(["Année", "Progr.", "PLUS", "PLAI", "PLS", "Total", "PLAI/(PLUS+PLAI)", "PLAI/tout", "Sub. État", "Sub. agglo"],
                          summary.labelledLines.map { label, l, _ in
                              [label, n(l.programmes), n(l.plus), n(l.plai),
                               n(l.pls), n(l.total), pct(l.plaiShareOfPlusPlai), pct(l.plaiShareOfAll),
                               FrenchFormat.money(l.stateSubsidy), FrenchFormat.money(l.epciSubsidy)]
                          }, right: Set(1...9))
            let unknown = Self.unknownCells(summary.total.unknownCells)
            if !unknown.isEmpty { Console.line("Cellules inconnues non additionnées : \(unknown.joined(separator: ", "))") }
            for finding in rules { Console.line("\(finding.year) : \(finding.message)") }
        case .rehabilitation:
            let summary = ProgrammeSummary.rehabilitation(try ws.store.read { try $0.allRehabilitation() })
            if json { return try Console.json(Output(kind: kind, summary)) }
            Console.table(["Année", "Progr.", "Logements", "Sub. État", "Sub. agglo"],
                          summary.labelledLines.map { label, l, _ in
                              [label, FrenchFormat.integer(l.programmes),
                               l.dwellings.map(FrenchFormat.integer) ?? "—", FrenchFormat.money(l.stateSubsidy), FrenchFormat.money(l.epciSubsidy)]
                          }, right: Set(1...4))
            let unknown = Self.unknownCells(summary.total.unknownCells)
            if !unknown.isEmpty { Console.line("Cellules inconnues non additionnées : \(unknown.joined(separator: ", "))") }
        }
    }
}
