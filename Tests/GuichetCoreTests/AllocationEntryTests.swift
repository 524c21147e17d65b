import Foundation
import XCTest
@testable import GuichetCore

/// An allocation typed in the window: every problem named by its field, nothing guessed.
final class AllocationEntryTests: XCTestCase {
    let landlords = [Landlord(id: "sia-habitat", name: "SIA Habitat")]
    let categories = [PriorityCategory(id: "violences", label: "Violences au sein du couple", kind: .statutory)]

    func valid() -> AllocationEntry {
        var e = AllocationEntry()
        e.calDecisionDate = "12/03/2024"
        e.leaseDate = "2024-04-02"
        e.landlordId = "sia-habitat"
        e.commune = " Béthune "
        return e
    }

    func testAnEmptyEntryNamesEveryMissingField() {
        guard case .failure(let problems) = AllocationEntry().allocation(landlords: landlords, categories: categories) else {
            return XCTFail("an empty entry is refused")
        }
        XCTAssertEqual(problems.errors.map(\.field), ["date de décision de la CAL", "bailleur", "commune"])
    }

    func testAValidEntryKeepsUnknownFactsUnknown() throws {
        let a = try valid().allocation(landlords: landlords, categories: categories).get()
        XCTAssertEqual(a.year, 2024)
        XCTAssertEqual(a.commune, "Béthune")
        XCTAssertNil(a.inQPV, "not said: never assumed outside QPV")
        XCTAssertNil(a.priority)
        XCTAssertNil(a.transfer)
        XCTAssertNil(a.sneNumber)
        XCTAssertEqual(a.landlordName, "SIA Habitat")
    }

    func testWrongFieldsAreRefusedWithTheirReason() {
        var e = valid()
        e.leaseDate = "01/03/2024"
        e.householdSize = "0"
        e.resourcesPerUC = "beaucoup"
        e.qpvName = "Mont-Liébaut"
        e.inQPV = false
        e.priority = false
        e.priorityBasis = .dalo
        guard case .failure(let problems) = e.allocation(landlords: landlords, categories: categories) else { return XCTFail() }
        XCTAssertEqual(Set(problems.errors.map(\.field)),
                       ["date de signature du bail", "taille du ménage", "ressources par UC", "nom du QPV", "ménage prioritaire"])
    }

    func testAPriorityCategoryMakesAPriorityHouseholdAndACommuneHolderDefaultsToTheCommune() throws {
        var e = valid()
        e.priorityBasis = .syplo
        e.priorityCategoryId = "violences"
        e.holderKind = .commune
        e.resourcesPerUC = "8 058,00 €"
        let a = try e.allocation(landlords: landlords, categories: categories).get()
        XCTAssertEqual(a.priority, true)
        XCTAssertEqual(a.priorityLabels, [PriorityLabel(basis: .syplo, categoryId: "violences", text: "Violences au sein du couple")])
        XCTAssertEqual(a.reservationHolder, ReservationHolder(kind: .commune, name: "Béthune"))
        XCTAssertEqual(a.resourcesPerUC, Money(euros: 8_058))
    }

    func testTheProfileListsTheAllocationRulesStillToConfirm() throws {
        let rules = try XCTUnwrap(ImportTestFiles.profile().allocationRules)
        XCTAssertEqual(rules.defaultsToConfirm.map(\.key), ["firstQuartileBoundary", "qpvSharesExcludeTransfers"])
        XCTAssertEqual(rules.priorityExcludesTransfersFrom.source.kind, .sourceText)
        XCTAssertEqual(AllocationRules.defaults.defaultsToConfirm.count, 3)
    }
}
