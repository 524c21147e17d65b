import XCTest
import GuichetCore

final class LifecycleTests: XCTestCase {
    let acc = Fixtures.scheme("ACC")
    var life: DossierLifecycle { DossierLifecycle(scheme: acc) }
    let day = Fixtures.today

    func apply(_ t: DossierTransition, _ d: AidDossier, on date: CalendarDate? = nil) throws(LifecycleError) -> AidDossier {
        try life.apply(t, to: d, on: date ?? day, agent: Fixtures.agent)
    }
    func error(_ t: DossierTransition, _ d: AidDossier) -> LifecycleError? {
        do { _ = try apply(t, d); return nil } catch { return error }
    }

    /// One ACC dossier in each state, reached through the lifecycle itself.
    func dossiers() -> [DossierStatus: AidDossier] {
        let draft = Fixtures.dossier("ACC")
        let granted = Fixtures.run(draft, [.submit, .startReview, Fixtures.fullGrant(draft)])
        let partly = Fixtures.run(granted, [.pay(Money(euros: 1_000))])
        return [
            .draft: draft,
            .submitted: Fixtures.run(draft, [.submit]),
            .underReview: Fixtures.run(draft, [.submit, .startReview]),
            .granted: granted,
            .partiallyPaid: partly,
            .settled: Fixtures.run(partly, [.pay(partly.remainingToPay)]),
            .refused: Fixtures.run(draft, [.submit, .refuse(reason: "Conditions non remplies")]),
            .abandoned: Fixtures.run(draft, [.abandon(reason: nil)]),
            .cancelled: Fixtures.run(partly, [.cancel(reason: "Renoncement")]),
        ]
    }

    func testTheTableIsBriefSection5() {
        // The paths of brief §5, written out: main line, side exits, and the sale under clause.
        let expected: [DossierStatus: Set<DossierTransition.Kind>] = [
            .draft: [.submit, .abandon], .submitted: [.startReview, .refuse, .abandon],
            .underReview: [.grant, .refuse, .abandon], .granted: [.pay, .cancel],
            .partiallyPaid: [.pay, .cancel, .recordSale], .settled: [.recordSale], .cancelled: [.recordSale],
            .refused: [], .abandoned: [],
        ]
        XCTAssertEqual(DossierLifecycle.legal, expected)
    }

    func testEveryLegalAndIllegalTransition() throws {
        let all = dossiers()
        XCTAssertEqual(Set(all.keys), Set(DossierStatus.allCases))
        for (status, d) in all {
            XCTAssertEqual(d.status, status)
            let payloads: [DossierTransition] = [
                .submit, .startReview, Fixtures.fullGrant(d), .pay(Money(cents: 1)), .refuse(reason: "motif"),
                .abandon(reason: nil), .cancel(reason: "motif"), .recordSale(on: day.adding(years: 1)),
            ]
            for t in payloads {
                let e = error(t, d)
                if DossierLifecycle.isLegal(t.kind, from: status) {
                    XCTAssertNil(e, "\(status) → \(t.kind): \(e.map(\.message) ?? "")")
                } else {
                    XCTAssertEqual(e?.code, .illegalTransition, "\(status) → \(t.kind) accepté")
                    XCTAssertEqual(e?.message, "Action « \(t.kind.label) » impossible : le dossier \(d.number) est « \(status.label) ».")
                }
            }
        }
    }

    func testSubmitRefusedWhileAMandatoryDocumentIsMissingOrInvalid() throws {
        let required = acc.mandatoryDocuments
        var d = Fixtures.dossier("ACC")
        d.documents.removeAll { $0.id == required[0].id }
        d.record(document: SupportingDocument(id: required[1].id, state: .invalid, date: day, comment: "illisible"))
        let e = try XCTUnwrap(error(.submit, d))
        XCTAssertEqual(e.code, .missingDocuments)
        XCTAssertTrue(e.message.contains("\(required[0].label) (manquante)"), e.message)
        XCTAssertTrue(e.message.contains("\(required[1].label) (non conforme)"), e.message)
        XCTAssertEqual(life.missingDocuments(d).count, 2)
        // Optional documents do not block; "received" counts as present.
        d.record(document: SupportingDocument(id: required[0].id, state: .received, date: day))
        d.record(document: SupportingDocument(id: required[1].id, state: .received, date: day))
        let submitted = try apply(.submit, d)
        XCTAssertEqual(submitted.status, .submitted)
        XCTAssertEqual(submitted.receivedOn, day)
    }

