import Foundation
import XCTest
@testable import GuichetCore

/// Allocation extracts as services receive them, built in code: headers read by meaning, every
/// row kept, unreadable cells left unknown and located, SYPLO's State contingent, keys that make
/// re-reading the same file find the same allocations.
final class AllocationImportTests: XCTestCase {
    static func importer() throws -> AllocationExtractImporter {
        let grid = try CotationGrid(jsonData: ImportTestFiles.territoryFile("cotation.json"))
        return AllocationExtractImporter(directory: try ImportTestFiles.profile().directory, categories: grid.priorityCategories)
    }

    func read(_ lines: [String], options: AllocationImportOptions = AllocationImportOptions()) throws -> AllocationImportReport {
        try Self.importer().read(Data((lines.joined(separator: "\r\n") + "\r\n").utf8), options: options)
    }

    func testALandlordExportWithHeadersTypedByHandIsReadByMeaning() throws {
        let r = try read([
            "Export des attributions 2023",
            "",
            "N° unique;Date passage CAL;Date d'effet du bail;Organisme;Type de contingent;Ville;QPV (O/N);Typo;Nb pers.;Revenu/UC;Public prioritaire;Mutation",
            "062231234567;15/02/2023;01/03/2023;PDCH;Préfecture;Béthune;O;T3;3;6 850,00 €;oui;non",
            "062231234568;2023-05-02;2023-06-01 00:00;Pas de Calais Habitat;Commune de Bruay-la-Buissière;Bruay-la-Buissière;N;T2;1;12000;non;Mutation",
        ])
        XCTAssertFalse(r.failed, r.issues.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.headerLine, 3)
        XCTAssertEqual(r.skipped.map(\.line), [1, 2])
        let fields = r.columns.map { $0.field?.rawValue ?? "-" }
        XCTAssertEqual(fields, ["sneNumber", "calDecisionDate", "leaseDate", "landlord", "reservationHolder", "commune", "inQPV",
                                "typology", "householdSize", "resourcesPerUC", "priority", "transfer"])
        XCTAssertEqual(r.rows.count, 2)
        let a = r.rows[0].allocation, b = r.rows[1].allocation
        XCTAssertEqual(a.landlordId, "pas-de-calais-habitat")
        XCTAssertEqual(a.reservationHolder, ReservationHolder(kind: .state))
        XCTAssertEqual(a.inQPV, true)
        XCTAssertEqual(a.typology, .t3)
        XCTAssertEqual(a.resourcesPerUC, Money(euros: 6_850))
        XCTAssertEqual(a.priority, true)
        XCTAssertEqual(a.transfer, false)
        XCTAssertEqual(a.year, 2023)
        XCTAssertEqual(b.leaseDate, CalendarDate(year: 2023, month: 6, day: 1))
        XCTAssertEqual(b.reservationHolder, ReservationHolder(kind: .commune, name: "Bruay-la-Buissière"))
        XCTAssertEqual(b.transfer, true)
        XCTAssertEqual(r.rows[0].key, "sne:062231234567")
    }

    func testAnUnreadableCellIsLeftUnknownAndLocatedNeverGuessed() throws {
        let r = try read([
            "Bailleur;Date CAL;Commune;Logement en QPV;Ressources / UC;Quartile",
            "SIA Habitat;10/01/2022;Auchel;peut-être;beaucoup;Q5",
        ])
        let a = try XCTUnwrap(r.rows.first?.allocation)
        XCTAssertNil(a.inQPV, "an unreadable QPV cell is unknown, never « hors QPV »")
        XCTAssertNil(a.resourcesPerUC)
        XCTAssertNil(a.quartile)
        let located = r.warnings.filter { $0.line == 2 }.compactMap { $0.column?.letter }
        XCTAssertEqual(Set(located), ["D", "E", "F"])
        XCTAssertFalse(r.rows[0].fields.contains(.inQPV), "an unreadable cell gives no fact to store")
    }

    func testAnUnknownLandlordIsKeptAsSpelledWithAnErrorAtItsCell() throws {
        let r = try read(["Bailleur;Date CAL;Commune", "HLM Imaginaire;10/01/2022;Auchel"])
        XCTAssertFalse(r.failed)
        XCTAssertNil(r.rows[0].allocation.landlordId)
        XCTAssertEqual(r.rows[0].allocation.landlordName, "HLM Imaginaire")
        XCTAssertEqual(r.errors.first?.line, 2)
        XCTAssertEqual(r.errors.first?.column?.letter, "A")
    }

