import Foundation
import XCTest
import GuichetCore

/// One ledger for the whole PLH budget (issue 15): the CAPSO programme's budget lines that are
/// not individual aids, committed and paid by decision, next to the aid dossiers; envelopes that
/// differ by year; the reconciliation of envelopes with the PLH's lines; verbatim action titles.
final class PLHLedgerTests: XCTestCase {
    static let plh: PLHProgramme = try! JSONDecoder().decode(
        PLHProgramme.self, from: Data(contentsOf: Fixtures.repositoryFile("data/territories/capso/plh.json")))
    static let sourceText = try! String(contentsOf: Fixtures.repositoryFile("data/territories/capso/sources/plh-capso-2023-2028-programme-actions.txt"),
                                        encoding: .utf8)
    let plh = PLHLedgerTests.plh
    let catalog = Fixtures.catalog

    private func commitment(_ line: String, _ amount: Money, on date: CalendarDate, sequence: Int = 1, paid: Money? = nil) -> BudgetCommitment {
        var c = BudgetCommitment(number: CommitmentNumber(year: date.year, sequence: sequence), lineID: line,
                                 decision: DecisionReference(reference: "Délibération n° \(date.year)-0\(sequence)", date: date),
                                 beneficiary: plh.budgetLine(id: line)?.beneficiary ?? "Bénéficiaire", purpose: nil, amount: amount,
                                 agent: "a", createdAt: Date(timeIntervalSince1970: 0))
        if let paid { c.payments.append(CommitmentPayment(date: date, amount: paid, reference: "Mandat 1", agent: "a")) }
        return c
    }

