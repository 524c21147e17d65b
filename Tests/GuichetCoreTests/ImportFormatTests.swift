import Foundation
import XCTest
@testable import GuichetCore

/// Encodings, separators, line endings, quotes, headers, blank rows, landlords and strict mode.
final class ImportFormatTests: XCTestCase {
    private let directory = LandlordDirectory([
        Landlord(id: "pas-de-calais-habitat", name: "Pas-de-Calais Habitat", aliases: ["PDCH"]),
        Landlord(id: "maisons-et-cites", name: "Maisons et Cités"),
        Landlord(id: "sia-habitat", name: "SIA Habitat", aliases: ["SIA"]),
    ])
    private var importer: ProgrammeTableImporter { ProgrammeTableImporter(directory: directory) }

    private let rows = [
        ["Commune", "Année financement", "Programme", "Bailleur", "Sub État", "Sub agglo", "PLUS", "PLAI", "PLS", "Total"],
        ["Béthune", "2022", "Cœur de ville", "PDCH", "13 404,00 €", "", "4", "2", "", "6"],
        ["Annezin", "2023", "Rue de l'Église", "Maisons et Cités", "1 000 €", "500,50 €", "7", "3", "1", "11"],
    ]

    private func csv(_ rows: [[String]], separator: String = ";", ending: String = "\r\n") -> String {
        rows.map { $0.joined(separator: separator) }.joined(separator: ending) + ending
    }

    private func assertTwoProgrammes(_ r: ImportReport, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(r.failed, file: file, line: line)
        XCTAssertEqual(r.construction.count, 2, r.issues.map(\.description).joined(separator: "\n"), file: file, line: line)
        guard r.construction.count == 2 else { return }
        let first = r.construction[0].programme
        XCTAssertEqual(first.commune, "Béthune", file: file, line: line)
        XCTAssertEqual(first.name, "Cœur de ville", file: file, line: line)
        XCTAssertEqual(first.stateSubsidy.value, Money(cents: 1_340_400), file: file, line: line)
        XCTAssertEqual(first.landlordId, "pas-de-calais-habitat", file: file, line: line)
        XCTAssertEqual(r.construction[1].programme.epciSubsidy.value, Money(cents: 50_050), file: file, line: line)
        XCTAssertEqual(r.construction[1].programme.name, "Rue de l'Église", file: file, line: line)
    }

    func testUTF8WithBOM() {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(csv(rows).utf8)
        let r = importer.importTable(data, kind: .construction)
        XCTAssertEqual(r.encoding, .utf8WithBOM)
        assertTwoProgrammes(r)
    }

    func testUTF8WithoutBOM() {
        let r = importer.importTable(Data(csv(rows).utf8), kind: .construction)
        XCTAssertEqual(r.encoding, .utf8)
        assertTwoProgrammes(r)
    }

    func testWindows1252WithEuroAndAccents() {
        let data = csv(rows).windows1252
        XCTAssertTrue(data.contains(0x80), "the € of the test is the Windows-1252 byte 0x80")
        XCTAssertTrue(data.contains(0x9C), "œ is 0x9C")
        let r = importer.importTable(data, kind: .construction)
        XCTAssertEqual(r.encoding, .windows1252)
        assertTwoProgrammes(r)
    }

    func testUTF16LEWithBOM() {
        var data = Data([0xFF, 0xFE])
        for unit in csv(rows, separator: "\t").utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        let r = importer.importTable(data, kind: .construction)
        XCTAssertEqual(r.encoding, .utf16LE)
        XCTAssertEqual(r.separator, "\t")
        assertTwoProgrammes(r)
    }

    func testSeparators() {
        for sep in [";", "\t"] {
            let r = importer.importTable(Data(csv(rows, separator: sep).utf8), kind: .construction)
            XCTAssertEqual(r.separator, sep)
            assertTwoProgrammes(r)
        }
        // With commas the amounts' decimal commas must be quoted, as any CSV writer does.
        let quoted = rows.map { row in row.map { $0.contains(",") ? "\"\($0)\"" : $0 } }
        let r = importer.importTable(Data(csv(quoted, separator: ",").utf8), kind: .construction)
        XCTAssertEqual(r.separator, ",")
        assertTwoProgrammes(r)
    }

    func testSeparatorSniffingIgnoresQuotedSemicolons() {
        let text = "Commune,\"Année; financement\",Programme,Bailleur,PLUS\nBéthune,2022,\"A; B\",SIA,4\n"
        let r = importer.importTable(Data(text.utf8), kind: .construction)
        XCTAssertEqual(r.separator, ",")
        XCTAssertEqual(r.construction.first?.programme.name, "A; B")
    }

