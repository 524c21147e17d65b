import Foundation
import XCTest
@testable import GuichetCore

final class CotationInputTests: XCTestCase {
    var grid: CotationGrid!
    override func setUpWithError() throws { grid = try CotationFixture.grid() }

    static let example = """
    { "computedOn": "2024-09-01", "requestDate": "2022-01-10",
      "members": [ {"role": "requester", "birthDate": "1995-01-01"}, {"role": "child", "birthDate": "2015-06-30"} ],
      "annualResourcesCents": 700000,
      "home": {"monthlyRentCents": 45000, "monthlyChargesCents": 5000, "monthlyHousingBenefitCents": 20000},
      "criteria": [ {"id": "dalo", "supported": true}, {"id": "heberge-tiers", "supported": false} ],
      "calProposals": [ {"date": "2023-03-01", "rank": 2}, {"date": "2023-09-01", "rank": 3} ] }
    """

    func decode(_ text: String) throws -> CotationInput {
        try JSONDecoder().decode(CotationInput.self, from: Data(text.utf8))
    }

    func scoreExample() throws -> CotationResult {
        let input = try decode(Self.example)
        return CotationEngine.score(try input.makeRequest(grid: grid), grid: grid, on: input.computedOn)
    }

    /// The example worked by hand: requester 29, child 9 → 1,3 UC; 7 000 € / 1,3 = 5 384,62 €
    /// under the 2023 threshold (no 2024 one); net housing cost 300 €/month → taux d'effort
    /// 3 600 / 7 000 = 51,43 %, RAV (7 000 − 3 600) / 2 / 360 = 4,72 €; request 31 months old;
    /// two CAL proposals at ranks 2 and 3; DALO supported, hosted-by-third-party not.
    func testExampleScoresWhatTheGridGivesByHand() throws {
        let result = try scoreExample()
        let firstStep = try XCTUnwrap(grid.requestAgeSteps.min { $0.beyondMonths < $1.beyondMonths })
        let expected = grid.points("dalo") + grid.points("premier-quartile") + grid.points("jeune-moins-30")
            + firstStep.points + grid.points("inadequation-ressources") + grid.points("cal-rang-2-3")
        XCTAssertEqual(result.total, expected)
        XCTAssertEqual(result.lines.filter { $0.points > 0 }.map(\.id),
                       ["dalo", "premier-quartile", "anciennete-demande", "jeune-moins-30", "inadequation-ressources", "cal-rang-2-3"])
        XCTAssertEqual(result.line("heberge-tiers").map { [$0.applied, $0.supported] }, [true, false])
        XCTAssertEqual(result.ucTenths, 13)
        XCTAssertEqual(result.incomePerUc?.cents, (700_000 * 10 * 2 + 13) / (2 * 13))   // 538 462
        XCTAssertEqual(result.quartileThreshold?.year, 2023)
        XCTAssertEqual(result.tauxEffort?.basisPoints, (12 * 30_000 * 10_000 * 2 + 700_000) / (2 * 700_000)) // 5 143
        XCTAssertEqual(result.ravPerPersonPerDay?.cents, (700_000 - 12 * 30_000) * 2 / (2 * 720))          // 472
        XCTAssertEqual(result.line("inadequation-ressources")?.explanation,
                       "Reste à vivre de 4,72\u{00A0}€ par personne et par jour (condition : moins de 6,50\u{00A0}€) et taux d'effort de 51,43\u{00A0}% (condition : plus de 33\u{00A0}%) : les deux conditions sont remplies.")
    }

    func testResultJSONShape() throws {
        let result = try scoreExample()
        let data = try JSONEncoder().encode(result)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(Set(json.keys), ["total", "lines", "uc", "incomePerUcCents", "quartileThresholdYear",
                                        "quartileThresholdCents", "ravCentsPerPersonPerDay", "tauxEffortBasisPoints",
                                        "gridVersion", "computedOn", "isPriorityHousehold", "priorityCategories"])
        XCTAssertEqual(json["total"] as? Int, result.total)
        XCTAssertEqual((json["uc"] as? NSNumber)?.doubleValue, 1.3)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"uc\":1.3"))
        XCTAssertEqual(json["incomePerUcCents"] as? Int, 538_462)
        XCTAssertEqual(json["quartileThresholdYear"] as? Int, 2023)
        XCTAssertEqual(json["quartileThresholdCents"] as? Int, Int(grid.quartileThreshold(for: 2023)!.perUc.cents))
        XCTAssertEqual(json["computedOn"] as? String, "2024-09-01")
        XCTAssertEqual(json["gridVersion"] as? String, grid.version)
        let lines = try XCTUnwrap(json["lines"] as? [[String: Any]])
        XCTAssertEqual(lines.count, grid.criteria.count)
        XCTAssertEqual(Set(lines[0].keys), ["id", "label", "points", "applied", "supported", "explanation", "source"])
    }

    func testMissingFiguresAreNullInJSON() throws {
        var r = neutralRequest()
        r.home = nil
        let result = CotationEngine.score(r, grid: grid, on: day("2019-06-01"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        for key in ["quartileThresholdYear", "quartileThresholdCents", "ravCentsPerPersonPerDay", "tauxEffortBasisPoints"] {
            XCTAssertTrue(json[key] is NSNull, key)
        }
    }

    func testUnknownCriterionIdIsNamedWithItsKeyPath() throws {
        let text = Self.example.replacingOccurrences(of: "\"heberge-tiers\"", with: "\"heberge-ami\"")
        XCTAssertThrowsError(try decode(text).makeRequest(grid: grid)) { error in
            let errors = (error as? ValidationErrors)?.errors ?? []
            XCTAssertEqual(errors.map(\.field), ["criteria[1].id"])
            XCTAssertEqual(errors.first?.message.contains("critère inconnu « heberge-ami »"), true)
        }
    }

    func testComputedCriterionCannotBeClaimedAndBadValuesNameInputKeys() throws {
        let text = Self.example
            .replacingOccurrences(of: "\"dalo\"", with: "\"senior-60\"")
            .replacingOccurrences(of: "\"child\"", with: "\"enfant\"")
            .replacingOccurrences(of: "700000", with: "-1")
            .replacingOccurrences(of: "\"monthlyChargesCents\": 5000", with: "\"monthlyChargesCents\": -5000")
            .replacingOccurrences(of: "\"rank\": 3", with: "\"rank\": 4")
        XCTAssertThrowsError(try decode(text).makeRequest(grid: grid)) { error in
            let fields = ((error as? ValidationErrors)?.errors ?? []).map(\.field)
            XCTAssertEqual(fields, ["members[1].role", "annualResourcesCents", "home.monthlyChargesCents",
                                    "calProposals[1].rank", "criteria[0].id"])
        }
    }
}
