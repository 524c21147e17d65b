import Foundation
import XCTest
@testable import GuichetCore

/// RGPD retention (brief §9): when closed dossiers fall due, and what their anonymisation keeps.
final class RetentionTests: XCTestCase {
    static let rules = RetentionRules(closedDossierYears: 5, struckOffRequestYears: 1, warningDays: 14)

    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    /// A settled PSV dossier (private owner) whose last payment is dated `closedOn`, with every
    /// kind of free text and personal datum filled in.
    static func settled(on closedOn: CalendarDate, sequence: Int = 1) -> AidDossier {
        var d = Fixtures.granted("PSV", sequence: sequence)
        d.applicant.phone = "06 12 34 56 78"
        d.applicant.email = "julie.delattre@example.org"
        d.applicant.address = "3 impasse des Tilleuls"
        d.property.address = "12 rue Carnot"
        d.comments = [DossierComment(date: closedOn, agent: "j.dewulf", text: "Mme Delattre signale un handicap")]
        d.documents[0].comment = "copie illisible de Julie"
        d.timeline[0].comment = "appel de Hugo Delattre"
        d = Fixtures.run(d, [.pay(d.grantedAmount)])
        d.payments[0].label = "solde versé à Julie Delattre"
        d.payments[0].date = closedOn
        return d
    }

    func testDossierLimitIsStrictlyBeforeTodayMinusTheYears() {
        let s = RetentionSchedule(rules: Self.rules, today: Self.day(2031, 6, 1))
        XCTAssertEqual(s.closedDossierLimit, Self.day(2026, 6, 1))
        XCTAssertEqual(s.state(of: Self.settled(on: Self.day(2026, 5, 31))), .due, "the day before the limit")
        XCTAssertNotEqual(s.state(of: Self.settled(on: Self.day(2026, 6, 1))), .due, "the day of the limit")
        XCTAssertEqual(s.dossierDueDate(retentionStart: Self.day(2026, 6, 1)), Self.day(2031, 6, 2))
        XCTAssertEqual(s.dossierDueDate(retentionStart: Self.day(2026, 5, 31)), Self.day(2031, 6, 1))
    }

    func testWarningWindowEdges() {
        let today = Self.day(2031, 6, 1)
        let s = RetentionSchedule(rules: Self.rules, today: today)
        XCTAssertEqual(s.warningEnd, Self.day(2031, 6, 15))
        XCTAssertEqual(s.closedDossierWarningLimit, Self.day(2026, 6, 15))
        // Due on the last day of the window (today + 14): warned; the day after: kept.
        let lastWarned = Self.day(2026, 6, 14), firstKept = Self.day(2026, 6, 15)
        XCTAssertEqual(s.dossierDueDate(retentionStart: lastWarned), s.warningEnd)
        XCTAssertEqual(s.state(of: Self.settled(on: lastWarned)), .dueSoon(on: s.warningEnd))
        XCTAssertEqual(s.state(of: Self.settled(on: firstKept)), .kept(until: s.warningEnd.adding(days: 1)))
        // Due tomorrow: warned, not due.
        XCTAssertEqual(s.state(of: Self.settled(on: Self.day(2026, 6, 1))), .dueSoon(on: today.adding(days: 1)))
        // No warning at all with warningDays = 0.
        var noWarning = Self.rules; noWarning.warningDays = 0
        let s0 = RetentionSchedule(rules: noWarning, today: today)
        XCTAssertEqual(s0.closedDossierWarningLimit, s0.closedDossierLimit)
        XCTAssertEqual(s0.state(of: Self.settled(on: Self.day(2026, 6, 1))), .kept(until: today.adding(days: 1)))
    }

