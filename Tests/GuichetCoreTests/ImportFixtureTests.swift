import Foundation
import XCTest
@testable import GuichetCore

/// The real 2020-2023 construction table of the brief (§6.1), imported then summarised.
final class ImportFixtureTests: XCTestCase {
    private func importFixture() throws -> ImportReport {
        let data = try ImportTestFiles.fixture("programmes-construction-2020-2023.csv")
        return try ImportTestFiles.importer().importTable(data, kind: .construction)
    }

    func testFixtureIsReadAsUTF8WithBOMSemicolonCRLF() throws {
        let r = try importFixture()
        XCTAssertEqual(r.encoding, .utf8WithBOM)
        XCTAssertEqual(r.separator, ";")
        XCTAssertEqual(r.lineEnding, .crlf)
        XCTAssertEqual(r.headerLine, 1)
        XCTAssertFalse(r.failed)
        XCTAssertEqual(r.construction.count, 43, "the brief counts 43 programmes")
        XCTAssertEqual(r.columns.map(\.field), [.commune, .financingYear, .programme, .landlord, .stateSubsidy,
                                                .epciSubsidy, .plus, .plai, .pls, .total])
        XCTAssertEqual(r.construction.first?.line, 2)
        XCTAssertEqual(r.construction.last?.line, 44)
        // "BRUAY LA BUISSIÈRE" keeps its accent (UTF-8 È), "Léon" its é.
        XCTAssertTrue(r.construction.contains { $0.programme.commune == "BRUAY LA BUISSIÈRE" })
    }

