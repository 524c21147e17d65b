import Foundation
import XCTest
@testable import GuichetCore

final class ProgrammeSummaryTests: XCTestCase {
    private func programme(_ year: Int?, plus: Int, plai: Int, adapte: Int? = nil, pls: Int = 0,
                           sizes: [Int]? = nil, state: Int64 = 0) -> ConstructionProgramme {
        let t = sizes.map { s in Typologies(t1: .known(s[0]), t2: .known(s[1]), t3: .known(s[2]), t4: .known(s[3]), t5Plus: .known(s[4])) }
        return ConstructionProgramme(commune: "A", name: "P", landlordId: nil, landlordName: "X",
                                     financingYear: year.map { .known($0) } ?? SourceValue(value: nil, raw: "?", doubtful: true),
                                     plus: .known(plus), plai: .known(plai),
                                     plaiAdapte: adapte.map { .known($0) } ?? .blank, pls: .known(pls),
                                     stateSubsidy: .known(Money(euros: state)), typologies: t ?? Typologies())
    }

    func testTypologySharesCoverOnlyProgrammesWithEverySizeKnown() throws {
        let s = ProgrammeSummary.construction([
            programme(2022, plus: 6, plai: 4, adapte: 1, sizes: [1, 3, 4, 2, 0]),
            programme(2022, plus: 3, plai: 1, sizes: [0, 1, 1, 1, 1]),
            programme(2022, plus: 10, plai: 0),
        ])
        let y = try XCTUnwrap(s.years.first)
        XCTAssertEqual(y.programmesWithTypologies, 2)
        XCTAssertEqual(y.t1t2, 5)
        XCTAssertEqual(y.t1t3, 10)
        XCTAssertEqual(y.t1t2Share, Percentage.ratio(5, of: 14))
        XCTAssertEqual(y.t1t3Share, Percentage.ratio(10, of: 14))
        XCTAssertEqual(y.plaiAdapte, 1)
        XCTAssertEqual(y.unknownCells["plaiAdapte"], 2)
        XCTAssertEqual(y.plaiShareOfPlusPlai, Percentage.ratio(5, of: 24))
    }

    func testUnknownYearComesLastAndTotalsCoverEveryProgramme() {
        let s = ProgrammeSummary.construction([
            programme(nil, plus: 1, plai: 1), programme(2023, plus: 2, plai: 1), programme(2021, plus: 3, plai: 1),
        ])
        XCTAssertEqual(s.years.map(\.year), [2021, 2023, nil])
        XCTAssertEqual(s.total.plus, 6)
        XCTAssertEqual(s.total.programmes, 3)
    }

    func testJSONShapeHasAmountsInCentsAndExplicitNulls() throws {
        let s = ProgrammeSummary.construction([programme(2020, plus: 151, plai: 89, state: 1_000)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: encoder.encode(s)) as? [String: Any])
        let years = try XCTUnwrap(object["years"] as? [[String: Any]])
        let y = try XCTUnwrap(years.first)
        XCTAssertEqual(y["year"] as? Int, 2020)
        XCTAssertEqual(y["plus"] as? Int, 151)
        XCTAssertEqual(y["plai"] as? Int, 89)
        XCTAssertEqual(y["stateSubsidyCents"] as? Int, 100_000)
        XCTAssertEqual(y["plaiShareOfPlusPlaiBasisPoints"] as? Int, Percentage.ratio(89, of: 240)!.basisPoints)
        XCTAssertTrue(y["t1t2"] is NSNull, "null, not missing: the CLI shape is fixed")
        let total = try XCTUnwrap(object["total"] as? [String: Any])
        XCTAssertTrue(total["year"] is NSNull)
        XCTAssertEqual(Set(y.keys), Set(total.keys))
        // And it reads back.
        XCTAssertEqual(try JSONDecoder().decode(ConstructionSummary.self, from: encoder.encode(s)), s)
    }

    func testRehabilitationJSONShape() throws {
        let p = RehabilitationProgramme(commune: "A", name: "P", landlordId: nil, landlordName: "X", financingYear: .known(2021),
                                        dwellings: .known(12), stateSubsidy: .known(Money(euros: 10)),
                                        labelBefore: .known(.f), labelAfter: .known(.c))
        let data = try JSONEncoder().encode(ProgrammeSummary.rehabilitation([p]))
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"stateSubsidyCents\":1000"), text)
        XCTAssertTrue(text.contains("\"before\":\"F\""), text)
        XCTAssertTrue(text.contains("\"epciSubsidyCents\":0"), text)
    }
}
