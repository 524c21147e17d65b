import Foundation
import GRDB
import XCTest
import GuichetCore
@testable import GuichetStorage

/// RGPD anonymisation in SQLite: records, list columns, search index and history lose the
/// personal data; the budget figures do not move; a second run does nothing.
final class DossierAnonymisationStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()
    static let today = CalendarDate(year: 2031, month: 6, day: 1)!
    static let rules = try! JSONDecoder().decode(RetentionRules.self, from: Data(#"{"closedDossierYears": 5, "struckOffRequestYears": 1, "warningDays": 14}"#.utf8))

    /// Demo dossiers; the first 40 inserted one by one (a history line each, with every field),
    /// and each of those edited once more (a second line, a diff naming the applicant).
    func makeStore() throws -> (SQLiteStore, [AidDossier]) {
        let store = try SQLiteStore.create(dir.file("a.sqlite"), territory: "capso", agent: "test")
        let dossiers = DemoDossiers.generate(count: 400, seed: 7, schemes: DossierStoreTests.catalog, years: 2023...2026,
                                             referenceDate: CalendarDate(year: 2026, month: 11, day: 20)!)
        try store.write { s in
            for d in dossiers.prefix(40) {
                var stored = try s.insertDossier(d)
                stored.applicant.phone = Self.phone(stored)
                _ = try s.updateDossier(stored, expectedVersion: stored.version)
            }
            try s.bulkInsertDossiers(Array(dossiers.dropFirst(40)), historyNote: "test")
        }
        return (store, dossiers)
    }

    /// A contact datum found nowhere else in the file: in the record and in the history diff.
    static func phone(_ d: AidDossier) -> String { "tel-\(d.number.formatted)" }

    /// Every byte SQLite keeps for the base: the file, its WAL journal.
    func rawBytes() throws -> Data {
        var data = Data()
        for suffix in ["", "-wal"] {
            let url = dir.file("a.sqlite" + suffix)
            if FileManager.default.fileExists(atPath: url.path) { data += try Data(contentsOf: url) }
        }
        return data
    }

    static func due(_ all: [AidDossier], before limit: CalendarDate) -> [AidDossier] {
        all.filter { ($0.retentionStart.map { $0 < limit }) ?? false }
    }

    func testAnonymisationForgetsThePersonAndKeepsTheBudget() throws {
        let (store, all) = try makeStore()
        let limit = RetentionSchedule(rules: Self.rules, today: Self.today).closedDossierLimit
        let due = Self.due(all, before: limit)
        // A due household dossier among those with a full history, whose name no kept dossier shares.
        let target = try XCTUnwrap(all.prefix(40).first { d in
            d.applicant.household != nil && due.contains { $0.number == d.number }
                && !all.contains { $0.number != d.number && $0.applicant.displayName == d.applicant.displayName }
        })
        let name = target.applicant.displayName, key = target.number.formatted
        XCTAssertEqual(try store.read { try $0.dossiers(DossierQuery(text: SearchText(name))) }.map(\.number), [target.number])
        XCTAssertEqual(try store.read { try $0.history(entity: "dossier", key: key) }.count, 2)
        let budgetBefore = try store.read { try $0.budgetFigures(years: nil) }
        let listed = try store.read { try $0.dossiersDueForAnonymisation(closedBefore: limit) }
        XCTAssertEqual(Set(listed.map(\.key)), Set(due.map(\.number.formatted)))
        XCTAssertGreaterThan(due.count, 10)

        XCTAssertEqual(try store.write { try $0.anonymiseClosedDossiers(closedBefore: limit, on: Self.today) }, due.count)

        try store.read { s in
            XCTAssertEqual(try s.dossiers(DossierQuery(text: SearchText(name))), [], "the name is still found by search")
            XCTAssertEqual(try s.countDossiers(DossierQuery(text: SearchText(name))), 0)
            XCTAssertEqual(try s.countDossiers(DossierQuery(text: SearchText(target.property.address))), 0)
            XCTAssertEqual(try s.budgetFigures(years: nil), budgetBefore)
            let stored = try XCTUnwrap(try s.dossier(number: target.number))
            XCTAssertEqual(stored.anonymisedOn, Self.today)
            XCTAssertEqual(stored.grantedAmount, target.grantedAmount)
            XCTAssertEqual(stored.paidAmount, target.paidAmount)
            let row = try XCTUnwrap(try s.dossierRowPage(DossierQuery(text: SearchText(key))).rows.first)
            XCTAssertEqual(row.applicant, Applicant.anonymisedName)
            let history = try s.history(entity: "dossier", key: key)
            XCTAssertEqual(history.map(\.action), [SQLiteSession.anonymisationAction])
            XCTAssertEqual(history[0].changes, [])
            XCTAssertFalse(history[0].comment?.contains(target.applicant.household!.members[0].lastName) ?? false)
            // Nothing in the file names the applicant any more: record, columns, history.
            let lastName = target.applicant.household!.members[0].lastName
            let hits = try Int.fetchOne((s as! SQLiteSession).db, sql: """
                SELECT (SELECT COUNT(*) FROM dossier_data WHERE ref = ? AND instr(data, ?) > 0)
                     + (SELECT COUNT(*) FROM dossier WHERE key = ? AND (instr(applicant, ?) > 0 OR instr(search, ?) > 0))
                     + (SELECT COUNT(*) FROM history WHERE entityKey = ? AND (instr(changes, ?) > 0 OR instr(comment, ?) > 0))
                """, arguments: [key, lastName, key, lastName, SearchText.fold(lastName), key, lastName, lastName])
            XCTAssertEqual(hits, 0)
            // Dossiers not due keep their history.
            let kept = try XCTUnwrap(all.prefix(40).first { d in !due.contains { $0.number == d.number } })
            XCTAssertEqual(try s.history(entity: "dossier", key: kept.number.formatted).count, 2)
        }
        // Nor do the file's bytes once the store erased the old copies (free pages, journal).
        XCTAssertTrue(try store.eraseRemovedData())
        let raw = try rawBytes()
        XCTAssertNil(raw.range(of: Data(Self.phone(target).utf8)), "the phone number lingers in the file")
        let keptTarget = try XCTUnwrap(all.prefix(40).first { d in !due.contains { $0.number == d.number } })
        XCTAssertNotNil(raw.range(of: Data(Self.phone(keptTarget).utf8)), "a kept dossier's phone must be in the file")
        let check = try store.read { s in
            var audit = DossierAudit(catalog: DossierStoreTests.catalog)
            try s.forEachDossier(DossierQuery()) { audit.inspect($0) }
            return audit.report
        }
        XCTAssertEqual(check, [], "anonymised dossiers stay valid for `guichet check`")

        // A second run finds nothing and changes nothing.
        let snapshot = try store.read { try $0.dossiers(DossierQuery()) }
        XCTAssertEqual(try store.read { try $0.dossiersDueForAnonymisation(closedBefore: limit) }, [])
        XCTAssertEqual(try store.write { try $0.anonymiseClosedDossiers(closedBefore: limit, on: Self.today) }, 0)
        XCTAssertEqual(try store.read { try $0.dossiers(DossierQuery()) }, snapshot)
        XCTAssertEqual(try store.read { try $0.history(entity: "dossier", key: key) }.count, 1)
        // History stays protected once the anonymisation is over.
        XCTAssertThrowsError(try store.write { s in try (s as! SQLiteSession).db.execute(sql: "DELETE FROM history") })
    }

    func testADossierClosedOnTheLimitIsUntouchedUntilTheNextDay() throws {
        let (store, all) = try makeStore()
        let target = try XCTUnwrap(all.prefix(40).first { $0.retentionStart != nil })
        let start = target.retentionStart!
        let before = try XCTUnwrap(try store.read { try $0.dossier(number: target.number) })
        let earlier = Self.due(all, before: start)
        XCTAssertEqual(try store.write { try $0.anonymiseClosedDossiers(closedBefore: start, on: Self.today) }, earlier.count)
        XCTAssertEqual(try store.read { try $0.dossier(number: target.number) }, before)
        XCTAssertEqual(try store.read { try $0.history(entity: "dossier", key: target.number.formatted) }.count, 2)
        let sameDay = Self.due(all, before: start.adding(days: 1)).count - earlier.count
        XCTAssertGreaterThanOrEqual(sameDay, 1)
        XCTAssertEqual(try store.write { try $0.anonymiseClosedDossiers(closedBefore: start.adding(days: 1), on: Self.today) }, sameDay)
        XCTAssertTrue(try XCTUnwrap(try store.read { try $0.dossier(number: target.number) }).isAnonymised)
    }

    func testAFailedSessionAnonymisesNothing() throws {
        let (store, _) = try makeStore()
        let limit = RetentionSchedule(rules: Self.rules, today: Self.today).closedDossierLimit
        struct Abort: Error {}
        XCTAssertThrowsError(try store.write { s in
            _ = try s.anonymiseClosedDossiers(closedBefore: limit, on: Self.today)
            throw Abort()
        })
        XCTAssertGreaterThan(try store.read { try $0.dossiersDueForAnonymisation(closedBefore: limit) }.count, 10)
        XCTAssertNil(try store.read { s in try MetaRecord.value("rgpd-purge-in-progress", in: (s as! SQLiteSession).db) })
    }

    /// The purge as the command runs it: small transactions, the same result as one big one,
    /// and no trigram of a removed name left in the search index.
    func testChunkedPurgeAnonymisesEveryDueDossierAndCompactsTheIndex() throws {
        let (store, all) = try makeStore()
        let schedule = RetentionSchedule(rules: Self.rules, today: Self.today)
        let due = Self.due(all, before: schedule.closedDossierLimit)
        XCTAssertGreaterThan(due.count, 5)
        let outcome = try RGPDPurge.run(store, dossiersClosedBefore: schedule.closedDossierLimit,
                                        requestsStruckOffBefore: schedule.struckOffRequestLimit, on: Self.today, chunk: 3)
        XCTAssertEqual(outcome.anonymisedDossiers, due.count)
        XCTAssertEqual(try store.read { try $0.dossiersDueForAnonymisation(closedBefore: schedule.closedDossierLimit) }.count, 0)
        let again = try RGPDPurge.run(store, dossiersClosedBefore: schedule.closedDossierLimit,
                                      requestsStruckOffBefore: schedule.struckOffRequestLimit, on: Self.today, chunk: 3)
        XCTAssertEqual(again.anonymisedDossiers, 0)
    }
}