    func testEveryLandlordSpellingOfTheFixtureIsKnown() throws {
        let r = try importFixture()
        XCTAssertEqual(r.errors, [], r.errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(r.construction.allSatisfy { $0.programme.landlordId != nil })
        let pdch = try XCTUnwrap(r.construction.first { $0.programme.landlordName == "PDCH" })
        XCTAssertEqual(pdch.programme.landlordId, "pas-de-calais-habitat")
        XCTAssertEqual(Set(r.construction.filter { $0.programme.landlordId == "sia-habitat" }.map(\.programme.landlordName)),
                       ["SIA HABITAT", "SIA Habitat"])
    }

    /// Brief §6.1 reference table, recomputed from the 43 rows.
    func testSummaryReproducesTheBriefPerYear() throws {
        let summary = ProgrammeSummary.construction(try importFixture().construction.map(\.programme))
        let brief: [(year: Int, plus: Int, plai: Int, pls: Int, total: Int)] = [
            (2020, 151, 89, 0, 240), (2021, 92, 43, 3, 138), (2022, 268, 156, 48, 472), (2023, 224, 110, 46, 380),
        ]
        XCTAssertEqual(summary.years.map(\.year), brief.map(\.year))
        for (line, expected) in zip(summary.years, brief) {
            XCTAssertEqual(line.plus, expected.plus, "PLUS \(expected.year)")
            XCTAssertEqual(line.plai, expected.plai, "PLAI \(expected.year)")
            XCTAssertEqual(line.pls, expected.pls, "PLS \(expected.year)")
            XCTAssertEqual(line.total, expected.total, "total \(expected.year)")
            // The fixture has no PLAI adapté column: unknown, not 0 (the brief's 23/2/29/9 cannot be recomputed).
            XCTAssertNil(line.plaiAdapte)
            // Nor typologies.
            XCTAssertNil(line.t1t2Share)
        }
        // PLS of 2020: every cell blank, summed as 0 but counted as unknown cells.
        XCTAssertEqual(summary.years[0].unknownCells["pls"], 9)
    }

    func testSummaryReproducesTheBriefTotals() throws {
        let t = ProgrammeSummary.construction(try importFixture().construction.map(\.programme)).total
        XCTAssertEqual(t.programmes, 43)
        XCTAssertEqual(t.plus, 735)
        XCTAssertEqual(t.plai, 398)
        XCTAssertEqual(t.pls, 97)
        XCTAssertEqual(t.total, 1_230)
        XCTAssertEqual(t.stateSubsidy, Money(euros: 2_699_800))
        XCTAssertEqual(t.epciSubsidy, Money(euros: 1_409_780))
        // "35 % of PLUS+PLAI, 32 % of all", rounded to the unit.
        XCTAssertEqual(FrenchFormat.percent(try XCTUnwrap(t.plaiShareOfPlusPlai), decimals: 0), "35\u{00A0}%")
        XCTAssertEqual(FrenchFormat.percent(try XCTUnwrap(t.plaiShareOfAll), decimals: 0), "32\u{00A0}%")
        // "- €" cells are Excel's accounting zero: 0, not unknown.
        let text = String(decoding: try ImportTestFiles.fixture("programmes-construction-2020-2023.csv"), as: UTF8.self)
        let dashes = text.split(separator: "\r\n").dropFirst()
            .filter { $0.split(separator: ";", omittingEmptySubsequences: false)[4] == "- €" }.count
        XCTAssertGreaterThan(dashes, 0)
        XCTAssertNil(t.unknownCells["stateSubsidy"])
    }

    func testAccountingDashAmountsAreZeroWithoutWarning() throws {
        let r = try importFixture()
        let row = try XCTUnwrap(r.construction.first { $0.programme.name == "ZAC PASTEUR t3 gapas" })
        XCTAssertEqual(row.programme.stateSubsidy, .known(.zero, raw: "- €"))
        XCTAssertFalse(r.warnings.contains { $0.line == row.line && $0.column?.letter == "E" })
    }

    func testFixtureHasNoTotalRowAndAnAppendedOneIsCompared() throws {
        let data = try ImportTestFiles.fixture("programmes-construction-2020-2023.csv")
        let plain = try ImportTestFiles.importer().importTable(data, kind: .construction)
        XCTAssertEqual(plain.totalRows, [], "the fixture file holds no TOTAL row")
        // The same table with the brief's printed totals appended as a spreadsheet would.
        var withTotals = data
        withTotals.append(Data(";;;;;;;;;\r\nTOTAL;;;;2 699 800,00 €;1 409 780,00 €;735;398;97;1230\r\n".utf8))
        var wrong = data
        wrong.append(Data("TOTAL 2021;;;;;;92;43;3;140\r\n".utf8))
        let importer = try ImportTestFiles.importer()
        let ok = importer.importTable(withTotals, kind: .construction)
        XCTAssertEqual(ok.construction.count, 43)
        let check = try XCTUnwrap(ok.totalRows.first)
        XCTAssertEqual(check.line, 46)
        XCTAssertEqual(check.scope, .block)
        XCTAssertEqual([check.firstLine, check.lastLine, check.rows], [2, 44, 43])
        XCTAssertEqual(check.comparisons.count, 6)
        XCTAssertTrue(check.matches, "\(check.comparisons)")
        XCTAssertEqual(ok.skipped.map(\.reason), [.blank, .total])
        let bad = importer.importTable(wrong, kind: .construction)
        let badCheck = try XCTUnwrap(bad.totalRows.first)
        // Whatever its label says, a TOTAL row closes the rows above it since the header.
        XCTAssertEqual(badCheck.scope, .block)
        XCTAssertFalse(badCheck.matches)
        XCTAssertEqual(badCheck.comparisons.first { $0.field == .total }?.computed, 1_230)
        XCTAssertTrue(bad.warnings.contains { $0.line == 45 && $0.message.contains("total indiqué 140, somme des lignes 1\u{202F}230") },
                      bad.warnings.map(\.description).joined(separator: "\n"))
    }

    func testReimportGivesTheSameNaturalKeys() throws {
        let a = try importFixture(), b = try importFixture()
        XCTAssertEqual(a.construction.map(\.naturalKey), b.construction.map(\.naturalKey))
        XCTAssertEqual(Set(a.construction.map(\.naturalKey)).count, 43, "keys are unique")
        XCTAssertEqual(a.construction[0].naturalKey, "construction|2020|annezin|rue du quai de marles")
    }
}
