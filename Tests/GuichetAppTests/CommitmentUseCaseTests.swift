import Foundation
import GuichetApp
import GuichetCore
import GuichetStorage
import XCTest

/// Commitments on the PLH's other budget lines through the use cases the Budget dialogs and
/// `guichet budget commit|pay|cancel` share: numbered per decision year, checked against the
/// line's envelope in the writing transaction, paid and cancelled with their history, the
/// questions asked first stating the amount and the consequence.
final class CommitmentUseCaseTests: XCTestCase {
    static let march = CalendarDate(year: 2026, month: 3, day: 12)!

    private static func request(_ line: String, _ amount: Money, decided: CalendarDate? = nil, reason: String? = nil) -> CommitmentRequest {
        CommitmentRequest(lineID: line, decision: DecisionReference(reference: "Délibération n° 2026-031", date: decided ?? Self.march),
                          amount: amount, overspendReason: reason)
    }

    func testCommitPayCancelWithHistoryAndFigures() throws {
        let (app, workspace) = try makeGuichet(territory: "capso")
        let adilLine = try XCTUnwrap(app.profile.plh?.budgetLine(id: "adil"))
        let adil = try XCTUnwrap(adilLine.envelope.yearly)
        let outlook = try blocking { try await app.commitmentOutlook(Self.request("adil", adil), on: testDay) }
        XCTAssertNil(outlook.overspend)
        XCTAssertEqual(outlook.remainingBefore, adil)
        XCTAssertEqual(outlook.confirmation.question, "Engager \(FrenchFormat.money(adil)) sur la ligne « \(adilLine.label) » ?")
        XCTAssertTrue(outlook.confirmation.consequence.hasPrefix("Bénéficiaire : ADIL du Pas-de-Calais ; décision : Délibération n° 2026-031 du 12/03/2026. La somme est engagée sur l’enveloppe 2026 de la ligne (hors budget du PLH)."),
                      outlook.confirmation.consequence)
        XCTAssertTrue(outlook.confirmation.consequence.contains("Il restera \(FrenchFormat.money(.zero)) à engager sur la ligne."), outlook.confirmation.consequence)
        XCTAssertEqual(try workspace.store.read { try $0.commitments(lineID: nil, year: nil) }, [], "the outlook writes nothing")

        let c = try blocking { try await app.commit(Self.request("adil", adil)) }
        XCTAssertEqual(c.number.formatted, "ENG-2026-0001")
        XCTAssertEqual(c.beneficiary, "ADIL du Pas-de-Calais", "the line's beneficiary when none is given")
        XCTAssertEqual(c.agent, "essai")
        // One euro more overspends the year's envelope: refused until a reason is given.
        XCTAssertThrowsError(try blocking { try await app.commit(Self.request("adil", Money(euros: 1))) }) { e in
            XCTAssertEqual((e as? CommitmentOverspend)?.warning.excess, Money(euros: 1))
        }
        let extra = try blocking { try await app.commit(Self.request("adil", Money(euros: 1), reason: "Atelier supplémentaire")) }
        XCTAssertEqual(extra.number.sequence, 2)
        XCTAssertEqual(extra.overspendReason, "Atelier supplémentaire")

        // Payments: the question says what remains; never beyond it; a cancellation releases the rest.
        let ten = Money(euros: 10_000)
        let question = try app.paymentConfirmation(of: ten, on: c, reference: "Mandat 1187")
        XCTAssertEqual(question.question, "Verser 10\u{202F}000,00\u{A0}€ à ADIL du Pas-de-Calais sur l’engagement ENG-2026-0001 ?")
        XCTAssertTrue(question.consequence.hasSuffix("Il restera \(FrenchFormat.money(adil - ten)) à verser."), question.consequence)
        XCTAssertEqual(try app.paymentConfirmation(of: adil, on: c, reference: nil).action, "Verser et solder")
        XCTAssertThrowsError(try app.paymentConfirmation(of: adil + Money(cents: 1), on: c, reference: nil))
        XCTAssertThrowsError(try blocking { try await app.payCommitment(c.number, amount: adil + Money(cents: 1), reference: nil) })
        let paid = try blocking { try await app.payCommitment(c.number, amount: ten, reference: "Mandat 1187") }
        XCTAssertEqual(paid.version, 2)
        XCTAssertEqual(paid.remainingToPay, adil - ten)
        XCTAssertEqual(paid.payments.first?.reference, "Mandat 1187")
        XCTAssertThrowsError(try app.cancellationConfirmation(of: paid, reason: " "))
        let cancelQuestion = try app.cancellationConfirmation(of: paid, reason: "Convention résiliée")
        XCTAssertTrue(cancelQuestion.destructive)
        XCTAssertTrue(cancelQuestion.consequence.hasPrefix("\(FrenchFormat.money(adil - ten)) non versés seront libérés"), cancelQuestion.consequence)
        let cancelled = try blocking { try await app.cancelCommitment(c.number, reason: "Convention résiliée") }
        XCTAssertEqual(cancelled.released, adil - ten)
        XCTAssertEqual(cancelled.committed, ten)
        XCTAssertThrowsError(try blocking { try await app.payCommitment(c.number, amount: Money(euros: 1), reference: nil) })
        XCTAssertThrowsError(try blocking { try await app.cancelCommitment(c.number, reason: "encore") })

        let history = try workspace.store.read { try $0.history(entity: "engagement", key: c.number.formatted) }
        XCTAssertEqual(history.count, 3)
        XCTAssertTrue(history.allSatisfy { $0.agent == "essai" })
        let all = try blocking { try await app.commitments() }
        XCTAssertEqual(all.map(\.number.sequence), [1, 2])
        XCTAssertEqual(try blocking { try await app.commitments(lineID: "soliha") }, [])
    }

