import Foundation
import XCTest
@testable import GuichetCore

/// Tables of other shapes, built here as agents type them: unseen header spellings, blank names,
/// the same residence in several blocks, TOTAL rows with period labels, accounting zeros,
/// swapped label columns, columns left for the agent to assign.
final class ImportMessyTableTests: XCTestCase {
    private func rehab(_ lines: [String], options: ProgrammeImportOptions = ProgrammeImportOptions()) throws -> ImportReport {
        try ImportTestFiles.importer().importTable(Data((lines.joined(separator: "\n") + "\n").utf8), kind: .rehabilitation, options: options)
    }

    private let messyHeader = "Ville;Opération;Organisme;Dispositif;Millésime;Nb lgts;État d'avancement;Aide de l'État (€);Subv. CA;DPE av.;DPE ap."

    func testUnseenHeaderSpellingsAreReadByMeaning() throws {
        let r = try rehab([messyHeader, "Béthune;Rés. A;SIA;PR;2022;10;terminé;100 000,00 €;- €;E;C"])
        XCTAssertFalse(r.failed, r.errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.columns.map(\.field), [.commune, .programme, .landlord, .operationType, .financingYear, .dwellings,
                                                .status, .stateSubsidy, .epciSubsidy, .labelBefore, .labelAfter])
        let p = try XCTUnwrap(r.rehabilitation.first?.programme)
        XCTAssertEqual(p.epciSubsidy, .known(.zero, raw: "- €"))
        XCTAssertEqual([p.labelBefore.value, p.labelAfter.value], [.e, .c])
        XCTAssertEqual(r.warnings, [], r.warnings.map(\.description).joined(separator: "\n"))
    }

    func testComputedAndUnknownColumnsAreSaidAndTheAgentsChoiceAppliesAndIsStable() throws {
        let header = "Commune;Programme;Bailleur;Année;Logements concernés;% PLAI;Date PC;Observations"
        let line = "Béthune;Rés. A;SIA;2022;10;30 %;2021;RAS"
        let r = try rehab([header, line])
        XCTAssertEqual(r.columns[5].reading.how, .computed)
        XCTAssertEqual(r.columns[6].reading.how, .unrecognised, "« Date PC » is a permit date, not the financing year")
        XCTAssertEqual(r.columns[7].reading.how, .unrecognised)
        XCTAssertEqual(r.columnsToResolve.map(\.letter), ["G", "H"])
        // The agent ignores G and H, and says F… is ignored too; the report says so.
        let choices = ColumnChoices(assignments: [:], ignored: [6, 7, 8])
        let chosen = try rehab([header, line], options: ProgrammeImportOptions(choices: choices))
        XCTAssertEqual(chosen.columnsToResolve, [])
        XCTAssertEqual(chosen.columns[6].reading.how, .ignored)
        XCTAssertEqual(r.signature, chosen.signature)
        // The same headers typed with other case and accents give the same signature.
        let other = try rehab([header.uppercased(), line])
        XCTAssertEqual(other.signature, r.signature)
        // A required column the importer cannot find can be assigned by the agent.
        let noYear = try rehab(["Commune;Programme;Bailleur;Exo;Logements", "Béthune;Rés. A;SIA;2022;10"])
        XCTAssertTrue(noYear.failed)
        XCTAssertTrue(noYear.errors.first!.message.contains("année de financement"))
        let assigned = try rehab(["Commune;Programme;Bailleur;Exo;Logements", "Béthune;Rés. A;SIA;2022;10"],
                                 options: ProgrammeImportOptions(choices: ColumnChoices(assignments: [4: "financingYear"])))
        XCTAssertFalse(assigned.failed)
        XCTAssertEqual(assigned.columns[3].reading.how, .assigned)
        XCTAssertEqual(assigned.rehabilitation.first?.programme.financingYear.value, 2022)
    }

