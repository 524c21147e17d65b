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
}
