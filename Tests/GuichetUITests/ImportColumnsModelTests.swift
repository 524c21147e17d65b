import Foundation
import XCTest
import GuichetCore
@testable import GuichetUI

/// The columns dialog's rows and the choices it gives back, without GTK.
final class ImportColumnsModelTests: XCTestCase {
    private func report(_ text: String) -> ImportReport {
        ProgrammeTableImporter(directory: LandlordDirectory([])).importTable(Data(text.utf8), kind: .rehabilitation)
    }

    func testRowsStartAsUnderstoodAndSelectionsBecomeChoices() throws {
        let r = report("Commune;Programme;Bailleur;Exo;Logements;Remarques\nBéthune;Rés. A;SIA;2022;10;RAS\n")
        XCTAssertTrue(r.failed, "no financing year found alone")
        let model = ImportColumnsModel(report: r)
        XCTAssertEqual(model.missingRequired, [.financingYear])
        XCTAssertEqual(model.rows.map(\.column.letter), ["A", "B", "C", "D", "E", "F"])
        XCTAssertEqual(model.items.first, "Ignorer la colonne")
        let year = try XCTUnwrap(model.items.firstIndex(of: ProgrammeField.financingYear.label))
        let commune = try XCTUnwrap(model.items.firstIndex(of: ProgrammeField.commune.label))
        XCTAssertEqual(model.rows[0].selected, commune, "a recognised column starts on its field")
        XCTAssertEqual(model.rows[3].selected, 0, "an unrecognised one on « ignore »")
        XCTAssertTrue(model.rows[3].understanding.contains("non reconnue"), model.rows[3].understanding)
        // The agent gives D the financing year and leaves F ignored: only what differs is kept.
        var selections = model.rows.map(\.selected)
        selections[3] = year
        let choices = model.choices(selections: selections)
        XCTAssertEqual(choices.assignments, [4: "financingYear"])
        XCTAssertEqual(choices.ignored, [6])
        let again = ProgrammeTableImporter(directory: LandlordDirectory([])).importTable(
            Data("Commune;Programme;Bailleur;Exo;Logements;Remarques\nBéthune;Rés. A;SIA;2022;10;RAS\n".utf8),
            kind: .rehabilitation, options: ProgrammeImportOptions(choices: choices))
        XCTAssertFalse(again.failed)
        XCTAssertEqual(again.columnsToResolve, [])
    }

    func testGivingAFieldToAnotherColumnTakesItFromTheFirst() {
        let r = report("Commune;Programme;Bailleur;Année;Logements;Logements réhabilités\nB;P;SIA;2022;10;8\n")
        let model = ImportColumnsModel(report: r)
        XCTAssertEqual(model.rows[5].column.reading.how, .duplicate)
        var selections = model.rows.map(\.selected)
        selections[5] = model.items.firstIndex(of: ProgrammeField.dwellings.label)!
        let choices = model.choices(selections: selections)
        XCTAssertEqual(choices.assignments, [6: "dwellings"])
        XCTAssertEqual(choices.ignored, [5])
    }
}