    func testGrantNeedsEveryMandatoryDocumentValid() throws {
        let required = acc.mandatoryDocuments
        var d = Fixtures.run(Fixtures.dossier("ACC"), [.submit, .startReview])
        d.record(document: SupportingDocument(id: required[0].id, state: .received, date: day))
        d.record(document: SupportingDocument(id: required[1].id, state: .received, date: day))
        let e = try XCTUnwrap(error(Fixtures.fullGrant(d), d))
        XCTAssertEqual(e.code, .missingDocuments)
        XCTAssertTrue(e.message.contains("\(required[0].label) (reçue, non vérifiée)"), e.message)
        XCTAssertTrue(e.message.contains("\(required[1].label) (reçue, non vérifiée)"), e.message)
        XCTAssertEqual(life.documentsNotValidated(d).count, 2)
        for req in required.prefix(2) { d.record(document: SupportingDocument(id: req.id, state: .valid, date: day)) }
        XCTAssertEqual(try apply(Fixtures.fullGrant(d), d).status, .granted)
    }

    func testSubmitRefusedOnAnInvalidRecord() {
        var d = Fixtures.dossier("ACC")
        d.applicant.household!.members[0].lastName = " "
        let e = error(.submit, d)
        XCTAssertEqual(e?.code, .invalidRecord)
        XCTAssertTrue(e?.message.contains("applicant.household.members[0].lastName") ?? false)
    }

    func testGrantRecordsDecisionAndCoFunding() throws {
        let d = Fixtures.run(Fixtures.dossier("ACC"), [.submit, .startReview])
        let decisionDay = CalendarDate(year: 2027, month: 1, day: 12)!
        let computed = acc.computeAmount(for: d).total
        let g = try apply(.grant(GrantDecision(amount: computed)), d, on: decisionDay)
        XCTAssertEqual(g.status, .granted)
        XCTAssertEqual(g.grant?.date, decisionDay)
        XCTAssertEqual(g.grant?.amount, computed)
        XCTAssertEqual(g.grant?.envelopeYear, decisionDay.year)
        XCTAssertEqual(g.grant?.agent, Fixtures.agent)
        XCTAssertEqual(g.computedAmount, computed)
        XCTAssertEqual(g.coFunding.map(\.amount), [d.facts.communeCoFunding!])
        XCTAssertEqual(g.committedAmount, computed)
    }

    func testGrantRefusedWhenConditionsUnmetOrAboveCapOrBelowWithoutReason() throws {
        var d = Fixtures.run(Fixtures.dossier("ACC"), [.submit, .startReview])
        let computed = acc.computeAmount(for: d).total
        XCTAssertEqual(error(.grant(GrantDecision(amount: computed + Money(cents: 1))), d)?.code, .invalidDecision)
        XCTAssertEqual(error(.grant(GrantDecision(amount: computed - Money(cents: 1))), d)?.code, .invalidDecision)
        let lower = try apply(.grant(GrantDecision(amount: computed - Money(euros: 500), reason: "Devis partiellement éligible")), d)
        XCTAssertEqual(lower.grant?.reason, "Devis partiellement éligible")
        XCTAssertEqual(lower.timeline.last?.comment, "Devis partiellement éligible")
        d.facts.communeCoFunding = nil
        let e = error(.grant(GrantDecision(amount: computed)), d)
        XCTAssertEqual(e?.code, .conditionsUnmet)
        XCTAssertTrue(e?.message.contains("La commune doit cofinancer") ?? false, e?.message ?? "")
    }

    func testPaymentsNeverAboveTheRemainderAndTheLastOneSettles() throws {
        let g = Fixtures.granted("ACC")
        let granted = g.grantedAmount
        let e = try XCTUnwrap(error(.pay(granted + Money(cents: 1)), g))
        XCTAssertEqual(e.code, .invalidPayment)
        XCTAssertEqual(e.message, "Le versement de \(granted + Money(cents: 1)) dépasse le reste à verser (\(granted)).")
        XCTAssertEqual(error(.pay(.zero), g)?.code, .invalidPayment)
        let first = try apply(.pay(Money(euros: 1_000)), g)
        XCTAssertEqual(first.status, .partiallyPaid)
        XCTAssertEqual(first.remainingToPay, granted - Money(euros: 1_000))
        XCTAssertEqual(error(.pay(first.remainingToPay + Money(cents: 1)), first)?.code, .invalidPayment)
        let last = try apply(.pay(first.remainingToPay), first)
        XCTAssertEqual(last.status, .settled)
        XCTAssertEqual(last.paidAmount, granted)
        XCTAssertEqual(last.remainingToPay, .zero)
    }

