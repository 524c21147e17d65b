import Foundation
import GRDB
import XCTest
import GuichetCore
@testable import GuichetStorage

/// The SQL behind `RequestStore` must rank and filter exactly as `CotationRanking` and
/// `RequestQuery` do in memory; scores are history; the purge forgets what it must.
final class RequestStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()
    static let reference = CalendarDate(year: 2026, month: 11, day: 20)!

    static let grid: CotationGrid = {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        return try! CotationGrid(jsonData: Data(contentsOf: root.appendingPathComponent("data/territories/cabbalr/cotation.json")))
    }()

    /// Demo requests plus a few built to tie: same total, same date, with and without SNE number.
    static func generated(_ count: Int) -> [SocialHousingRequest] {
        var all = DemoRequests.generate(count: count, seed: 11, grid: grid, referenceDate: reference)
        let twin = SocialHousingRequest(id: "DLS-2025-900000", requestDate: CalendarDate(year: 2025, month: 3, day: 3)!,
                                        members: [RequestMember(role: .requester, birthDate: CalendarDate(year: 1980, month: 1, day: 1)!)],
                                        annualResources: Money(euros: 40_000), wishedCommunes: [WishedCommune("Arques")],
                                        wishedTypologies: [.t2])
        for (i, sne) in [nil, "062250300000009Z", "062250300000001Z", nil, "062250300000001Z"].enumerated() {
            var r = twin
            r.id = "DLS-2025-90000\(i)"
            r.sneNumber = sne
            all.append(r)
        }
        return all
    }

    func makeStore(count: Int) throws -> (SQLiteStore, [ScoredRequest]) {
        let store = try SQLiteStore.create(dir.file("r.sqlite"), territory: "demo", agent: "test")
        let scored = Self.generated(count).map {
            ScoredRequest(request: $0, result: CotationEngine.score($0, grid: Self.grid, on: Self.reference))
        }
        try store.write { s in
            for r in scored.prefix(15) { _ = try s.insertRequest(r.request, score: r.result) }
            try s.bulkInsertRequests(Array(scored.dropFirst(15)), historyNote: "test")
        }
        return (store, scored)
    }

    func testGeneratedRequestsAreValidAndDeterministic() {
        let a = DemoRequests.generate(count: 300, seed: 5, grid: Self.grid, referenceDate: Self.reference)
        XCTAssertEqual(a, DemoRequests.generate(count: 300, seed: 5, grid: Self.grid, referenceDate: Self.reference))
        for r in a {
            XCTAssertEqual(r.validate() + r.validate(against: Self.grid), [], r.id)
            XCTAssertLessThanOrEqual(r.requestDate, Self.reference)
        }
        XCTAssertEqual(Set(a.map(\.id)).count, a.count)
        let statuses = Set(a.flatMap(\.criteria).map(\.document.status))
        XCTAssertEqual(statuses, Set(ClaimDocument.Status.allCases))
        XCTAssertTrue(a.contains { !$0.calProposals.isEmpty })
        XCTAssertTrue(a.contains { $0.struckOffOn != nil })
        XCTAssertTrue(a.contains { $0.sneNumber == nil })
    }

    func testRankingMatchesCotationRankingAndQuerySemantics() throws {
        let (store, scored) = try makeStore(count: 600)
        let stored = scored.map { StoredRequest(request: $0.request, version: 1, score: StoredScore(requestId: $0.request.id, result: $0.result)) }
        // The whole ranking and the commune / typology filters, against the cotation's own ranking.
        for filter in [RankingFilter(), RankingFilter(commune: "saint omer"), RankingFilter(typology: .t3),
                       RankingFilter(commune: "Arques", typology: .t2)] {
            let expected = CotationRanking.rank(scored, filter: filter).map(\.request.id)
            let got = try store.read { try $0.requests(RequestQuery(commune: filter.commune, typology: filter.typology)) }.map(\.id)
            XCTAssertEqual(got, expected, "\(filter)")
            XCTAssertFalse(expected.isEmpty)
        }
        let some = scored[42].request
        let requester = try XCTUnwrap(some.members.first { $0.role == .requester })
        let someName = "\(try XCTUnwrap(requester.firstName)) \(try XCTUnwrap(requester.lastName))"
            .folding(options: .diacriticInsensitive, locale: nil).lowercased()
        let queries: [RequestQuery] = [
            RequestQuery(), RequestQuery(includeStruckOff: true), RequestQuery(priorityOnly: true, limit: 30),
            RequestQuery(text: "SAINT-OMER"), RequestQuery(text: "thérouanne", typology: .t1),
            RequestQuery(text: String(some.sneNumber?.prefix(9) ?? "062")), RequestQuery(text: "dls-2025-90000"),
            RequestQuery(commune: "Aire-sur-la-Lys", offset: 5, limit: 10), RequestQuery(offset: 590, limit: 50),
            RequestQuery(offset: 3), RequestQuery(commune: "62765"), RequestQuery(text: "zzz-introuvable"),
            // Names in any order, without accents, hyphens or case.
            RequestQuery(text: "saint omer"), RequestQuery(text: someName), RequestQuery(text: someName.uppercased() + " saint"),
        ]
        XCTAssertFalse(RequestQuery(text: someName).apply(to: stored).isEmpty)
        for q in queries {
            let expected = q.apply(to: stored).map(\.id)
            XCTAssertEqual(try store.read { try $0.requests(q) }.map(\.id), expected, "\(q)")
            // The list's narrow rows say what the full records say, in the same order.
            XCTAssertEqual(try store.read { try $0.requestListRows(q) },
                           try store.read { try $0.requests(q) }.map(RequestListRow.init), "\(q)")
            var unpaged = q; unpaged.offset = 0; unpaged.limit = nil
            XCTAssertEqual(try store.read { try $0.countRequests(q) }, unpaged.apply(to: stored).count, "\(q)")
        }
        // The tie rule on the built twins: SNE numbers first in order, then local ids.
        let twins = try store.read { try $0.requests(RequestQuery(text: "dls-2025-90000")) }.map(\.id)
        XCTAssertEqual(twins, ["DLS-2025-900002", "DLS-2025-900004", "DLS-2025-900001", "DLS-2025-900000", "DLS-2025-900003"])
        // Stored scores are what the engine computed.
        let first = try XCTUnwrap(try store.read { try $0.request(id: some.id) })
        let fresh = CotationEngine.score(some, grid: Self.grid, on: Self.reference)
        XCTAssertEqual(first.score?.total, fresh.total)
        XCTAssertEqual(first.score.map { $0.agrees(with: fresh) }, true)
        XCTAssertEqual(first.score?.lines.map(\.id), fresh.lines.filter { $0.applied || $0.points > 0 }.map(\.id))
    }

    /// The first pages of the ranked list walk the ranking index and stop after the page.
    func testFirstPagesWalkTheRankingIndex() throws {
        let (store, _) = try makeStore(count: 30)
        let plan = try store.pool.read { db -> String in
            let (condition, args) = SQLiteSession.sqlFilter(RequestQuery(limit: 100), forPage: true)
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT key FROM request WHERE \(condition) "
                                        + "ORDER BY \(SQLiteSession.rankingOrder) LIMIT 100", arguments: args)
                .map { $0["detail"] as String }.joined(separator: " | ")
        }
        XCTAssertTrue(plan.contains("USING INDEX request_ranking"), plan)
        XCTAssertFalse(plan.contains("TEMP B-TREE"), plan)
    }

    func testUpdateRefusesAStaleVersionAndKeepsScoreHistory() throws {
        let (store, scored) = try makeStore(count: 20)
        let original = scored[3].request
        var changed = original
        changed.criteria.append(CriterionClaim(criterionId: "dalo", document: .valid))
        changed.criteria.removeAll { $0.criterionId == "dalo" && $0.document != .valid }
        let saved = try store.write { try $0.updateRequest(changed, expectedVersion: 1, grid: Self.grid, on: Self.reference) }
        XCTAssertEqual(saved.version, 2)
        XCTAssertEqual(saved.score?.total, CotationEngine.score(changed, grid: Self.grid, on: Self.reference).total)
        var other = original
        other.wishedTypologies = [.t5Plus]
        XCTAssertThrowsError(try store.write { try $0.updateRequest(other, expectedVersion: 1, score: nil) }) { error in
            guard case let StoreError.conflict(_, key, changes)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(key, original.id)
            XCTAssertTrue(changes.contains { $0.field.hasPrefix("criteria") })
        }
        let history = try store.read { try $0.scoreHistory(requestId: original.id) }
        XCTAssertEqual(history.count, 2)
        XCTAssertEqual(history.last?.total, saved.score?.total)
        XCTAssertEqual(try store.read { try $0.history(entity: SocialHousingRequest.historyEntity, key: original.id) }.count, 2)
        XCTAssertThrowsError(try store.write { s in
            _ = try s.insertRequest(original, grid: Self.grid, on: Self.reference)
        })
        XCTAssertThrowsError(try store.write { try $0.recordScore(CotationEngine.score(original, grid: Self.grid, on: Self.reference), requestId: "absente") })
        // Stored scores are history: the database refuses to edit them.
        XCTAssertThrowsError(try store.write { s in
            try (s as! SQLiteSession).db.execute(sql: "UPDATE request_score SET total = 0")
        })
    }

    func testRescoreWithAChangedGridIsExplicitAndKeepsOldScores() throws {
        let (store, scored) = try makeStore(count: 200)
        var newGrid = Self.grid
        newGrid.version = "2027-01-01"
        let dalo = try XCTUnwrap(newGrid.criteria.firstIndex { $0.id == "dalo" })
        newGrid.criteria[dalo].points = 900
        let later = Self.reference.adding(days: 40)
        let summary = try store.write { try $0.rescoreAll(grid: newGrid, on: later) }
        let active = scored.filter { $0.request.struckOffOn == nil }
        XCTAssertEqual(summary.examined, active.count)
        XCTAssertEqual(summary.rescored, active.count)
        let expectedChanged = active.filter { CotationEngine.score($0.request, grid: newGrid, on: later).total != $0.result.total }.count
        XCTAssertEqual(summary.changedTotal, expectedChanged)
        XCTAssertGreaterThan(expectedChanged, 0)
        let r = active[0].request
        let history = try store.read { try $0.scoreHistory(requestId: r.id) }
        XCTAssertEqual(history.map(\.gridVersion), [Self.grid.version, "2027-01-01"])
        XCTAssertEqual(history.map(\.computedOn), [Self.reference, later])
        // The ranking follows the new scores.
        let rescored = active.map { ScoredRequest(request: $0.request, result: CotationEngine.score($0.request, grid: newGrid, on: later)) }
        XCTAssertEqual(try store.read { try $0.requests(RequestQuery()) }.map(\.id), CotationRanking.rank(rescored).map(\.request.id))
        // Nothing left to do the second time.
        XCTAssertEqual(try store.write { try $0.rescoreAll(grid: newGrid, on: later) }.rescored, 0)
    }

    func testPurgeForgetsStruckOffRequestsWithTheirScoresAndHistory() throws {
        let (store, scored) = try makeStore(count: 300)
        let rules = try JSONDecoder().decode(RetentionRules.self, from: Data(#"{"closedDossierYears": 5, "struckOffRequestYears": 1, "warningDays": 14}"#.utf8))
        let limit = rules.struckOffPurgeLimit(today: Self.reference)
        XCTAssertEqual(limit, CalendarDate(year: 2025, month: 11, day: 21))
        let due = scored.filter { ($0.request.struckOffOn.map { $0 < limit }) ?? false }.map(\.request.id)
        XCTAssertFalse(due.isEmpty)
        let single = try XCTUnwrap(due.first { id in scored.prefix(15).contains { $0.request.id == id } } ?? due.first)
        let purged = try store.write { try $0.purgeStruckOffRequests(before: limit) }
        XCTAssertEqual(purged, due.count)
        try store.read { s in
            XCTAssertNil(try s.request(id: single))
            XCTAssertEqual(try s.scoreHistory(requestId: single), [])
            XCTAssertEqual(try s.history(entity: SocialHousingRequest.historyEntity, key: single), [])
            XCTAssertEqual(try s.countRequests(RequestQuery(includeStruckOff: true)), scored.count - due.count)
            let line = try XCTUnwrap(try s.history(entity: SocialHousingRequest.historyEntity, key: "*").last)
            XCTAssertEqual(line.action, "purge RGPD")
            XCTAssertFalse(due.contains { line.comment?.contains($0) ?? false })
        }
        XCTAssertEqual(try store.write { try $0.purgeStruckOffRequests(before: limit) }, 0)
        // History stays protected once the purge is over.
        XCTAssertThrowsError(try store.write { s in try (s as! SQLiteSession).db.execute(sql: "DELETE FROM history") })
    }

    /// A score stored before priority was derived (same total, other status) is renewed by a
    /// re-scoring on the same date; an up-to-date one is not.
    func testRescoreRenewsAStalePriorityStatus() throws {
        let store = try SQLiteStore.create(dir.file("p.sqlite"), territory: "demo", agent: "test")
        var dalo = SocialHousingRequest(id: "DLS-2026-000001", requestDate: Self.reference,
                                        members: [RequestMember(role: .requester, birthDate: CalendarDate(year: 1980, month: 1, day: 1)!)],
                                        annualResources: Money(euros: 40_000))
        dalo.criteria = [CriterionClaim(criterionId: "dalo", document: .valid)]
        var stale = CotationEngine.score(dalo, grid: Self.grid, on: Self.reference)
        XCTAssertTrue(stale.isPriorityHousehold)
        stale.priority = []
        try store.write { s in _ = try s.insertRequest(dalo, score: stale) }
        let first = try store.write { try $0.rescoreAll(grid: Self.grid, on: Self.reference) }
        XCTAssertEqual(first.rescored, 1)
        XCTAssertEqual(first.changedTotal, 0)
        let renewed = try XCTUnwrap(try store.read { try $0.request(id: dalo.id) }?.score)
        XCTAssertEqual(renewed.isPriorityHousehold, true)
        // The categories found and why are stored with the score, and read back in its history.
        XCTAssertEqual(renewed.priority, CotationEngine.score(dalo, grid: Self.grid, on: Self.reference).priority)
        XCTAssertEqual(try store.read { try $0.scoreHistory(requestId: dalo.id) }.map { $0.priority?.count }, [0, 1])
        XCTAssertEqual(try store.write { try $0.rescoreAll(grid: Self.grid, on: Self.reference) }.rescored, 0)
    }

    func testNextRequestIdFollowsTheHighestOfTheYear() throws {
        let (store, scored) = try makeStore(count: 50)
        let year2025 = scored.map(\.request.id).filter { $0.hasPrefix("DLS-2025-") }.max()!
        let next = try store.read { try $0.nextRequestId(year: 2025) }
        XCTAssertEqual(next, DemoRequests.requestId(year: 2025, sequence: Int(year2025.suffix(6))! + 1))
        XCTAssertEqual(try store.read { try $0.nextRequestId(year: 2031) }, "DLS-2031-000001")
    }

    func testFastTimestampReadsWhatTimestampWrites() {
        for seconds in [0.0, 1_700_000_000.123, 1_795_000_000.999, 951_782_400.5] {
            let text = Timestamp.string(Date(timeIntervalSince1970: seconds))
            XCTAssertEqual(SQLiteSession.fastTimestamp(text), Timestamp.date(text), text)
        }
        XCTAssertNil(SQLiteSession.fastTimestamp("pas une date"))
    }

    /// The command's rescore, by chunks: the same figures as one batch, one history line.
    func testChunkedRescoreGivesTheSameSummaryAsOneBatch() throws {
        let (store, scored) = try makeStore(count: 200)
        var newGrid = Self.grid
        newGrid.version = "2027-01-01"
        let dalo = try XCTUnwrap(newGrid.criteria.firstIndex { $0.id == "dalo" })
        newGrid.criteria[dalo].points = 900
        let later = Self.reference.adding(days: 40)
        let summary = try RequestRescore.run(store, grid: newGrid, on: later, chunk: 7)
        let active = scored.filter { $0.request.struckOffOn == nil }
        XCTAssertEqual(summary.examined, active.count)
        XCTAssertEqual(summary.rescored, active.count)
        XCTAssertEqual(summary.changedTotal,
                       active.filter { CotationEngine.score($0.request, grid: newGrid, on: later).total != $0.result.total }.count)
        let lines = try store.read { try $0.history(entity: SocialHousingRequest.historyEntity, key: "*") }.filter { $0.action == "recotation" }
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(try RequestRescore.run(store, grid: newGrid, on: later, chunk: 7).rescored, 0)
    }
}
