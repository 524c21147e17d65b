import Foundation
import GuichetCore
import Testing
@testable import GuichetReports

@Suite final class PDFWriterTests {
    /// A fresh folder per test, removed afterwards.
    private let temporary = TemporaryFolder()
    var folder: URL { temporary.url }
    deinit { temporary.remove() }

    /// Text of each page (pdftotext separates pages with form feeds).
    func pages(of url: URL) throws -> [String] {
        var pages = ReportTestSupport.normalised(try Fixtures.run("pdftotext", ["-layout", url.path, "-"])).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    func plain(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    func pageCount(_ url: URL) throws -> Int? {
        let info = try Fixtures.run("pdfinfo", [url.path])
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) }
    }

    @Test func sampleHasFramesTotalsAndFrenchFigures() throws {
        let url = folder.appendingPathComponent("bilan.pdf")
        try ReportWriter.write(Fixtures.sampleDocument(), format: .pdf, to: url)
        let texts = try pages(of: url)
        let count = try #require(try pageCount(url))
        #expect(count >= 3)
        #expect(texts.count == count)
        for (i, text) in texts.enumerated() {
            #expect(text.contains("page \(i + 1) / \(count)"))
            #expect(text.contains("Édité le 22/11/2026"))
            #expect(text.contains("Communauté d'agglomération du Pays de Saint-Omer"))
        }
        // pdftotext turns U+202F and U+00A0 into plain spaces: compare on that form.
        let all = plain(texts.joined())
        // Totals computed from the rows, in the grouped French form.
        let document = Fixtures.sampleDocument()
        let schemeTotal = Fixtures.moneyTotal(try rows(of: document.tables[0]), column: 2)
        #expect(all.contains(plain(FrenchFormat.money(schemeTotal))))
        #expect(all.contains(plain(FrenchFormat.money(Money(cents: 1_340_400)))))
        #expect(all.contains("13 404,00 €"))
        #expect(all.contains(plain(FrenchFormat.percent(Percentage(basisPoints: 3_510)))))
        let dossierTotal = Fixtures.moneyTotal(Fixtures.dossierRows(70), column: 4)
        #expect(all.contains(plain(FrenchFormat.money(dossierTotal))))
        // Chart legend and a French axis graduation.
        #expect(all.contains("Rénovation énergétique"))
        #expect(all.contains("20 000 €"))
    }

    func rows(of table: ReportTable) throws -> [[ReportCell]] {
        var rows: [[ReportCell]] = []
        try table.rows.forEach { rows.append($0) }
        return rows
    }

    @Test func longTableRepeatsItsHeaderOnEveryPage() throws {
        let url = folder.appendingPathComponent("long.pdf")
        let document = ReportDocument(territory: Fixtures.territory, title: "Liste des dossiers", producedOn: Fixtures.producedOn,
                                      sections: [ReportSection(heading: "Dossiers", tables: [Fixtures.dossierTable(200)])])
        try ReportWriter.write(document, format: .pdf, to: url)
        let texts = try pages(of: url)
        let count = try #require(try pageCount(url))
        #expect(count > 3)
        let headers = texts.map { $0.components(separatedBy: "Bénéficiaire").count - 1 }
        #expect(headers == Array(repeating: 1, count: count))
        #expect(texts.dropFirst().allSatisfy { $0.contains("Dossiers de l'année (suite)") })
        // Every row is there once: row numbers 1…200 in the first column.
        let last = texts.last!
        #expect(last.contains("page \(count) / \(count)"))
        #expect(plain(last).contains(plain(FrenchFormat.money(Fixtures.moneyTotal(Fixtures.dossierRows(200), column: 4)))))
    }

    @Test func wideDocumentIsLandscapeAndKeepsEveryColumn() throws {
        let url = folder.appendingPathComponent("large.pdf")
        try ReportWriter.write(Fixtures.wideDocument(), format: .pdf, to: url)
        let info = try Fixtures.run("pdfinfo", [url.path])
        #expect(info.contains("841.89 x 595.276 pts (A4)") || info.contains("842 x 595 pts (A4)"))
        let text = try pages(of: url).joined()
        for column in Fixtures.wideDocument().tables[0].columns {
            #expect(text.contains(column.title.split(separator: " ").first!))
        }
        // Dates and amounts are never cut: narrowing takes room from text columns.
        #expect(text.contains("06/01/2025") && text.contains("22/11/2026"))
        #expect(plain(text).contains("5 000,00 €"))
    }

    @Test func wideTablesGoLandscapeAutomatically() {
        let wide = ReportTable(name: "Large", columns: (1...14).map { ReportColumn("Colonne \($0)", .money) }, rows: [[ReportCell]]())
        let document = ReportDocument(territory: "T", title: "L", producedOn: Fixtures.producedOn,
                                      sections: [ReportSection(heading: "S", tables: [wide])], orientation: .automatic)
        #expect(PDFWriter.pageFormat(for: document).width > PDFWriter.pageFormat(for: document).height)
        let narrow = ReportDocument(territory: "T", title: "L", producedOn: Fixtures.producedOn,
                                    sections: [ReportSection(heading: "S", tables: [Fixtures.dossierTable(1)])], orientation: .automatic)
        #expect(PDFWriter.pageFormat(for: narrow).width < PDFWriter.pageFormat(for: narrow).height)
    }

    @Test func chartScaleIsRound() {
        let money = ChartScale(maximum: 8_725_050, minimumStep: 100)
        #expect(money.step == 2_000_000 && money.steps == 5)
        #expect(ChartScale(maximum: 50, minimumStep: 100).step == 100)
        #expect(ChartScale(maximum: 7).step == 2)
        #expect(ChartScale(maximum: 0).maximum >= 1)
    }
}