    func testCancellationReleasesWhatWasNotPaid() throws {
        let g = Fixtures.granted("ACC")
        let paid = Money(euros: 1_000)
        let partly = try apply(.pay(paid), g)
        XCTAssertEqual(error(.cancel(reason: "  "), partly)?.code, .reasonRequired)
        let c = try apply(.cancel(reason: "Renoncement du bénéficiaire"), partly)
        XCTAssertEqual(c.status, .cancelled)
        XCTAssertEqual(c.closure?.released, g.grantedAmount - paid)
        XCTAssertEqual(c.committedAmount, paid)
        XCTAssertEqual(c.remainingToPay, .zero)
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: [c])
        XCTAssertEqual(ledger.envelopeStatus(scheme: "ACC", year: day.year).committed, paid)
    }

    func testRefusalNeedsAReason() throws {
        let d = Fixtures.run(Fixtures.dossier("ACC"), [.submit])
        XCTAssertEqual(error(.refuse(reason: ""), d)?.code, .reasonRequired)
        let r = try apply(.refuse(reason: "Logement construit après 1990"), d)
        XCTAssertEqual(r.closure?.reason, "Logement construit après 1990")
        XCTAssertEqual(r.closure?.status, .refused)
    }

    func testAntiSpeculationClauseAndSaleBeforeItsEnd() throws {
        let rule = try XCTUnwrap(acc.antiSpeculation)
        let g = Fixtures.granted("ACC")
        let paid = try apply(.pay(g.grantedAmount), g)
        let clause = try XCTUnwrap(paid.antiSpeculation)
        let purchase = g.facts.purchaseDate!
        XCTAssertEqual(clause.startDate, purchase)
        XCTAssertEqual(clause.endDate, purchase.adding(years: rule.years))
        // A sale half-way through: flagged, repayment as the rule says.
        let sale = purchase.adding(days: purchase.days(until: clause.endDate) / 2)
        let sold = try apply(.recordSale(on: sale), paid)
        let due = try XCTUnwrap(sold.antiSpeculation?.repaymentDue)
        let total = Int64(purchase.days(until: clause.endDate)), left = Int64(sale.days(until: clause.endDate))
        switch rule.repayment {
        case .full: XCTAssertEqual(due, paid.paidAmount)
        case .proRata: XCTAssertEqual(due, Money(cents: (paid.paidAmount.cents * left * 2 + total) / (2 * total)))
        }
        XCTAssertTrue(sold.antiSpeculation!.isBreached)
        XCTAssertEqual(sold.status, .settled)
        XCTAssertTrue(sold.timeline.last!.comment!.contains("remboursement dû"))
        // On the end date itself the clause is over.
        XCTAssertNil(try apply(.recordSale(on: clause.endDate), paid).antiSpeculation?.repaymentDue)
        // The "full" variant.
        var full = clause; full.repayment = .full
        XCTAssertEqual(DossierLifecycle.repayment(full, paid: paid.paidAmount, saleDate: sale), paid.paidAmount)
        XCTAssertEqual(DossierLifecycle.repayment(full, paid: paid.paidAmount, saleDate: clause.endDate.adding(days: -1)), paid.paidAmount)
        // No clause, no sale to record.
        let psv = Fixtures.run(Fixtures.granted("PSV"), [.pay(Fixtures.granted("PSV").grantedAmount)])
        XCTAssertEqual((try? DossierLifecycle(scheme: Fixtures.scheme("PSV")).apply(.recordSale(on: day), to: psv, on: day, agent: "a")).map { _ in "" }, nil)
    }

    func testOverspendNeedsAConfirmationWithReason() throws {
        let s = Fixtures.scheme("ACC")
        let envelope = s.envelope.yearly!
        let perDossier = s.amountRule.amount!
        // Fill the envelope exactly with granted dossiers of the same year.
        let full = Int(envelope.cents / perDossier.cents)
        let existing = (1...full).map { Fixtures.granted("ACC", sequence: $0) }
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: existing)
        XCTAssertEqual(ledger.envelopeStatus(scheme: "ACC", year: day.year).remaining, .zero)
        let next = Fixtures.run(Fixtures.dossier("ACC", sequence: full + 1), [.submit, .startReview])
        let strict = DossierLifecycle(scheme: s, budget: ledger)
        do {
            _ = try strict.apply(.grant(GrantDecision(amount: perDossier)), to: next, on: day, agent: "a")
            XCTFail("dépassement accepté sans confirmation")
        } catch {
            XCTAssertEqual(error.code, .overspendNeedsConfirmation)
            XCTAssertEqual(error.warning?.excess, perDossier)
            XCTAssertEqual(error.warning?.committed, envelope)
        }
        let g = try strict.apply(.grant(GrantDecision(amount: perDossier, overspendReason: "Décision du bureau communautaire")),
                                 to: next, on: day, agent: "a")
        XCTAssertEqual(g.grant?.overspendReason, "Décision du bureau communautaire")
        // Another year's envelope is untouched.
        XCTAssertNoThrow(try strict.apply(.grant(GrantDecision(amount: perDossier)), to: next, on: day.adding(years: 1), agent: "a"))
    }

    func testHistoryOfATransitionIsComplete() throws {
        let before = Fixtures.run(Fixtures.dossier("ACC"), [.submit, .startReview])
        let after = Fixtures.run(before, [Fixtures.fullGrant(before)])
        let changes = FieldChange.diff(old: before, new: after)
        let fields = Set(changes.map(\.field))
        let n = before.timeline.count
        for f in ["status", "grant.amount", "grant.date", "grant.envelopeYear", "grant.agent", "computedAmount",
                  "coFunding[0].amount", "timeline[\(n)].to", "timeline[\(n)].agent", "timeline[\(n)].date"] {
            XCTAssertTrue(fields.contains(f), "\(f) absent de \(fields.sorted())")
        }
        let status = changes.first { $0.field == "status" }!
        XCTAssertEqual(status.old, DossierStatus.underReview.rawValue)
        XCTAssertEqual(status.new, DossierStatus.granted.rawValue)
        XCTAssertEqual(changes.first { $0.field == "grant.amount" }?.new, String(after.grantedAmount.cents))
        // Nothing else moved.
        XCTAssertTrue(fields.allSatisfy { $0 == "status" || $0 == "computedAmount" || $0.hasPrefix("grant.") || $0.hasPrefix("coFunding") || $0.hasPrefix("timeline[\(n)]") }, "\(fields.sorted())")
        let paid = Fixtures.run(after, [.pay(Money(euros: 100))])
        XCTAssertTrue(FieldChange.diff(old: after, new: paid).contains { $0.field == "payments[0].amount" && $0.new == "10000" })
    }

    func testStatusLabelsAndParsing() {
        XCTAssertEqual(DossierStatus.allCases.map(\.label),
                       ["Brouillon", "Déposé", "En instruction", "Accordé / engagé", "Versé", "Soldé", "Refusé", "Sans suite", "Annulé"])
        for s in DossierStatus.allCases {
            XCTAssertEqual(DossierStatus(parsing: s.rawValue), s)
            XCTAssertEqual(DossierStatus(parsing: s.label), s, s.label)
        }
        XCTAssertEqual(DossierStatus(parsing: "déposé"), .submitted)
        XCTAssertEqual(DossierStatus(parsing: "en instruction"), .underReview)
        XCTAssertNil(DossierStatus(parsing: "perdu"))
    }

    func testAvailableTransitionsAndClosingDate() {
        let all = dossiers()
        XCTAssertEqual(life.availableTransitions(for: all[.draft]!), [.submit, .abandon])
        XCTAssertEqual(life.availableTransitions(for: all[.settled]!), [.recordSale])
        XCTAssertEqual(life.availableTransitions(for: all[.refused]!), [])
        XCTAssertNil(all[.partiallyPaid]!.closedOn)
        XCTAssertEqual(all[.settled]!.closedOn, all[.settled]!.payments.last!.date)
        XCTAssertEqual(all[.settled]!.retentionStart, all[.settled]!.antiSpeculation!.endDate)
        let psvSettled = Fixtures.run(Fixtures.granted("PSV"), [.pay(Fixtures.granted("PSV").grantedAmount)])
        XCTAssertEqual(DossierLifecycle(scheme: Fixtures.scheme("PSV")).availableTransitions(for: psvSettled), [])
    }

    func testWrongSchemeIsRefused() {
        let d = Fixtures.dossier("PSV")
        XCTAssertThrowsError(try life.apply(.submit, to: d, on: day, agent: "a"))
    }
}