    func testBlocksWithPeriodLabelsDuplicatesAndBlankNames() throws {
        let header = "Commune;Programme;Bailleur;Type;Année;Logements;Statut;Subvention État;Subvention agglo"
        let r = try rehab([
            header,
            "Bruay;Anatole France;SIA;ERBM;2024;77;;voir 2024;502 000,00 €",
            "Bruay;Anatole France;SIA;ERBM;2024;5;démarré;;1 000,00 €",
            "Lorgies;;SIA;PR;2023;6;;57 000,00 €;",
            "TOTAL 2020/2023;;;;;88;;57 000,00 €;503 000,00 €",
            "Prévisions 2024/2025",
            "Bruay;Anatole France;SIA;ERBM;2024;13;;1 279 800,00 €;39 000,00 €",
            ";;SIA;PR;2025;4;;0,00 €;-",
            "Total prévision 2024/2025;;;;;17;;1 279 800,00 €;39 000,00 €",
            "TOTAL GENERAL;;;;;105;;1 336 800,00 €;542 000,00 €",
        ])
        XCTAssertEqual(r.errors, [], r.errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.rehabilitation.count, 5, "every row with a figure is imported")
        XCTAssertEqual(r.totalRows.map(\.scope), [.block, .block, .allRowsAbove])
        XCTAssertTrue(r.totalRows.allSatisfy(\.matches), "\(r.totalRows)")
        XCTAssertEqual(r.rehabilitation.map(\.programme.effectivePeriod), [.financed, .financed, .financed, .forecast, .forecast])
        XCTAssertEqual(r.rehabilitation.map(\.periodSource), [.assumed, .status, .assumed, .block, .block])
        // Same residence twice in a block: kept apart; once more as a forecast: its own key.
        XCTAssertEqual(r.rehabilitation.prefix(4).map(\.naturalKey), [
            "rehabilitation|2024|bruay|anatole france", "rehabilitation|2024|bruay|anatole france#2",
            "rehabilitation|2023|lorgies|sans nom ligne 4", "rehabilitation|2024|bruay|anatole france|prevision"])
        XCTAssertEqual(r.rehabilitation[4].programme.name, "sans nom (ligne 8)")
        XCTAssertTrue(r.warnings.contains { $0.line == 8 && $0.message.contains("commune manquante") })
        XCTAssertEqual(r.rehabilitation[4].programme.stateSubsidy.value, .zero)
        XCTAssertEqual(r.rehabilitation[4].programme.epciSubsidy.value, .zero)
        XCTAssertEqual(r.skipped.map(\.reason), [.total, .title, .total, .total])
    }

    func testAWrongTotalNamesItsBlockAndFigures() throws {
        let r = try rehab([
            "Commune;Programme;Bailleur;Année;Logements;Subvention État",
            "A;P1;SIA;2022;10;1 000,00 €", "B;P2;SIA;2023;5;500,00 €",
            "TOTAL 2022;;;;16;1 500,00 €",
        ])
        let check = try XCTUnwrap(r.totalRows.first)
        XCTAssertEqual(check.comparisons.first { $0.field == .dwellings }?.computed, 15)
        XCTAssertFalse(check.matches)
        let warning = try XCTUnwrap(r.warnings.first { $0.line == 4 })
        XCTAssertTrue(warning.message.contains("les 2 ligne(s) de son bloc (lignes 2 à 3)"), warning.message)
        XCTAssertTrue(warning.message.contains("total indiqué 16, somme des lignes 15"), warning.message)
    }

    func testImplausibleYearAndSubsidyPerDwellingAreWarned() throws {
        var lines = ["Commune;Programme;Bailleur;Année;Logements;Subvention État"]
        for i in 1...6 { lines.append("C\(i);P\(i);SIA;202\(i % 4);10;100 000,00 €") }
        lines.append("C7;P7;SIA;1995;10;100 000,00 €")
        lines.append("C8;P8;SIA;2022;2;500 000,00 €")
        let r = try rehab(lines)
        XCTAssertTrue(r.warnings.contains { $0.line == 8 && $0.message.contains("année 1995 invraisemblable") })
        let perDwelling = r.warnings.filter { $0.message.contains("par logement") }
        XCTAssertEqual(perDwelling.map(\.line), [9])
        XCTAssertTrue(perDwelling[0].message.contains("250\u{202F}000,00\u{00A0}€"), perDwelling[0].message)
    }
}