    /// An ADIL subsidy committed and paid appears in the operating synthesis (outside the PLH
    /// budget, action 18), as the Budget section reads it. Oracle: the amounts committed here.
    func testAnADILSubsidyShowsInTheOperatingSynthesis() throws {
        let (app, _) = try makeGuichet(territory: "capso")
        let adil = try XCTUnwrap(app.profile.plh?.budgetLine(id: "adil"))
        let amount = try XCTUnwrap(adil.envelope.yearly), half = Money(cents: amount.cents / 2)
        let c = try blocking { try await app.commit(Self.request("adil", amount)) }
        _ = try blocking { try await app.payCommitment(c.number, amount: half, reference: nil) }
        let overview = try blocking { try await app.budgetOverview(.year(2026), on: testDay) }
        let action = try XCTUnwrap(app.profile.plh?.action(holdingLine: "adil")?.number)
        let line = try XCTUnwrap(overview.plh?.lines.first { $0.action == action })
        XCTAssertEqual(line.operatingFigures.committedYear, amount)
        XCTAssertEqual(line.operatingFigures.paidYear, half)
        XCTAssertEqual(line.investmentFigures.committedYear, .zero)
        XCTAssertEqual(overview.plh?.operating.outsideFigures.committedYear, amount)
        XCTAssertEqual(overview.plh?.operating.insideFigures.committedYear, .zero, "ADIL's subsidy is outside the PLH budget")
    }

    func testRefusalsNameTheField() throws {
        let (app, workspace) = try makeGuichet(territory: "capso")
        XCTAssertThrowsError(try blocking { try await app.commit(Self.request("inconnue", Money(euros: 10))) }) { e in
            XCTAssertTrue("\(e)".contains("ligne « inconnue » inconnue du PLH"), "\(e)")
        }
        XCTAssertThrowsError(try blocking { try await app.commit(Self.request("adil", Money(euros: 10), decided: testDay.adding(days: 1))) }) { e in
            XCTAssertTrue("\(e)".contains("ne peut pas être postérieure"), "\(e)")
        }
        var blank = Self.request("adil", Money(euros: 10))
        blank.decision.reference = "  "
        let noReference = blank
        XCTAssertThrowsError(try blocking { try await app.commit(noReference) }) { e in
            XCTAssertTrue("\(e)".contains("référence de la décision est obligatoire"), "\(e)")
        }
        XCTAssertThrowsError(try blocking { try await app.commit(Self.request("adil", .zero)) })
        XCTAssertEqual(try workspace.store.read { try $0.commitments(lineID: nil, year: nil) }, [])
    }
}
