import Foundation
import XCTest
@testable import GuichetCore

final class CotationRequestValidationTests: XCTestCase {
    func testNeutralRequestIsValid() {
        XCTAssertEqual(neutralRequest().validate(), [])
    }

    func testInvalidRequestListsEveryProblemWithItsField() {
        var r = neutralRequest()
        r.members = [RequestMember(role: .child, birthDate: r.requestDate.adding(days: 1))]
        r.annualResources = Money(cents: -1)
        r.home?.monthlyHousingBenefit = Money(cents: -10)
        r.criteria = [CriterionClaim(criterionId: "dalo", document: .valid), CriterionClaim(criterionId: "dalo", document: .missing)]
        r.calProposals = [CalProposal(date: r.requestDate.adding(days: -1), rank: 0)]
        r.struckOffOn = r.requestDate.adding(days: -1)
        r.sneNumber = " "
        XCTAssertEqual(r.validate().map(\.field), [
            "sneNumber", "members", "members[0].birthDate", "annualResources", "home.monthlyHousingBenefit",
            "criteria[1].criterionId", "calProposals[0].rank", "calProposals[0].date", "struckOffOn",
        ])
        XCTAssertEqual(r.validate().first { $0.field == "members" }?.message, "la demande doit comporter un demandeur")
    }

    func testTwoRequestersAreRefused() {
        var r = neutralRequest()
        r.members.append(r.members[0])
        XCTAssertEqual(r.validate().map(\.message), ["la demande ne peut comporter qu'un seul demandeur"])
    }

    func testRequestRoundTripsThroughJSON() throws {
        var r = neutralRequest()
        r.sneNumber = "062042400001"
        r.wishedCommunes = [WishedCommune("62119"), WishedCommune("Béthune")]
        r.wishedTypologies = [.t2, .t5Plus]
        r.criteria = [CriterionClaim(criterionId: "travailleur-essentiel",
                                     document: ClaimDocument(status: .received, receivedOn: day("2024-06-02")),
                                     detail: "Aides-soignants")]
        r.calProposals = [CalProposal(date: day("2024-07-01"), landlord: "Maisons et Cités", rank: 2)]
        let data = try JSONEncoder().encode(r)
        XCTAssertEqual(try JSONDecoder().decode(SocialHousingRequest.self, from: data), r)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"T5+\""))
        XCTAssertEqual(r.wishedCommunes.first, .code(try InseeCode("62119")))
    }

    func testClaimsAreCheckedAgainstTheGrid() throws {
        let grid = try CotationFixture.grid()
        let occupation = try XCTUnwrap(grid.essentialWorkerGroups.last?.occupations.first)
        var r = neutralRequest()
        r.criteria = [CriterionClaim(criterionId: "travailleur-essentiel", document: .valid, detail: occupation)]
        r.priorityCategories = ["travailleur-essentiel"]
        XCTAssertEqual(r.validate(against: grid), [])
        // An occupation outside the list is not an input error: the line scores 0 and says why.
        r.criteria += [CriterionClaim(criterionId: "dalo", document: .valid, member: 1),
                       CriterionClaim(criterionId: "jeune-moins-30", document: .valid),
                       CriterionClaim(criterionId: "inconnu", document: .valid)]
        r.criteria[0].detail = "Astronautes"
        r.priorityCategories.append("vip")
        XCTAssertEqual(r.validate(against: grid).map(\.field),
                       ["criteria[1].member", "criteria[2].criterionId", "criteria[3].criterionId", "priorityCategories[1]"])
    }
}
