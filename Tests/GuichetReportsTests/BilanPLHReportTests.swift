import Foundation
import XCTest
import GuichetCore
@testable import GuichetReports

final class BilanPLHReportTests: XCTestCase {
    func testPDFHoldsTheBriefTotalsReproducedFromTheLinesAndPageNumbers() throws {
        let profile = try ReportTestSupport.profile("capso")
        let plh = try XCTUnwrap(profile.plh), catalog = try XCTUnwrap(profile.schemes)
        // The totals the report prints are sums of the lines inside the budget: compare with the brief.
        let inside = plh.actions.compactMap(\.investment).filter { !$0.outsideBudget }.sum(\.sixYears)
        XCTAssertEqual(inside, Money(euros: 14_285_000), "brief §3: 16 085 000 € of lines minus action 1's 1 800 000 €")
        let operating = plh.actions.compactMap(\.operating).filter { !$0.outsideBudget }.sum(\.sixYears)
        XCTAssertEqual(operating, Money(euros: 1_316_000))

        let dossiers = ReportTestSupport.dossiers(300, profile: try ReportTestSupport.profile())
        let document = BilanPLHReport.document(context: ReportTestSupport.context, plh: plh, catalog: catalog,
                                               figures: BudgetFigures.aggregate(dossiers), year: nil)
        let url = temporaryFolder().url.appendingPathComponent("bilan.pdf")
        try ReportWriter.write(document, format: .pdf, to: url)
        let text = try ReportTestSupport.pdfText(url)
        for figure in [inside, inside.divided(by: 6, roundingTo: 100), operating, operating.divided(by: 6, roundingTo: 100)] {
            XCTAssertTrue(text.contains(ReportTestSupport.normalised(FrenchFormat.money(figure))), "\(figure) absent")
        }
        for printed in ["14 285 000,00 €", "2 380 833,00 €", "1 316 000,00 €", "219 333,00 €"] {
            XCTAssertTrue(text.contains(printed), "« \(printed) » absent du PDF")
        }
        // Outside-budget lines apart, with their amounts, and not in the totals.
        XCTAssertTrue(text.contains("Lignes hors budget du PLH"))
        XCTAssertTrue(text.contains("1 800 000,00 €"))
        XCTAssertTrue(text.contains("116 160,00 €"))
        let pages = try ReportTestSupport.pageCount(url)
        XCTAssertGreaterThan(pages, 1)
        XCTAssertTrue(text.contains("page 1 / \(pages)"))
        XCTAssertTrue(text.contains("page \(pages) / \(pages)"))
    }

    func testCommittedAndPaidPerSchemeComeFromTheDossiersOfTheYear() throws {
        let profile = try ReportTestSupport.profile()
        let dossiers = ReportTestSupport.dossiers(400, profile: profile)
        let document = BilanPLHReport.document(context: ReportTestSupport.context, plh: profile.plh!, catalog: profile.schemes!,
                                               figures: BudgetFigures.aggregate(dossiers), year: 2025)
        let table = try XCTUnwrap(document.tables.first { $0.name.hasPrefix("Enveloppes et consommation par dispositif") })
        var rows: [[ReportCell]] = []
        try table.rows.forEach { rows.append($0) }
        let year = dossiers.filter { BudgetFigures.budgetYear(of: $0) == 2025 }
        for row in rows {
            guard case .text(let code) = row[0] else { continue }
            let mine = year.filter { $0.schemeCode == code }
            XCTAssertEqual(row[4], .money(mine.sum(\.committedAmount)), "engagé \(code)")
            XCTAssertEqual(row[5], .money(mine.sum(\.paidAmount)), "versé \(code)")
            XCTAssertEqual(row[8], .integer(mine.count), "dossiers \(code)")
        }
        XCTAssertEqual(table.totals.first?[8], .integer(year.count))
        XCTAssertNotNil(document.sections.compactMap(\.chart).first { $0.title.contains("Consommation du budget par action") })
    }

    /// The bilan prints the one calculator: the other PLH lines with their commitments, the
    /// operating synthesis with the ADIL subsidy, and the reconciliation of envelopes with the PLH.
    func testOtherLinesAndReconciliationAreInTheBilan() throws {
        let profile = try ReportTestSupport.profile("capso")
        let plh = try XCTUnwrap(profile.plh), catalog = try XCTUnwrap(profile.schemes)
        let adil = try XCTUnwrap(plh.budgetLine(id: "adil")?.envelope.yearly)
        var c = BudgetCommitment(number: CommitmentNumber(year: 2026, sequence: 1), lineID: "adil",
                                 decision: DecisionReference(reference: "Délibération n° 2026-031", date: CalendarDate(year: 2026, month: 3, day: 12)!),
                                 beneficiary: "ADIL du Pas-de-Calais", purpose: nil, amount: adil, agent: "a", createdAt: Date(timeIntervalSince1970: 0))
        c.payments.append(CommitmentPayment(date: CalendarDate(year: 2026, month: 4, day: 10)!, amount: adil, reference: nil, agent: "a"))
        let document = BilanPLHReport.document(context: ReportTestSupport.context, plh: plh, catalog: catalog, figures: [],
                                               lines: LineFigures.aggregate([c]), year: 2026)
        func rows(_ prefix: String) throws -> [[ReportCell]] {
            let table = try XCTUnwrap(document.tables.first { $0.name.hasPrefix(prefix) }, prefix)
            var out: [[ReportCell]] = []
            try table.rows.forEach { out.append($0) }
            return out
        }
        let outside = try rows("Lignes hors budget du PLH")
        let action18 = try XCTUnwrap(outside.first { $0[0] == .integer(18) })
        XCTAssertEqual(action18[5], .money(adil), "committed on the operating line of action 18")
        XCTAssertEqual(action18[6], .money(adil), "paid")
        let lines = try rows("Autres lignes du PLH")
        XCTAssertEqual(lines.first { $0[1] == .text("Subvention ADIL") }?[5], .money(adil))
        let reconciliation = try rows("Rapprochement des enveloppes")
        let schemes3 = catalog.schemes(budgetAction: 3).filter { $0.envelope.fromScheme == nil }.compactMap(\.envelope.yearly).sum { $0 }
        let a3 = try XCTUnwrap(reconciliation.first { $0[0] == .integer(3) && $0[2] == .text("Investissement") })
        XCTAssertEqual(a3[6], .money(schemes3 - plh.action(3)!.investment!.perYear()))
        XCTAssertEqual(a3[6], .money(Money(euros: 110_000)))
        XCTAssertNotNil(reconciliation.first { $0[0] == .integer(5) && $0[6] == .money(Money(euros: -100_000)) })
        XCTAssertTrue(document.sections.contains { $0.paragraphs.contains { $0.contains("Écarts à examiner") } })
    }
}