    func testAnExtractWithoutLandlordOrDateIsRefusedUnlessTheLandlordIsGiven() throws {
        let lines = ["Date CAL;Commune;QPV", "10/01/2022;Auchel;non"]
        let refused = try read(lines)
        XCTAssertTrue(refused.failed)
        XCTAssertTrue(refused.errors.first?.message.contains("bailleur") ?? false)
        let given = try read(lines, options: AllocationImportOptions(landlordId: "sia-habitat"))
        XCTAssertFalse(given.failed)
        XCTAssertEqual(given.rows.first?.allocation.landlordId, "sia-habitat")
        XCTAssertTrue(given.rows.first?.fields.contains(.landlord) ?? false)
    }

    func testASYPLOExtractIsTheStateContingentsAndItsLabelsAreCategories() throws {
        let r = try read([
            "N° SNE;Bailleur;Date d'attribution;Motif de labellisation",
            "062221111111;Maisons et Cités;03/03/2022;Victimes de violences conjugales",
            "062221111112;Maisons et Cités;04/03/2022;oui",
        ])
        XCTAssertEqual(r.kind, .syplo)
        for row in r.rows {
            XCTAssertEqual(row.allocation.reservationHolder, ReservationHolder(kind: .state))
            XCTAssertEqual(row.allocation.priority, true)
            XCTAssertEqual(row.allocation.priorityLabels.first?.basis, .syplo)
            XCTAssertFalse(row.fields.contains(.inQPV), "SYPLO says nothing of QPV: an SNE fact stays")
        }
        XCTAssertEqual(r.rows[0].allocation.priorityLabels.first?.categoryId, "violences")
    }

    func testTheSameSNENumberTwiceIsOneAllocationAndIdenticalRowsWithoutNumberAreTwo() throws {
        let r = try read([
            "N° unique;Bailleur;Date CAL;Commune",
            "0622 0000 0001;SIA;10/01/2022;Auchel",
            "062200000001;SIA;10/01/2022;Auchel",
            ";SIA;11/01/2022;Auchel",
            ";SIA;11/01/2022;Auchel",
        ])
        XCTAssertEqual(r.rows.map(\.key).filter { $0.hasPrefix("sne:") }, ["sne:062200000001", "sne:062200000001"])
        XCTAssertTrue(r.warnings.contains { $0.line == 3 && $0.message.contains("déjà lu ligne 2") })
        let unnumbered = r.rows.filter { !$0.key.hasPrefix("sne:") }.map(\.key)
        XCTAssertEqual(unnumbered.count, 2)
        XCTAssertNotEqual(unnumbered[0], unnumbered[1])
        XCTAssertTrue(unnumbered[1].hasSuffix("#2"))
        // Re-reading gives the same keys.
        let again = try read([
            "N° unique;Bailleur;Date CAL;Commune",
            "0622 0000 0001;SIA;10/01/2022;Auchel",
            "062200000001;SIA;10/01/2022;Auchel",
            ";SIA;11/01/2022;Auchel",
            ";SIA;11/01/2022;Auchel",
        ])
        XCTAssertEqual(again.rows.map(\.key), r.rows.map(\.key))
    }

    func testWindows1252TabsAndCRAreRead() throws {
        let text = "Bailleur\tDate CAL\tCommune\tRéservataire\rSIA Habitat\t10/01/2022\tBéthune\tÉtat\r"
        let r = try Self.importer().read(text.windows1252)
        XCTAssertEqual(r.encoding, .windows1252)
        XCTAssertEqual(r.rows.first?.allocation.commune, "Béthune")
        XCTAssertEqual(r.rows.first?.allocation.reservationHolder, ReservationHolder(kind: .state))
    }

    /// The demo extract read back gives the very allocations it was written from.
    func testTheDemoExtractReadsBackToTheGeneratedRegister() throws {
        let f = try DemoAllocationTests.fixture()
        let rows = DemoAllocations.generate(f.source)
        let csv = DemoAllocationExtract.csv(rows)
        let r = try Self.importer().read(Data(csv.utf8))
        XCTAssertFalse(r.failed)
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.rows.map(\.allocation), rows)
        XCTAssertTrue(r.columns.allSatisfy { $0.field != nil }, r.columnExplanations.joined(separator: "\n"))
    }
}
