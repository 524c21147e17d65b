import XCTest
import GuichetCore

final class BudgetTests: XCTestCase {
    let day = Fixtures.today

    /// Granted, partly paid, settled, cancelled and open dossiers of ACC in one year.
    func accDossiers() -> [AidDossier] {
        let g1 = Fixtures.granted("ACC", sequence: 1)
        let g2 = Fixtures.run(Fixtures.granted("ACC", sequence: 2), [.pay(Money(euros: 1_000))])
        let g3 = Fixtures.run(Fixtures.granted("ACC", sequence: 3), [.pay(Fixtures.granted("ACC").grantedAmount)])
        let g4 = Fixtures.run(Fixtures.granted("ACC", sequence: 4), [.pay(Money(euros: 500)), .cancel(reason: "Renoncement")])
        let open = Fixtures.run(Fixtures.dossier("ACC", sequence: 5), [.submit])
        return [g1, g2, g3, g4, open]
    }

    func testSchemeFiguresFromDossiers() {
        let ds = accDossiers()
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: ds)
        let s = ledger.envelopeStatus(scheme: "ACC", year: day.year)
        let granted = ds.sum(\.grantedAmount)
        let released = ds.sum { $0.closure?.released ?? .zero }
        XCTAssertEqual(s.figures.granted, granted)
        XCTAssertEqual(s.committed, granted - released)
        XCTAssertEqual(s.committed, ds.sum(\.committedAmount))
        XCTAssertEqual(s.paid, ds.sum(\.paidAmount))
        XCTAssertEqual(s.envelope, Fixtures.scheme("ACC").envelope.yearly)
        XCTAssertEqual(s.remaining, s.envelope! - s.committed)
        XCTAssertEqual(s.counts, [.granted: 1, .partiallyPaid: 1, .settled: 1, .cancelled: 1, .submitted: 1])
        XCTAssertEqual(s.committedShare, Percentage.ratio(s.committed.cents, of: s.envelope!.cents))
        XCTAssertEqual(ledger.figures(scheme: "ACC", year: day.year + 1), BudgetFigures(scheme: "ACC", year: day.year + 1))
    }

    func testCommitmentGoesToTheDecisionYear() {
        let d = Fixtures.dossier("ACC")  // numbered in 2026
        let nextYear = CalendarDate(year: day.year + 1, month: 1, day: 5)!
        let g = Fixtures.run(d, [.submit, .startReview, Fixtures.fullGrant(d)], on: nextYear)
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: [g])
        XCTAssertEqual(ledger.envelopeStatus(scheme: "ACC", year: day.year).committed, .zero)
        XCTAssertEqual(ledger.envelopeStatus(scheme: "ACC", year: nextYear.year).committed, g.grantedAmount)
    }

    func testSharedEnvelopeOfTheInnovationFund() {
        let arc = Fixtures.granted("ARC"), inn = Fixtures.granted("INN")
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: [arc, inn])
        let viaArc = ledger.envelopeStatus(scheme: "ARC", year: day.year)
        XCTAssertEqual(viaArc.label, "INN")
        XCTAssertEqual(viaArc.envelope, Fixtures.scheme("INN").envelope.yearly)
        XCTAssertEqual(viaArc.committed, arc.grantedAmount + inn.grantedAmount)
        XCTAssertEqual(Set(viaArc.schemes), ["INN", "ARC"])
        // One line per own envelope: ARC has none of its own.
        XCTAssertFalse(ledger.envelopes(year: day.year).contains { $0.label == "ARC" })
    }

    func testActionSumsItsSchemes() {
        let ds = [Fixtures.granted("PSV"), Fixtures.granted("PIG"), Fixtures.granted("LHI")]
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: ds)
        let a3 = ledger.actionStatus(action: 3, year: day.year)
        let onAction3 = Fixtures.catalog.schemes.filter { $0.budgetAction == 3 }
        XCTAssertEqual(Set(a3.schemes), Set(onAction3.map(\.code)))
        XCTAssertTrue(a3.schemes.contains("PSV"), "the vacancy bonus is paid on action 3")
        XCTAssertEqual(a3.envelope, onAction3.compactMap(\.envelope.yearly).sum { $0 })
        XCTAssertTrue(a3.approximate)
        XCTAssertEqual(a3.committed, ds.sum(\.grantedAmount))
    }

    func testWouldExceedAtTheBoundary() {
        let d = Fixtures.granted("PLV")
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: [d])
        let env = Fixtures.scheme("PLV").envelope.yearly!
        let room = env - d.grantedAmount
        XCTAssertNil(ledger.wouldExceed(scheme: "PLV", year: day.year, adding: room))
        let w = ledger.wouldExceed(scheme: "PLV", year: day.year, adding: room + Money(cents: 1))
        XCTAssertEqual(w?.excess, Money(cents: 1))
        XCTAssertEqual(w?.envelope, env)
        XCTAssertTrue(w?.description.contains("Confirmez avec un motif") ?? false)
        // A total over the PLH period (the flat-share's 60 000 €) is checked against every year's commitments.
        let col = Fixtures.scheme("COL").envelope.period!
        XCTAssertNil(ledger.wouldExceed(scheme: "COL", year: day.year, adding: col))
        let earlier = Fixtures.granted("COL", on: CalendarDate(year: day.year - 1, month: 3, day: 1)!)
        let withEarlier = BudgetLedger(catalog: Fixtures.catalog, dossiers: [earlier])
        let w2 = withEarlier.wouldExceed(scheme: "COL", year: day.year, adding: Money(euros: 1))
        XCTAssertEqual(w2?.excess, earlier.grantedAmount + Money(euros: 1) - col)
        XCTAssertNil(w2?.year, "the period's envelope, not a year's")
        // No envelope at all, no warning.
        var catalog = Fixtures.catalog
        catalog.schemes[catalog.schemes.firstIndex { $0.code == "COL" }!].envelope = SchemeEnvelope()
        XCTAssertNil(BudgetLedger(catalog: catalog, dossiers: [earlier]).wouldExceed(scheme: "COL", year: day.year, adding: Money(euros: 1)))
    }

    func testUnderSpendingComparesWithTheYearElapsed() {
        let d = Fixtures.granted("PLV")  // 10 % of the PLV envelope
        let ledger = BudgetLedger(catalog: Fixtures.catalog, dossiers: [d])
        let share = ledger.envelopeStatus(scheme: "PLV", year: day.year).committedShare!
        let lateOctober = CalendarDate(year: day.year, month: 10, day: 31)!
        XCTAssertGreaterThan(lateOctober.yearElapsed.basisPoints, share.basisPoints + 2_000)
        func under(on date: CalendarDate) -> Set<String> {
            Set(BudgetOverview(ledger: ledger, plh: nil, period: .year(day.year), on: date).schemes.filter(\.underConsumed).map(\.code))
        }
        XCTAssertTrue(under(on: lateOctober).contains("PLV"))
        XCTAssertEqual(BudgetOverview(ledger: ledger, plh: nil, period: .year(day.year), on: lateOctober).schemes.first { $0.code == "PLV" }?.consumption,
                       .under(years: [day.year]))
        // Early January, nothing lags yet.
        XCTAssertTrue(under(on: CalendarDate(year: day.year, month: 1, day: 10)!).isEmpty)
        // The rule itself, at its boundary: 20 points behind is not yet under-consumption.
        let rule = ConsumptionRule()
        XCTAssertFalse(rule.lags(committedShare: Percentage(percent: 30), elapsed: Percentage(percent: 50)))
        XCTAssertTrue(rule.lags(committedShare: Percentage(basisPoints: 2_999), elapsed: Percentage(percent: 50)))
        XCTAssertEqual(BudgetLedger.elapsed(year: day.year - 1, on: day), Percentage(percent: 100))
        XCTAssertEqual(BudgetLedger.elapsed(year: day.year + 1, on: day), Percentage(basisPoints: 0))
    }

    func testPLHSynthesisPutsProgrammeLinesNextToCommitments() throws {
        let plh = try JSONDecoder().decode(PLHProgramme.self, from: Data(ProfileLoaderFixture.plhWithLines.utf8))
        let ds = accDossiers() + [Fixtures.granted("PLV"), Fixtures.granted("RHS")]
        let ledger = BudgetLedger(catalog: Fixtures.catalog, plh: plh, dossiers: ds)
        let p = PLHOverview(plh: plh, ledger: ledger, years: [day.year])
        XCTAssertEqual(p.lines.map(\.action), plh.actions.map(\.number).sorted())
        let a5 = p.lines.first { $0.action == 5 }!
        XCTAssertEqual(a5.investmentPerYear, plh.action(5)!.investment!.perYear())
        let onFive = ds.filter { Fixtures.scheme($0.schemeCode).budgetAction == 5 }
        XCTAssertEqual(a5.committedYear, onFive.sum(\.committedAmount))
        XCTAssertEqual(a5.investmentFigures.committedYear, onFive.sum(\.committedAmount), "aids are investment")
        XCTAssertEqual(a5.operatingFigures, PLHOverview.Figures())
        XCTAssertEqual(a5.committedPeriod, onFive.sum(\.committedAmount))
        let a4 = p.lines.first { $0.action == 4 }!
        XCTAssertEqual(a4.paidPeriod, accDossiers().sum(\.paidAmount))
        XCTAssertEqual(p.lines.first { $0.action == 2 }?.schemes, [], "action 2 has no money of its own")
        XCTAssertEqual(p.investment.insideFigures.committedYear, ds.sum(\.committedAmount))
    }

    func testFiguresAddUpAndEncode() throws {
        let figures = BudgetFigures.aggregate(accDossiers())
        XCTAssertEqual(figures.count, 1)
        let data = try JSONEncoder().encode(figures[0])
        XCTAssertTrue(String(data: data, encoding: .utf8)!.contains("\"accorde\":1"))
        XCTAssertEqual(try JSONDecoder().decode(BudgetFigures.self, from: data), figures[0])
    }
}

extension ProfileLoaderFixture {
    /// Actions 1-20 with the investment lines of brief §3 for actions 3, 4, 5, 7 (in cents).
    static let plhWithLines: String = {
        let lines: [Int: Int64] = [3: 7_800_000, 4: 1_200_000, 5: 2_280_000, 7: 2_280_000]
        let list = (1...20).map { n -> String in
            let inv = lines[n].map { #", "investment": {"sixYears": \#($0 * 100), "outsideBudget": false}"# } ?? ""
            return #"{"number": \#(n), "title": "Action \#(n)"\#(inv), "indicators": [], "partners": []}"#
        }
        return #"{"title": "PLH de test", "firstYear": 2023, "lastYear": 2028, "actions": [\#(list.joined(separator: ","))]}"#
    }()
}