    func testLeapDays() {
        // Closed on 29 February 2024: on 28 February 2029 the limit is 28 February 2024 (not due);
        // on 1 March 2029 it is due, and the computed due date says so.
        let leap = Self.day(2024, 2, 29)
        let before = RetentionSchedule(rules: Self.rules, today: Self.day(2029, 2, 28))
        XCTAssertEqual(before.closedDossierLimit, Self.day(2024, 2, 28))
        XCTAssertNotEqual(before.state(of: Self.settled(on: leap)), .due)
        XCTAssertEqual(RetentionSchedule(rules: Self.rules, today: Self.day(2029, 3, 1)).state(of: Self.settled(on: leap)), .due)
        XCTAssertEqual(before.dossierDueDate(retentionStart: leap), Self.day(2029, 3, 1))
        // Today on 29 February 2032: the limit clamps to 28 February 2027; a dossier closed that day
        // is due only on 1 March, and the due date agrees with the limit.
        let onLeap = RetentionSchedule(rules: Self.rules, today: Self.day(2032, 2, 29))
        XCTAssertEqual(onLeap.closedDossierLimit, Self.day(2027, 2, 28))
        let closed = Self.day(2027, 2, 28)
        XCTAssertEqual(onLeap.state(of: Self.settled(on: closed)), .dueSoon(on: Self.day(2032, 3, 1)))
        XCTAssertEqual(onLeap.dossierDueDate(retentionStart: closed), Self.day(2032, 3, 1))
        // Every due date agrees with the limit of that day and of the day before, over two years.
        var start = Self.day(2023, 1, 1)
        while start < Self.day(2025, 1, 1) {
            let due = onLeap.dossierDueDate(retentionStart: start)
            XCTAssertTrue(start < RetentionSchedule.dossierLimit(Self.rules, on: due), "\(start)")
            XCTAssertFalse(start < RetentionSchedule.dossierLimit(Self.rules, on: due.adding(days: -1)), "\(start)")
            let request = onLeap.requestDueDate(struckOffOn: start)
            XCTAssertTrue(start < Self.rules.struckOffPurgeLimit(today: request), "\(start)")
            XCTAssertFalse(start < Self.rules.struckOffPurgeLimit(today: request.adding(days: -1)), "\(start)")
            start = start.adding(days: 1)
        }
    }

    func testOpenAndAnonymisedDossiersAreNeverDue() {
        let s = RetentionSchedule(rules: Self.rules, today: Self.day(2040, 1, 1))
        XCTAssertEqual(s.state(of: Fixtures.granted("PSV")), .open)
        XCTAssertEqual(s.state(of: Self.settled(on: Self.day(2026, 1, 1)).anonymised(on: s.today)), .anonymised)
    }

    func testTheRetentionOfAnAssistedPurchaseStartsAtTheEndOfItsClause() {
        var d = Self.settled(on: Self.day(2026, 1, 10))
        d.antiSpeculation = AntiSpeculationClause(startDate: Self.day(2025, 1, 1), endDate: Self.day(2031, 1, 1), repayment: .full)
        XCTAssertEqual(d.retentionStart, Self.day(2031, 1, 1))
        XCTAssertNotEqual(RetentionSchedule(rules: Self.rules, today: Self.day(2032, 1, 1)).state(of: d), .due)
        XCTAssertEqual(RetentionSchedule(rules: Self.rules, today: Self.day(2036, 1, 2)).state(of: d), .due)
    }

    func testAnonymisedDossierHoldsNoPersonalDataAndKeepsTheMoney() throws {
        let original = Self.settled(on: Self.day(2026, 3, 10))
        XCTAssertEqual(original.status, .settled)
        let a = original.anonymised(on: Self.day(2031, 6, 1))
        let json = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
        let originalJSON = String(decoding: try JSONEncoder().encode(original), as: UTF8.self)
        let personal = ["Delattre", "Julie", "Hugo", "1988-04-02", "1986-01-09", "12 rue Carnot", "3 impasse des Tilleuls",
                        "06 12 34 56 78", "julie.delattre@example.org", "handicap", "illisible", "appel de", "solde versé"]
        for p in personal {
            XCTAssertTrue(originalJSON.contains(p), "the fixture must hold « \(p) »")
            XCTAssertFalse(json.contains(p), "« \(p) » left in the anonymised dossier")
        }
        XCTAssertNil(a.applicant.household)
        XCTAssertEqual(a.applicant.displayName, Applicant.anonymisedName)
        XCTAssertEqual(a.anonymisedOn, Self.day(2031, 6, 1))
        // What the budget, the yearly review and public accounting need stays.
        XCTAssertEqual(a.number, original.number)
        XCTAssertEqual(a.status, original.status)
        XCTAssertEqual(a.grant?.amount, original.grant?.amount)
        XCTAssertEqual(a.grantedAmount, original.grantedAmount)
        XCTAssertEqual(a.paidAmount, original.paidAmount)
        XCTAssertEqual(a.payments.map(\.date), original.payments.map(\.date))
        XCTAssertEqual(a.closedOn, original.closedOn)
        XCTAssertEqual(a.plhAction, original.plhAction)
        XCTAssertEqual([a.property.commune, a.property.postcode, a.property.inseeCode],
                       [original.property.commune, original.property.postcode, original.property.inseeCode])
        XCTAssertEqual(a.timeline.map(\.to), original.timeline.map(\.to))
        XCTAssertEqual(a.timeline.map(\.date), original.timeline.map(\.date))
        XCTAssertEqual(BudgetFigures.budgetYear(of: a), BudgetFigures.budgetYear(of: original))
        XCTAssertEqual(a.validate(), [], "an anonymised dossier stays valid for `guichet check`")
        XCTAssertEqual(DossierAudit.statusProblems(a), [])
        // Anonymising twice changes nothing (the first date stays).
        XCTAssertEqual(a.anonymised(on: Self.day(2032, 1, 1)), a)
    }