    func testLineEndings() {
        for (ending, expected) in [("\r\n", LineEnding.crlf), ("\n", .lf), ("\r", .cr)] {
            let r = importer.importTable(Data(csv(rows, ending: ending).utf8), kind: .construction)
            XCTAssertEqual(r.lineEnding, expected)
            assertTwoProgrammes(r)
            XCTAssertEqual(r.construction.map(\.line), [2, 3])
        }
        let mixed = importer.importTable(Data((csv([rows[0], rows[1]], ending: "\r\n") + csv([rows[2]], ending: "\n")).utf8),
                                         kind: .construction)
        XCTAssertEqual(mixed.lineEnding, .mixed)
        assertTwoProgrammes(mixed)
    }

    func testQuotedCellsWithSeparatorsQuotesAndLineBreaks() {
        let text = "Commune;Année;Programme;Bailleur;PLUS\r\n"
            + "Béthune;2022;\"Résidence \"\"Les Tilleuls\"\"; tranche 1\r\nsuite\";SIA;4\r\n"
            + "Annezin;2023;Rue Blum;SIA;2\r\n"
        let r = importer.importTable(Data(text.utf8), kind: .construction)
        XCTAssertEqual(r.construction.map(\.programme.name), ["Résidence \"Les Tilleuls\"; tranche 1\r\nsuite", "Rue Blum"])
        // The second record starts on physical line 4 because the first spans two lines.
        XCTAssertEqual(r.construction.map(\.line), [2, 4])
    }

    func testHeadersMatchLooselyIncludingTheSourceTypos() {
        let text = "  communes ;ANNEE  financé;Programmes;BAILLLEURS;SUB  ETAT;Sub Agglo;plus;P.L.A.I.;Dont PLAI adaptés;pls;Nbre total LLS;Progamme bis\n"
            + "Béthune;2022;Rue A;SIA;1 000,00 €;;4;2;1;;6;x\n"
        let r = importer.importTable(Data(text.utf8), kind: .construction)
        XCTAssertEqual(r.columns.prefix(11).map(\.field),
                       [.commune, .financingYear, .programme, .landlord, .stateSubsidy, .epciSubsidy,
                        .plus, .plai, .plaiAdapte, .pls, .total])
        // "Progamme bis" is not a known header: ignored with a warning naming column L.
        XCTAssertNil(r.columns[11].field)
        XCTAssertTrue(r.warnings.contains { $0.column?.letter == "L" && $0.line == 1 })
        XCTAssertEqual(r.construction.first?.programme.plaiAdapte.value, 1)
    }

    func testOneTypoAwayHeaderIsMatchedWithAWarning() {
        let text = "Commune;Année;Programm;Bailleur;PLUS\nBéthune;2022;Rue A;SIA;4\n"
        let r = importer.importTable(Data(text.utf8), kind: .construction)
        XCTAssertEqual(r.columns[2].field, .programme)
        XCTAssertEqual(r.columns[2].reading.how, .corrected)
        XCTAssertTrue(r.warnings.contains { $0.column?.letter == "C" && $0.message.contains("« programm » lu « programme »") },
                      r.warnings.map(\.description).joined(separator: "\n"))
    }

    func testTitleLinesAndBlankRowsAreSkipped() {
        let text = "Programmes financés 2020-2023;;;;\n;;;;\n" + csv(rows, ending: "\n").replacingOccurrences(of: "\nAnnezin", with: "\n;;;;\n  ;;\nAnnezin")
        let r = importer.importTable(Data(text.utf8), kind: .construction)
        XCTAssertEqual(r.headerLine, 3)
        assertTwoProgrammes(r)
        XCTAssertEqual(r.skipped.map(\.reason), [.title, .blank, .blank, .blank])
        XCTAssertEqual(r.construction.map(\.line), [4, 7])
    }

    func testMissingRequiredColumnFailsTheImport() {
        let text = "Commune;Année;Programme;PLUS\nBéthune;2022;Rue A;4\n"
        let r = importer.importTable(Data(text.utf8), kind: .construction)
        XCTAssertTrue(r.failed)
        XCTAssertEqual(r.importedCount, 0)
        XCTAssertTrue(r.errors.contains { $0.message.contains("bailleur") })
    }

