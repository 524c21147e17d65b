import Foundation
import XCTest
@testable import GuichetCore

final class LandlordTests: XCTestCase {
    func testLooseMatchingOfNamesAndAliases() throws {
        let d = try ImportTestFiles.profile().directory
        for name in ["PDCH", "pdch", "Pas-de-Calais Habitat", "PAS DE CALAIS  HABITAT", " pas-de-calais-habitat "] {
            XCTAssertEqual(d.match(name)?.id, "pas-de-calais-habitat", name)
        }
        XCTAssertEqual(d.match("FOH")?.id, "flandre-opale-habitat")
        XCTAssertEqual(d.match("Flandres Opale Habitat")?.id, "flandre-opale-habitat")
        XCTAssertEqual(d.match("SIA")?.id, "sia-habitat")
        XCTAssertEqual(d.match("SIA HABITAT")?.id, "sia-habitat")
        XCTAssertEqual(d.match("MAISONS ET CITES")?.id, "maisons-et-cites")
        XCTAssertEqual(d.match("Maisons & Cités")?.id, "maisons-et-cites")
        XCTAssertEqual(d.match("Maisons et Cités")?.id, "maisons-et-cites")
        XCTAssertEqual(d.match("3F - Notre Logis")?.id, "3f-notre-logis")
        XCTAssertEqual(d.match("Vilogia-Logifim")?.id, "vilogia-logifim")
        XCTAssertEqual(d.match("VILOGIA")?.id, "vilogia")
        XCTAssertNil(d.match("Habitat Fantôme"), "unknown landlords are never invented")
        XCTAssertNil(d.match(""))
    }

    func testEveryLandlordSpellingOfTheBriefIsKnown() throws {
        let d = try ImportTestFiles.profile().directory
        let briefNames = [
            "Maisons et Cités", "SIA Habitat", "Pas-de-Calais Habitat", "Habitat Hauts-de-France", "Flandre Opale Habitat",
            "ICF Nord-Est", "Société Immobilière Grand Hainaut", "Habitat Logement Immobilier", "SRJC", "LOGIFIM", "VILOGIA",
            "SOLIHA Hauts de France", "Habitat Hauts de France", "ICF Nord Est", "Pas de Calais Habitat", "3F - Notre Logis",
            "SIGH", "Tisserin", "Vilogia-Logifim", "Flandres Opale Habitat", "ICF", "Vilogia Logifim",
        ]
        XCTAssertEqual(briefNames.filter { d.match($0) == nil }, [])
    }

    func testCIAFiguresAreKeptAsGivenAndTheirSumsMatchThePrintedTotals() throws {
        let profile = try ImportTestFiles.profile()
        XCTAssertEqual(profile.landlords.filter { $0.stock != nil }.count, 12, "the 12 CIA landlords")
        let stocks = profile.landlords.compactMap(\.stock)
        let printed = try XCTUnwrap(profile.publishedTotals?.stock)
        XCTAssertEqual(stocks.compactMap(\.outsideQPV).reduce(0, +), printed.outsideQPV)
        XCTAssertEqual(stocks.compactMap(\.inQPV).reduce(0, +), printed.inQPV)
        XCTAssertEqual(stocks.compactMap(\.total).reduce(0, +), printed.total)
        let alloc = profile.landlords.compactMap(\.allocations2017)
        XCTAssertEqual(alloc.compactMap(\.total).reduce(0, +), profile.publishedTotals?.allocations2017?.total)
        XCTAssertEqual(alloc.compactMap(\.toPriority).reduce(0, +), profile.publishedTotals?.allocations2017?.toPriority)
        // The printed shares are the counts' shares to the unit (203 / 1 238 → 16 %; 22 / 176 = 12,5 % printed 12 %).
        for l in profile.landlords {
            guard let a = l.allocations2017, let printedShare = a.priorityShare, let computed = a.computedShare else { continue }
            XCTAssertLessThanOrEqual(abs(computed.basisPoints - printedShare.basisPoints), 50, l.name)
        }
        let m = try XCTUnwrap(profile.directory.landlord(id: "maisons-et-cites"))
        XCTAssertEqual(m.stock, LandlordStock(outsideQPV: 8_080, inQPV: 5_889, total: 13_969))
    }

    func testHabitatLogementImmobilierInconsistencyIsFlaggedNotFixed() throws {
        let profile = try ImportTestFiles.profile()
        let hli = try XCTUnwrap(profile.directory.landlord(id: "habitat-logement-immobilier"))
        XCTAssertEqual(hli.stock, LandlordStock(outsideQPV: 78, inQPV: 0, total: 223))
        XCTAssertNil(hli.allocations2017)
        XCTAssertEqual(hli.stock?.inconsistency,
                       "patrimoine incohérent dans la source : 78 hors QPV + 0 en QPV = 78, total indiqué 223")
        // Only that landlord is inconsistent, and the printed total row inherits it (19 998 + 11 707 ≠ 31 850).
        let flagged = profile.inconsistencies
        XCTAssertEqual(flagged.count, 2, flagged.joined(separator: "\n"))
        XCTAssertTrue(flagged[0].hasPrefix("Habitat Logement Immobilier : "))
        XCTAssertTrue(flagged[1].hasPrefix("Ligne total : "))
        XCTAssertEqual(ConventionReview.inconsistencies([], landlords: profile.landlords).map(\.landlordId),
                       ["habitat-logement-immobilier"])
    }

    func testObjectivesOfTheAgreement() throws {
        let profile = try ImportTestFiles.profile()
        XCTAssertEqual(profile.allocationObjectives,
                       AllocationObjectives(priorityHouseholds: Percentage(percent: 25), outsideQPVFirstQuartile: Percentage(percent: 25),
                                            inQPVAboveFirstQuartile: Percentage(percent: 50)))
        let state = try XCTUnwrap(profile.reservataireObjectives.first { $0.id == "etat" })
        XCTAssertEqual(state.priorityShare, Percentage(percent: 100))
        XCTAssertEqual(state.contingentShareOfProgrammes, Percentage(percent: 30))
        XCTAssertEqual(Set(profile.reservataireObjectives.filter { $0.id != "etat" }.map(\.priorityShare)), [Percentage(percent: 25)])
    }

    func testProfileRefusesDuplicateIdsAndSharedAliases() {
        let json = """
        {"landlords": [{"id": "a", "name": "Alpha", "aliases": ["AB"]}, {"id": "a", "name": "Beta", "aliases": ["ab"]}]}
        """
        XCTAssertThrowsError(try LandlordsProfile.decode(Data(json.utf8))) { error in
            let messages = (error as? ValidationErrors)?.errors.map(\.description) ?? []
            XCTAssertEqual(messages, ["landlords[1].id : identifiant « a » en double", "landlords : le nom « a » désigne deux bailleurs",
                                      "landlords : le nom « ab » désigne deux bailleurs"])
        }
        XCTAssertThrowsError(try LandlordsProfile.decode(Data(#"{"landlords": [{"id": "a"}]}"#.utf8))) { error in
            XCTAssertEqual((error as? ValidationErrors)?.errors.first?.message, "clé « name » absente à landlords[0]")
        }
    }
}
