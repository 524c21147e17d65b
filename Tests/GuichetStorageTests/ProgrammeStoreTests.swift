import Foundation
import XCTest
import GRDB
import GuichetCore
@testable import GuichetStorage

/// `ProgrammeStore` in SQLite: round trips, idempotent imports, conflicts, rollback, and SQL lists
/// that reproduce `ProgrammeQuery`'s reference semantics.
final class ProgrammeStoreTests: XCTestCase {
    private lazy var dir = temporaryFolder()

    static let landlords: [Landlord] = [
        Landlord(id: "sia-habitat", name: "SIA Habitat", aliases: ["SIA"]),
        Landlord(id: "maisons-et-cites", name: "Maisons et Cités", aliases: ["MAISONS ET CITES"],
                 stock: LandlordStock(outsideQPV: 8080, inQPV: 5889, total: 13969)),
        Landlord(id: "clesence", name: "Clésence"),
    ]

    static let header = "COMMUNES;ANNEE financé;PROGRAMMES;BAILLEURS;SUB ETAT;SUB AGGLO;PLUS;PLAI;PLS;Nbre total LLS"
    static let rows = [
        "ANNEZIN;2020;ZAC du petite bois;MAISONS ET CITES;140 742,00 €;110 000,00 €;50;21;;71",
        "AUCHY LES MINES;2020;RUE BRIQUET;SIA HABITAT;46 914,00 €;90 000,00 €;17;7;;24",
        "BETHUNE;2022;horlogerie;CLESENCE;116 136,00 €;;37;18;5;60",
        "ANNEQUIN;2023;rue de l'église;MAISONS ET CITES;- €;- €;2;;8;10",
    ]

    func makeStore() throws -> SQLiteStore {
        let store = try SQLiteStore.create(dir.file("p.sqlite"), territory: "cabbalr", agent: "test")
        try store.write { s in for l in Self.landlords { try s.upsertLandlord(l) } }
        return store
    }

    func report(_ rows: [String], in store: SQLiteStore, strict: Bool = false) throws -> ImportReport {
        let text = ([Self.header] + rows).joined(separator: "\r\n") + "\r\n"
        let directory = try store.read { try $0.landlordDirectory() }
        return ProgrammeTableImporter(directory: directory).importTable(Data(text.utf8), kind: .construction, strict: strict)
    }

    func historyCount(_ store: SQLiteStore) throws -> Int {
        try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM history") ?? 0 }
    }

    func testLandlordsCommuneFactsAndConventionsRoundTrip() throws {
        let store = try makeStore()
        XCTAssertEqual(try store.read { try $0.landlords() }.map(\.id), ["clesence", "maisons-et-cites", "sia-habitat"])
        XCTAssertEqual(try store.read { try $0.landlord(id: "maisons-et-cites") }, Self.landlords[1])
        XCTAssertFalse(try store.write { try $0.upsertLandlord(Self.landlords[1]) }, "identical landlord: no change")
        var renamed = Self.landlords[1]; renamed.note = "note"
        XCTAssertTrue(try store.write { try $0.upsertLandlord(renamed) })

        let aliased = try store.write { try $0.addLandlordAlias("M&C", landlordId: "maisons-et-cites") }
        XCTAssertEqual(aliased.aliases, ["MAISONS ET CITES", "M&C"])
        XCTAssertEqual(try store.read { try $0.landlordDirectory().match("m&c") }?.id, "maisons-et-cites")
        XCTAssertThrowsError(try store.write { try $0.addLandlordAlias("SIA", landlordId: "clesence") }) {
            XCTAssertTrue("\($0)".contains("SIA Habitat"), "\($0)")
        }
        XCTAssertThrowsError(try store.write { try $0.addLandlordAlias("X", landlordId: "personne") })

        let auchel = CommuneFacts(name: "Auchel", population: 10_000, socialHousingShare: Percentage(basisPoints: 4_350))
        XCTAssertTrue(try store.write { try $0.upsertCommuneFacts(auchel) })
        XCTAssertFalse(try store.write { try $0.upsertCommuneFacts(auchel) })
        var changed = auchel; changed.name = "AUCHEL"; changed.population = 10_100
        XCTAssertTrue(try store.write { try $0.upsertCommuneFacts(changed) }, "same commune, loosely")
        XCTAssertEqual(try store.read { try $0.communeFacts() }, [changed])
        XCTAssertThrowsError(try store.write { try $0.upsertCommuneFacts(CommuneFacts(name: "X", population: -1)) })

        let objectives = AllocationObjectives(priorityHouseholds: Percentage(percent: 25), outsideQPVFirstQuartile: Percentage(percent: 25),
                                              inQPVAboveFirstQuartile: Percentage(percent: 50))
        let meeting = ReviewMeeting(date: CalendarDate(year: 2024, month: 6, day: 12)!, kind: .bilateral, notes: "bilan", decisions: ["relance"])
        let convention = Convention(landlordId: "sia-habitat", objectives: [ConventionYear(year: 2023, allocations: AllocationShares(objectives: objectives))],
                                    results: [ConventionYear(year: 2023, allocations: AllocationShares(priorityHouseholdsExcludingTransfers: Percentage(basisPoints: 1_799)))],
                                    meetings: [meeting])
        XCTAssertTrue(try store.write { try $0.upsertConvention(convention) })
        XCTAssertEqual(try store.read { try $0.convention(landlordId: "sia-habitat") }, convention)
        XCTAssertThrowsError(try store.write { try $0.upsertConvention(Convention(landlordId: "personne")) })
        let review = ConventionReview.review(try store.read { try $0.conventions() })
        XCTAssertTrue(review.contains { $0.indicator == .allocationPriorityExcludingTransfers && $0.missed })
    }

