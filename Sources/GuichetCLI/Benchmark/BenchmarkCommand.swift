import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

/// Prints the figures the product is held to, on a database of the scale it is designed for.
/// Figures, not pass/fail: tests do not time things, this command does.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Mesure les temps de référence (recherche, agrégats, exports, ouverture de la fenêtre).",
        discussion: "Sans --database existante, crée une base de démonstration temporaire de --size dossiers.")

    @Option(name: .long, help: "Taille de la base de démonstration créée pour la mesure.")
    var size: Int = 100_000

    @Option(name: .long, help: "Nombre de répétitions de chaque mesure (médiane retenue ; 9 lancements alternés de la fenêtre par défaut).")
    var runs: Int?

    /// Repetitions of each read and export (median kept).
    var readRuns: Int { runs ?? 7 }
    /// Alternated rounds of window launches, which vary more than reads.
    var windowRuns: Int { runs ?? 9 }

    @Flag(name: .customLong("sans-fenetre"), help: "Ne mesure pas l'ouverture de la fenêtre.")
    var noWindow = false

    @Flag(name: .customLong("fenetre-seule"), help: "Ne mesure que la fenêtre (ouverture, mémoire, sections, frappes).")
    var windowOnly = false

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func validate() throws {
        guard size >= 1 && size <= 2_000_000 else { throw ArgumentParser.ValidationError("--size doit être compris entre 1 et 2 000 000") }
        guard (1...100).contains(runs ?? 1) else { throw ArgumentParser.ValidationError("--runs doit être compris entre 1 et 100") }
        guard !(noWindow && windowOnly) else { throw ArgumentParser.ValidationError("--sans-fenetre et --fenetre-seule s'excluent") }
    }

    /// One measure: a duration in milliseconds or a memory size in MiB, what it covers, and the
    /// figure the product is held to.
    struct Figure: Encodable {
        var name: String
        var value: Double
        /// "ms" or "Mio".
        var unit: String
        var detail: String
        var target: String?

        init(name: String, milliseconds: Double, detail: String, target: String?) {
            self.init(name: name, value: milliseconds, unit: "ms", detail: detail, target: target)
        }

        init(name: String, mebibytes: Double, detail: String, target: String?) {
            self.init(name: name, value: mebibytes, unit: "Mio", detail: detail, target: target)
        }

        private init(name: String, value: Double, unit: String, detail: String, target: String?) {
            self.name = name
            self.value = value
            self.unit = unit
            self.detail = detail
            self.target = target
        }

        /// "239,0 ms", "91 Mio".
        var valueText: String { BenchmarkCommand.decimal(value, digits: unit == "ms" ? 1 : 0) + " " + unit }
    }

    func run() throws {
        var figures: [Figure] = []
        let (url, temporary) = try prepareDatabase(&figures)
        defer { if temporary { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + s) } } }
        let ws = try Workspace.open(url, clock: GlobalOptions.clock)
        let total = try ws.store.read { try $0.countDossiers(DossierQuery()) }
        let loadBefore = MachineLoad.current()
        if !windowOnly { figures += try storageFigures(ws, total: total, url: url) }
        if !noWindow { figures += WindowBenchmark.figures(databaseURL: url, runs: windowRuns) }
        let machine = MachineLoad.describe(before: loadBefore, after: MachineLoad.current())

        if json { try Console.json(Report(machine: machine, figures: figures)); return }
        Console.line("Base : \(url.path) — \(FrenchFormat.integer(total)) dossiers")
        Console.line("Machine : \(machine)")
        Console.table(["mesure", "valeur", "détail", "objectif"],
                      figures.map { [$0.name, $0.valueText, $0.detail, $0.target ?? ""] },
                      right: [1])
    }

    struct Report: Encodable {
        var machine: String
        var figures: [Figure]
    }

    /// Below the window: the store's reads, the budget aggregate, the exports.
    func storageFigures(_ ws: Workspace, total: Int, url: URL) throws -> [Figure] {
        var figures: [Figure] = []
        // What a search keystroke costs below the window: count the matches and read the first page.
        for text in ["d", "du", "dup", "saint", "2025-acc", "zzz"] {
            let q = DossierQuery(text: text, limit: 60)
            var n = 0
            let ms = median { n = try ws.store.read { try $0.dossierPage(q).total } }
            figures.append(Figure(name: "recherche « \(text) » (compte + 1re page)", milliseconds: ms,
                                  detail: "\(FrenchFormat.integer(n)) / \(FrenchFormat.integer(total)) dossiers", target: "< 50 ms par frappe"))
        }
        let sorted = DossierQuery(sort: .applicant, ascending: false, limit: 60)
        figures.append(Figure(name: "tri par demandeur (1re page)", milliseconds: median { _ = try ws.store.read { try $0.dossiers(sorted) } },
                              detail: "", target: nil))
        let deep = DossierQuery(offset: max(0, total - 60), limit: 60)
        figures.append(Figure(name: "défilement jusqu'à la dernière page", milliseconds: median { _ = try ws.store.read { try $0.dossiers(deep) } },
                              detail: "", target: nil))
        figures.append(Figure(name: "agrégat budgétaire (toutes années)", milliseconds: median { _ = try ws.store.read { try $0.budgetFigures(years: nil) } },
                              detail: "", target: nil))
        figures += try BenchmarkExtras.figures(workspace: ws, databaseURL: url, runs: readRuns)
        return figures
    }

    func prepareDatabase(_ figures: inout [Figure]) throws -> (URL, Bool) {
        let url = GlobalOptions.databaseURL
        if FileManager.default.fileExists(atPath: url.path), GlobalOptions.databaseChosen { return (url, false) }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-benchmark-\(getpid()).sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let start = Date()
        let demo = DemoSettings(date: GlobalOptions.clock.today(), seed: DemoSettings.defaultSeed, size: size)
        let store = try SQLiteStore.create(temp, territory: profile.id, clock: demo.clock)
        try Seeding.seed(profile: profile, into: store, on: demo.date)
        _ = try DemoBuilder.populate(store: store, profile: profile, demo: demo)
        figures.append(Figure(name: "création de la base de démonstration", milliseconds: Date().timeIntervalSince(start) * 1000,
                              detail: "\(FrenchFormat.integer(size)) dossiers", target: nil))
        return (temp, true)
    }

    /// A measured figure with a decimal comma ("1,45").
    static func decimal(_ x: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", x).replacingOccurrences(of: ".", with: ",")
    }

    /// Median wall time of `runs` executions, in milliseconds.
    func median(_ work: () throws -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, readRuns) {
            let t = DispatchTime.now().uptimeNanoseconds
            try? work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }
}

/// Figures that other parts add (exports, window): each returns its lines.
enum BenchmarkExtras {
    static func figures(workspace: Workspace, databaseURL: URL, runs: Int) throws -> [BenchmarkCommand.Figure] {
        try ExportBenchmark.figures(workspace: workspace, databaseURL: databaseURL, runs: runs)
    }
}