    /// Done when: the reconciliation shows +110 000 € for action 3 and −100 000 € for action 5,
    /// computed from the profile's envelopes (the schemes paid on each action) and the PLH's lines.
    func testReconciliationOfActions3And5() throws {
        func row(_ action: Int, _ year: Int) -> ReconciliationRow {
            ReconciliationRow.rows(plh: plh, catalog: catalog, years: [year]).first { $0.action == action && $0.kind == "investment" }!
        }
        for (action, expected) in [(3, Money(euros: 110_000)), (5, Money(euros: -100_000))] {
            let schemes = catalog.schemes(budgetAction: action).filter { $0.envelope.fromScheme == nil }
            let oracle = schemes.compactMap(\.envelope.yearly).sum { $0 } - plh.action(action)!.investment!.perYear()
            XCTAssertEqual(oracle, expected, "the profile's own figures")
            for year in plh.years {
                XCTAssertEqual(row(action, year).schemeDifference, oracle, "action \(action), \(year)")
            }
            XCTAssertEqual(row(action, 2026).difference, oracle, "no other line of action \(action) in 2026")
        }
        // In 2023 and 2024 the ORI's 100 000 € also sit on action 3's investment line.
        XCTAssertEqual(row(3, 2023).lineEnvelopes, Money(euros: 100_000))
        XCTAssertEqual(row(3, 2025).lineEnvelopes, .zero)
        XCTAssertEqual(row(3, 2023).difference, Money(euros: 210_000))
        // Actions whose envelopes match the PLH show no difference.
        for action in [4, 7, 11, 16] { XCTAssertEqual(row(action, 2026).difference, .zero, "action \(action)") }
        let warnings = ReconciliationRow.warnings(plh: plh, catalog: catalog)
            .map { $0.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ") }
        XCTAssertTrue(warnings.contains { $0.contains("Action 3, investissement") && $0.contains("+110 000") && $0.contains("2025-2028") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("Action 5, investissement") && $0.contains("-100 000") && $0.contains("2023-2028") }, "\(warnings)")
        // Over the whole period a period total counts once (the study of the next PLH: 66 000 €).
        let whole = ReconciliationRow.rows(plh: plh, catalog: catalog, years: Array(plh.years))
        XCTAssertEqual(whole.first { $0.action == 20 }?.difference, .zero)
        XCTAssertEqual(whole.first { $0.action == 5 }?.difference, Money(euros: -600_000))
    }

    /// Done when: an ADIL subsidy committed and paid appears in the operating synthesis.
    func testADILSubsidyCommittedAndPaidAppearsInTheOperatingSynthesis() throws {
        let adil = try XCTUnwrap(plh.budgetLine(id: "adil"))
        XCTAssertEqual(adil.kind, .operating)
        XCTAssertTrue(adil.isOutsideBudget)
        let yearly = try XCTUnwrap(adil.envelope.yearly)
        let decided = CalendarDate(year: 2026, month: 3, day: 12)!
        let c = commitment("adil", yearly, on: decided, paid: yearly.divided(by: 2))
        let aid = Fixtures.granted("ACC")
        let ledger = BudgetLedger(catalog: catalog, plh: plh, dossiers: [aid], commitments: [c])
        let o = BudgetOverview(ledger: ledger, plh: plh, period: .year(2026), on: Fixtures.today)
        let line18 = try XCTUnwrap(o.plh?.lines.first { $0.action == 18 })
        XCTAssertEqual(line18.operatingFigures.committedYear, yearly)
        XCTAssertEqual(line18.operatingFigures.paidYear, yearly.divided(by: 2))
        XCTAssertEqual(line18.investmentFigures, PLHOverview.Figures())
        XCTAssertEqual(line18.budgetLines.map(\.id), ["adil"])
        XCTAssertEqual(o.plh?.operating.outsideFigures.committedYear, yearly, "outside the PLH budget, shown apart")
        XCTAssertEqual(o.plh?.operating.insideFigures.committedYear, .zero)
        XCTAssertEqual(o.plh?.investment.insideFigures.committedYear, aid.committedAmount)
        let row = try XCTUnwrap(o.lines.first { $0.code == "adil" })
        XCTAssertEqual(row.committed, yearly)
        XCTAssertEqual(row.remaining, .zero)
        XCTAssertEqual(row.dossiers, 1)
        XCTAssertEqual(o.actions.first { $0.code == "18" }?.committed, yearly)
        // Beyond the envelope, a commitment asks for a reason.
        XCTAssertNotNil(ledger.wouldExceed(line: "adil", year: 2026, adding: Money(cents: 1)))
        XCTAssertNil(ledger.wouldExceed(line: "adil", year: 2027, adding: yearly))
    }

    /// Envelopes that differ by year: the ORI has 100 000 € in 2023 and 2024, nothing after.
    func testEnvelopesThatDifferByYear() throws {
        let ori = try XCTUnwrap(plh.budgetLine(id: "ori")).envelope
        XCTAssertEqual(ori.amount(year: 2023), Money(euros: 100_000))
        XCTAssertEqual(ori.amount(year: 2024), Money(euros: 100_000))
        XCTAssertNil(ori.amount(year: 2025))
        let ledger = BudgetLedger(catalog: catalog, plh: plh, dossiers: [AidDossier](),
                                  commitments: [commitment("ori", Money(euros: 60_000), on: CalendarDate(year: 2024, month: 9, day: 1)!)])
        XCTAssertEqual(ledger.lineStatus(line: "ori", year: 2024).remaining, Money(euros: 40_000))
        XCTAssertNil(ledger.lineStatus(line: "ori", year: 2025).envelope)
        let whole = BudgetOverview(ledger: ledger, plh: plh, period: .whole, on: Fixtures.today)
        XCTAssertEqual(whole.lines.first { $0.code == "ori" }?.envelope, Money(euros: 200_000))
        // A study "sur la durée du PLH": its total, whatever the year.
        let study = try XCTUnwrap(plh.budgetLine(id: "etude-opah-ru")).envelope
        XCTAssertEqual(study.period, Money(euros: 40_000))
        XCTAssertEqual(whole.lines.first { $0.code == "etude-opah-ru" }?.envelope, Money(euros: 40_000))
        // In a year, what the total leaves: all of it before the study is committed, nothing once it is.
        XCTAssertEqual(BudgetOverview(ledger: ledger, plh: plh, period: .year(2025), on: Fixtures.today).lines.first { $0.code == "etude-opah-ru" }?.envelope,
                       Money(euros: 40_000))
        let committed = BudgetLedger(catalog: catalog, plh: plh, dossiers: [AidDossier](),
                                     commitments: [commitment("etude-opah-ru", Money(euros: 40_000), on: CalendarDate(year: 2023, month: 5, day: 2)!)])
        let later = BudgetOverview(ledger: committed, plh: plh, period: .year(2025), on: Fixtures.today).lines.first { $0.code == "etude-opah-ru" }
        XCTAssertEqual(later?.envelope, .zero)
        XCTAssertEqual(later?.overspent, false)
        XCTAssertEqual(later?.underConsumed, false, "a study is committed when it comes, not month by month")
        XCTAssertNotNil(committed.wouldExceed(line: "etude-opah-ru", year: 2025, adding: Money(cents: 1)))
    }

    /// Every PLH line of the synthesis carries committed and paid, and the printed totals still
    /// come from the lines inside the budget.
    func testSynthesisTotalsAndEveryLineFigures() throws {
        let o = BudgetOverview(ledger: BudgetLedger(catalog: catalog, plh: plh, dossiers: [AidDossier]()), plh: plh, period: .whole, on: Fixtures.today)
        let p = try XCTUnwrap(o.plh)
        XCTAssertEqual(p.lines.count, 20)
        XCTAssertEqual(p.investment.inside, Money(euros: 14_285_000))
        XCTAssertEqual(p.operating.inside, Money(euros: 1_316_000))
        XCTAssertEqual(Set(plh.budgetLines.map(\.id)).count, plh.budgetLines.count)
        // The outside-budget sub-lines are those of the outside-budget PLH lines (actions 1, 13, 18).
        XCTAssertEqual(Set(plh.budgetLines.filter(\.isOutsideBudget).compactMap { plh.action(holdingLine: $0.id)?.number }), [1, 13, 18])
    }

    /// Titles are the PLH's own, and every quote of the profile is found verbatim in its text.
    func testTitlesAndQuotesAreVerbatim() throws {
        let text = PLHSourceText(Self.sourceText)
        for a in plh.actions { XCTAssertTrue(text.contains(title: a.title), "action \(a.number) : \(a.title)") }
        var profile = TerritoryProfile(manifest: try! JSONDecoder().decode(TerritoryManifest.self, from: Data(ProfileLoaderFixture.manifest.utf8)))
        profile.plh = plh
        profile.schemes = catalog
        XCTAssertTrue(text.problems(in: profile).isEmpty, "\(text.problems(in: profile).map(\.error.description))")
        XCTAssertGreaterThan(profile.parameters.filter { $0.source.kind == .plh }.count, 30)
        // A changed word is caught, with its key path.
        var altered = catalog
        altered.schemes[0].amountRule.source?.text = "Dans le parc privé, pour la remise sur le marché de logements vacants : 5 000 € / logement"
        profile.schemes = altered
        XCTAssertEqual(text.problems(in: profile).map(\.error.field), ["schemes[0].amountRule.source.text"])
        // Paraphrased titles of the old profile are not the PLH's.
        XCTAssertFalse(text.contains(title: "Rénover massivement le parc privé existant"))
    }

    /// `guichet territoires` lists what is still a default or left to agents.
    func testPendingParametersNameTheDefaultsAndTheAgentsChecks() {
        var profile = TerritoryProfile(manifest: try! JSONDecoder().decode(TerritoryManifest.self, from: Data(ProfileLoaderFixture.manifest.utf8)))
        profile.plh = plh
        profile.schemes = catalog
        let pending = profile.pendingParameters
        let agent = Set(pending.filter { $0.status == .agentCheck }.map(\.subject))
        XCTAssertTrue(agent.isSuperset(of: ["ACC — Ancienneté du bien (seuil)", "ACC — Volume financier minimum de travaux (seuil)",
                                            "PSV — Logement vacant de longue durée (seuil)"]), "\(agent)")
        let defaults = Set(pending.filter { $0.status == .defaultValue }.map(\.subject))
        XCTAssertTrue(defaults.isSuperset(of: ["ARC — montant", "RHS — plafond", "ACC — clause anti-spéculative (remboursement)"]), "\(defaults)")
        XCTAssertFalse(pending.contains { $0.subject.hasPrefix("PLV") }, "PLV's figures are all the PLH's")
    }
}
