import Foundation
import GuichetApp
import GuichetCore
import GuichetStorage
import XCTest

/// Two agents, each with their own connection to the same base (as two windows or two processes
/// would), grant on the same envelope at the same moment: the envelope is checked and the grant
/// written in one write transaction, so the second one waits for the first and sees it.
final class ConcurrentGrantTests: XCTestCase {
    /// A store whose writes keep their transaction open a while before working: two writes
    /// started together are then surely both under way.
    final class LingeringStore: GuichetStore, @unchecked Sendable {
        let inner: any GuichetStore
        init(_ inner: any GuichetStore) { self.inner = inner }
        var location: String { inner.location }
        func read<T>(_ body: (any StoreSession) throws -> T) throws -> T { try inner.read(body) }
        func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
            try inner.write { session in
                Thread.sleep(forTimeInterval: 0.2)
                return try body(session)
            }
        }
    }

    func testTheSecondGrantOnAFullEnvelopeIsRefused() throws {
        let (setup, workspace) = try makeGuichet(territory: "capso")
        let lhi = try setup.scheme("LHI")
        let envelope = try XCTUnwrap(lhi.envelope.yearly)
        // Two dossiers asking 60 000 € each: one fits in the 70 000 € envelope, not both.
        let asked = Money(euros: 60_000)
        XCTAssertLessThan(asked, envelope)
        XCTAssertGreaterThan(asked + asked, envelope)
        let owner = Applicant(kind: .privateOwner, household: Household(members: [HouseholdMember(lastName: "Vasseur", firstName: "Alain", role: .applicant)]))
        let draft = DossierDraft(applicant: owner, property: DossierUseCaseTests.home, requestedAmount: asked)
        var numbers: [DossierNumber] = []
        for _ in 0..<2 {
            let d = try blocking { try await setup.createDossier(draft, scheme: "LHI") }
            for req in lhi.mandatoryDocuments { _ = try blocking { try await setup.recordDocument(req.id, state: .valid, on: d.number) } }
            _ = try blocking { try await setup.perform(.submit, on: d.number) }
            _ = try blocking { try await setup.perform(.startReview, on: d.number) }
            numbers.append(d.number)
        }
        // Two agents, two connections to the file.
        let url = URL(fileURLWithPath: workspace.store.location)
        let agents = try ["alice", "bruno"].map { name in
            Guichet(store: LingeringStore(try SQLiteStore.open(url, agent: name, clock: .fixed(testDay))), profile: workspace.profile,
                    clock: .fixed(testDay))
        }
        let outcomes = try blocking { [numbers] in
            try await withThrowingTaskGroup(of: Result<AidDossier, LifecycleError>.self) { group in
                for (agent, number) in zip(agents, numbers) {
                    group.addTask {
                        do { return .success(try await agent.perform(.grant(amount: nil, reason: nil, overspendReason: nil), on: number)) }
                        catch let e as LifecycleError { return .failure(e) }
                    }
                }
                var all: [Result<AidDossier, LifecycleError>] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
        }
        let granted = outcomes.compactMap { try? $0.get() }
        let refused = outcomes.compactMap { if case .failure(let e) = $0 { e } else { nil } }
        XCTAssertEqual(granted.count, 1, "exactly one grant passes")
        XCTAssertEqual(refused.map(\.code), [.overspendNeedsConfirmation], "the other must confirm an overspend")
        XCTAssertTrue(refused.first?.message.contains("dépassement de \(FrenchFormat.money(asked + asked - envelope))") ?? false,
                      refused.first?.message ?? "")
        let committed = try blocking { try await setup.budgetLedger(years: 2026...2026) }.envelopeStatus(scheme: "LHI", year: 2026).committed
        XCTAssertEqual(committed, asked)
        XCTAssertLessThanOrEqual(committed, envelope)
    }
}