    func testUnknownLandlordIsReportedWithLineAndColumnAndTheRowKept() throws {
        var table = rows
        table.append(["Lillers", "2021", "Rue Blanche", "Bailleur Fantôme", "", "", "3", "1", "", "4"])
        let r = importer.importTable(Data(csv(table).utf8), kind: .construction)
        let error = try XCTUnwrap(r.errors.first)
        XCTAssertEqual(r.errors.count, 1)
        XCTAssertEqual(error.line, 4)
        XCTAssertEqual(error.column?.letter, "D")
        XCTAssertEqual(error.column?.header, "Bailleur")
        XCTAssertEqual(error.description,
                       "Erreur, ligne 4, colonne D (Bailleur) : bailleur inconnu « Bailleur Fantôme » : ligne importée sans bailleur, ajouter ce nom aux alias du bailleur")
        let kept = try XCTUnwrap(r.construction.last)
        XCTAssertNil(kept.programme.landlordId)
        XCTAssertEqual(kept.programme.landlordName, "Bailleur Fantôme")
        XCTAssertEqual(r.construction.count, 3)
    }

    func testStrictModeFailsOnAnyErrorAndImportsNothing() {
        var table = rows
        table.append(["Lillers", "2021", "Rue Blanche", "Bailleur Fantôme", "", "", "3", "1", "", "4"])
        let r = importer.importTable(Data(csv(table).utf8), kind: .construction, strict: true)
        XCTAssertTrue(r.failed)
        XCTAssertEqual(r.importedCount, 0)
        XCTAssertEqual(r.errors.count, 1)
        // Warnings alone do not fail a strict import.
        var doubtful = rows
        doubtful[1][6] = "4?"
        let ok = importer.importTable(Data(csv(doubtful).utf8), kind: .construction, strict: true)
        XCTAssertFalse(ok.failed)
        XCTAssertEqual(ok.importedCount, 2)
        XCTAssertEqual(ok.warnings.count, 1)
    }

    func testRowWithoutCommuneIsImportedAndFlagged() {
        var table = rows
        table[2][0] = ""
        let r = importer.importTable(Data(csv(table).utf8), kind: .construction)
        XCTAssertEqual(r.construction.count, 2, "a row with figures is never dropped")
        XCTAssertEqual(r.skipped, [])
        XCTAssertTrue(r.warnings.contains { $0.line == 3 && $0.column?.letter == "A" && $0.message.contains("commune manquante") })
    }

    func testTotalDisagreeingWithPartsIsWarnedAndKept() {
        var table = rows
        table[1][9] = "7"
        let r = importer.importTable(Data(csv(table).utf8), kind: .construction)
        XCTAssertEqual(r.construction[0].programme.totalAsGiven.value, 7)
        XCTAssertTrue(r.warnings.contains { $0.line == 2 && $0.column?.letter == "J" && $0.message.contains("PLUS + PLAI + PLS = 6") })
    }

    func testSubtotalsPerYearAndGrandTotal() throws {
        let text = csv([rows[0], rows[1], ["TOTAL 2022", "", "", "", "13 404,00 €", "", "4", "2", "", "6"],
                        rows[2], ["Total 2023", "", "", "", "", "", "7", "3", "1", "11"],
                        ["TOTAL général", "", "", "", "", "", "11", "5", "1", "17"]])
        let r = importer.importTable(Data(text.utf8), kind: .construction)
        XCTAssertEqual(r.totalRows.map(\.scope), [.block, .block, .allRowsAbove])
        XCTAssertEqual(r.totalRows.map(\.year), [2022, 2023, nil])
        XCTAssertTrue(r.totalRows.allSatisfy(\.matches))
        XCTAssertEqual(r.construction.count, 2)
        XCTAssertEqual(r.warnings, [])
    }

    func testACommuneNamedLikeTotalIsNotATotalRow() {
        typealias Table = TableReading<ProgrammeField>
        XCTAssertTrue(Table.isTotalLabel("TOTAL"))
        XCTAssertTrue(Table.isTotalLabel("Sous-total 2022"))
        XCTAssertTrue(Table.isTotalLabel("totaux"))
        XCTAssertFalse(Table.isTotalLabel("Totalville"))
        XCTAssertFalse(Table.isTotalLabel("Béthune"))
    }

    func testDuplicateRowsGetDistinctStableKeys() {
        let table = [rows[0], rows[1], rows[1]]
        let r = importer.importTable(Data(csv(table).utf8), kind: .construction)
        XCTAssertEqual(r.construction.map(\.naturalKey),
                       ["construction|2022|bethune|coeur de ville", "construction|2022|bethune|coeur de ville#2"])
        XCTAssertTrue(r.warnings.contains { $0.line == 3 && $0.message.contains("double") })
    }

    func testNoRecognisableHeaderFails() {
        let r = importer.importTable(Data("a;b;c\n1;2;3\n".utf8), kind: .construction)
        XCTAssertTrue(r.failed)
        XCTAssertTrue(r.errors[0].message.contains("en-têtes introuvable"))
    }

    func testColumnLetters() {
        XCTAssertEqual([1, 26, 27, 52, 53, 702, 703].map(SourceColumn.letter), ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }
}
