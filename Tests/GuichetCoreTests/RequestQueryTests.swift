import Foundation
import XCTest
@testable import GuichetCore

final class RequestQueryTests: XCTestCase {
    var grid: CotationGrid!
    override func setUpWithError() throws { grid = try CotationFixture.grid() }

    func stored(_ requests: [SocialHousingRequest], on date: CalendarDate) -> [StoredRequest] {
        requests.map { StoredRequest(request: $0, version: 1, score: StoredScore(requestId: $0.id, result: CotationEngine.score($0, grid: grid, on: date))) }
    }

    func testQueryRanksAsCotationRanking() {
        let date = day("2026-11-20")
        let requests = DemoRequests.generate(count: 400, seed: 3, grid: grid, referenceDate: date)
        let all = stored(requests, on: date)
        let scored = requests.map { ScoredRequest(request: $0, result: CotationEngine.score($0, grid: grid, on: date)) }
        XCTAssertEqual(RequestQuery().apply(to: all).map(\.id), CotationRanking.rank(scored).map(\.request.id))
        XCTAssertEqual(RequestQuery(commune: "ARQUES", typology: .t2).apply(to: all).map(\.id),
                       CotationRanking.rank(scored, filter: RankingFilter(commune: "ARQUES", typology: .t2)).map(\.request.id))
        let priority = RequestQuery(priorityOnly: true).apply(to: all)
        XCTAssertTrue(priority.allSatisfy { $0.score?.isPriorityHousehold == true })
        XCTAssertLessThan(priority.count, RequestQuery().apply(to: all).count)
        XCTAssertEqual(RequestQuery(includeStruckOff: true).apply(to: all).count, all.count)
    }

    /// Names and communes found in any word order, without accents, hyphens or case.
    func testTextFindsNamesAndCommunesInAnyWordOrder() {
        let date = day("2024-09-01")
        var a = neutralRequest(); a.id = "a"
        a.members[0].lastName = "Lecomte"; a.members[0].firstName = "Théo"
        a.wishedCommunes = [.name("Saint-Omer")]
        var b = neutralRequest(); b.id = "b"
        b.members.append(RequestMember(role: .coRequester, birthDate: day("1985-01-01"), lastName: "Dupont-Lecomte", firstName: "Anaïs"))
        let all = stored([a, b], on: date)
        func found(_ text: String) -> [String] { RequestQuery(text: SearchText(text)).apply(to: all).map(\.id).sorted() }
        XCTAssertEqual(found("theo lecomte"), ["a"])
        XCTAssertEqual(found("LECOMTE Théo"), ["a"])
        XCTAssertEqual(found("saint omer"), ["a"])
        XCTAssertEqual(found("lecomte"), ["a", "b"])
        XCTAssertEqual(found("anais dupont lecomte"), ["b"])
        XCTAssertEqual(found("theo dupont"), [])
        XCTAssertEqual(found("  "), ["a", "b"])
    }

    func testUnscoredRequestComesLast() {
        let date = day("2024-09-01")
        var a = neutralRequest(); a.id = "a"
        var b = neutralRequest(); b.id = "b"
        let list = [StoredRequest(request: a, version: 1, score: nil)] + stored([b], on: date)
        XCTAssertEqual(RequestQuery().apply(to: list).map(\.id), ["b", "a"])
    }

    func testCommuneKeyMatchesWhatMatchesCompares() {
        XCTAssertEqual(WishedCommune("Aire-sur-la-Lys").matchKey, WishedCommune("aire sur la lys").matchKey)
        XCTAssertEqual(WishedCommune("Thérouanne").matchKey, WishedCommune("THEROUANNE").matchKey)
        XCTAssertNotEqual(WishedCommune("62811").matchKey, WishedCommune("Thérouanne").matchKey)
        XCTAssertTrue(WishedCommune("62811").matches("62811"))
    }

    func testInputWishesAndTheirErrors() throws {
        let base = CotationInputTests.example.replacingOccurrences(
            of: "\"calProposals\"", with: "\"wishedCommunes\": [\"Béthune\", \"62119\"], \"wishedTypologies\": [\"t2\", \"T9\"], \"calProposals\"")
        let input = try JSONDecoder().decode(CotationInput.self, from: Data(base.utf8))
        XCTAssertThrowsError(try input.makeRequest(grid: grid)) { error in
            XCTAssertEqual((error as? ValidationErrors)?.errors.map(\.field), ["wishedTypologies[1]"])
        }
        let fixed = try JSONDecoder().decode(CotationInput.self, from: Data(base.replacingOccurrences(of: "\"T9\"", with: "\"T3\"").utf8))
        let request = try fixed.makeRequest(grid: grid)
        XCTAssertEqual(request.wishedTypologies, [.t2, .t3])
        XCTAssertEqual(request.wishedCommunes.map(\.description), ["Béthune", "62119"])
    }

    func testStoredScoreKeepsTheLinesThatExplainTheTotal() throws {
        let input = try JSONDecoder().decode(CotationInput.self, from: Data(CotationInputTests.example.utf8))
        let result = CotationEngine.score(try input.makeRequest(grid: grid), grid: grid, on: input.computedOn)
        let s = StoredScore(requestId: "x", result: result)
        XCTAssertEqual(s.lines.reduce(0) { $0 + $1.points }, result.total)
        XCTAssertTrue(s.lines.contains { $0.id == "heberge-tiers" && !$0.supported })
        XCTAssertTrue(s.agrees(with: result))
        var other = grid!
        other.criteria[other.criteria.firstIndex { $0.id == "dalo" }!].points = 999
        XCTAssertFalse(s.agrees(with: CotationEngine.score(try input.makeRequest(grid: other), grid: other, on: input.computedOn)))
    }

    func testConcurrentMapKeepsTheOrder() {
        let numbers = Array(0..<10_007)
        XCTAssertEqual(numbers.concurrentMap(minimumSlice: 100) { $0 * 3 }, numbers.map { $0 * 3 })
        XCTAssertEqual([Int]().concurrentMap { $0 }, [])
    }
}
