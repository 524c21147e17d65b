import Foundation
import XCTest
@testable import GuichetCore

/// The messy cells of the rehabilitation table (§6.1): nothing unknown becomes 0.
final class ImportCellTests: XCTestCase {
    private let header = "Commune;Programme;Bailleur;Type d'opération;Année de financement;Nombre de logements;Statut;Sub État;Sub agglo;Étiquette après travaux;Étiquette avant travaux"

    private func importRehab(_ lines: [String]) throws -> ImportReport {
        let text = ([header] + lines).joined(separator: "\r\n") + "\r\n"
        return try ImportTestFiles.importer().importTable(Data(text.utf8), kind: .rehabilitation)
    }

    func testMessyRehabilitationCells() throws {
        let r = try importRehab([
            "Bruay-la-Buissière;Cité des Électriciens;Maisons et Cités;ERBM;2021;120;terminé;1 200 000,00 €;300 000,00 €;B;E",
            "Béthune;Résidence Mont-Liébaut;PDCH;PNRU/ANRU;2024?;?;à financer;voir 2024;-;C;E en maj",
            "Isbergues;Rue Salengro;FOH;réha lourde;voir 2024;45;non démarré;;0;;F?",
            "Auchel;Cité 5;SIA;AAP REHA 2024;2023;0;en cours;0,00 €;- €;D?;-",
        ])
        XCTAssertFalse(r.failed)
        XCTAssertEqual(r.errors, [], r.errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.rehabilitation.count, 4)
        let p = r.rehabilitation.map(\.programme)

        // Clean row.
        XCTAssertEqual(p[0].dwellings, .known(120, raw: "120"))
        XCTAssertEqual(p[0].status.value, .finished)
        XCTAssertEqual(p[0].labelBefore.value, .e)
        XCTAssertEqual(p[0].labelAfter.value, .b)
        XCTAssertEqual(p[0].stateSubsidy.value, Money(euros: 1_200_000))
        XCTAssertEqual(p[0].operationType, "ERBM")

        // "2024?" keeps 2024 as doubtful; "?" stays unknown; "voir 2024" in an amount stays unknown.
        XCTAssertEqual(p[1].financingYear.value, 2024)
        XCTAssertTrue(p[1].financingYear.doubtful)
        XCTAssertNil(p[1].dwellings.value)
        XCTAssertEqual(p[1].dwellings.raw, "?")
        XCTAssertNil(p[1].stateSubsidy.value)
        XCTAssertEqual(p[1].stateSubsidy.raw, "voir 2024")
        XCTAssertEqual(p[1].epciSubsidy, .known(.zero, raw: "-"), "Excel's accounting zero")
        XCTAssertEqual(p[1].status.value, .toFinance)
        // "E en maj" (mostly E): E, doubtful.
        XCTAssertEqual(p[1].labelBefore.value, .e)
        XCTAssertTrue(p[1].labelBefore.doubtful)
        XCTAssertEqual(p[1].labelBefore.raw, "E en maj")

        // "voir 2024" as a year: unknown, not 2024.
        XCTAssertNil(p[2].financingYear.value)
        XCTAssertTrue(p[2].financingYear.isUnreadable)
        XCTAssertEqual(p[2].dwellings.value, 45)
        // Blank amount: unknown and blank (no warning); "0": a real zero.
        XCTAssertTrue(p[2].stateSubsidy.isBlank)
        XCTAssertNil(p[2].stateSubsidy.value)
        XCTAssertEqual(p[2].epciSubsidy, .known(.zero, raw: "0"))
        XCTAssertTrue(p[2].labelAfter.isBlank)
        XCTAssertEqual(p[2].labelBefore.value, .f)
        XCTAssertTrue(p[2].labelBefore.doubtful)

        // "0" dwellings is 0, known; "0,00 €" and "- €" are zero; "D?" doubtful D; "-" label unknown.
        XCTAssertEqual(p[3].dwellings, .known(0, raw: "0"))
        XCTAssertEqual(p[3].stateSubsidy.value, .zero)
        XCTAssertEqual(p[3].epciSubsidy, .known(.zero, raw: "- €"))
        XCTAssertEqual(p[3].labelAfter.value, .d)
        XCTAssertTrue(p[3].labelAfter.doubtful)
        XCTAssertNil(p[3].labelBefore.value)
        XCTAssertEqual(p[3].status.value, .inProgress)
    }

    func testEveryDoubtfulCellIsWarnedWithItsLineAndColumn() throws {
        let r = try importRehab([
            "Béthune;Résidence Mont-Liébaut;PDCH;PNRU/ANRU;2024?;?;à financer;voir 2024;-;C;E en maj",
        ])
        let located = r.warnings.map { "\($0.line ?? 0)\($0.column?.letter ?? "")" }
        // The accounting zero "-" in I is a clean 0: no warning.
        XCTAssertEqual(Set(located), ["2E", "2F", "2H", "2K"])
        let year = try XCTUnwrap(r.warnings.first { $0.column?.letter == "E" })
        XCTAssertEqual(year.description,
                       "Attention, ligne 2, colonne E (Année de financement) : valeur douteuse « 2024? » : 2024 retenu, marqué douteux")
        let unknown = try XCTUnwrap(r.warnings.first { $0.column?.letter == "F" })
        XCTAssertTrue(unknown.message.contains("laissée inconnue"))
    }

