import Foundation
import XCTest
import GuichetCore
@testable import GuichetReports

/// The CIA yearly review as a document: the headline table carries the computed figures beside
/// the published ones (to the basis point), every obligation table adds up to the register, and
/// the three formats are written.
final class CIAReviewReportTests: XCTestCase {
    static func data() throws -> AllocationReviewData {
        let profile = try ReportTestSupport.profile("demo")
        let counter = try XCTUnwrap(AllocationCounter(profile: profile))
        let root = ReportTestSupport.repositoryRoot.appendingPathComponent("data/territories/cabbalr")
        let published = try AllocationResults.decode(Data(contentsOf: root.appendingPathComponent("cia-results-2020-2023.json")))
        let landlords = try XCTUnwrap(profile.landlords).landlords
        let rows = DemoAllocations.generate(DemoAllocations.Source(published: published, landlords: landlords, counter: counter,
                                                                   categories: profile.cotation?.priorityCategories ?? []))
        let objectives = try XCTUnwrap(profile.landlords?.allocationObjectives)
        return AllocationReviewData(allocations: rows, counter: counter,
                                    published: PublishedAllocationFigures(agglomeration: published.agglomeration,
                                                                          conventions: published.conventions(objectives: objectives)),
                                    landlords: landlords)
    }

    func rows(_ table: ReportTable) throws -> [[ReportCell]] {
        var out: [[ReportCell]] = []
        try table.rows.forEach { out.append($0) }
        return out
    }

    func testTheHeadlineTableShowsEachComputedFigureBesideThePublishedOne() throws {
        let data = try Self.data()
        let document = CIAReviewReport.document(context: ReportTestSupport.context, data: data)
        let headline = try XCTUnwrap(document.tables.first { $0.name == "Synthèse de l'agglomération" })
        let shareRow = try XCTUnwrap(try rows(headline).first { $0.first == .text(AgglomerationHeadline.Label.share) })
        let titles = headline.columns.map(\.title)
        let i = try XCTUnwrap(titles.firstIndex(of: "2021 calculé"))
        // To the basis point: 22,80 % computed, 22,83 % printed by the table by landlord.
        XCTAssertEqual(shareRow[i], .rate(Percentage(basisPoints: 2_280)))
        XCTAssertEqual(shareRow[i + 1], .rate(Percentage(basisPoints: 2_283)))
        XCTAssertEqual(shareRow[i].displayText, "22,80\u{00A0}%")
        let text = document.sections[0].paragraphs.joined(separator: "\n")
        XCTAssertTrue(text.contains("2021 : calculé 22,80\u{00A0}%, publié 22,83\u{00A0}%"), text)
        XCTAssertNotNil(document.sections[0].chart)
    }

    func testEachObligationTableAddsUpToTheRegister() throws {
        let data = try Self.data()
        let document = CIAReviewReport.document(context: ReportTestSupport.context, data: data, year: 2022)
        let landlords = try XCTUnwrap(document.tables.first { $0.name == "Ménages prioritaires par bailleur" })
        let table = try rows(landlords)
        XCTAssertTrue(table.allSatisfy { $0[1] == .text("2022") })
        // Each landlord appears with and without transfers; their allocations add up to the agglomeration's.
        func sum(_ counting: String) -> Int64 {
            table.filter { $0[2].displayText.hasPrefix(counting) }.reduce(0) { s, r in
                if case .integer(let n) = r[4] { return s + n } else { return s }
            }
        }
        let agglomeration = try XCTUnwrap(data.review.indicators(.agglomeration, year: 2022))
        XCTAssertEqual(sum("mutations incluses"), Int64(agglomeration.allocations))
        XCTAssertEqual(sum("hors mutations"), Int64(agglomeration.firstAllocations))
        // The headline variant of 2022 is "hors mutations": marked with a star.
        XCTAssertTrue(table.contains { $0[2] == .text("hors mutations *") })
        // Missing allocations are ⌈25 % × d⌉ − n, never negative.
        for r in table {
            guard case .integer(let n) = r[3], case .integer(let d) = r[4], case .integer(let missing) = r[7] else { continue }
            XCTAssertEqual(missing, max(0, (2_500 * d + 9_999) / 10_000 - n))
        }
    }

    func testThePDFTheSpreadsheetAndTheCSVAreWritten() throws {
        let data = try Self.data()
        let document = CIAReviewReport.document(context: ReportTestSupport.context, data: data, year: 2023)
        let folder = temporaryFolder().url
        try ReportWriter.write(document, format: .pdf, to: folder.appendingPathComponent("cia.pdf"))
        let text = try ReportTestSupport.pdfText(folder.appendingPathComponent("cia.pdf"))
        for needle in ["Bilan de la convention intercommunale d'attribution", "Part des attributions hors QPV",
                       "30,38", "8 058,00", "Informations manquantes au registre"] {
            XCTAssertTrue(text.contains(needle), needle)
        }
        try ReportWriter.write(document, format: .ods, to: folder.appendingPathComponent("cia.ods"))
        XCTAssertGreaterThan(try Data(contentsOf: folder.appendingPathComponent("cia.ods")).count, 1_000)
        let files = try ReportWriter.write(document, format: .csv, to: folder.appendingPathComponent("cia.csv"))
        XCTAssertEqual(files.count, document.tables.count)
        let bytes = try Data(contentsOf: files[0])
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM for French Excel")
        let headline = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(headline.hasPrefix("Indicateur;2023 hors mutations calculé;2023 hors mutations publié"), headline)
        XCTAssertTrue(headline.contains("% de relogt des PP (tous contingents);30,38;30,38"), headline)
    }
}
