import Foundation
import XCTest
@testable import GuichetCore

/// The CIA review's annexes 1 (rehabilitation), 1 bis and 1 ter (construction), exported as the
/// source spreadsheet writes them (Windows-1252, ";"): every figure checked against sums of the rows.
final class ImportAnnexTests: XCTestCase {
    private func importAnnex(_ name: String, _ kind: ProgrammeTableKind) throws -> ImportReport {
        try ImportTestFiles.importer().importTable(try CIAAnnex.data(name), kind: kind)
    }

    func testRehabilitationHeadersAreReadByMeaning() throws {
        let r = try importAnnex("annexe-1-rehabilitation.csv", .rehabilitation)
        XCTAssertFalse(r.failed, r.errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.encoding, .windows1252)
        XCTAssertEqual(r.headerLine, 2)
        XCTAssertEqual(r.columns.map(\.field), [.commune, .programme, .landlord, .operationType, .financingYear, .dwellings,
                                                .status, .stateSubsidy, .epciSubsidy, .labelAfter, .labelBefore])
        XCTAssertEqual(r.columns[2].reading.how, .corrected, "« baillleurs »")
        XCTAssertEqual(r.columns[5].reading.words, ["nombre", "logement", "rehabilitation"])
        XCTAssertTrue(r.columnExplanations[5].contains("« nombre de logements »"), r.columnExplanations[5])
        XCTAssertEqual(r.columnsToResolve, [])
    }

    func testRehabilitationKeepsEveryRowAndItsTotalsMatchTheirBlocks() throws {
        let r = try importAnnex("annexe-1-rehabilitation.csv", .rehabilitation)
        let (blocks, totals) = try CIAAnnex.blocks("annexe-1-rehabilitation.csv")
        XCTAssertEqual(blocks.map(\.count), [21, 10])
        XCTAssertEqual(r.rehabilitation.map(\.line), blocks.flatMap { $0.map(\.line) }, "no row dropped")
        XCTAssertEqual(r.errors, [], r.errors.map(\.description).joined(separator: "\n"))
        // Each TOTAL row is compared with its own block, and the source's figures are right.
        XCTAssertEqual(r.totalRows.count, 2)
        for (check, (block, total)) in zip(r.totalRows, zip(blocks, totals)) {
            XCTAssertEqual(check.line, total.line)
            XCTAssertEqual(check.scope, .block)
            XCTAssertEqual([check.firstLine, check.lastLine], [block.first!.line, block.last!.line])
            XCTAssertTrue(check.matches, "\(check)")
            let given = Dictionary(uniqueKeysWithValues: check.comparisons.map { ($0.field, $0.given) })
            XCTAssertEqual(given[.dwellings], CIAAnnex.sum(block, 5) { Int64($0) })
            XCTAssertEqual(given[.dwellings], Int64(total.cells[5]))
            XCTAssertEqual(given[.stateSubsidy], CIAAnnex.sum(block, 7, CIAAnnex.cents))
            XCTAssertEqual(given[.epciSubsidy], CIAAnnex.cents(total.cells[8]))
        }
        XCTAssertFalse(r.warnings.contains { $0.message.contains("ne correspond pas") }, "no false alarm on the source's own totals")
        // The row without a name (LORGIES, 6 dwellings, 57 000 €) is kept under a name saying where it was.
        let lorgies = try XCTUnwrap(r.rehabilitation.first { $0.programme.commune == "LORGIES" })
        XCTAssertEqual(lorgies.programme.name, "sans nom (ligne \(lorgies.line))")
        XCTAssertEqual(lorgies.programme.stateSubsidy.value, Money(euros: 57_000))
        XCTAssertTrue(r.warnings.contains { $0.line == lorgies.line && $0.message.contains("sans nom") })
    }

    func testRehabilitationBlocksAreFinancedThenForecastAndSummariesKeepThemApart() throws {
        let r = try importAnnex("annexe-1-rehabilitation.csv", .rehabilitation)
        let (blocks, _) = try CIAAnnex.blocks("annexe-1-rehabilitation.csv")
        let forecastLines = Set(blocks[1].map(\.line))
        for row in r.rehabilitation {
            XCTAssertEqual(row.programme.effectivePeriod, forecastLines.contains(row.line) ? .forecast : .financed, "ligne \(row.line)")
        }
        // Anatole France: financed in 2024 (77 dwellings, 502 000 €) and forecast (13, 1 279 800 €): two programmes.
        let anatole = r.rehabilitation.filter { $0.programme.name == "Anatole France" }
        XCTAssertEqual(anatole.map(\.programme.dwellings.value), [77, 13])
        XCTAssertEqual(Set(anatole.map(\.naturalKey)).count, 2)
        let s = ProgrammeSummary.rehabilitation(r.rehabilitation.map(\.programme))
        for (period, block) in [(ProgrammePeriod.financed, blocks[0]), (.forecast, blocks[1])] {
            let line = s.lines(period).total
            XCTAssertEqual(line.programmes, block.count)
            XCTAssertEqual(line.dwellings.map(Int64.init), CIAAnnex.sum(block, 5) { Int64($0) })
            XCTAssertEqual(line.stateSubsidy.cents, CIAAnnex.sum(block, 7, CIAAnnex.cents))
            XCTAssertEqual(line.epciSubsidy.cents, CIAAnnex.sum(block, 8, CIAAnnex.cents))
        }
        XCTAssertEqual(s.total.dwellings, (s.financed.total.dwellings ?? 0) + (s.forecast.total.dwellings ?? 0))
        XCTAssertEqual(s.financed.total.dwellings, 971)
        XCTAssertEqual(s.forecast.total.dwellings, 561)
    }