    func testReimportIsIdempotentAndChangesAreUpdatesWithHistory() throws {
        let store = try makeStore()
        let first = try store.write { try $0.applyImport(try self.report(Self.rows, in: store), sourceName: "t.csv") }
        XCTAssertEqual([first.imported, first.updated, first.unchanged], [4, 0, 0])
        let history = try historyCount(store)
        XCTAssertEqual(history, 3 + 1, "three landlords, then one line for the imported batch")
        XCTAssertEqual(try store.read { try $0.history(entity: "programme", key: "*") }.map(\.comment),
                       ["import de t.csv : 4 programme(s) de construction ajouté(s)"])
        let second = try store.write { try $0.applyImport(try self.report(Self.rows, in: store), sourceName: "t.csv") }
        XCTAssertEqual([second.imported, second.updated, second.unchanged], [0, 0, 4])
        XCTAssertEqual(try historyCount(store), history, "unchanged rows write no history")

        var edited = Self.rows
        edited[1] = "AUCHY LES MINES;2020;RUE BRIQUET;SIA HABITAT;46 914,00 €;95 000,00 €;17;7;;24"
        let third = try store.write { try $0.applyImport(try self.report(Array(edited.prefix(3)), in: store), sourceName: "t2.csv") }
        XCTAssertEqual([third.imported, third.updated, third.unchanged, third.notInFile], [0, 1, 2, 1])
        XCTAssertEqual(try historyCount(store), history + 1)
        let key = "construction|2020|auchy les mines|rue briquet"
        let stored = try XCTUnwrap(try store.read { try $0.construction(key: key) })
        XCTAssertEqual(stored.version, 2)
        XCTAssertEqual(stored.programme.epciSubsidy.value, Money(euros: 95_000))
        XCTAssertEqual(stored.sourceName, "t2.csv")
        let lines = try store.read { try $0.history(entity: "programme", key: key) }
        XCTAssertEqual(lines.map(\.action), ["import"])
        XCTAssertTrue(lines[0].changes.contains { $0.field == "programme.epciSubsidy.value" && $0.new == "9500000" }, "\(lines[0].changes)")
        XCTAssertEqual(lines[0].comment, "import de t2.csv, ligne 3")
        // Stored and searchable like any other programme (the trigram index follows the batch).
        XCTAssertEqual(try store.read { try $0.constructionPage(ProgrammeQuery(kind: .construction, text: "briquet"), rules: nil) }
            .rows.map(\.record.key), [key])
    }

