import Foundation
import GuichetCore
import Testing
@testable import GuichetReports

@Suite final class CSVWriterTests {
    /// A fresh folder per test, removed afterwards.
    private let temporary = TemporaryFolder()
    var folder: URL { temporary.url }
    deinit { temporary.remove() }

    let tricky = ["Dupont; Fils", "Le \"Clos\"", "Martin\r\nBertrand", "ligne\nseule", "=SUM(A1)", "+33 6", "-5 ans", "@cmd", "\tTab", "Normal"]

    func table(_ names: [String]) -> ReportTable {
        ReportTable(name: "Bénéficiaires",
                    columns: [ReportColumn("Nom"), ReportColumn("Montant", .money), ReportColumn("Part", .percent),
                              ReportColumn("Date", .date), ReportColumn("Nombre", .integer)],
                    rows: names.map { [.text($0), .money(Money(cents: 123_456)), .percent(Percentage(basisPoints: 3_510)),
                                      .date(CalendarDate(year: 2026, month: 11, day: 22)!), .integer(-1_234)] },
                    totals: [[.text("Total"), .money(Money(cents: 1_340_400)), .empty, .empty, .integer(12)]])
    }

    @Test func bytesFollowFrenchExcel() throws {
        let dir = folder
        let url = dir.appendingPathComponent("export.csv")
        let written = try ReportWriter.write(ReportDocument(territory: "T", title: "Export", producedOn: Fixtures.producedOn,
                                                            sections: [ReportSection(heading: "S", tables: [table(["Durand"])])]),
                                             format: .csv, to: url)
        #expect(written == [url])
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "Nom;Montant;Part (%);Date;Nombre\r\nDurand;1234,56;35,10;22/11/2026;-1234\r\nTotal;13404,00;;;12\r\n")
        // Every line end is CRLF: no bare LF.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func trickyTextSurvivesRoundTripAndFormulasAreNeutralised() throws {
        let dir = folder
        let url = dir.appendingPathComponent("noms.csv")
        try ReportWriter.writeCSV(table(tricky), to: url)
        let records = CSVReader.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(records.count == tricky.count + 2)
        #expect(records.allSatisfy { $0.count == 5 })
        let names = records.dropFirst().prefix(tricky.count).map { $0[0] }
        let expected = tricky.map { ["=", "+", "-", "@", "\t"].contains(where: $0.hasPrefix) ? "'" + $0 : $0 }
        #expect(names == expected)
        #expect(names.contains("'=SUM(A1)"))
        #expect(records[1][1] == "1234,56")
    }

    @Test func readerHandlesQuotesAndBlankFields() {
        let records = CSVReader.parse("\u{FEFF}a;\"b;c\";\"\"\r\n\"x\"\"y\";;\"l1\nl2\"\r\n")
        #expect(records == [["a", "b;c", ""], ["x\"y", "", "l1\nl2"]])
    }

    @Test func severalTablesGiveOneFileEach() throws {
        let dir = folder
        let url = dir.appendingPathComponent("bilan.csv")
        let document = Fixtures.sampleDocument()
        let files = try ReportWriter.write(document, format: .csv, to: url)
        #expect(files.map(\.lastPathComponent) == ["bilan-aides-engagees-par-dispositif.csv", "bilan-dossiers-de-l-annee.csv",
                                                   "bilan-logements-locatifs-sociaux-par-commune.csv"])
        let dossiers = CSVReader.parse(try String(contentsOf: files[1], encoding: .utf8))
        #expect(dossiers.count == 1 + 70 + 1)
        // The total row equals the sum of the rows, read back from the file.
        let sum = dossiers.dropFirst().dropLast().compactMap { FrenchNumber.parseMoney($0[4]) }.reduce(Money.zero, +)
        #expect(dossiers.last?[4] == FrenchFormat.plainDecimal(cents: sum.cents))
    }

    @Test func aShortRowIsReportedWithItsTableAndLine() throws {
        let dir = folder
        let url = dir.appendingPathComponent("court.csv")
        let bad = ReportTable(name: "Communes", columns: [ReportColumn("A"), ReportColumn("B")], rows: [[.text("x"), .text("y")], [.text("z")]])
        #expect {
            try ReportWriter.writeCSV(bad, to: url)
        } throws: { error in
            let text = "\(error)"
            return text.contains("Communes") && text.contains("ligne 2") && text.contains(url.path)
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
