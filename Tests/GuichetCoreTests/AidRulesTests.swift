import XCTest
import GuichetCore

/// Aid rules as the PLH writes them (issue 15): an average per dwelling is a yearly target, a
/// maximum is a cap, the anti-speculation clause repays in full unless the service decides
/// otherwise. Figures are read from the CAPSO profile.
final class AidRulesTests: XCTestCase {
    let day = Fixtures.today

    private func underReview(_ code: String, dwellings: Int, requested: Money?, sequence: Int = 1) -> AidDossier {
        Fixtures.run(Fixtures.dossier(code, sequence: sequence, dwellings: dwellings, requested: requested), [.submit, .startReview])
    }

    private func grant(_ d: AidDossier, _ decision: GrantDecision, ledger: BudgetLedger) throws(LifecycleError) -> AidDossier {
        try DossierLifecycle(scheme: Fixtures.scheme(d.schemeCode), budget: ledger).apply(.grant(decision), to: d, on: day, agent: Fixtures.agent)
    }

    /// Done when: the PRL 10-PLAI case is granted 80 000 € with the year's average shown above 4 000 €.
    func testTenPLAIOperationAskingTwiceTheAverageIsGrantedWithAReason() throws {
        let average = try XCTUnwrap(Fixtures.scheme("PRL").amountRule.averageTarget)
        let asked = average * 20                      // 80 000 € for 10 dwellings
        let d = underReview("PRL", dwellings: 10, requested: asked)
        let empty = BudgetLedger(catalog: Fixtures.catalog, dossiers: [AidDossier]())
        XCTAssertEqual(Fixtures.scheme("PRL").computeAmount(for: d).total, asked, "not capped at the average")
        // Above the target, the agent says why; never refused for that.
        XCTAssertThrowsError(try grant(d, GrantDecision(amount: asked), ledger: empty)) { e in
            let e = e as! LifecycleError
            XCTAssertEqual(e.code, .aboveAverageNeedsReason)
            XCTAssertEqual(e.averageWarning?.averageAfter, average * 2)
            XCTAssertTrue(e.message.contains("La moyenne n'est pas un plafond"), e.message)
        }
        let g = try grant(d, GrantDecision(amount: asked, aboveAverageReason: "Acquisition-amélioration en centre ancien"), ledger: empty)
        XCTAssertEqual(g.status, .granted)
        XCTAssertEqual(g.grantedAmount, asked)
        XCTAssertEqual(g.grant?.aboveAverageReason, "Acquisition-amélioration en centre ancien")
        // The budget shows the year's average against the target.
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: [g])
        let row = try XCTUnwrap(BudgetOverview(ledger: ledger, plh: nil, period: .year(day.year), on: day).schemes.first { $0.code == "PRL" })
        let a = try XCTUnwrap(row.average)
        XCTAssertEqual(a.target, average)
        XCTAssertEqual(a.average, average * 2)
        XCTAssertEqual(a.dwellings, 10)
        XCTAssertTrue(a.aboveTarget)
        // A simple operation afterwards, under the average, needs no reason and brings the average down.
        let simple = underReview("PRL", dwellings: 10, requested: Money(euros: 20_000), sequence: 2)
        let g2 = try grant(simple, GrantDecision(amount: Money(euros: 20_000)), ledger: ledger)
        XCTAssertNil(g2.grant?.aboveAverageReason)
        let both = BudgetLedger(catalog: Fixtures.catalog, dossiers: [g, g2]).average(scheme: "PRL", year: day.year)
        XCTAssertEqual(both?.average, Money(euros: 5_000))
    }

    func testAverageBoundary() throws {
        let average = try XCTUnwrap(Fixtures.scheme("LCO").amountRule.averageTarget)
        let empty = BudgetLedger(catalog: Fixtures.catalog, dossiers: [AidDossier]())
        XCTAssertNil(empty.wouldRaiseAverage(scheme: "LCO", year: day.year, adding: average * 4, dwellings: 4), "exactly the average")
        XCTAssertNotNil(empty.wouldRaiseAverage(scheme: "LCO", year: day.year, adding: average * 4 + Money(cents: 1), dwellings: 4))
        // An earlier operation well under the average leaves room: the year's average stays under the target.
        let cheap = try grant(underReview("LCO", dwellings: 4, requested: Money(euros: 4_000)),
                              GrantDecision(amount: Money(euros: 4_000)), ledger: empty)
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: [cheap])
        XCTAssertNil(ledger.wouldRaiseAverage(scheme: "LCO", year: day.year, adding: average * 4 + Money(euros: 1_000), dwellings: 4))
        // Schemes whose rule is not an average have no target.
        XCTAssertNil(empty.wouldRaiseAverage(scheme: "ACC", year: day.year, adding: Money(euros: 1_000_000), dwellings: 1))
        // A cancelled grant no longer counts in the average.
        let cancelled = Fixtures.run(cheap, [.cancel(reason: "Projet abandonné par la commune")])
        XCTAssertNil(BudgetLedger(catalog: Fixtures.catalog, dossiers: [cancelled]).average(scheme: "LCO", year: day.year)?.average)
    }

    /// Done when: PLV refuses above 12 500 € per dwelling (its stated maximum), not one cent less.
    func testVacantPLAIRefusesAboveTheCapPerDwelling() throws {
        let rule = Fixtures.scheme("PLV").amountRule
        let cap = try XCTUnwrap(rule.bindingCap)
        XCTAssertEqual(rule.capSource?.kind, .plh)
        let empty = BudgetLedger(catalog: Fixtures.catalog, dossiers: [AidDossier]())
        let d = underReview("PLV", dwellings: 3, requested: cap * 3)
        XCTAssertThrowsError(try grant(d, GrantDecision(amount: cap * 3 + Money(cents: 1), aboveAverageReason: "x"), ledger: empty)) { e in
            let e = e as! LifecycleError
            XCTAssertEqual(e.code, .invalidDecision)
            XCTAssertTrue(e.message.contains("plafond du dispositif"), e.message)
            XCTAssertTrue(e.message.contains("PLH, action 2"), e.message)
        }
        // At the cap: allowed, above the average so with its reason.
        let g = try grant(d, GrantDecision(amount: cap * 3, aboveAverageReason: "Centre historique, situation bloquée"), ledger: empty)
        XCTAssertEqual(g.grantedAmount, cap * 3)
        // A request above the cap is brought back to it in the computation.
        XCTAssertEqual(Fixtures.scheme("PLV").computeAmount(for: underReview("PLV", dwellings: 3, requested: cap * 4)).total, cap * 3)
    }

    /// « clause anti-spéculative d'interdiction de vente sur 6 ans »: a sale in year 5 repays the
    /// whole aid (the local default) — pro rata only when the service's rule says so.
    func testAntiSpeculationRepaysInFullUnlessTheServiceSaysProRata() throws {
        let rule = try XCTUnwrap(Fixtures.scheme("ACC").antiSpeculation)
        XCTAssertEqual(rule.years, 6)
        XCTAssertEqual(rule.startsFrom, .purchase)
        let g = Fixtures.granted("ACC")
        let paid = Fixtures.run(g, [.pay(g.grantedAmount)])
        let clause = try XCTUnwrap(paid.antiSpeculation)
        XCTAssertEqual(clause.startDate, g.facts.purchaseDate, "the deed of purchase starts the clause")
        XCTAssertEqual(clause.endDate, g.facts.purchaseDate!.adding(years: 6))
        XCTAssertEqual(clause.repaymentSource, .defaultToConfirm)
        let yearFive = clause.startDate.adding(years: 5)
        let sold = Fixtures.run(paid, [.recordSale(on: yearFive)])
        XCTAssertEqual(sold.antiSpeculation?.repaymentDue, paid.paidAmount, "the whole aid, not about 1/6 of it")
        // The service decides pro rata by deliberation: about a sixth is due in year 5.
        var proRata = Fixtures.scheme("ACC")
        proRata.antiSpeculation?.repayment = .proRata
        proRata.antiSpeculation?.repaymentSource = .localDecision("Délibération n° 2026-077", on: CalendarDate(year: 2026, month: 5, day: 20)!)
        let paid2 = try DossierLifecycle(scheme: proRata).apply(.pay(g.grantedAmount), to: g, on: day, agent: "a")
        XCTAssertEqual(paid2.antiSpeculation?.repayment, .proRata)
        XCTAssertEqual(paid2.antiSpeculation?.repaymentSource?.kind, .localDecision)
        let due = try XCTUnwrap(try DossierLifecycle(scheme: proRata).apply(.recordSale(on: yearFive), to: paid2, on: day, agent: "a")
            .antiSpeculation?.repaymentDue)
        XCTAssertLessThan(due, paid.paidAmount.divided(by: 5))
        XCTAssertGreaterThan(due, paid.paidAmount.divided(by: 7))
    }
}
