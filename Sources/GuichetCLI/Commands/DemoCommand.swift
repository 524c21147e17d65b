import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Crée une base de démonstration réaliste (profil « demo », données fictives).",
        discussion: "Sans --database, la base est créée à l'emplacement par défaut s'il est libre.")

    @Option(name: .long, help: "Nombre de dossiers d'aide (et de demandes de logement) à générer.")
    var size: Int = 400

    @Flag(name: .long, help: "Remplace une base existante au même emplacement.")
    var replace = false

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func validate() throws {
        guard size >= 0 && size <= 2_000_000 else { throw ArgumentParser.ValidationError("--size doit être compris entre 0 et 2 000 000") }
    }

    func run() throws {
        let url = GlobalOptions.databaseURL
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) {
            guard replace else {
                throw CLIFailure("\(url.path) existe déjà : ajoutez --replace pour la remplacer par une base de démonstration.")
            }
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: url.path + suffix) }
        }
        let profile = try ProfileDirectory.load(territory: "demo")
        let started = Date()
        let store = try SQLiteStore.create(url, territory: profile.id)
        try Seeding.seed(profile: profile, into: store)
        let counts = try DemoBuilder.populate(store: store, profile: profile, size: size)
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

/// Fills a fresh demo database; each area adds its part.
enum DemoBuilder {
    static func populate(store: SQLiteStore, profile: TerritoryProfile, size: Int) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        try populateDossiers(store: store, profile: profile, size: size, counts: &counts)
        counts.merge(try DemoRequestData.populate(store: store, profile: profile, size: size)) { $1 }
        counts.merge(try ProgrammeDemo.populate(store: store, profile: profile)) { a, _ in a }
        counts.merge(try AllocationDemo.populate(store: store, profile: profile)) { a, _ in a }
        return counts
    }

    /// `size` aid dossiers from the PLH's first year to today, in one write transaction
    /// (the bulk insert encodes them by chunks, so the encoded batch never sits whole in memory).
    static func populateDossiers(store: SQLiteStore, profile: TerritoryProfile, size: Int, counts: inout [String: Int],
                                 today: CalendarDate = .today()) throws {
        guard let catalog = profile.schemes, size > 0 else { return }
        let first = profile.plh?.firstYear ?? today.year
        let dossiers = DemoDossiers.generate(count: size, seed: 20_230_101, schemes: catalog, years: first...max(first, today.year),
                                             referenceDate: today)
        try store.write { s in try s.bulkInsertDossiers(dossiers, historyNote: "Données de démonstration") }
        counts["dossiers"] = dossiers.count
        for d in dossiers { counts["dossiers.\(d.status.rawValue)", default: 0] += 1 }
    }
}

/// What a new database receives from its profile (landlords of the CIA, …); each area adds its part.
enum Seeding {
    static func seed(profile: TerritoryProfile, into store: SQLiteStore) throws {
        try ProgrammeSeeding.seed(profile: profile, into: store)
    }
}
