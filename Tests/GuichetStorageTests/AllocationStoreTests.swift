import Foundation
import XCTest
import GRDB
import GuichetCore
@testable import GuichetStorage

/// The allocation register in SQLite: hand entry, extracts applied idempotently and completed by
/// later ones, nothing stored without its landlord, history kept.
final class AllocationStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()

    func makeStore() throws -> SQLiteStore {
        let store = try SQLiteStore.create(dir.file("a.sqlite"), territory: "cabbalr", agent: "test")
        try store.write { s in
            try s.upsertLandlord(Landlord(id: "sia-habitat", name: "SIA Habitat", aliases: ["SIA"]))
            try s.upsertLandlord(Landlord(id: "maisons-et-cites", name: "Maisons et Cités"))
        }
        return store
    }

    func allocation(sne: String? = "062220000001", year: Int = 2022, landlord: String? = "sia-habitat",
                    inQPV: Bool? = false, priority: Bool? = false) -> Allocation {
        Allocation(sneNumber: sne, calDecisionDate: CalendarDate(year: year, month: 3, day: 1),
                   leaseDate: CalendarDate(year: year, month: 4, day: 1), landlordId: landlord, landlordName: "SIA",
                   reservationHolder: ReservationHolder(kind: .commune, name: "Béthune"), commune: "Béthune",
                   inQPV: inQPV, typology: .t3, householdSize: 3, resourcesPerUC: Money(euros: 6_500),
                   priority: priority, transfer: false)
    }

    func imported(_ a: Allocation, line: Int = 2, fields: Set<AllocationField> = Set(AllocationField.allCases)) -> ImportedAllocation {
        ImportedAllocation(line: line, key: AllocationKey.natural(a), allocation: a, fields: fields)
    }

    func historyLines(_ store: SQLiteStore) throws -> [String] {
        try store.pool.read { try String.fetchAll($0, sql: "SELECT action || ' ' || entityKey FROM history WHERE entity = 'attribution' ORDER BY id") }
    }

    func testHandEntryIsKeyedBySNENumberAndRefusesTheSameNumberTwice() throws {
        let store = try makeStore()
        let r = try store.write { try $0.insertAllocation(self.allocation()) }
        XCTAssertEqual(r.key, "sne:062220000001")
        XCTAssertThrowsError(try store.write { try $0.insertAllocation(self.allocation(sne: "0622 2000 0001")) }) { e in
            XCTAssertTrue("\(e)".contains("déjà enregistré"), "\(e)")
        }
        // Without SNE number, two identical rows are two allocations.
        let a = try store.write { try $0.insertAllocation(self.allocation(sne: nil)) }
        let b = try store.write { try $0.insertAllocation(self.allocation(sne: nil)) }
        XCTAssertNotEqual(a.key, b.key)
        XCTAssertTrue(b.key.hasSuffix("#2"))
        XCTAssertEqual(try store.read { try $0.allocationCount() }, 3)
        XCTAssertEqual(try historyLines(store).filter { $0.hasPrefix("saisie") }.count, 3)
    }

    func testAnAllocationNamingAMissingLandlordIsRefused() throws {
        let store = try makeStore()
        XCTAssertThrowsError(try store.write { try $0.insertAllocation(self.allocation(landlord: "inconnu")) })
        XCTAssertThrowsError(try store.write { try $0.applyAllocationImport([self.imported(self.allocation(landlord: "inconnu"))], sourceName: "x.csv") })
        XCTAssertEqual(try store.read { try $0.allocationCount() }, 0)
        // Without a recognised landlord (the extract's spelling kept), it is stored.
        XCTAssertNoThrow(try store.write { try $0.insertAllocation(self.allocation(sne: "1", landlord: nil)) })
    }

    func testReimportingTheSameExtractChangesNothing() throws {
        let store = try makeStore()
        let rows = (1...30).map { imported(allocation(sne: "0622200000\($0)", priority: $0 % 4 == 0), line: $0 + 1) }
        let first = try store.write { try $0.applyAllocationImport(rows, sourceName: "sne.csv") }
        XCTAssertEqual([first.imported, first.updated, first.unchanged], [30, 0, 0])
        let history = try historyLines(store).count
        let again = try store.write { try $0.applyAllocationImport(rows, sourceName: "sne.csv") }
        XCTAssertEqual([again.imported, again.updated, again.unchanged], [0, 0, 30])
        XCTAssertEqual(try historyLines(store).count, history, "no history line for a no-op")
        XCTAssertEqual(try store.read { try $0.allocationCount() }, 30)
    }

    /// A SYPLO extract read after the SNE's completes the same allocation (State contingent,
    /// label) without erasing what the SNE gave, and the change is in the history.
    func testALaterExtractCompletesTheFactsItGivesAndKeepsTheOthers() throws {
        let store = try makeStore()
        _ = try store.write { try $0.applyAllocationImport([self.imported(self.allocation())], sourceName: "sne.csv") }
        var syplo = allocation(inQPV: nil, priority: true)
        syplo.reservationHolder = ReservationHolder(kind: .state)
        syplo.priorityLabels = [PriorityLabel(basis: .syplo, categoryId: "violences", text: "Violences conjugales")]
        syplo.resourcesPerUC = nil
        let outcome = try store.write {
            try $0.applyAllocationImport([self.imported(syplo, line: 7, fields: [.sneNumber, .reservationHolder, .priority, .syploLabel])],
                                         sourceName: "syplo.csv")
        }
        XCTAssertEqual([outcome.imported, outcome.updated], [0, 1])
        let stored = try XCTUnwrap(try store.read { try $0.allocations(landlordId: nil, years: nil) }.first)
        XCTAssertEqual(stored.allocation.reservationHolder, ReservationHolder(kind: .state))
        XCTAssertEqual(stored.allocation.priority, true)
        XCTAssertEqual(stored.allocation.priorityLabels.map(\.categoryId), ["violences"])
        XCTAssertEqual(stored.allocation.inQPV, false, "the SYPLO extract has no QPV column: the SNE's fact stays")
        XCTAssertEqual(stored.allocation.resourcesPerUC, Money(euros: 6_500))
        XCTAssertEqual(stored.version, 2)
        XCTAssertEqual(stored.sourceName, "syplo.csv")
        XCTAssertEqual(try historyLines(store).last, "import sne:062220000001")
    }

    func testTheRegisterIsReadByLandlordAndYears() throws {
        let store = try makeStore()
        let rows = [imported(allocation(sne: "1", year: 2021)), imported(allocation(sne: "2", year: 2022)),
                    imported(allocation(sne: "3", year: 2022, landlord: "maisons-et-cites"))]
        _ = try store.write { try $0.applyAllocationImport(rows, sourceName: "x.csv") }
        XCTAssertEqual(try store.read { try $0.allocations(landlordId: "sia-habitat", years: nil) }.map(\.key), ["sne:1", "sne:2"])
        XCTAssertEqual(try store.read { try $0.allocations(landlordId: nil, years: 2022...2022) }.map(\.key), ["sne:2", "sne:3"])
        XCTAssertEqual(try store.read { try $0.allAllocations() }.count, 3)
    }

    func testTheRegisterHoldsNoPersonalData() throws {
        let store = try makeStore()
        _ = try store.write { try $0.insertAllocation(self.allocation()) }
        let columns = try store.pool.read { try $0.columns(in: "allocation").map(\.name) }
        XCTAssertEqual(Set(columns), ["key", "version", "createdAt", "updatedAt", "year", "calYear", "landlordId", "holderKind",
                                      "communeKey", "inQPV", "transfer", "priority"])
        let json = try store.pool.read { try String.fetchOne($0, sql: "SELECT data FROM allocation_data") ?? "" }
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let fields = Set(try XCTUnwrap(object["allocation"] as? [String: Any]).keys)
        XCTAssertTrue(fields.isSubset(of: ["sneNumber", "calDecisionDate", "leaseDate", "landlordId", "landlordName", "reservationHolder",
                                           "commune", "inseeCode", "inQPV", "qpvName", "typology", "householdSize", "resourcesPerUC",
                                           "quartile", "priority", "priorityLabels", "transfer", "anruRehousing"]), "\(fields)")
    }

    /// An extract read and applied in one transaction: a dry run stores nothing, the same file
    /// again changes nothing, and a SYPLO extract completes the SNE's allocations.
    func testExtractsAreAppliedWholeIdempotentlyAndCompletedByLaterOnes() throws {
        let store = try makeStore()
        let sne = """
            N° unique;Bailleur;Date de décision CAL;Date de signature du bail;Commune;Logement en QPV;Ménage prioritaire
            062220000001;SIA;01/02/2022;01/03/2022;Béthune;non;non
            062220000002;SIA;02/02/2022;02/03/2022;Béthune;oui;non
            ;SIA;03/02/2022;;Auchel;;

            """
        let dry = try AllocationImportRun.run(Data(sne.utf8), sourceName: "sne.csv", categories: [], dryRun: true, store: store)
        XCTAssertEqual(dry.outcome.imported, 3)
        XCTAssertEqual(try store.read { try $0.allocationCount() }, 0, "a dry run stores nothing")
        let first = try AllocationImportRun.run(Data(sne.utf8), sourceName: "sne.csv", categories: [], dryRun: false, store: store)
        XCTAssertEqual([first.outcome.imported, first.outcome.updated, first.outcome.unchanged], [3, 0, 0])
        let again = try AllocationImportRun.run(Data(sne.utf8), sourceName: "sne.csv", categories: [], dryRun: false, store: store)
        XCTAssertEqual([again.outcome.imported, again.outcome.updated, again.outcome.unchanged], [0, 0, 3])
        XCTAssertEqual(try store.read { try $0.allocationCounts() }, AllocationCounts(byYear: [2022: 2], awaitingLease: 1))
        let syplo = "N° SNE;Bailleur;Motif de labellisation\n062220000002;SIA;oui\n"
        let completed = try AllocationImportRun.run(Data(syplo.utf8), sourceName: "syplo.csv", categories: [], dryRun: false, store: store)
        XCTAssertEqual(completed.report.kind, .syplo)
        XCTAssertEqual([completed.outcome.imported, completed.outcome.updated], [0, 1])
        let stored = try XCTUnwrap(try store.read { try $0.allocations(landlordId: nil, years: nil) }.first { $0.key == "sne:062220000002" })
        XCTAssertEqual(stored.allocation.reservationHolder, ReservationHolder(kind: .state))
        XCTAssertEqual(stored.allocation.priority, true)
        XCTAssertEqual(stored.allocation.inQPV, true, "kept from the SNE extract")
        XCTAssertEqual(stored.allocation.leaseDate, CalendarDate(year: 2022, month: 3, day: 2))
    }
}
