import XCTest
@testable import GuichetCore

final class CotationRankingTests: XCTestCase {
    var grid: CotationGrid!
    override func setUpWithError() throws { grid = try CotationFixture.grid() }

    func scored(_ id: String, date: String, claims: [String] = [], sne: String? = nil,
                communes: [String] = [], typologies: [Typology] = [], priority: [String] = [],
                struckOff: String? = nil) -> ScoredRequest {
        var r = neutralRequest()
        r.id = id
        r.sneNumber = sne
        r.requestDate = day(date)
        r.criteria = claims.map { CriterionClaim(criterionId: $0, document: .valid) }
        r.wishedCommunes = communes.map(WishedCommune.init)
        r.wishedTypologies = typologies
        r.priorityCategories = priority
        r.struckOffOn = struckOff.map { day($0) }
        return ScoredRequest(request: r, result: CotationEngine.score(r, grid: grid, on: neutralDate))
    }

    func testScoreDescendingThenOlderRequestFirstWhateverTheInputOrder() {
        let newer = scored("b", date: "2024-05-01", claims: ["heberge-tiers"])
        let older = scored("a", date: "2024-04-01", claims: ["heberge-tiers"])
        let top = scored("c", date: "2024-07-01", claims: ["dalo"])
        let low = scored("d", date: "2023-01-01")
        XCTAssertEqual(newer.result.total, older.result.total)
        for input in [[newer, older, top, low], [low, older, top, newer], [top, low, newer, older]] {
            let ranked = CotationRanking.rank(input)
            XCTAssertEqual(ranked.map(\.request.id), ["c", "a", "b", "d"])
            XCTAssertEqual(ranked.map(\.position), [1, 2, 3, 4])
        }
    }

    func testSameScoreAndDateOrderedBySneNumberThenId() {
        let x = scored("x", date: "2024-04-01", sne: "062042400002")
        let y = scored("y", date: "2024-04-01", sne: "062042400001")
        let z = scored("a", date: "2024-04-01")
        let w = scored("b", date: "2024-04-01")
        XCTAssertEqual(CotationRanking.rank([w, z, x, y]).map(\.request.id), ["y", "x", "a", "b"])
        XCTAssertEqual(CotationRanking.rank([x, y, z, w]).map(\.request.id), ["y", "x", "a", "b"])
    }

    func testFilterByCommuneAndTypologyAndPriorityMarked() {
        let bethune = scored("1", date: "2024-01-01", claims: ["dalo"], communes: ["62119", "Bruay-la-Buissière"], typologies: [.t3])
        let bruay = scored("2", date: "2024-01-02", communes: ["bruay la buissiere"], typologies: [.t2, .t3])
        let other = scored("3", date: "2024-01-03", communes: ["Lillers"], typologies: [.t5Plus])
        let all = [bethune, bruay, other]
        XCTAssertEqual(CotationRanking.rank(all, filter: RankingFilter(commune: "62119")).map(\.request.id), ["1"])
        XCTAssertEqual(CotationRanking.rank(all, filter: RankingFilter(commune: "Bruay-la-Buissière")).map(\.request.id), ["1", "2"])
        XCTAssertEqual(CotationRanking.rank(all, filter: RankingFilter(typology: .t3)).map(\.request.id), ["1", "2"])
        XCTAssertEqual(CotationRanking.rank(all, filter: RankingFilter(commune: "lillers", typology: .t3)).map(\.request.id), [])
        XCTAssertEqual(CotationRanking.rank(all).map(\.request.id), ["1", "2", "3"])
        XCTAssertEqual(CotationRanking.rank(all).map(\.isPriorityHousehold), [true, false, false])
    }

    func testStruckOffRequestsAreNotRanked() {
        let gone = scored("gone", date: "2024-01-01", claims: ["dalo"], struckOff: "2024-08-01")
        let later = scored("later", date: "2024-01-01", struckOff: "2024-12-01")
        XCTAssertEqual(CotationRanking.rank([gone, later]).map(\.request.id), ["later"])
    }
}
