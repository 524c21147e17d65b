import Foundation
import XCTest
import GuichetCore
import GuichetStorage
@testable import GuichetReports

final class DossierExportTests: XCTestCase {
    private let trickyName = "O'Hara; dit \"le Grand\"\nde Wizernes"

    /// A database with `count` demo dossiers plus one whose applicant has a tricky name.
    private func database(_ count: Int) throws -> (SQLiteStore, [AidDossier], URL) {
        let folder = temporaryFolder().url
        let profile = try ReportTestSupport.profile()
        var dossiers = ReportTestSupport.dossiers(count, profile: profile)
        var tricky = dossiers[0]
        tricky.number = DossierNumber(year: 2026, scheme: tricky.schemeCode, sequence: 9_999)
        tricky.applicant = .household(Household(members: [
            HouseholdMember(lastName: trickyName, firstName: "Zoé", birthDate: CalendarDate(year: 1961, month: 3, day: 14)!, role: .applicant)]))
        tricky.applicant.address = "12 impasse des Tilleuls\n62219 Longuenesse"
        tricky.comments = [DossierComment(date: CalendarDate(year: 2026, month: 1, day: 5)!, agent: "test", text: "Situation familiale difficile")]
        dossiers.append(tricky)
        return (try ReportTestSupport.database(in: folder, dossiers: dossiers), dossiers, folder)
    }

    func testCSVRoundTripsTrickyNamesInQueryOrder() throws {
        let (store, dossiers, folder) = try database(60)
        let url = folder.appendingPathComponent("dossiers.csv")
        let document = try DossierListReport.document(context: ReportTestSupport.context, store: store, query: DossierQuery())
        XCTAssertEqual(try ReportWriter.write(document, format: .csv, to: url), [url])
        let records = CSVReader.parse(try String(contentsOf: url, encoding: .utf8))
        XCTAssertEqual(records.first?.first, "N° de dossier")
        let body = Array(records.dropFirst())
        XCTAssertEqual(body.map { $0[0] }, dossiers.sorted { $0.number < $1.number }.map(\.number.formatted))
        let row = try XCTUnwrap(body.first { $0[0].hasSuffix("-9999") })
        XCTAssertEqual(row[1], "\(trickyName.uppercased()) Zoé", "name with ; \" and a line break read back whole")
        // Amounts as spreadsheets read them, from the record.
        let d = try XCTUnwrap(dossiers.first { $0.number.formatted == row[0] })
        XCTAssertEqual(row[6], FrenchFormat.plainDecimal(cents: d.grantedAmount.cents))
        XCTAssertEqual(row[7], FrenchFormat.plainDecimal(cents: d.paidAmount.cents))
    }

    func testFiltersFollowTheQuery() throws {
        let (store, dossiers, folder) = try database(120)
        let query = DossierQuery(statuses: [.granted, .settled], schemes: ["PIG", "ACC"])
        let url = folder.appendingPathComponent("filtre.csv")
        try ReportWriter.write(try DossierListReport.document(context: ReportTestSupport.context, store: store, query: query), format: .csv, to: url)
        let numbers = CSVReader.parse(try String(contentsOf: url, encoding: .utf8)).dropFirst().map { $0[0] }
        let expected = query.apply(to: dossiers).map(\.number.formatted)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(numbers, expected)
    }

