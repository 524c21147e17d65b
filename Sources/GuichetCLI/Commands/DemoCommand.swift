import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Crée une base de démonstration réaliste (profil « demo », données fictives).",
        discussion: """
        Sans --database, la base est créée à l'emplacement par défaut s'il est libre.
        Le contenu ne dépend que de --date, --seed, --size et du profil : mêmes options, même base.
        """)

    @Option(name: .long, help: "Nombre de dossiers d'aide (et de demandes de logement) à générer.")
    var size: Int = 400

    @Option(name: .long, help: "Jour de la démonstration (AAAA-MM-JJ, défaut : aujourd'hui) : dossiers, demandes et objectifs vont jusqu'à ce jour.")
    var date: String?

    @Option(name: .long, help: "Graine du tirage des données fictives (défaut : \(DemoSettings.defaultSeed)).")
    var seed: UInt64 = DemoSettings.defaultSeed

    @Flag(name: .long, help: "Remplace une base Guichet Habitat existante au même emplacement (jamais un autre fichier).")
    var replace = false

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func validate() throws {
        guard size >= 0 && size <= 2_000_000 else { throw ArgumentParser.ValidationError("--size doit être compris entre 0 et 2 000 000") }
    }

    func run() throws {
        let url = GlobalOptions.databaseURL
        let demo = DemoSettings(date: try DossierArguments.date(date), seed: seed, size: size)
        let profile = try ProfileDirectory.load(territory: "demo")
        let started = Date()
        // Built under a temporary name and renamed when complete: a kill never leaves half a base,
        // and --replace replaces only a Guichet database.
        let counts = try StagedDatabase.build(at: url, territory: profile.id, replacing: replace, clock: demo.clock) { store in
            try Seeding.seed(profile: profile, into: store, on: demo.date)
            return try DemoBuilder.populate(store: store, profile: profile, demo: demo)
        }
        let seconds = Date().timeIntervalSince(started)
        if json {
            try Console.json(DemoSummary(database: url.path, counts: counts, seconds: seconds))
        } else {
            Console.line("Base de démonstration créée : \(url.path) (\(String(format: "%.1f", seconds)) s)")
            for (k, v) in counts.sorted(by: { $0.key < $1.key }) { Console.line("  \(k) : \(FrenchFormat.integer(v))") }
        }
    }

    struct DemoSummary: Encodable { var database: String; var counts: [String: Int]; var seconds: Double }
}

/// What a demo database is made of: the same settings (and profile) give the same database on
/// any day and any machine. The store of a demo stamps its history with `clock` (noon of `date`).
struct DemoSettings {
    /// `guichet demo` without --seed.
    static let defaultSeed: UInt64 = 1
    /// The demo's "today": nothing generated is later.
    var date: CalendarDate
    var seed: UInt64
    var size: Int

    var clock: Clock { .fixed(date) }
    /// One generator per area, each from its own stream of the seed (dossiers and requests do
    /// not shift each other when one of them draws more).
    var dossierSeed: UInt64 { Self.mix(seed, 1) }
    var requestSeed: UInt64 { Self.mix(seed, 2) }
    var allocationSeed: UInt64 { Self.mix(seed, 3) }

    static func mix(_ seed: UInt64, _ stream: UInt64) -> UInt64 {
        var r = DemoRandom(seed: seed &* 0x100 &+ stream)
        return r.next()
    }
}

/// Fills a fresh demo database; each area adds its part.
enum DemoBuilder {
    static func populate(store: SQLiteStore, profile: TerritoryProfile, demo: DemoSettings) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        try populateDossiers(store: store, profile: profile, demo: demo, counts: &counts)
        try populateCommitments(store: store, profile: profile, demo: demo, counts: &counts)
        counts.merge(try DemoRequestData.populate(store: store, profile: profile, demo: demo)) { $1 }
        counts.merge(try ProgrammeDemo.populate(store: store, profile: profile)) { a, _ in a }
        counts.merge(try AllocationDemo.populate(store: store, profile: profile, demo: demo)) { a, _ in a }
        return counts
    }

    /// `size` aid dossiers from the PLH's first year to the demo's day, in one write transaction
    /// (the bulk insert encodes them by chunks, so the encoded batch never sits whole in memory).
    static func populateDossiers(store: SQLiteStore, profile: TerritoryProfile, demo: DemoSettings, counts: inout [String: Int]) throws {
        guard let catalog = profile.schemes, demo.size > 0 else { return }
        let today = demo.date
        let first = profile.plh?.firstYear ?? today.year
        let dossiers = DemoDossiers.generate(count: demo.size, seed: demo.dossierSeed, schemes: catalog, years: first...max(first, today.year),
                                             referenceDate: today)
        try store.write { s in try s.bulkInsertDossiers(dossiers, historyNote: "Données de démonstration") }
        counts["dossiers"] = dossiers.count
        for d in dossiers { counts["dossiers.\(d.status.rawValue)", default: 0] += 1 }
    }

    /// The PLH's other budget lines committed and paid by decision up to the demo's day.
    static func populateCommitments(store: SQLiteStore, profile: TerritoryProfile, demo: DemoSettings, counts: inout [String: Int]) throws {
        guard let plh = profile.plh, demo.size > 0 else { return }
        let commitments = DemoCommitments.generate(plh: plh, referenceDate: demo.date, createdAt: demo.clock.now())
        try store.write { s in for c in commitments { _ = try s.insertCommitment(c) } }
        counts["engagements"] = commitments.count
    }
}

/// What a new database receives from its profile (landlords of the CIA, …); each area adds its part.
enum Seeding {
    /// `today` bounds what is dated (conventions' yearly objectives run up to its year).
    static func seed(profile: TerritoryProfile, into store: SQLiteStore, on today: CalendarDate) throws {
        try ProgrammeSeeding.seed(profile: profile, into: store, currentYear: today.year)
    }
}
