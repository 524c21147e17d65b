import Foundation
import XCTest
import GuichetCore
@testable import GuichetStorage

/// Commitments on the PLH's budget lines in SQLite: numbered per decision year, checked against
/// the line's envelope in the writing transaction, paid and cancelled with their history, and
/// aggregated as the ledger reads them.
final class CommitmentStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()

    static let plh: PLHProgramme = {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        let data = try! Data(contentsOf: root.appendingPathComponent("data/territories/capso/plh.json"))
        return try! JSONDecoder().decode(PLHProgramme.self, from: data)
    }()
    let catalog = DossierStoreTests.catalog
    let day = CalendarDate(year: 2026, month: 4, day: 10)!

    private func store() throws -> SQLiteStore {
        try SQLiteStore.create(dir.file("c.sqlite"), territory: "capso", agent: "agent.test", clock: .fixed(day))
    }

    private func request(_ line: String, _ euros: Int64, decided: CalendarDate, reason: String? = nil) -> CommitmentActions.Request {
        CommitmentActions.Request(lineID: line, decision: DecisionReference(reference: "Délibération n° 2026-031", date: decided),
                                  amount: Money(euros: euros), overspendReason: reason)
    }

    func testCommitPayCancelWithHistoryAndFigures() throws {
        let store = try store()
        let adil = try XCTUnwrap(Self.plh.budgetLine(id: "adil")?.envelope.yearly)
        let march = CalendarDate(year: 2026, month: 3, day: 12)!
        let c = try store.write { try CommitmentActions.commit(request("adil", adil.cents / 100, decided: march), plh: Self.plh, catalog: catalog, on: day, in: $0) }
        XCTAssertEqual(c.number.formatted, "ENG-2026-0001")
        XCTAssertEqual(c.version, 1)
        XCTAssertEqual(c.beneficiary, "ADIL du Pas-de-Calais", "the line's beneficiary when none is given")
        XCTAssertEqual(c.agent, "agent.test")
        // The envelope is checked in the same transaction: one euro more asks for a reason.
        XCTAssertThrowsError(try store.write { try CommitmentActions.commit(request("adil", 1, decided: march), plh: Self.plh, catalog: catalog, on: day, in: $0) }) { e in
            XCTAssertEqual((e as? CommitmentActions.Refusal)?.warning?.excess, Money(euros: 1))
        }
        let extra = try store.write {
            try CommitmentActions.commit(request("adil", 1, decided: march, reason: "Atelier supplémentaire"), plh: Self.plh, catalog: catalog, on: day, in: $0)
        }
        XCTAssertEqual(extra.number.sequence, 2)
        XCTAssertEqual(extra.overspendReason, "Atelier supplémentaire")
        // Payments never beyond what remains; a cancellation gives back the rest.
        XCTAssertThrowsError(try store.write { try CommitmentActions.pay(c.number, amount: adil + Money(cents: 1), reference: nil, on: day, in: $0) })
        let paid = try store.write { try CommitmentActions.pay(c.number, amount: Money(euros: 10_000), reference: "Mandat 1187", on: day, in: $0) }
        XCTAssertEqual(paid.version, 2)
        XCTAssertEqual(paid.remainingToPay, adil - Money(euros: 10_000))
        XCTAssertThrowsError(try store.write { try CommitmentActions.cancel(c.number, reason: " ", on: day, in: $0) })
        let cancelled = try store.write { try CommitmentActions.cancel(c.number, reason: "Convention résiliée", on: day, in: $0) }
        XCTAssertEqual(cancelled.released, adil - Money(euros: 10_000))
        XCTAssertEqual(cancelled.committed, Money(euros: 10_000))
        XCTAssertThrowsError(try store.write { try CommitmentActions.pay(c.number, amount: Money(euros: 1), reference: nil, on: day, in: $0) })
        // History: one line per save, with the agent.
        let history = try store.read { try $0.history(entity: "engagement", key: c.number.formatted) }
        XCTAssertEqual(history.count, 3)
        XCTAssertTrue(history.allSatisfy { $0.agent == "agent.test" })
        // The ledger's aggregate is the records' own.
        let all = try store.read { try $0.commitments(lineID: nil, year: nil) }
        XCTAssertEqual(all.map(\.number.sequence), [1, 2])
        XCTAssertEqual(try store.read { try $0.lineFigures(years: nil) }, LineFigures.aggregate(all))
        XCTAssertEqual(try store.read { try $0.lineFigures(years: 2027...2028) }, [])
        XCTAssertEqual(try store.read { try $0.commitments(lineID: "soliha", year: nil) }, [])
    }

    func testUnknownLineAndFutureDecisionAreRefused() throws {
        let store = try store()
        XCTAssertThrowsError(try store.write { try CommitmentActions.commit(request("inconnue", 10, decided: day), plh: Self.plh, catalog: catalog, on: day, in: $0) }) { e in
            XCTAssertTrue("\(e)".contains("ligne « inconnue » inconnue du PLH"), "\(e)")
        }
        XCTAssertThrowsError(try store.write {
            try CommitmentActions.commit(request("adil", 10, decided: day.adding(days: 1)), plh: Self.plh, catalog: catalog, on: day, in: $0)
        })
        XCTAssertEqual(try store.read { try $0.commitments(lineID: nil, year: nil) }, [])
    }

    /// A save from a stale version is refused, as for dossiers.
    func testOptimisticLocking() throws {
        let store = try store()
        let c = try store.write { try CommitmentActions.commit(request("soliha", 5_000, decided: day), plh: Self.plh, catalog: catalog, on: day, in: $0) }
        _ = try store.write { try CommitmentActions.pay(c.number, amount: Money(euros: 1_000), reference: nil, on: day, in: $0) }
        var stale = c
        stale.purpose = "Modifié par un autre agent"
        XCTAssertThrowsError(try store.write { try $0.updateCommitment(stale, expectedVersion: c.version) }) { e in
            guard case StoreError.conflict = e else { return XCTFail("\(e)") }
        }
    }
}