    func testConflictOnStaleVersion() throws {
        let store = try makeStore()
        _ = try store.write { try $0.applyImport(try self.report(Self.rows, in: store), sourceName: "t.csv") }
        let key = "construction|2022|bethune|horlogerie"
        let read = try XCTUnwrap(try store.read { try $0.construction(key: key) })
        var a = read; a.programme.status = "livré"
        var b = read; b.programme.pls = .known(6)
        XCTAssertEqual(try store.write { try $0.updateConstruction(a, expectedVersion: read.version) }.version, 2)
        XCTAssertThrowsError(try store.write { try $0.updateConstruction(b, expectedVersion: read.version) }) {
            guard case StoreError.conflict(_, _, let changes)? = $0 as? StoreError else { return XCTFail("\($0)") }
            XCTAssertTrue(changes.contains { $0.field == "programme.status" }, "\(changes)")
        }
        XCTAssertEqual(try store.read { try $0.construction(key: key) }?.programme.status, "livré")
        // Hand entry: the natural key an import of the same row would give; a programme naming a
        // landlord the database does not hold is refused.
        let manual = ConstructionProgramme(commune: "Lillers", name: "Rue Neuve", landlordId: "clesence", landlordName: "Clésence",
                                           financingYear: .known(2024), plus: .known(10), plai: .known(5))
        let inserted = try store.write { try $0.insertConstruction(ConstructionRecord(manual)) }
        XCTAssertEqual(inserted.key, "construction|2024|lillers|rue neuve")
        XCTAssertEqual(inserted.version, 1)
        XCTAssertThrowsError(try store.write { try $0.insertConstruction(ConstructionRecord(manual)) })
        var orphan = manual; orphan.name = "Autre"; orphan.landlordId = "personne"
        XCTAssertThrowsError(try store.write { try $0.insertConstruction(ConstructionRecord(orphan)) })
    }

    func testFailedImportsStoreNothing() throws {
        let store = try makeStore()
        // A strict import with an unknown landlord fails whole and is refused.
        let strict = try report(Self.rows + ["LILLERS;2024;rue inventée;INCONNU;;;2;1;;3"], in: store, strict: true)
        XCTAssertTrue(strict.failed)
        XCTAssertThrowsError(try store.write { try $0.applyImport(strict, sourceName: "x.csv") })
        // A failure in the middle of a session rolls back the rows already written.
        var broken = try report(Self.rows, in: store)
        broken.construction[3].programme.landlordId = "disparu"
        XCTAssertThrowsError(try store.write { try $0.applyImport(broken, sourceName: "x.csv") }) {
            XCTAssertTrue("\($0)".contains("disparu"), "\($0)")
        }
        // The caller's own failure after the import rolls it back too (what --dry-run relies on).
        struct Abort: Error {}
        XCTAssertThrowsError(try store.write { s in
            _ = try s.applyImport(try self.report(Self.rows, in: store), sourceName: "x.csv")
            throw Abort()
        })
        XCTAssertEqual(try store.read { try $0.countProgrammes(ProgrammeQuery(kind: .construction), rules: nil) }, 0)
        XCTAssertEqual(try historyCount(store), 3, "only the three landlords' creation")
    }

