import Foundation
import GuichetCore
@testable import GuichetReports

/// Shared helpers: external tools, a sample report.
enum Fixtures {
    static let producedOn = CalendarDate(year: 2026, month: 11, day: 22)!
    static let territory = "Communauté d'agglomération du Pays de Saint-Omer"

    /// Runs a tool and returns its standard output as text.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func onPath(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static let communes = ["Saint-Omer", "Arques", "Longuenesse", "Blendecques", "Aire-sur-la-Lys",
                           "Lumbres", "Fauquembergues", "Thérouanne", "Eperlecques", "Wizernes"]

    /// Aid dossiers: deterministic, with tricky names and long text.
    static func dossierRows(_ count: Int) -> [[ReportCell]] {
        let names = ["Dupont; Fils", "Le \"Clos\" des Tilleuls", "Martin\nBertrand", "=SUM(A1)",
                     "Société d'économie mixte d'aménagement et de construction du Pays de Saint-Omer",
                     "Lefebvre Émilie", "Œuvre Sainte-Cœur", "Durand"]
        let start = CalendarDate(year: 2025, month: 1, day: 6)!
        return (0..<count).map { i in
            [.integer(i + 1), .text(names[i % names.count]), .text(communes[i % communes.count]),
             .date(start.adding(days: i * 3)), .money(Money(cents: Int64(150_000 + (i * 73_219) % 2_000_000))),
             .percent(Percentage(basisPoints: 1_500 + (i * 371) % 6_000))]
        }
    }

    static let dossierColumns = [
        ReportColumn("N°", .integer, width: 5), ReportColumn("Bénéficiaire", .text, width: 30),
        ReportColumn("Commune", .text, width: 16), ReportColumn("Dépôt", .date),
        ReportColumn("Montant accordé", .money), ReportColumn("Taux", .percent, width: 8),
    ]

    static func moneyTotal(_ rows: [[ReportCell]], column: Int) -> Money {
        rows.sum { row in if case .money(let m) = row[column] { return m } else { return .zero } }
    }

    static func dossierTable(_ count: Int, name: String = "Dossiers de l'année") -> ReportTable {
        let rows = dossierRows(count)
        return ReportTable(name: name, columns: dossierColumns, rows: rows,
                           totals: [[.empty, .text("Total"), .empty, .empty, .money(moneyTotal(rows, column: 4)), .empty]])
    }

    /// A 12-column table, too wide for portrait: the automatic orientation turns the page.
    static func wideDocument() -> ReportDocument {
        let columns = dossierColumns + [
            ReportColumn("Bailleur", .text, width: 18), ReportColumn("Décision", .date),
            ReportColumn("Subvention Anah", .money), ReportColumn("Subvention agglomération", .money),
            ReportColumn("Reste à charge", .money), ReportColumn("Logements", .integer, width: 9),
        ]
        let landlords = ["Pas-de-Calais Habitat", "Maisons et Cités", "SIA Habitat", "Flandre Opale Habitat"]
        let rows: [[ReportCell]] = dossierRows(45).enumerated().map { i, row in
            row + [.text(landlords[i % landlords.count]), .date(producedOn.adding(days: -i * 5)),
                   .money(Money(cents: Int64(500_000 + i * 12_345))), .money(Money(cents: Int64(100_000 + i * 2_500))),
                   .money(Money(cents: Int64(i * 9_999))), .integer(1 + i % 12)]
        }
        return ReportDocument(territory: territory, title: "Suivi détaillé des dossiers", subtitle: "Tableau complet",
                              producedOn: producedOn,
                              sections: [ReportSection(heading: "Dossiers financés", tables: [ReportTable(name: "Dossiers financés", columns: columns, rows: rows)])],
                              orientation: .automatic)
    }

    /// A report shaped like the yearly review: text, a chart and several tables.
    static func sampleDocument() -> ReportDocument {
        let schemes: [(String, Int64, Int, Int)] = [
            ("Ravalement de façades", 1_340_400, 18, 3_510), ("Rénovation énergétique (Ma Prime Adapt')", 8_725_050, 42, 2_875),
            ("Primo-accession dans l'ancien", 6_000_000, 20, 1_913), ("Adaptation à la perte d'autonomie", 2_215_075, 13, 4_200),
            ("Sortie de vacance", 1_500_000, 6, 1_000),
        ]
        let schemeRows: [[ReportCell]] = schemes.map { [.text($0.0), .integer($0.2), .money(Money(cents: $0.1)), .percent(Percentage(basisPoints: $0.3))] }
        let schemeTable = ReportTable(
            name: "Aides engagées par dispositif",
            columns: [ReportColumn("Dispositif", .text, width: 34), ReportColumn("Dossiers", .integer),
                      ReportColumn("Montant engagé", .money), ReportColumn("Consommation de l'enveloppe", .percent, width: 12)],
            rows: schemeRows,
            totals: [[.text("Total"), .integer(schemes.map(\.2).reduce(0, +)), .money(moneyTotal(schemeRows, column: 2)), .empty]])
        let chart = ReportChart(
            title: "Montants engagés par année et par dispositif", unit: .money,
            categories: ["2023", "2024", "2025", "2026"],
            series: [.init(name: "Rénovation énergétique", values: [6_200_000, 7_450_000, 8_100_000, 8_725_050]),
                     .init(name: "Primo-accession", values: [4_000_000, 5_200_000, 5_600_000, 6_000_000]),
                     .init(name: "Façades", values: [900_000, 1_100_000, 1_250_000, 1_340_400])])
        let housing = ReportTable(
            name: "Logements locatifs sociaux par commune",
            columns: [ReportColumn("Commune", .text), ReportColumn("Résidences principales", .integer, width: 12),
                      ReportColumn("Logements sociaux", .integer, width: 12), ReportColumn("Taux SRU", .percent, width: 10),
                      ReportColumn("Dernier inventaire", .date, width: 12)],
            rows: communes.enumerated().map { i, c in
                let main = 1_200 + i * 917, social = 150 + i * 131
                return [.text(c), .integer(main), .integer(social), .percent(Percentage.ratio(social, of: main)!),
                        .date(CalendarDate(year: 2026, month: 1, day: 1)!)]
            })
        return ReportDocument(
            territory: territory, title: "Bilan annuel du programme local de l'habitat",
            subtitle: "PLH 2023-2028 — année 2026, document de travail pour le comité de pilotage",
            producedOn: producedOn,
            sections: [
                ReportSection(heading: "1. Synthèse des aides",
                              paragraphs: ["Ce bilan présente les aides à l'habitat privé engagées par l'agglomération au cours de l'année, dispositif par dispositif, ainsi que l'évolution des montants depuis le début du programme. Les montants sont exprimés en euros TTC.",
                                           "Les taux de consommation rapportent les montants engagés à l'enveloppe votée au budget primitif."],
                              tables: [schemeTable], chart: chart),
                ReportSection(heading: "2. Dossiers instruits",
                              paragraphs: ["Liste des dossiers ayant reçu une décision favorable, classés par numéro d'ordre."],
                              tables: [dossierTable(70)]),
                ReportSection(heading: "3. Parc locatif social", tables: [housing]),
            ])
    }
}
