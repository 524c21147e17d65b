import Foundation
import XCTest
import GuichetCore
@testable import GuichetReports

final class ConventionsRequestsReportTests: XCTestCase {
    func testConventionsMarkEveryMissedTargetAndOnlyThose() throws {
        let root = ReportTestSupport.repositoryRoot.appendingPathComponent("data/territories/cabbalr")
        let landlords = try LandlordsProfile.decode(Data(contentsOf: root.appendingPathComponent("landlords.json")))
        let seed = try AllocationResults.decode(Data(contentsOf: root.appendingPathComponent("cia-results-2020-2023.json")))
        let lines = ConventionReview.review(seed.conventions(objectives: try XCTUnwrap(landlords.allocationObjectives)))
        let names = Dictionary(landlords.landlords.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let document = ConventionsReport.document(context: ReportTestSupport.context, lines: lines, landlordNames: names, year: 2023)
        var marked = 0, rows = 0
        for table in document.tables where table.name.hasPrefix("Attributions") || table.name.hasPrefix("Production") {
            try table.rows.forEach { row in
                rows += 1
                if row.last == .text("✗ NON ATTEINT") { marked += 1 }
                XCTAssertEqual(row[1], .text("2023"))
            }
        }
        let y2023 = lines.filter { $0.year == 2023 }
        XCTAssertEqual(marked, y2023.filter(\.missed).count)
        XCTAssertEqual(rows, y2023.filter(\.hasResult).count)
        // Pas-de-Calais Habitat, 2023, outside QPV 1st quartile: 24,44 % against 25 %: a gap of −0,56 point.
        let url = temporaryFolder().url.appendingPathComponent("conventions.pdf")
        try ReportWriter.write(document, format: .pdf, to: url)
        let text = try ReportTestSupport.pdfText(url)
        XCTAssertTrue(text.contains("Pas-de-Calais Habitat") || text.contains("Pas de Calais Habitat"))
        XCTAssertTrue(text.contains("NON ATTEINT"))
    }

    private func requests() throws -> [RankedRequest] {
        let on = CalendarDate(year: 2026, month: 11, day: 1)!
        let grid = try CotationGrid(jsonData: Data(contentsOf: ReportTestSupport.repositoryRoot.appendingPathComponent("data/territories/cabbalr/cotation.json")))
        let scored = (1...3).map { i in
            let r = SocialHousingRequest(id: "DLS-2026-00000\(i)", sneNumber: "062112300000\(i)", requestDate: CalendarDate(year: 2025, month: i, day: 10)!,
                                         members: [RequestMember(role: .requester, birthDate: CalendarDate(year: 1950 + i * 15, month: 6, day: 2)!,
                                                                 lastName: "Lecomte-\(i)", firstName: "Théo")],
                                         annualResources: Money(euros: 14_000), wishedCommunes: [WishedCommune("Béthune")], wishedTypologies: [.t2])
            return ScoredRequest(request: r, result: CotationEngine.score(r, grid: grid, on: on))
        }
        return CotationRanking.rank(scored)
    }

    func testAnonymisedRankingHasNoIdentifiersOrBirthDates() throws {
        let ranked = try requests()
        let folder = temporaryFolder().url
        let named = folder.appendingPathComponent("demandes.csv"), anonymous = folder.appendingPathComponent("anonyme.csv")
        try ReportWriter.write(RequestsReport.document(context: ReportTestSupport.context, ranked: ranked), format: .csv, to: named)
        try ReportWriter.write(RequestsReport.document(context: ReportTestSupport.context, ranked: ranked, anonymised: true), format: .csv, to: anonymous)
        let namedText = try String(contentsOf: named, encoding: .utf8), anonymousText = try String(contentsOf: anonymous, encoding: .utf8)
        for r in ranked {
            XCTAssertTrue(namedText.contains(r.request.id))
            XCTAssertTrue(namedText.contains(try XCTUnwrap(r.request.applicantName)))
            XCTAssertFalse(anonymousText.contains(r.request.id))
            XCTAssertFalse(anonymousText.lowercased().contains("lecomte"))
            XCTAssertFalse(anonymousText.contains("Théo"))
            XCTAssertFalse(anonymousText.contains(r.request.sneNumber!))
            XCTAssertFalse(anonymousText.contains(FrenchFormat.date(r.request.requestDate)))
            for m in r.request.members { XCTAssertFalse(anonymousText.contains(FrenchFormat.date(m.birthDate))) }
        }
        let rows = CSVReader.parse(anonymousText)
        XCTAssertEqual(rows.dropFirst().map { $0[0] }, ["1", "2", "3"])
        let first = ranked[0].request
        XCTAssertEqual(rows[1][5], Anonymise.ageBand(first.members[0].birthDate, on: ranked[0].result.computedOn))
        XCTAssertEqual(rows[1][1], Anonymise.month(first.requestDate))
        XCTAssertEqual(Anonymise.ageBand(CalendarDate(year: 1965, month: 6, day: 2)!, on: CalendarDate(year: 2026, month: 11, day: 1)!), "60 à 74 ans")
        XCTAssertEqual(Anonymise.month(CalendarDate(year: 2025, month: 1, day: 10)!), "janvier 2025")
    }
}
