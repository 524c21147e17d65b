import Foundation
import XCTest
import ZIPFoundation
import GuichetCore
@testable import GuichetReports

final class ProgrammesReportTests: XCTestCase {
    private func fixtureProgrammes() throws -> [ConstructionProgramme] {
        // The brief's table ships in data/demo: a clean clone runs these tests instead of skipping them.
        let shipped = ReportTestSupport.repositoryRoot.appendingPathComponent("data/demo/programmes-construction-2020-2023.csv")
        let url = URL(fileURLWithPath: "/work/shared/domain/fixtures/programmes-construction-2020-2023.csv")
        let fallback = ReportTestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/domain/fixtures/programmes-construction-2020-2023.csv")
        guard let file = [shipped, url, fallback].first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw XCTSkip("fixture des programmes introuvable")
        }
        let landlords = try LandlordsProfile.decode(Data(contentsOf: ReportTestSupport.repositoryRoot.appendingPathComponent("data/territories/cabbalr/landlords.json")))
        let report = ProgrammeTableImporter(directory: landlords.directory).importTable(try Data(contentsOf: file), kind: .construction)
        XCTAssertFalse(report.failed)
        return report.construction.map(\.programme)
    }

    private let rehabilitation = [
        RehabilitationProgramme(commune: "Béthune", name: "Résidence du Parc", landlordId: nil, landlordName: "SIA", operationType: "ERBM",
                                financingYear: .known(2021), dwellings: .known(40), stateSubsidy: .known(Money(euros: 120_000)),
                                epciSubsidy: .known(Money(euros: 40_000)), labelBefore: .known(.e), labelAfter: .known(.c)),
        RehabilitationProgramme(commune: "Bruay-la-Buissière", name: "Cité des Électriciens", landlordId: nil, landlordName: "M&C",
                                financingYear: .known(2022), dwellings: SourceValue(value: nil, raw: "voir 2024"),
                                epciSubsidy: .known(Money(euros: 10_000)), labelBefore: .known(.f), labelAfter: .known(.c)),
    ]

    func testCSVReproducesTheProgrammeTotalsOfTheFixture() throws {
        let programmes = try fixtureProgrammes()
        let summary = ProgrammeSummary.construction(programmes)
        // The brief's published totals, reproduced by the summary from the 43 rows.
        XCTAssertEqual(summary.total.programmes, 43)
        XCTAssertEqual([summary.total.plus, summary.total.plai, summary.total.pls, summary.total.total], [735, 398, 97, 1_230])
        XCTAssertEqual(summary.total.stateSubsidy, Money(euros: 2_699_800))
        XCTAssertEqual(summary.total.epciSubsidy, Money(euros: 1_409_780))

        let document = ProgrammesReport.document(context: ReportTestSupport.context, construction: programmes, rehabilitation: rehabilitation)
        let folder = temporaryFolder().url
        let files = try ReportWriter.write(document, format: .csv, to: folder.appendingPathComponent("programmes.csv"))
        XCTAssertEqual(files.count, document.tables.count)
        func records(_ suffix: String) throws -> [[String]] {
            let file = try XCTUnwrap(files.first { $0.lastPathComponent.contains(suffix) }, suffix)
            return CSVReader.parse(try String(contentsOf: file, encoding: .utf8))
        }
        let byYear = try records("par-annee-et-par-produit")
        XCTAssertEqual(byYear.dropFirst().map { $0[0] }, ["2020", "2021", "2022", "2023", "Total"])
        let total = try XCTUnwrap(byYear.last)
        XCTAssertEqual(Array(total[1...6]), ["43", "735", "398", "n.c.", "97", "1230"])
        XCTAssertEqual(total[7], FrenchFormat.plainDecimal(cents: Int64(Percentage.ratio(398, of: 735 + 398)!.basisPoints)), "PLAI share of PLUS+PLAI, brief: 35 %")
        XCTAssertEqual(byYear[1][2], "151")
        let money = try XCTUnwrap(try records("subventions").last)
        XCTAssertEqual(Array(money[3...5]), ["2699800,00", "1409780,00", "4109580,00"])
        let communes = try records("par-commune")
        XCTAssertEqual(communes.last?[5], "1230", "by-commune total equals the sum of the communes")
        XCTAssertEqual(communes.dropFirst().dropLast().reduce(0) { $0 + (Int($1[5]) ?? 0) }, 1_230)
        let rehab = try XCTUnwrap(try records("rehabilitations").last)
        XCTAssertEqual(Array(rehab[1...4]), ["2", "40", "120000,00", "50000,00"], "the « voir 2024 » cell is not added")
    }

    func testODSHoldsTheTotalsAsTypedCells() throws {
        let document = ProgrammesReport.document(context: ReportTestSupport.context, construction: try fixtureProgrammes(), rehabilitation: [])
        let url = temporaryFolder().url.appendingPathComponent("programmes.ods")
        try ReportWriter.write(document, format: .ods, to: url)
        let archive = try Archive(url: url, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try XCTUnwrap(archive["content.xml"])) { xml.append($0) }
        let content = String(decoding: xml, as: UTF8.self)
        for value in ["735", "398", "97", "1230", "2699800.00", "1409780.00"] {
            XCTAssertTrue(content.contains("office:value=\"\(value)\""), "cellule \(value) absente")
        }
        XCTAssertTrue(content.contains("Production financée par commune"))
    }

    func testPDFShowsTheChartAndTheRehabilitationLabels() throws {
        let document = ProgrammesReport.document(context: ReportTestSupport.context, construction: try fixtureProgrammes(), rehabilitation: rehabilitation)
        let chart = try XCTUnwrap(document.sections.compactMap(\.chart).first)
        XCTAssertEqual(chart.categories, ["2020", "2021", "2022", "2023"])
        XCTAssertEqual(chart.series.map(\.name), ["PLUS", "PLAI", "PLS"])
        XCTAssertEqual(chart.series[0].values, [151, 92, 268, 224])
        let url = temporaryFolder().url.appendingPathComponent("programmes.pdf")
        try ReportWriter.write(document, format: .pdf, to: url)
        let text = try ReportTestSupport.pdfText(url)
        XCTAssertTrue(text.contains("1 409 780,00 €"))
        XCTAssertTrue(text.contains("Étiquettes énergétiques avant et après travaux"))
    }

    /// Forecast programmes stay out of the financed tables and come in a section of their own,
    /// with the financed, forecast and overall lines.
    func testForecastsAreKeptApartFromTheFinancedTables() throws {
        let financed = try fixtureProgrammes()
        var forecast = financed.filter { $0.financingYear.value == 2023 }
        for i in forecast.indices { forecast[i].financingYear = .known(2024); forecast[i].period = .forecast }
        let document = ProgrammesReport.document(context: ReportTestSupport.context, construction: financed + forecast,
                                                 rehabilitation: rehabilitation)
        let folder = temporaryFolder().url
        let files = try ReportWriter.write(document, format: .csv, to: folder.appendingPathComponent("programmes.csv"))
        func records(_ suffix: String) throws -> [[String]] {
            let file = try XCTUnwrap(files.first { $0.lastPathComponent.contains(suffix) }, suffix)
            return CSVReader.parse(try String(contentsOf: file, encoding: .utf8))
        }
        let byYear = try records("par-annee-et-par-produit")
        XCTAssertEqual(byYear.dropFirst().map { $0[0] }, ["2020", "2021", "2022", "2023", "Total"], "no 2024 forecast in the financed table")
        XCTAssertEqual(byYear.last?[6], "1230")
        let forecastYears = try records("production-en-prevision")
        let forecastDwellings = forecast.compactMap(\.dwellings).reduce(0, +)
        XCTAssertEqual(forecastYears.last?[2], String(forecastDwellings))
        let sides = try records("finances-previsions-et-ensemble")
        let dwellings = Dictionary(uniqueKeysWithValues: sides.dropFirst().map { ($0[0], $0[2]) })
        XCTAssertEqual(dwellings["Production financée"], "1230")
        XCTAssertEqual(dwellings["Production en prévision"], String(forecastDwellings))
        XCTAssertEqual(dwellings["Production, ensemble"], String(1_230 + forecastDwellings))
    }
}
