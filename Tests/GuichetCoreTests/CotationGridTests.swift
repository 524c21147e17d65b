import Foundation
import XCTest
@testable import GuichetCore

final class CotationGridTests: XCTestCase {
    static let fixedIds: [(String, CriterionCategory, Bool)] = [
        ("dalo", .statutory, false), ("premier-quartile", .statutory, true), ("handicap", .statutory, false),
        ("chomage-longue-duree", .statutory, false), ("appartement-coordination-therapeutique", .statutory, false),
        ("logement-indigne", .statutory, false), ("menace-expulsion", .statutory, false),
        ("violences", .statutory, false), ("logement-non-decent-mineur", .statutory, false),
        ("suroccupation-mineur", .statutory, false), ("sans-logement", .statutory, false),
        ("heberge-tiers", .statutory, false), ("heberge-structure", .statutory, false),
        ("victime-viol-agression", .statutory, false), ("sortie-prostitution", .statutory, false),
        ("victime-traite", .statutory, false), ("sortant-ase", .statutory, false),
        ("anciennete-demande", .optional, true), ("eloigne-travail", .optional, false),
        ("jeune-moins-30", .optional, true), ("senior-60", .optional, true),
        ("senior-logement-inadapte", .optional, false), ("cdd-interim", .optional, false),
        ("etudiant-apprenti", .optional, false), ("logement-inadapte-handicap", .optional, false),
        ("sous-occupation", .optional, false),
        ("inadequation-ressources", .local, true), ("cal-rang-2-3", .local, true),
        ("parcours-residentiel", .local, false), ("logement-mis-en-vente", .local, false),
        ("pompier-volontaire", .local, false), ("travailleur-essentiel", .local, false),
    ]

    func testRealGridIsValidAndHoldsEveryFixedCriterion() throws {
        let grid = try CotationFixture.grid()
        XCTAssertEqual(grid.validate(), [])
        XCTAssertEqual(grid.criteria.map(\.id), Self.fixedIds.map(\.0))
        for (id, category, computed) in Self.fixedIds {
            let c = try XCTUnwrap(grid.criterion(id: id))
            XCTAssertEqual(c.category, category, id)
            XCTAssertEqual(c.basis, computed ? .computed : .declared, id)
            XCTAssertFalse(c.label.isEmpty, id)
            XCTAssertGreaterThan(c.awardedPoints, 0, id)
        }
        XCTAssertEqual(Set(grid.priorityCategories.map(\.kind)), Set(PriorityCategoryKind.known))
        XCTAssertEqual(grid.essentialWorkerGroups.map(\.group), [1, 2, 3, 4])
    }

    /// The thresholds of the file are the brief's printed figures (§7.4), in cents.
    func testQuartileThresholdsMatchTheBrief() throws {
        let grid = try CotationFixture.grid()
        let printed = [(2020, "7 178"), (2021, "7 423"), (2022, "7 662"), (2023, "8 058")]
        XCTAssertEqual(grid.quartileThresholds.map(\.year), printed.map(\.0))
        for (year, text) in printed {
            XCTAssertEqual(grid.quartileThreshold(for: year)?.perUc, FrenchNumber.parseMoney(text), "\(year)")
        }
        XCTAssertEqual(grid.quartileThreshold(for: 2025)?.year, 2023)
        XCTAssertNil(grid.quartileThreshold(for: 2019))
        XCTAssertEqual(grid.ravThresholdPerPersonPerDay, FrenchNumber.parseMoney("6,50"))
        XCTAssertEqual(grid.tauxEffortThreshold, Percentage(parsing: "33 %"))
    }

    func testGridRoundTripsThroughJSON() throws {
        let grid = try CotationFixture.grid()
        let again = try CotationGrid(jsonData: JSONEncoder().encode(grid))
        XCTAssertEqual(again, grid)
    }

    /// A broken file: every error names its key path in the file.
    func testValidationErrorsNameKeyPaths() throws {
        var grid = try CotationFixture.grid()
        grid.criteria[3].points = -5
        grid.criteria[4].id = grid.criteria[0].id
        grid.criteria[5].category = CriterionCategory(rawValue: "communale")
        grid.criteria[6].basis = .computed
        grid.criteria[18].minPoints = 30                 // eloigne-travail: 30…25
        grid.requestAgeSteps[1].points = 80             // above anciennete-demande's maxPoints
        grid.quartileThresholds.append(QuartileThreshold(year: 2022, perUc: Money(cents: 1)))
        grid.tauxEffortThreshold = Percentage(basisPoints: 12_000)
        grid.priorityCategories[0].kind = PriorityCategoryKind(rawValue: "national")
        let errors = grid.validate()
        let byField = Dictionary(grouping: errors, by: \.field).mapValues { $0.map(\.message) }
        XCTAssertEqual(byField["criteria[3].points"], ["doit être ≥ 0"])
        XCTAssertEqual(errors.first { $0.field == "criteria[3].points" }?.description, "criteria[3].points : doit être ≥ 0")
        XCTAssertEqual(byField["criteria[4].id"]?.first?.contains("en double"), true)
        XCTAssertEqual(byField["criteria[5].category"]?.first?.contains("catégorie inconnue « communale »"), true)
        XCTAssertEqual(byField["criteria[6].basis"]?.first?.contains("aucun calcul connu"), true)
        XCTAssertEqual(byField["criteria[18].maxPoints"], ["doit être ≥ minPoints"])
        XCTAssertEqual(byField["requestAgeSteps[1].points"]?.count, 1)
        XCTAssertEqual(byField["quartileThresholds[4].year"]?.first?.contains("en double"), true)
        XCTAssertEqual(byField["tauxEffortThresholdBasisPoints"]?.count, 1)
        XCTAssertEqual(byField["priorityCategories[0].kind"]?.first?.contains("origine inconnue « national »"), true)
        // criteria[4] was renamed: the priority category it established names an unknown criterion.
        let renamed = try XCTUnwrap(grid.priorityCategories.firstIndex { $0.establishedBy?.contains { $0.criterion == "appartement-coordination-therapeutique" } == true })
        XCTAssertEqual(byField["priorityCategories[\(renamed)].establishedBy[0].criterion"]?.first?.contains("critère inconnu"), true)
        XCTAssertEqual(errors.count, 10, errors.map(\.description).joined(separator: "\n"))
    }

    /// An unknown category decodes, so validation (not the decoder) reports it with its path.
    func testUnknownCategoryDecodesThenFailsValidation() throws {
        let text = try XCTUnwrap(String(data: CotationFixture.gridData(), encoding: .utf8))
        let broken = text.replacingOccurrences(of: "\"category\": \"local\"", with: "\"category\": \"régionale\"")
        let grid = try CotationGrid(jsonData: Data(broken.utf8))
        let fields = grid.validate().map(\.field)
        let localIndices = Self.fixedIds.indices.filter { Self.fixedIds[$0].1 == .local }
        XCTAssertEqual(fields, localIndices.map { "criteria[\($0)].category" })
    }

    func testComputedCriterionMustBeDeclaredComputedAndPointsShapeChecked() throws {
        var grid = try CotationFixture.grid()
        let i = try XCTUnwrap(grid.criteria.firstIndex { $0.id == "senior-60" })
        grid.criteria[i].basis = .declared
        grid.criteria[0].minPoints = 1                   // dalo: points and minPoints
        grid.criteria[1].points = nil                    // premier-quartile: nothing
        let fields = grid.validate().map(\.field)
        XCTAssertEqual(fields, ["criteria[0].points", "criteria[1].points", "criteria[\(i)].basis"])
    }
}
