import ArgumentParser
import Foundation
import GuichetCore

struct CotationCriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria", abstract: "Liste les critères de la grille : identifiant, libellé, points, catégorie, calculé ou déclaré.")

    @Option(name: .long, help: "Territoire dont la grille est listée (sinon celui de la base, sinon « demo »).")
    var territory: String?

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Output: Encodable {
        var territory: String
        var gridVersion: String
        var criteria: [Criterion]
    }
    struct Criterion: Encodable {
        var id: String, label: String, points: Int?, minPoints: Int?, maxPoints: Int?
        var category: String, basis: String, supportingDocument: String
        /// What the household must be for the criterion to count, in the grid's words.
        var conditions: [String]
        /// Criteria of which only the highest counts together with this one.
        var exclusiveWith: [String]
    }

    func run() throws {
        let choice = try GridChoice.resolve(territory: territory)
        let grid = choice.grid
        if json {
            try Console.json(Output(territory: choice.territory, gridVersion: grid.version, criteria: grid.criteria.map {
                Criterion(id: $0.id, label: $0.label, points: $0.points, minPoints: $0.minPoints, maxPoints: $0.maxPoints,
                          category: $0.category.rawValue, basis: $0.basis.rawValue, supportingDocument: $0.supportingDocument,
                          conditions: ($0.conditions ?? []).map(\.source.shortDescription),
                          exclusiveWith: Self.exclusiveWith($0.id, in: grid))
            }))
            return
        }
        Console.line("Grille \(grid.version) (\(choice.origin)) : \(grid.criteria.count) critères")
        Console.line()
        Console.table(["Identifiant", "Libellé", "Points", "Catégorie", "Établi"], grid.criteria.map {
            [$0.id, $0.label, RequestText.pointsRange($0), RequestText.category($0.category), RequestText.basis($0.basis)]
        }, right: [2])
    }

    static func exclusiveWith(_ id: String, in grid: CotationGrid) -> [String] {
        grid.exclusiveGroups(of: id).flatMap(\.criteria).filter { $0 != id }
    }
}