    func testListsReproduceTheQuerySemantics() throws {
        let store = try makeStore()
        let communes = ["Annezin", "BÉTHUNE", "Béthune", "Auchel", "Lillers", "Isbergues"]
        var programmes: [ConstructionRecord] = []
        for i in 0..<120 {
            let landlord = Self.landlords[i % 3]
            let p = ConstructionProgramme(
                commune: communes[i % communes.count], name: "Résidence \(["des Tilleuls", "du Stade", "Pasteur", "Église"][i % 4]) \(i)",
                landlordId: landlord.id, landlordName: landlord.name,
                financingYear: i % 11 == 0 ? SourceValue(value: nil, raw: "voir 2024", doubtful: true) : .known(2020 + i % 4),
                plus: .known(i % 17), plai: i % 7 == 0 ? .blank : .known(i % 9), pls: .known(i % 5),
                stateSubsidy: i % 13 == 0 ? .blank : .known(Money(cents: Int64((i * 7_919) % 50_000) * 100)),
                epciSubsidy: .known(Money(euros: Int64(i % 6) * 10_000)))
            programmes.append(ConstructionRecord(p))
        }
        try store.write { s in for r in programmes { _ = try s.insertConstruction(r) } }
        _ = try store.write { s in
            try s.upsertCommuneFacts(CommuneFacts(name: "Auchel", population: 10_000, socialHousingShare: Percentage(basisPoints: 4_350)))
        }
        let stored = try store.read { s in try programmes.map { try XCTUnwrap(try s.construction(key: $0.key)) } }
        let queries: [ProgrammeQuery] = [
            ProgrammeQuery(kind: .construction),
            ProgrammeQuery(kind: .construction, year: 2021),
            ProgrammeQuery(kind: .construction, landlordId: "clesence", sort: .dwellings, ascending: false),
            ProgrammeQuery(kind: .construction, commune: "bethune", sort: .name),
            ProgrammeQuery(kind: .construction, text: "eglise", sort: .stateSubsidy),
            ProgrammeQuery(kind: .construction, text: "ti", sort: .commune, ascending: false, offset: 3, limit: 7),
            ProgrammeQuery(kind: .construction, sort: .year, offset: 100, limit: 50),
            ProgrammeQuery(kind: .construction, sort: .year, ascending: false, limit: 30),
            ProgrammeQuery(kind: .construction, sort: .landlord),
            ProgrammeQuery(kind: .construction, sort: .epciSubsidy, ascending: false),
            ProgrammeQuery(kind: .construction, sort: .key, ascending: false, offset: 5, limit: 20),
            ProgrammeQuery(kind: .construction, year: 2022, landlordId: "sia-habitat", commune: "ANNEZIN", text: "res"),
            ProgrammeQuery(kind: .construction, findingSeverities: [.notMet, .derogationRequired], sort: .commune, limit: 10),
        ]
        let facts = CommuneFactsTable(try store.read { try $0.communeFacts() })
        for q in queries {
            let findings = { (p: ConstructionProgramme) in ProgrammeRules.cabbalr.check(p, commune: facts.facts(commune: p.commune)) }
            let matching = stored.filter { q.matches($0.programme) && q.matches(findings: findings($0.programme)) }.sorted(by: q.precedes)
            let start = min(q.offset, matching.count), end = q.limit.map { min(matching.count, start + $0) } ?? matching.count
            let page = try store.read { try $0.constructionPage(q, rules: .cabbalr) }
            XCTAssertEqual(page.total, matching.count, "\(q)")
            XCTAssertEqual(page.rows.map(\.record.key), matching[start..<end].map(\.key), "\(q)")
            XCTAssertEqual(page.rows.map(\.findings), matching[start..<end].map { findings($0.programme) }, "\(q)")
            XCTAssertEqual(try store.read { try $0.countProgrammes(q, rules: .cabbalr) }, matching.count, "\(q)")
        }
        XCTAssertGreaterThan(try store.read { try $0.countProgrammes(queries.last!, rules: .cabbalr) }, 0, "the findings filter keeps some")
    }

    func testFixtureImportSummarisesLikeTheBrief() throws {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        let path = root.appendingPathComponent("data/demo/programmes-construction-2020-2023.csv").path
        let store = try SQLiteStore.create(dir.file("f.sqlite"), territory: "cabbalr", agent: "test")
        let profile = try LandlordsProfile.decode(try Data(contentsOf: root.appendingPathComponent("data/territories/cabbalr/landlords.json")))
        try store.write { s in for l in profile.landlords { try s.upsertLandlord(l) } }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let outcome = try store.write { s in
            try s.applyImport(ProgrammeTableImporter(directory: try s.landlordDirectory()).importTable(data, kind: .construction), sourceName: "f.csv")
        }
        XCTAssertEqual(outcome.imported, 43)
        let total = ProgrammeSummary.construction(try store.read { try $0.allConstruction() }).total
        XCTAssertEqual([total.plus, total.plai, total.pls, total.total], [735, 398, 97, 1_230])
        XCTAssertEqual(total.stateSubsidy, Money(euros: 2_699_800))
        XCTAssertEqual(total.epciSubsidy, Money(euros: 1_409_780))
    }
}