    func testSwappedLabelColumnsAreQuestionedNotCorrected() throws {
        let r = try importAnnex("annexe-1-rehabilitation.csv", .rehabilitation)
        let rows = try CIAAnnex.rows("annexe-1-rehabilitation.csv")
        // Column J is "après travaux", K "avant travaux": rows whose J letter ("E en maj", "F?" count) is worse than K.
        let worse = rows.filter { $0.cells.count > 10 }.filter { r in
            guard let after = r.cells[9].first, let before = r.cells[10].first, "ABCDEFG".contains(after), "ABCDEFG".contains(before),
                  r.cells[9].count == 1 || r.cells[9].contains(" ") || r.cells[9].hasSuffix("?"), r.cells[10].count == 1 else { return false }
            return after > before
        }.map(\.line)
        XCTAssertGreaterThanOrEqual(worse.count, 10)
        let flagged = r.warnings.filter { $0.message.contains("moins bonne qu'avant") && $0.line != r.headerLine }.map { $0.line! }
        XCTAssertEqual(flagged, worse)
        XCTAssertTrue(r.warnings.contains { $0.line == 2 && $0.message.contains("inversées ?") })
        // Nothing corrected: the labels stay as the columns say.
        let festubert = try XCTUnwrap(r.rehabilitation.first { $0.programme.commune == "FESTUBERT" })
        XCTAssertEqual([festubert.programme.labelAfter.value, festubert.programme.labelBefore.value], [.g, .c])
    }

    func testConstructionAnnexesFinancedAndForecastReproduceTheirTotals() throws {
        var all: [ConstructionProgramme] = []
        for (name, period) in [("annexe-1bis-construction.csv", ProgrammePeriod.financed), ("annexe-1ter-construction-2024.csv", .forecast)] {
            let r = try importAnnex(name, .construction)
            let (blocks, totals) = try CIAAnnex.blocks(name)
            XCTAssertFalse(r.failed)
            XCTAssertEqual(r.errors, [], r.errors.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(r.construction.count, blocks[0].count)
            XCTAssertTrue(r.construction.allSatisfy { $0.programme.effectivePeriod == period && $0.periodSource == .block }, name)
            let check = try XCTUnwrap(r.totalRows.first)
            XCTAssertTrue(check.matches, "\(check)")
            XCTAssertEqual(check.comparisons.count, 6)
            let s = ProgrammeSummary.construction(r.construction.map(\.programme)).lines(period).total
            let block = blocks[0], total = totals[0]
            XCTAssertEqual(s.plus.map(Int64.init), CIAAnnex.sum(block, 6) { Int64($0) })
            XCTAssertEqual(s.plai.map(Int64.init), CIAAnnex.sum(block, 7) { Int64($0) })
            XCTAssertEqual(s.pls.map(Int64.init), CIAAnnex.sum(block, 8) { Int64($0) })
            XCTAssertEqual(s.total.map(Int64.init), Int64(total.cells[9]))
            XCTAssertEqual(s.stateSubsidy.cents, CIAAnnex.cents(total.cells[4]))
            XCTAssertEqual(s.epciSubsidy.cents, CIAAnnex.sum(block, 5, CIAAnnex.cents))
            all += r.construction.map(\.programme)
        }
        // Together: the financed total stays the review's "TOTAL FINANCES ENTRE 2020 ET 2023".
        let s = ProgrammeSummary.construction(all)
        XCTAssertEqual([s.financed.total.plus, s.financed.total.plai, s.financed.total.pls, s.financed.total.total], [735, 398, 97, 1_230])
        XCTAssertEqual([s.forecast.total.plus, s.forecast.total.plai, s.forecast.total.pls, s.forecast.total.total], [210, 110, 135, 455])
        XCTAssertEqual(s.total.total, 1_685)
        XCTAssertEqual(s.financed.total.stateSubsidy + s.forecast.total.stateSubsidy, s.total.stateSubsidy)
    }

    func testImportOptionOverridesThePeriod() throws {
        let r = try ImportTestFiles.importer().importTable(try CIAAnnex.data("annexe-1bis-construction.csv"), kind: .construction,
                                                           options: ProgrammeImportOptions(period: .forecast))
        XCTAssertTrue(r.construction.allSatisfy { $0.programme.effectivePeriod == .forecast && $0.periodSource == .option })
        XCTAssertTrue(r.construction.allSatisfy { $0.naturalKey.hasSuffix("|prevision") })
    }
}
