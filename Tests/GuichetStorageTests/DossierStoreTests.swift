import Foundation
import GRDB
import XCTest
import GuichetCore
@testable import GuichetStorage

/// The SQL behind `DossierStore` must reproduce `DossierQuery`'s reference semantics exactly.
final class DossierStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()

    static let catalog: SchemeCatalog = {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        let data = try! Data(contentsOf: root.appendingPathComponent("data/territories/capso/schemes.json"))
        return try! JSONDecoder().decode(SchemeCatalog.self, from: data)
    }()

    func makeStore(count: Int) throws -> (SQLiteStore, [AidDossier]) {
        let store = try SQLiteStore.create(dir.file("d.sqlite"), territory: "capso", agent: "test")
        let dossiers = DemoDossiers.generate(count: count, seed: 7, schemes: Self.catalog, years: 2023...2026,
                                             referenceDate: CalendarDate(year: 2026, month: 11, day: 20)!)
        try store.write { s in
            for d in dossiers.prefix(20) { _ = try s.insertDossier(d) }
            try s.bulkInsertDossiers(Array(dossiers.dropFirst(20)), historyNote: "test")
        }
        return (store, dossiers)
    }

    static var mandatoryDocuments: [String: [String]] {
        Dictionary(uniqueKeysWithValues: catalog.schemes.map { ($0.code, $0.mandatoryDocuments.map(\.id)) })
    }

    /// The migration fills the valid documents of existing dossiers as the projection writes them.
    func testValidDocumentsFilledFromStoredDossiersAsProjected() throws {
        let (store, all) = try makeStore(count: 300)
        try store.write { s in
            let s = s as! SQLiteSession
            try s.db.execute(sql: "UPDATE dossier SET validDocuments = NULL")
            try DossiersSchema.fillValidDocuments(s.db)
        }
        let stored = try store.read { s in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll((s as! SQLiteSession).db, sql: "SELECT key, validDocuments FROM dossier").map { row in
                (row["key"] as String, row["validDocuments"] as String)
            })
        }
        func ids(_ keys: String) -> Set<Substring> { Set(keys.split(separator: ",")) }
        for d in all {
            XCTAssertEqual(ids(try XCTUnwrap(stored[d.number.formatted])), ids(DossierQuery.validDocumentKeys(d)), d.number.formatted)
        }
    }

    func testQueriesMatchTheReferenceSemantics() throws {
        let (store, all) = try makeStore(count: 600)
        let someName = all[17].applicant.displayName
        let queries: [DossierQuery] = [
            DossierQuery(),
            DossierQuery(text: "SAINT-OMER"),
            DossierQuery(text: "saint omer"),
            DossierQuery(text: SearchText(String(someName.prefix(4)).lowercased())),
            DossierQuery(text: "-acc-00"),
            // Words in any order, a partial number with a word too short for the trigram index.
            DossierQuery(text: SearchText(someName.split(separator: " ").reversed().joined(separator: " "))),
            DossierQuery(text: "2025 acc 1"), DossierQuery(text: "omer 2024"),
            DossierQuery(statuses: [.submitted, .underReview]),
            { var q = DossierQuery(statuses: [.submitted]); q.receivedOnOrBefore = CalendarDate(year: 2026, month: 10, day: 20); return q }(),
            { var q = DossierQuery(); q.awaitingDocuments = Self.mandatoryDocuments; return q }(),
            { var q = DossierQuery(text: "saint", sort: .updatedAt, ascending: false); q.awaitingDocuments = Self.mandatoryDocuments; return q }(),
            DossierQuery(statuses: [.granted, .partiallyPaid]),
            DossierQuery(schemes: ["ACC", "PSV"], year: 2025),
            DossierQuery(sort: .applicant, ascending: false, offset: 10, limit: 25),
            DossierQuery(sort: .granted, ascending: false, limit: 40),
            DossierQuery(sort: .status),
            DossierQuery(sort: .commune, offset: 590, limit: 50),
            DossierQuery(sort: .receivedOn),
            DossierQuery(sort: .receivedOn, ascending: false),
            DossierQuery(text: "zzzz-introuvable"),
            { var q = DossierQuery(text: "saint"); q.year = 2025; return q }(), // text with another filter: no index-only count
        ]
        for q in queries {
            let expected = q.apply(to: all).map(\.number)
            let got = try store.read { try $0.dossiers(q) }.map(\.number)
            XCTAssertEqual(got, expected, "\(q)")
            var unpaged = q; unpaged.offset = 0; unpaged.limit = nil
            XCTAssertEqual(try store.read { try $0.countDossiers(q) }, unpaged.apply(to: all).count, "\(q)")
            var paged = q; paged.limit = q.limit ?? 60
            let page = try store.read { try $0.dossierPage(paged) }
            XCTAssertEqual(page.total, unpaged.apply(to: all).count, "\(q)")
            XCTAssertEqual(page.dossiers.map(\.number), paged.apply(to: all).map(\.number), "\(q)")
            let rowPage = try store.read { try $0.dossierRowPage(paged) }
            XCTAssertEqual(rowPage.total, page.total, "\(q)")
            XCTAssertEqual(rowPage.rows, paged.apply(to: all).map(DossierListRow.init), "\(q)")
        }
    }

    /// Searches too short for the trigram index are counted from the index on `search` alone,
    /// not by reading every row of the table.
    func testShortSearchesScanTheSearchIndexOnly() throws {
        let (store, _) = try makeStore(count: 30)
        let plan = try store.pool.read { db -> String in
            let (condition, args) = SQLiteSession.sqlFilter(DossierQuery(text: "d"))
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM dossier WHERE \(condition)", arguments: args)
                .map { $0["detail"] as String }.joined(separator: " | ")
        }
        XCTAssertTrue(plan.contains("COVERING INDEX dossier_search_scan"), plan)
    }

    func testBudgetFiguresMatchTheDomainAggregate() throws {
        let (store, all) = try makeStore(count: 800)
        XCTAssertEqual(try store.read { try $0.budgetFigures(years: nil) }, BudgetFigures.aggregate(all))
        XCTAssertEqual(try store.read { try $0.budgetFigures(years: 2025...2025) }, BudgetFigures.aggregate(all).filter { $0.year == 2025 })
    }

    func testSequencesVersionsAndConflicts() throws {
        let (store, all) = try makeStore(count: 50)
        let d = all[0]
        let maxSeq = all.filter { $0.number.year == d.number.year && $0.schemeCode == d.number.scheme }.map(\.number.sequence).max()!
        XCTAssertEqual(try store.read { try $0.nextDossierSequence(year: d.number.year, scheme: d.number.scheme) }, maxSeq + 1)
        XCTAssertEqual(try store.read { try $0.nextDossierSequence(year: 1999, scheme: "ACC") }, 1)
        XCTAssertThrowsError(try store.write { try $0.insertDossier(d) })
        XCTAssertThrowsError(try store.write { try $0.bulkInsertDossiers([all[30]], historyNote: "doublon") }) {
            XCTAssertTrue("\($0)".contains("existe déjà"), "\($0)")
        }
        XCTAssertEqual(try store.read { try $0.history(entity: "dossier", key: "*") }.count, 1)

        let stored = try XCTUnwrap(try store.read { try $0.dossier(number: d.number) })
        XCTAssertEqual(stored.version, 1)
        var first = stored; first.property.commune = "Arques"
        var second = stored; second.requestedAmount = Money(cents: 123)
        let saved = try store.write { try $0.updateDossier(first, expectedVersion: 1) }
        XCTAssertEqual(saved.version, 2)
        XCTAssertThrowsError(try store.write { try $0.updateDossier(second, expectedVersion: 1) }) {
            guard case StoreError.conflict? = $0 as? StoreError else { return XCTFail("\($0)") }
        }
        let back = try XCTUnwrap(try store.read { try $0.dossier(number: d.number) })
        XCTAssertEqual(back.property.commune, "Arques")
        // The trigram index follows the update: the old commune no longer finds it, the new one does.
        let found = try store.read { try $0.dossiers(DossierQuery(text: SearchText(d.number.formatted))) }.map(\.property.commune)
        XCTAssertEqual(found, ["Arques"])
        if stored.property.commune.count >= 3 && !"arques".contains(DossierQuery.fold(stored.property.commune)) {
            let oldHits = try store.read { try $0.dossiers(DossierQuery(text: SearchText(stored.property.commune))) }.map(\.number)
            XCTAssertFalse(oldHits.contains(d.number))
        }
        XCTAssertEqual(back.version, 2)
        let history = try store.read { try $0.history(entity: "dossier", key: d.number.formatted) }
        XCTAssertEqual(history.map(\.action), ["création", "modification"])
        XCTAssertTrue(history[1].changes.contains { $0.field == "property.commune" && $0.new == "Arques" })
    }
}
