import XCTest
@testable import GuichetCore

/// Priority households derived from the request's facts, category by category, as the grid
/// file says each is established.
final class CotationPriorityTests: XCTestCase {
    var grid: CotationGrid!
    override func setUpWithError() throws { grid = try CotationFixture.grid() }

    func score(_ r: SocialHousingRequest, on date: CalendarDate = neutralDate) -> CotationResult {
        CotationEngine.score(r, grid: grid, on: date)
    }

    /// A neutral request (none of whose facts establishes anything) changed to meet `fact`.
    func requestEstablishing(_ fact: HouseholdFact) throws -> SocialHousingRequest {
        var r = neutralRequest()
        switch fact.kind {
        case .criterion:
            let criterion = try XCTUnwrap(grid.criterion(id: fact.criterion ?? ""))
            XCTAssertEqual(criterion.basis, .declared, "fait sur un critère calculé : non prévu par le test")
            r = requestMeeting(criterion, grid: grid)
        case .age:
            let age = try XCTUnwrap(fact.below.map { $0 - 1 } ?? fact.atLeast)
            r.members[0].birthDate = born(aged: age, on: neutralDate)
        case .waitingBeyondMonths:
            r.requestDate = neutralDate.adding(months: -(fact.months ?? 0)).adding(days: -1)
        case .calRankCount:
            r.requestDate = day("2022-01-01")
            r.calProposals = (0...(fact.moreThan ?? 0)).map {
                CalProposal(date: day("2023-01-01").adding(months: $0), rank: fact.rank ?? 2)
            }
        default:
            XCTFail("fait \(fact.kind.rawValue) non prévu par le test")
        }
        return r
    }

    func testNeutralRequestIsNotPriority() {
        XCTAssertEqual(score(neutralRequest()).priority, [])
        XCTAssertFalse(score(neutralRequest()).isPriorityHousehold)
    }

    /// Each fact of each category, on its own, establishes its category, and says how.
    func testEveryCategoryIsDerivedFromEachOfItsFacts() throws {
        var derived = 0
        for category in grid.priorityCategories where !category.isDeclaredOnly {
            for fact in category.establishedBy ?? [] {
                let result = score(try requestEstablishing(fact))
                let finding = result.priority.first { $0.id == category.id }
                XCTAssertEqual(finding?.established, true, "\(category.id) par \(fact.kind.rawValue)")
                XCTAssertEqual(finding?.basis, .derived, category.id)
                XCTAssertEqual(finding?.label, category.label)
                XCTAssertFalse(finding?.reason.isEmpty ?? true)
                XCTAssertTrue(result.isPriorityHousehold, category.id)
                derived += 1
            }
        }
        XCTAssertGreaterThan(derived, 15)
    }

    /// Without its document, a statutory criterion establishes nothing.
    func testACriterionWithoutItsDocumentEstablishesNothing() throws {
        var r = neutralRequest()
        r.criteria = [CriterionClaim(criterionId: "dalo", document: .missing)]
        XCTAssertFalse(score(r).isPriorityHousehold)
    }

    func testADaloHouseholdIsPriority() throws {
        var r = neutralRequest()
        r.criteria = [CriterionClaim(criterionId: "dalo", document: .valid)]
        let result = score(r)
        XCTAssertTrue(result.isPriorityHousehold)
        let dalo = try XCTUnwrap(grid.priorityCategories.first { $0.establishedBy?.contains { $0.criterion == "dalo" } == true })
        XCTAssertEqual(result.priority.map(\.id), [dalo.id])
        XCTAssertEqual(result.priority.first?.reason.contains("justificatif valide"), true)
    }

    /// Waiting time and the age of the requester at their boundaries.
    func testWaitingTimeAndAgeCategoriesAtTheirBoundaries() throws {
        let waiting = try XCTUnwrap(grid.priorityCategories.first { $0.establishedBy?.first?.kind == .waitingBeyondMonths })
        let months = try XCTUnwrap(waiting.establishedBy?.first?.months)
        var r = neutralRequest()
        r.requestDate = neutralDate.adding(months: -months)
        XCTAssertFalse(score(r).priority.contains { $0.id == waiting.id }, "exactly \(months) months: not more")
        XCTAssertTrue(score(r, on: neutralDate.adding(days: 1)).priority.contains { $0.id == waiting.id })

        let young = try XCTUnwrap(grid.priorityCategories.first { $0.establishedBy?.first.map { $0.kind == .age && $0.below != nil } == true })
        let limit = try XCTUnwrap(young.establishedBy?.first?.below)
        r = neutralRequest()
        r.members[0].birthDate = born(aged: limit, on: neutralDate)
        XCTAssertTrue(score(r, on: neutralDate.adding(days: -1)).priority.contains { $0.id == young.id })
        XCTAssertFalse(score(r, on: neutralDate).priority.contains { $0.id == young.id })
    }

    func testTheCotationInputDerivesPriorityToo() throws {
        let json = """
        { "computedOn": "2024-09-01", "requestDate": "2024-06-01",
          "members": [ {"role": "requester", "birthDate": "1980-05-15", "lastName": "Lecomte", "firstName": "Théo"} ],
          "annualResourcesCents": 3000000, "criteria": [ {"id": "dalo", "supported": true} ] }
        """
        let input = try JSONDecoder().decode(CotationInput.self, from: Data(json.utf8))
        let request = try input.makeRequest(grid: grid)
        XCTAssertEqual(request.applicantName, "LECOMTE Théo")
        XCTAssertTrue(CotationEngine.score(request, grid: grid, on: input.computedOn).isPriorityHousehold)
    }
}