    func testSummaryOfMessyRehabilitationCountsUnknownsInsteadOfZeros() throws {
        let r = try importRehab([
            "A;P1;SIA;ERBM;2022;10;terminé;1 000,00 €;;C;E",
            "B;P2;SIA;ERBM;2022;?;en cours;voir 2024;;C;E en maj",
            "C;P3;SIA;PR;2022;5;clos;500,00 €;250,00 €;B;F?",
        ])
        let s = ProgrammeSummary.rehabilitation(r.rehabilitation.map(\.programme))
        let y = try XCTUnwrap(s.years.first)
        XCTAssertEqual(y.year, 2022)
        XCTAssertEqual(y.dwellings, 15)
        XCTAssertEqual(y.unknownCells["dwellings"], 1)
        XCTAssertEqual(y.stateSubsidy, Money(euros: 1_500))
        XCTAssertEqual(y.unknownCells["stateSubsidy"], 1)
        XCTAssertEqual(y.unknownCells["epciSubsidy"], 2)
        XCTAssertEqual(y.labelTransitions.map { "\($0.before?.rawValue ?? "?")→\($0.after?.rawValue ?? "?"):\($0.programmes)/\($0.dwellings)" },
                       ["E→C:2/10", "F→B:1/5"])
    }

    func testCellReaderKinds() {
        XCTAssertEqual(CellReader.count("1 234"), .known(1234, raw: "1 234"))
        XCTAssertEqual(CellReader.count(" 12 ").value, 12)
        XCTAssertEqual(CellReader.count("12 ?"), SourceValue(value: 12, raw: "12 ?", doubtful: true))
        XCTAssertEqual(CellReader.count("-"), SourceValue(value: nil, raw: "-", doubtful: true))
        XCTAssertEqual(CellReader.count("-3").value, nil, "a negative count is not a count")
        XCTAssertEqual(CellReader.count(""), .blank)
        XCTAssertEqual(CellReader.year("1850").value, nil)
        XCTAssertNil(CellReader.label("voir 2024").value)
        XCTAssertEqual(CellReader.label("e").value, .e)
        XCTAssertFalse(CellReader.label("e").doubtful)
        XCTAssertEqual(CellReader.rehabilitationStatus("Démarré").value, .started)
        XCTAssertEqual(CellReader.rehabilitationStatus("NON DEMARRE").value, .notStarted)
        XCTAssertEqual(CellReader.rehabilitationStatus("Clos").value, .closed)
        XCTAssertEqual(CellReader.rehabilitationStatus("terminé ?"), SourceValue(value: .finished, raw: "terminé ?", doubtful: true))
        XCTAssertNil(CellReader.rehabilitationStatus("abandonné").value)
        XCTAssertEqual(CellReader.projectManagement("VEFA").value, .vefa)
        XCTAssertEqual(CellReader.worksKind("Acquisition-amélioration").value, .acquisitionImprovement)
    }

    func testMoneyCells() {
        // Every space kind, between the thousands and before the currency.
        for text in ["13 404,00 €", "13\u{202F}404,00\u{00A0}€", "13\u{00A0}404,00\u{00A0}€", "13\u{202F}404,00 €",
                     "13 404,00€", "13404", " 13 404,00 EUR ", "13 404 eur"] {
            XCTAssertEqual(CellReader.money(text), .known(Money(cents: 1_340_400), raw: text.trimmingSpaces()), text)
        }
        XCTAssertEqual(CellReader.money("1234.5").value, Money(cents: 123_450))
        XCTAssertEqual(CellReader.money("1234,5").value, Money(cents: 123_450))
        XCTAssertEqual(CellReader.money("-1 500,00 €"), .known(Money(cents: -150_000), raw: "-1 500,00 €"))
        XCTAssertEqual(CellReader.money("0"), .known(.zero, raw: "0"))
        // "12,345" could be 12 345 € with an English separator or 12,345 €: no cent has three digits,
        // so neither is guessed.
        XCTAssertEqual(CellReader.money("12,345"), SourceValue(value: nil, raw: "12,345", doubtful: true))
        XCTAssertEqual(CellReader.money("12.345").value, nil)
        XCTAssertEqual(CellReader.money("1.234,56").value, nil, "two decimal marks")
        // A doubt mark keeps the amount, doubtful.
        XCTAssertEqual(CellReader.money("1 200,00 € ?"), SourceValue(value: Money(euros: 1_200), raw: "1 200,00 € ?", doubtful: true))
        XCTAssertEqual(CellReader.money("?1200"), SourceValue(value: Money(euros: 1_200), raw: "?1200", doubtful: true))
        // Markers stay unknown (never 0), blank stays blank; Excel's accounting zero is 0.
        for marker in ["?", "voir 2024", "€", "n.c."] {
            XCTAssertEqual(CellReader.money(marker), SourceValue(value: nil, raw: marker, doubtful: true), marker)
        }
        for zero in ["-", "- €", "-\u{00A0}€", "–", "0,00 €", " - EUR"] {
            XCTAssertEqual(CellReader.money(zero).value, .zero, zero)
            XCTAssertFalse(CellReader.money(zero).doubtful, zero)
        }
        XCTAssertEqual(CellReader.money(""), .blank)
        XCTAssertEqual(CellReader.money(" \u{00A0} "), .blank)
    }
}