    func testAnonymisedExportsHoldNoNameAddressBirthDateOrComment() throws {
        let (store, dossiers, folder) = try database(80)
        let document = try DossierListReport.document(context: ReportTestSupport.context, store: store, query: DossierQuery(), anonymised: true)
        let csv = folder.appendingPathComponent("anonyme.csv"), pdf = folder.appendingPathComponent("anonyme.pdf")
        try ReportWriter.write(document, format: .csv, to: csv)
        try ReportWriter.write(document, format: .pdf, to: pdf)
        let csvText = try String(contentsOf: csv, encoding: .utf8)
        let pdfText = try ReportTestSupport.pdfText(pdf)
        XCTAssertEqual(CSVReader.parse(csvText).count, dossiers.count + 1, "every dossier is listed")
        for d in dossiers {
            var secrets = [d.property.address, d.applicant.address].compactMap { $0 }.map { String($0.prefix(while: { $0 != "\n" })) }
            secrets += d.comments.map(\.text)
            for m in d.applicant.household?.members ?? [] {
                secrets.append(m.displayName)
                if let b = m.birthDate { secrets += [FrenchFormat.date(b), b.iso] }
            }
            if let o = d.applicant.organisation { secrets.append(o.name) }
            for s in secrets where s.count > 3 {
                XCTAssertFalse(csvText.contains(s), "CSV anonymisé : « \(s) » (\(d.number))")
                XCTAssertFalse(pdfText.contains(ReportTestSupport.normalised(s)), "PDF anonymisé : « \(s) » (\(d.number))")
            }
        }
        // Generalised instead: age band and commune of the tricky applicant, born 14/03/1961 (65 on 22/11/2026).
        let row = try XCTUnwrap(CSVReader.parse(csvText).first { $0[0].hasSuffix("-9999") })
        XCTAssertEqual(row[2], "60 à 74 ans")
        XCTAssertEqual(row[4], dossiers.last!.property.commune)
    }

    func testListPDFOf200DossiersPaginatesWithTheHeaderOnEveryPage() throws {
        let (store, dossiers, folder) = try database(199)
        let url = folder.appendingPathComponent("liste.pdf")
        try ReportWriter.write(try DossierListReport.document(context: ReportTestSupport.context, store: store, query: DossierQuery()),
                               format: .pdf, to: url)
        let pages = try ReportTestSupport.pageCount(url)
        XCTAssertGreaterThanOrEqual(pages, 4, "200 rows do not fit on three landscape pages")
        var seen = Set<String>()
        for p in 1...pages {
            let text = try ReportTestSupport.pdfText(url, page: p)
            XCTAssertTrue(text.contains("N° de dossier"), "en-tête répété page \(p)")
            XCTAssertTrue(text.contains("Montant"), "en-tête répété page \(p)")
            XCTAssertTrue(text.contains("page \(p) / \(pages)"))
            if p > 1 { XCTAssertTrue(text.contains("Dossiers (suite)"), "légende « (suite) » page \(p)") }
            for d in dossiers where text.contains(d.number.formatted) { seen.insert(d.number.formatted) }
        }
        XCTAssertEqual(seen.count, 200, "every dossier appears once in the PDF")
    }

    func testListRowsFromTheNarrowTableMatchTheRecords() throws {
        let (store, dossiers, _) = try database(50)
        var rows: [DossierListRow] = []
        try store.read { try $0.forEachDossierRow(DossierQuery(sort: .granted, ascending: false)) { rows.append($0) } }
        let expected = DossierQuery(sort: .granted, ascending: false).apply(to: dossiers)
        XCTAssertEqual(rows.map(\.number), expected.map(\.number))
        for (row, d) in zip(rows, expected) {
            XCTAssertEqual(row.applicant, d.applicant.displayName)
            XCTAssertEqual(row.granted, d.grantedAmount)
            XCTAssertEqual(row.paid, d.paidAmount)
            XCTAssertEqual(row.receivedOn, d.receivedOn)
            XCTAssertEqual(row.lastChange.timeIntervalSince1970, d.updatedAt.timeIntervalSince1970, accuracy: 0.001)
        }
    }
}

final class CSVByteEncodingTests: XCTestCase {
    /// The byte path of the writer says exactly what the string rules say.
    func testBytesEqualTheFieldRules() {
        let cells: [ReportCell] = [.text("a;b"), .text("dit \"x\""), .text("l1\nl2"), .text("=1+1"), .text("-\"x\";"), .text("Émilie"),
                                   .text(""), .empty, .integer(-12), .money(Money(cents: 123_456)), .percent(Percentage(basisPoints: 3_510)),
                                   .date(CalendarDate(year: 2026, month: 11, day: 22)!)]
        var bytes: [UInt8] = []
        CSVWriter.append(cells, to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), CSVWriter.line(cells))
        XCTAssertEqual(CSVWriter.line([.text("-\"x\";")]), "\"'-\"\"x\"\";\"\r\n")
    }
}
