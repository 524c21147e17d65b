import Foundation
import XCTest
@testable import GuichetCore

/// Pathological files (issue 21): a quote never closed, 100,000 columns, a huge cell, too many
/// rows, amounts that would overflow, negative subsidies. Each is a clear message with its
/// line and column, never a crash, a hang or a silent loss.
final class ImportLimitsTests: XCTestCase {
    private func construction(_ text: String, options: ProgrammeImportOptions = ProgrammeImportOptions()) throws -> ImportReport {
        try ImportTestFiles.importer().importTable(Data(text.utf8), kind: .construction, options: options)
    }

    func testAnUnclosedQuoteNoLongerSwallowsTheRestOfTheFile() throws {
        let data = try ImportTestFiles.fixture("programmes-construction-2020-2023.csv")
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
        lines[16] = lines[16].replacingOccurrences(of: ";", with: ";\"", options: [], range: lines[16].range(of: ";"))
        let r = try construction(lines.joined(separator: "\r\n"))
        XCTAssertEqual(r.construction.count, 43, "every row read, none swallowed")
        let warning = try XCTUnwrap(r.warnings.first { $0.message.contains("guillemet ouvert jamais refermé") && $0.column == nil })
        XCTAssertEqual(warning.line, 17)
        XCTAssertTrue(r.warnings.contains { $0.line == 17 && $0.column?.letter == "B" && $0.message.contains("lu comme un caractère") })
        XCTAssertEqual(r.construction.first { $0.line == 17 }?.programme.financingYear.raw, "\"2021")
    }

    func testAHeaderOfAHundredThousandColumnsStopsAtExcelsLimit() throws {
        let header = "Commune;Année;Programme;Bailleur;PLUS;" + (1...100_000).map { "colonne \($0)" }.joined(separator: ";")
        let r = try construction(header + "\nBéthune;2022;Rue A;SIA;4\n")
        XCTAssertEqual(r.construction.count, 1)
        XCTAssertEqual(r.columns.count, 16_384)
        XCTAssertTrue(r.errors.contains { $0.line == 1 && $0.message.contains("16\u{202F}384 colonnes (limite d'Excel)") })
        XCTAssertLessThan(r.issues.count, 100, "unknown columns are summed up, not listed 100,000 times")
    }

    func testAHugeCellIsCutAndNeverEchoedWhole() throws {
        let huge = String(repeating: "x", count: 1_000_000)
        let r = try construction("Commune;Année;Programme;Bailleur;PLUS\nBéthune;\(huge);Rue A;SIA;4\n")
        XCTAssertEqual(r.construction.count, 1)
        XCTAssertTrue(r.errors.contains { $0.line == 2 && $0.column?.letter == "B" && $0.message.contains("32\u{202F}767 caractères") })
        XCTAssertTrue(r.issues.allSatisfy { $0.description.count < 400 }, "messages cut")
    }

    func testTooManyRowsStopAtTheLimitWithAnError() throws {
        let rows = (1...150).map { "Béthune;2022;Rue \($0);SIA;4" }
        let r = try construction((["Commune;Année;Programme;Bailleur;PLUS"] + rows).joined(separator: "\n") + "\n",
                                 options: ProgrammeImportOptions(limits: ImportLimits(maxRows: 100)))
        XCTAssertEqual(r.construction.count, 99)
        XCTAssertTrue(r.errors.contains { $0.message.contains("plus de 100 lignes") })
    }

    func testHugeAmountsAndTotalsAreErrorsNamingLineAndColumnNotCrashes() throws {
        let big = "99 999 999 999 999,00 €"
        let text = (["Commune;Année;Programme;Bailleur;SUB ETAT;PLUS"]
            + (1...3).map { "Béthune;2022;Rue \($0);SIA;\(big);4" }
            + ["TOTAL;;;;\(big);12"]).joined(separator: "\n") + "\n"
        let r = try construction(text)
        XCTAssertEqual(r.construction.count, 3)
        XCTAssertEqual(r.errors.filter { $0.column?.letter == "E" && $0.message.contains("hors limites") }.map(\.line), [2, 3, 4, 5], "rows and the TOTAL row")
        XCTAssertTrue(r.construction.allSatisfy { $0.programme.stateSubsidy.value == nil })
        XCTAssertNotNil(r.totalRows.first, "the TOTAL row is compared without trapping")
        _ = ProgrammeSummary.construction(r.construction.map(\.programme))
    }

    func testSummariesOfAmountsStoredBeforeTheLimitsDoNotTrap() {
        let huge = ConstructionProgramme(commune: "A", name: "P", landlordId: nil, landlordName: "X", financingYear: .known(2022),
                                         plus: .known(1), stateSubsidy: .known(Money(cents: Int64.max / 2 + 1)))
        let s = ProgrammeSummary.construction([huge, huge, huge])
        XCTAssertEqual(s.total.unknownCells["stateSubsidy"], 2, "the values that would overflow are counted as not added")
    }

    func testNegativeSubsidiesAreRefusedWithAMessage() throws {
        let r = try construction("Commune;Année;Programme;Bailleur;SUB ETAT;SUB AGGLO;PLUS\nBéthune;2022;Rue A;SIA;-250,00 €;100;4\n")
        let error = try XCTUnwrap(r.errors.first { $0.column?.letter == "E" })
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.contains("ne peut pas être négative"))
        XCTAssertNil(r.construction.first?.programme.stateSubsidy.value)
        XCTAssertEqual(r.construction.first?.programme.epciSubsidy.value, Money(euros: 100))
    }

    /// Many rows of one residence and many TOTAL rows in a row: every step stays linear (the
    /// TOTAL rows use running sums, the plan looks identical programmes up by their figures).
    func testManyRowsOfOneResidenceAndManyTotalRows() throws {
        let rows = (1...5_000).map { _ in "Béthune;2022;Résidence;SIA;4" }
        let totals = (1...1_000).map { _ in "TOTAL GENERAL;;;;20000" }
        let r = try construction((["Commune;Année;Programme;Bailleur;PLUS"] + rows + totals).joined(separator: "\n") + "\n")
        XCTAssertEqual(r.construction.count, 5_000)
        XCTAssertEqual(Set(r.construction.map(\.naturalKey)).count, 5_000, "rows of one file never overwrite each other")
        // 4,999 "en double" warnings: the first 1,000 listed, the rest summed up in one line.
        XCTAssertEqual(r.issues.count, 1_001)
        XCTAssertTrue(r.issues.last!.message.hasPrefix("3999 autre(s) problème(s)"), r.issues.last!.message)
        XCTAssertEqual(r.totalRows.count, 1_000)
        XCTAssertTrue(r.totalRows.allSatisfy(\.matches))
        XCTAssertEqual(r.totalRows.dropFirst().map(\.scope), Array(repeating: .allRowsAbove, count: 999))
        let stored = Dictionary(uniqueKeysWithValues: r.construction.map { ($0.naturalKey, $0.programme) })
        let again = ImportPlan(rows: r.construction, stored: stored, rules: .standard, acceptWideDifferences: false)
        XCTAssertTrue(again.actions.allSatisfy { if case .unchanged = $0 { true } else { false } })
    }
}
