import Foundation
import GuichetApp
import GuichetCore
import GuichetStorage
import XCTest

/// The window asks its question before « Accorder » only for a grant that would pass: the use case
/// reads the envelope and the year's average first, so an overspend or an aid above the PLH's
/// average asks for its reason before the question, and nothing is written meanwhile.
final class GrantPrecheckTests: XCTestCase {
    private func lhiUnderReview(_ app: Guichet, asking asked: Money) throws -> AidDossier {
        let lhi = try app.scheme("LHI")
        let owner = Applicant(kind: .privateOwner, household: Household(members: [HouseholdMember(lastName: "Vasseur", firstName: "Alain", role: .applicant)]))
        let d = try blocking { try await app.createDossier(DossierDraft(applicant: owner, property: DossierUseCaseTests.home, requestedAmount: asked), scheme: "LHI") }
        for req in lhi.mandatoryDocuments { _ = try blocking { try await app.recordDocument(req.id, state: .valid, on: d.number) } }
        _ = try blocking { try await app.perform(.submit, on: d.number) }
        return try blocking { try await app.perform(.startReview, on: d.number) }
    }

    func testAnOverspendAsksForItsReasonBeforeTheQuestion() throws {
        let (app, _) = try makeGuichet(territory: "capso")
        let envelope = try XCTUnwrap(app.scheme("LHI").envelope.yearly)
        let asked = Money(euros: 60_000)
        let first = try lhiUnderReview(app, asking: asked)
        let second = try lhiUnderReview(app, asking: asked)
        XCTAssertGreaterThan(asked + asked, envelope, "oracle: two requests overspend the profile's envelope")
        let grant = DossierAction.grant(amount: nil, reason: nil, overspendReason: nil)
        // The first fits: no refusal before the question (and nothing written by the check).
        XCTAssertNoThrow(try blocking { try await app.precheckAgainstBudget(grant, on: first) })
        XCTAssertEqual(try blocking { try await app.dossierSheet(first.number) }.dossier, first)
        _ = try blocking { try await app.perform(grant, on: first.number) }
        // The second overspends: refused with the lifecycle's words before any question…
        XCTAssertThrowsError(try blocking { try await app.precheckAgainstBudget(grant, on: second) }) { e in
            XCTAssertEqual((e as? LifecycleError)?.code, .overspendNeedsConfirmation)
        }
        // …and passes once the agent gives the reason.
        let confirmed = DossierAction.grant(amount: nil, reason: nil, overspendReason: "Arrêté de péril imminent")
        XCTAssertNoThrow(try blocking { try await app.precheckAgainstBudget(confirmed, on: second) })
    }
}
