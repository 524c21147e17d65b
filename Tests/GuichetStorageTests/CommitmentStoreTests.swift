import Foundation
import XCTest
import GuichetCore
@testable import GuichetStorage

/// Commitments on the PLH's budget lines in SQLite: numbered per decision year, saved with their
/// history and versions, and aggregated as the ledger reads them.
final class CommitmentStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()

    let day = CalendarDate(year: 2026, month: 4, day: 10)!

    private func store() throws -> SQLiteStore {
        try SQLiteStore.create(dir.file("c.sqlite"), territory: "capso", agent: "agent.test", clock: .fixed(day))
    }

    /// A commitment as the use case builds it (its rules are tested in `CommitmentUseCaseTests`).
    private func commitment(_ line: String, _ euros: Int64, sequence: Int, in s: any StoreSession) throws -> BudgetCommitment {
        try s.insertCommitment(BudgetCommitment(
            number: CommitmentNumber(year: 2026, sequence: sequence), lineID: line,
            decision: DecisionReference(reference: "Délibération n° 2026-031", date: CalendarDate(year: 2026, month: 3, day: 12)!),
            beneficiary: "ADIL du Pas-de-Calais", purpose: nil, amount: Money(euros: euros), agent: s.agent, overspendReason: nil,
            createdAt: s.clock.now()))
    }

    func testNumbersHistoryAndFiguresAsTheLedgerReadsThem() throws {
        let store = try store()
        XCTAssertEqual(try store.write { try $0.nextCommitmentSequence(year: 2026) }, 1)
        let c = try store.write { try self.commitment("adil", 16_919, sequence: 1, in: $0) }
        XCTAssertEqual(c.version, 1)
        XCTAssertEqual(c.agent, "agent.test")
        XCTAssertEqual(try store.write { try $0.nextCommitmentSequence(year: 2026) }, 2)
        XCTAssertEqual(try store.write { try $0.nextCommitmentSequence(year: 2027) }, 1)
        _ = try store.write { try self.commitment("soliha", 5_000, sequence: 2, in: $0) }
        var paid = c
        paid.payments.append(CommitmentPayment(date: day, amount: Money(euros: 10_000), reference: "Mandat 1187", agent: "agent.test"))
        let stored = try store.write { try $0.updateCommitment(paid, expectedVersion: c.version) }
        XCTAssertEqual(stored.version, 2)
        let history = try store.read { try $0.history(entity: "engagement", key: c.number.formatted) }
        XCTAssertEqual(history.count, 2)
        XCTAssertTrue(history.allSatisfy { $0.agent == "agent.test" })
        let all = try store.read { try $0.commitments(lineID: nil, year: nil) }
        XCTAssertEqual(all.map(\.number.sequence), [1, 2])
        XCTAssertEqual(try store.read { try $0.lineFigures(years: nil) }, LineFigures.aggregate(all))
        XCTAssertEqual(try store.read { try $0.lineFigures(years: 2027...2028) }, [])
        XCTAssertEqual(try store.read { try $0.commitments(lineID: "soliha", year: nil) }.map(\.number.sequence), [2])
        XCTAssertEqual(try store.read { try $0.commitments(lineID: "adil", year: 2027) }, [])
    }

    /// A save from a stale version is refused, as for dossiers.
    func testOptimisticLocking() throws {
        let store = try store()
        let c = try store.write { try self.commitment("soliha", 5_000, sequence: 1, in: $0) }
        var paid = c
        paid.payments.append(CommitmentPayment(date: day, amount: Money(euros: 1_000), reference: nil, agent: "agent.test"))
        _ = try store.write { try $0.updateCommitment(paid, expectedVersion: c.version) }
        var stale = c
        stale.purpose = "Modifié par un autre agent"
        XCTAssertThrowsError(try store.write { try $0.updateCommitment(stale, expectedVersion: c.version) }) { e in
            guard case StoreError.conflict = e else { return XCTFail("\(e)") }
        }
    }
}