    /// The agent's notes on conditions and the reason for a grant above the average are free texts:
    /// they go; whether the owner lives in the home or lets it stays (action 3 counts PO and PB).
    func testAgentChecksNotesAndAboveAverageReasonAreErased() {
        var d = Fixtures.granted("PIG")
        d.applicant.ownerStatus = .landlord
        d.record(check: RecordedCheck(condition: "x", met: true, note: "Vu Mme Martin, malade", date: Fixtures.today, agent: "a"))
        d.grant?.aboveAverageReason = "Logement de M. Martin, handicapé"
        let a = d.anonymised(on: Self.day(2031, 6, 1))
        XCTAssertNil(a.checks?.first?.note)
        XCTAssertEqual(a.checks?.first?.met, true)
        XCTAssertEqual(a.grant?.aboveAverageReason, AidDossier.anonymisedText)
        XCTAssertEqual(a.applicant.ownerStatus, .landlord)
    }

    func testLegalEntityKeepsItsNameAndSiretButNotItsContact() {
        var d = Fixtures.granted("PLV")
        d.applicant.organisation?.contactName = "Marc Lefebvre"
        d = Fixtures.run(d, [.cancel(reason: "Opération abandonnée par M. Lefebvre")])
        let a = d.anonymised(on: Self.day(2031, 6, 1))
        XCTAssertEqual(a.applicant.organisation?.name, "Pas-de-Calais Habitat")
        XCTAssertEqual(a.applicant.organisation?.siret, "73282932000074")
        XCTAssertNil(a.applicant.organisation?.contactName)
        XCTAssertEqual(a.applicant.displayName, "Pas-de-Calais Habitat")
        XCTAssertEqual(a.closure?.reason, AidDossier.anonymisedText)
        XCTAssertEqual(a.closure?.released, d.closure?.released)
        XCTAssertEqual(a.validate(), [])
    }

    func testInMemoryStoreAnonymisesOnlyWhatIsDue() throws {
        let store = InMemoryDossierStore()
        let old = try store.insertDossier(Self.settled(on: Self.day(2026, 5, 31), sequence: 1))
        let recent = try store.insertDossier(Self.settled(on: Self.day(2026, 6, 1), sequence: 2))
        let s = RetentionSchedule(rules: Self.rules, today: Self.day(2031, 6, 1))
        XCTAssertEqual(try store.dossiersDueForAnonymisation(closedBefore: s.closedDossierLimit).map(\.key), [old.number.formatted])
        XCTAssertEqual(try store.anonymiseClosedDossiers(closedBefore: s.closedDossierLimit, on: s.today), 1)
        XCTAssertTrue(try XCTUnwrap(store.dossier(number: old.number)).isAnonymised)
        XCTAssertEqual(try store.dossier(number: recent.number), recent)
        XCTAssertEqual(try store.anonymiseClosedDossiers(closedBefore: s.closedDossierLimit, on: s.today), 0)
    }
}
