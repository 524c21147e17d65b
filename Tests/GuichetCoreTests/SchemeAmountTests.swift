import XCTest
import GuichetCore

/// Every amount rule of the CAPSO file, with figures read from the file.
final class SchemeAmountTests: XCTestCase {
    func breakdown(_ d: AidDossier) -> AmountBreakdown { Fixtures.scheme(d.schemeCode).computeAmount(for: d) }

    func testEverySchemeComputesAPositiveAmountWithinItsMaximum() {
        for s in Fixtures.catalog.schemes {
            let b = breakdown(Fixtures.dossier(s.code))
            XCTAssertGreaterThan(b.total, .zero, s.code)
            if let max = b.maximum { XCTAssertLessThanOrEqual(b.total, max, s.code) }
            XCTAssertTrue(b.lines.allSatisfy(\.isEPCIMoney), s.code)
            XCTAssertTrue(b.coFunding.allSatisfy { !$0.isEPCIMoney }, s.code)
        }
    }

    func testPerDwelling() {
        let rule = Fixtures.scheme("PSV").amountRule
        XCTAssertEqual(rule.kind, .perDwelling)
        let b = breakdown(Fixtures.dossier("PSV", dwellings: 3))
        XCTAssertEqual(b.total, rule.amount! * 3)
        XCTAssertEqual(b.lines[0].quantity, 3)
        XCTAssertEqual(b.lines[0].unitAmount, rule.amount)
        XCTAssertEqual(b.maximum, rule.amount! * 3)
    }

    func testPerHouseholdWithCommuneTopUpApart() {
        let s = Fixtures.scheme("ACC")
        let d = Fixtures.dossier("ACC")
        let b = breakdown(d)
        XCTAssertEqual(b.total, s.amountRule.amount)
        XCTAssertEqual(b.coFunding.count, 1)
        XCTAssertEqual(b.coFunding[0].amount, d.facts.communeCoFunding)
        XCTAssertEqual(b.coFunding[0].funder, "Commune")
        XCTAssertFalse(b.coFunding[0].isEPCIMoney)
        XCTAssertEqual(b.total, b.lines.sum(\.amount), "co-funding stays out of the EPCI total")
    }

    func testAverageWithCapAndStateCoFunding() {
        let s = Fixtures.scheme("PLV")
        let avg = s.amountRule.amount!, cap = s.amountRule.cap!
        let plain = breakdown(Fixtures.dossier("PLV", dwellings: 2))
        XCTAssertEqual(plain.total, avg * 2)
        XCTAssertEqual(plain.maximum, cap * 2)
        // A request above the cap is brought back to it; below it, it is taken as is.
        XCTAssertEqual(breakdown(Fixtures.dossier("PLV", dwellings: 2, requested: cap * 2 + Money(cents: 1))).total, cap * 2)
        XCTAssertEqual(breakdown(Fixtures.dossier("PLV", dwellings: 2, requested: cap * 2 - Money(cents: 1))).total, cap * 2 - Money(cents: 1))
        // The State's line: its amount per dwelling × dwellings, not the EPCI's money.
        let state = s.coFunding!.first { $0.basis == .perDwelling }!
        XCTAssertEqual(plain.coFunding.map(\.amount), [state.amount! * 2])
        XCTAssertEqual(plain.coFundingTotal, state.amount! * 2)
    }

    /// "Aide moyenne" is a yearly target over the operations, never a per-dossier ceiling: the
    /// requested amount is taken as is; without a request, the average times the dwellings.
    func testAverageWithoutCapIsATargetNotACeiling() {
        for code in ["LCO", "PRL"] {
            let s = Fixtures.scheme(code)
            let average = s.amountRule.amount!
            XCTAssertNil(s.amountRule.cap)
            XCTAssertEqual(s.amountRule.averageTarget, average)
            let plain = breakdown(Fixtures.dossier(code, dwellings: 7))
            XCTAssertEqual(plain.total, average * 7, code)
            XCTAssertNil(plain.maximum, "\(code): an average sets no maximum")
            XCTAssertEqual(plain.averageTarget, average, code)
            // The PRL case of the issue: 10 PLAI asking twice the average get what they ask.
            let complex = breakdown(Fixtures.dossier(code, dwellings: 10, requested: average * 20))
            XCTAssertEqual(complex.total, average * 20, code)
            XCTAssertNoThrow(try GrantDecision(amount: average * 20).check(against: complex), code)
        }
    }

