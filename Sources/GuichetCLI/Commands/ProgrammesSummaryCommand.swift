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

    struct Output<Line: Encodable>: Encodable { var kind: ProgrammeTableKind; var years: [Line]; var total: Line }

    /// "PLS : 28" with the fields' French names.
    static func unknownCells(_ cells: [String: Int]) -> [String] {
        cells.map { "\(ProgrammeField(rawValue: $0.key)?.label ?? $0.key) : \($0.value)" }.sorted()
    }

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        switch kind {
        case .construction:
            let summary = ProgrammeSummary.construction(try ws.store.read { try $0.allConstruction() })
            if json { return try Console.json(Output(kind: kind, years: summary.years, total: summary.total)) }
            let n = { (v: Int?) in v.map(FrenchFormat.integer) ?? "—" }
            let pct = { (p: Percentage?) in p.map { FrenchFormat.percent($0, decimals: 0) } ?? "—" }
            Console.table(["Année", "Progr.", "PLUS", "PLAI", "PLS", "Total", "PLAI/(PLUS+PLAI)", "PLAI/tout", "Sub. État", "Sub. agglo"],
                          (summary.years + [summary.total]).map { l in
                              [l.year.map(String.init) ?? (l == summary.total ? "Total" : "?"), n(l.programmes), n(l.plus), n(l.plai),
                               n(l.pls), n(l.total), pct(l.plaiShareOfPlusPlai), pct(l.plaiShareOfAll),
                               FrenchFormat.money(l.stateSubsidy), FrenchFormat.money(l.epciSubsidy)]
                          }, right: Set(1...9))
            let unknown = Self.unknownCells(summary.total.unknownCells)
            if !unknown.isEmpty { Console.line("Cellules inconnues non additionnées : \(unknown.joined(separator: ", "))") }
        case .rehabilitation:
            let summary = ProgrammeSummary.rehabilitation(try ws.store.read { try $0.allRehabilitation() })
            if json { return try Console.json(Output(kind: kind, years: summary.years, total: summary.total)) }
            Console.table(["Année", "Progr.", "Logements", "Sub. État", "Sub. agglo"],
                          (summary.years + [summary.total]).map { l in
                              [l.year.map(String.init) ?? (l == summary.total ? "Total" : "?"), FrenchFormat.integer(l.programmes),
                               l.dwellings.map(FrenchFormat.integer) ?? "—", FrenchFormat.money(l.stateSubsidy), FrenchFormat.money(l.epciSubsidy)]
                          }, right: Set(1...4))
            let unknown = Self.unknownCells(summary.total.unknownCells)
            if !unknown.isEmpty { Console.line("Cellules inconnues non additionnées : \(unknown.joined(separator: ", "))") }
        }
    }
}