    /// A cap the PLH does not give (RHS, LHI, INN: the yearly envelope proposed per project) is a
    /// default to confirm: never applied; once fixed by a local decision it caps.
    func testDefaultCapIsNotAppliedUntilDecided() {
        for code in ["RHS", "LHI", "INN"] {
            var s = Fixtures.scheme(code)
            let cap = s.amountRule.cap!
            XCTAssertNil(s.amountRule.bindingCap, code)
            let above = Fixtures.dossier(code, requested: cap + Money(euros: 1))
            XCTAssertEqual(s.computeAmount(for: above).total, cap + Money(euros: 1), code)
            XCTAssertNil(s.computeAmount(for: above).maximum, code)
            let advisory = EligibilityCheck.evaluate(above, scheme: s, on: Fixtures.today).rules.first { $0.id == "amountRule.cap" }
            XCTAssertEqual(advisory?.state, .toCheck, code)
            XCTAssertFalse(advisory?.blocking ?? true, code)
            s.amountRule.capSource = .localDecision("Délibération n° 2026-052", on: CalendarDate(year: 2026, month: 4, day: 2)!)
            XCTAssertEqual(s.computeAmount(for: above).total, cap, code)
            XCTAssertEqual(s.computeAmount(for: above).maximum, cap, code)
            XCTAssertEqual(s.computeAmount(for: Fixtures.dossier(code, requested: Money(euros: 1_234))).total, Money(euros: 1_234), code)
            XCTAssertNil(EligibilityCheck.evaluate(above, scheme: s, on: Fixtures.today).rules.first { $0.id == "amountRule.cap" })
        }
    }

    /// The architect fee's amount is a default to confirm: proposed, not a maximum.
    func testDefaultFixedAmountIsProposedNotImposed() {
        let s = Fixtures.scheme("ARC")
        XCTAssertFalse(s.amountRule.source.orDefault.isBinding)
        let b = breakdown(Fixtures.dossier("ARC"))
        XCTAssertEqual(b.total, s.amountRule.amount)
        XCTAssertNil(b.maximum)
        XCTAssertEqual(b.lines[0].source, .defaultToConfirm)
    }

    func testPerAdaptedDwelling() {
        let s = Fixtures.scheme("BSE")
        var d = Fixtures.dossier("BSE", dwellings: 12)
        d.property.adaptedDwellings = 3
        XCTAssertEqual(breakdown(d).total, s.amountRule.amount! * 3)
        XCTAssertEqual(breakdown(d).lines[0].unit, "logement adapté")
    }

    func testFixedAmounts() {
        for code in ["ARC", "COL"] {
            let b = breakdown(Fixtures.dossier(code, dwellings: 4))
            XCTAssertEqual(b.total, Fixtures.scheme(code).amountRule.amount, code)
            XCTAssertEqual(b.lines[0].quantity, 1, code)
        }
    }

    func testProgrammeRulesTakeTheOperatorsFigure() {
        for code in ["PIG", "PSS"] {
            let b = breakdown(Fixtures.dossier(code, requested: Money(euros: 8_765)))
            XCTAssertEqual(b.total, Money(euros: 8_765), code)
            XCTAssertEqual(b.maximum, Money(euros: 8_765), code)
        }
    }

    func testBonusesAddToTotalAndMaximum() {
        var s = Fixtures.scheme("PLV")
        let bonus = Money(euros: 1_500)
        s.bonuses = [SchemeBonus(id: "adapte", label: "Bonus logement adapté", unit: .adaptedDwelling, amount: bonus)]
        var d = Fixtures.dossier("PLV", dwellings: 10)
        d.property.adaptedDwellings = 2
        let base = Fixtures.scheme("PLV").computeAmount(for: d)
        let b = s.computeAmount(for: d)
        XCTAssertEqual(b.total, base.total + bonus * 2)
        XCTAssertEqual(b.maximum, base.maximum! + bonus * 2)
        XCTAssertEqual(b.lines.last?.quantity, 2)
    }
}
