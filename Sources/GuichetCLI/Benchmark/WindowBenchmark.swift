import Foundation
import GuichetCore

/// Window figures for `guichet benchmark`. The `guichet` executable is started again with a
/// benchmark hook (environment variables read by the window, `StartupBenchmark`), alternately
/// with a bare GTK 4 window written in C (`BareWindow`), on the same display, with the same
/// renderer. Times are taken from outside, from just before a program is started to the line it
/// prints after the frame in question; peak memory is the kernel's count for the child alone.
///
/// Two references: the C window as GTK opens it with that renderer (the floor the targets are
/// held to), and the same window with the other GDK settings Guichet makes (without a GPU,
/// OpenGL kept closed: `RendererChoice`), so that what Guichet itself costs shows too.
enum WindowBenchmark {
    typealias Figure = BenchmarkCommand.Figure

    static func figures(databaseURL: URL, runs: Int) -> [Figure] {
        guard let executable = Bundle.main.executableURL else { return [] }
        guard let display = BenchmarkDisplay.start() else {
            return [unmeasured("aucun écran, et Xvfb n’a pas pu être lancé")]
        }
        defer { display.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-window-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bare: URL
        switch BareWindow.compile(in: folder) {
        case .success(let url): bare = url
        case .failure(let why): return [unmeasured(why.reason)]
        }
        let guichet = [executable.path, "--database", databaseURL.path]
        func window(_ hook: String) -> ChildRun? {
            ChildRun.run(guichet, environment: display.environment.merging([hook: "1"]) { $1 })
        }
        // A first run of each, not counted: the file cache and the accessibility bus warm up,
        // and Guichet says which renderer it chose, which the C window is then given.
        guard let warm = window("GUICHET_BENCHMARK_STARTUP"), let frame = warm.first("frame\t")?.rest else {
            return [unmeasured("la fenêtre Guichet n’a rien signalé" + (window("GUICHET_BENCHMARK_STARTUP").map { " : \($0.errorTail)" } ?? ""))]
        }
        // frame⇥renderer type⇥GDK_DEBUG
        let chosen = frame.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var plain = display.environment
        if let name = gskName(chosen[0]) { plain["GSK_RENDERER"] = name }
        var alike = plain
        let gdkSettings = chosen.count > 1 ? chosen[1] : ""
        if !gdkSettings.isEmpty { alike["GDK_DEBUG"] = gdkSettings }
        let references: [Reference] = [Reference(environment: plain, settings: "")]
            + (gdkSettings.isEmpty ? [] : [Reference(environment: alike, settings: "GDK_DEBUG=\(gdkSettings)")])
        for reference in references { _ = ChildRun.run([bare.path], environment: reference.environment) }

        // Alternated (and each in turn first), so that a change of load on the machine weighs on all.
        var rounds: [Round] = []
        for round in 0..<max(1, runs) {
            var programs: [() -> ChildRun?] = references.map { reference in { ChildRun.run([bare.path], environment: reference.environment) } }
            programs.append { window("GUICHET_BENCHMARK_STARTUP") }
            let shift = round % programs.count
            var results = [ChildRun?](repeating: nil, count: programs.count)
            for k in 0..<programs.count {
                let i = (k + shift) % programs.count
                results[i] = programs[i]()
            }
            let done = results.compactMap { $0 }.filter { $0.first("ready") != nil }
            guard done.count == programs.count else { continue }
            rounds.append(Round(references: Array(done.dropLast()), guichet: done.last!))
        }
        guard !rounds.isEmpty else { return [unmeasured("aucun lancement n’a abouti")] }
        var out: [Figure] = []
        out += startupFigures(rounds, references: references, renderer: plain["GSK_RENDERER"] ?? chosen[0], display: display.description)
        // One launch opens every section (or types every keystroke): three launches, fewer when
        // fewer runs were asked.
        let launches = max(1, min(3, runs))
        out += sectionFigures((0..<launches).compactMap { _ in window("GUICHET_BENCHMARK_SECTIONS") })
        out += searchFigures((0..<launches).compactMap { _ in window("GUICHET_BENCHMARK_SEARCH") })
        return out
    }

    /// A bare window's environment, and the GDK settings it shares with Guichet ("" for none).
    struct Reference {
        var environment: [String: String]
        var settings: String
    }

    /// One launch of each reference and of Guichet.
    struct Round {
        var references: [ChildRun]
        var guichet: ChildRun
    }

    static func startupFigures(_ rounds: [Round], references: [Reference], renderer: String, display: String) -> [Figure] {
        let readyMs = rounds.map { $0.guichet.first("ready")!.milliseconds }
        let frameMs = rounds.compactMap { $0.guichet.first("frame")?.milliseconds }
        let guichetKiB = rounds.map { Double($0.guichet.peakKiB) }
        let memory = rounds.compactMap { memoryAtReady($0.guichet) }
        let n = rounds.count
        var out: [Figure] = []
        var comparisons: [(ratio: String, memory: String)] = []
        for (k, reference) in references.enumerated() {
            let bareMs = rounds.map { $0.references[k].first("ready")!.milliseconds }
            let bareKiB = rounds.map { Double($0.references[k].peakKiB) }
            let ratios = rounds.map { $0.guichet.first("ready")!.milliseconds / $0.references[k].first("ready")!.milliseconds }.sorted()
            let name = reference.settings.isEmpty ? "fenêtre GTK 4 nue en C (référence)" : "fenêtre GTK 4 nue en C, \(reference.settings)"
            out.append(Figure(name: name, milliseconds: median(bareMs),
                              detail: "barre d’en-tête et étiquette, compilée par cc ; du lancement à la 1re image ; rendu \(renderer), \(display) ;"
                                  + " mémoire max \(mib(bareKiB))",
                              target: nil))
            let versus = reference.settings.isEmpty ? "la fenêtre nue" : "la fenêtre nue \(reference.settings)"
            comparisons.append((decimal(median(readyMs) / median(bareMs), 2) + "× \(versus) (deux à deux : \(decimal(ratios.first!, 2))"
                                    + " à \(decimal(ratios.last!, 2))×)",
                                "\(versus) \(signed((median(guichetKiB) - median(bareKiB)) / 1024)) Mio"))
        }
        out.append(Figure(name: "fenêtre Guichet : étapes", milliseconds: median(readyMs),
                          detail: steps(rounds.map(\.guichet)), target: nil))
        out.append(Figure(name: "fenêtre Guichet : 1re image", milliseconds: median(frameMs),
                          detail: "la fenêtre à l’écran, barre latérale comprise", target: nil))
        out.append(Figure(name: "fenêtre Guichet prête (liste des dossiers affichée)", milliseconds: median(readyMs),
                          detail: comparisons.map(\.ratio).joined(separator: " ; ") + " ; médianes de \(n) lancements alternés",
                          target: "≤ 1,5× la fenêtre nue"))
        var detail = comparisons.map(\.memory).joined(separator: " ; ")
        if !memory.isEmpty {
            detail += " ; à l’ouverture : privée \(mib(memory.map(\.anonymous))), fichiers projetés \(mib(memory.map(\.fileBacked)))"
                + " dont la base \(mib(memory.map(\.database)))"
        }
        out.append(Figure(name: "mémoire max de la fenêtre Guichet", mebibytes: median(guichetKiB) / 1024,
                          detail: detail, target: "≤ fenêtre nue + 60 Mio"))
        return out
    }

    /// `section⇥id⇥first frame⇥data shown⇥longest stall` lines of every run, by section.
    static func sectionFigures(_ runs: [ChildRun]) -> [Figure] {
        var order: [String] = [], rows: [String: [[Double]]] = [:]
        for run in runs {
            for line in run.lines {
                let parts = line.text.split(separator: "\t").map(String.init)
                guard parts.count == 5, parts[0] == "section" else { continue }
                let values = parts[2...].compactMap(Double.init)
                guard values.count == 3 else { continue }
                if rows[parts[1]] == nil { order.append(parts[1]) }
                rows[parts[1], default: []].append(values)
            }
        }
        return order.map { id in
            let r = rows[id] ?? []
            return Figure(name: "1re ouverture de la section « \(id) »", milliseconds: median(r.map { $0[1] }),
                          detail: "clic → données affichées ; 1re image \(decimal(median(r.map { $0[0] }), 0)) ms ;"
                              + " plus longue attente du fil principal \(decimal(median(r.map { $0[2] }), 0)) ms ; médianes de \(r.count)",
                          target: "≤ 100 ms")
        }
    }

    /// `search⇥text⇥shown⇥stall⇥stall CPU⇥matches⇥read` lines of every run, by keystroke.
    static func searchFigures(_ runs: [ChildRun]) -> [Figure] {
        var order: [String] = [], rows: [String: [(values: [Double], matches: Int)]] = [:]
        for run in runs {
            for line in run.lines {
                let parts = line.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 7, parts[0] == "search", let matches = Int(parts[5]) else { continue }
                let values = [parts[2], parts[3], parts[4], parts[6]].compactMap(Double.init)
                guard values.count == 4 else { continue }
                if rows[parts[1]] == nil { order.append(parts[1]) }
                rows[parts[1], default: []].append((values, matches))
            }
        }
        var out: [Figure] = []
        var shown: [Double] = [], stalls: [Double] = []
        for text in order {
            let r = rows[text] ?? []
            let stall = r.map { $0.values[1] }.max() ?? 0
            let cpu = r.max { $0.values[1] < $1.values[1] }?.values[2] ?? 0
            shown.append(median(r.map { $0.values[0] }))
            stalls.append(stall)
            out.append(Figure(name: "frappe « \(text) » : liste à jour", milliseconds: median(r.map { $0.values[0] }),
                              detail: "\(FrenchFormat.integer(r.first?.matches ?? 0)) dossiers ; lecture \(decimal(median(r.map { $0.values[3] }), 1)) ms"
                                  + " hors du fil principal ; médiane de \(r.count)",
                              target: "≤ 50 ms (médiane)"))
            out.append(Figure(name: "frappe « \(text) » : plus longue attente du fil principal", milliseconds: stall,
                              detail: "pire de \(r.count) lancements, dont \(decimal(cpu, 1)) ms de calcul du fil principal",
                              target: "≤ 16 ms"))
        }
        if !shown.isEmpty {
            out.append(Figure(name: "frappes dans la recherche : médiane", milliseconds: median(shown),
                              detail: "texte saisi → nouvelle liste peinte ; plus longue attente du fil principal \(decimal(stalls.max() ?? 0, 1)) ms",
                              target: "≤ 50 ms"))
        }
        return out
    }

    /// "programme lancé 31 ms, GTK prêt 95 ms…": the median time of each step the window marked
    /// (`mark⇥step`), in the order they came.
    static func steps(_ runs: [ChildRun]) -> String {
        var times: [String: [Double]] = [:]
        for run in runs {
            for line in run.lines where line.text.hasPrefix("mark\t") {
                times[String(line.text.dropFirst(5)), default: []].append(line.milliseconds)
            }
        }
        return times.map { (step: $0.key, ms: median($0.value)) }.sorted { $0.ms < $1.ms }
            .map { "\($0.step) \(decimal($0.ms, 0)) ms" }.joined(separator: ", ")
    }

    static func memoryAtReady(_ run: ChildRun) -> (anonymous: Double, fileBacked: Double, database: Double)? {
        guard let line = run.first("memory\t") else { return nil }
        let values = line.rest.split(separator: "\t").compactMap { Double($0) }
        guard values.count == 4 else { return nil }
        return (values[1], values[2], values[3])
    }

    /// "GskCairoRenderer" → "cairo", "GskGLRenderer" → "gl": what GSK_RENDERER accepts.
    static func gskName(_ typeName: String) -> String? {
        guard typeName.hasPrefix("Gsk"), typeName.hasSuffix("Renderer") else { return nil }
        let name = typeName.dropFirst(3).dropLast(8).lowercased()
        return name.isEmpty ? nil : name
    }

    static func unmeasured(_ why: String) -> Figure {
        Figure(name: "ouverture de la fenêtre", milliseconds: 0, detail: "non mesurée : \(why)", target: nil)
    }

    static func median(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.sorted()[xs.count / 2] }
    static func decimal(_ x: Double, _ digits: Int) -> String { BenchmarkCommand.decimal(x, digits: digits) }
    static func mib(_ kib: [Double]) -> String { "\(decimal(median(kib) / 1024, 0)) Mio" }
    /// "+ 30", "− 19".
    static func signed(_ x: Double) -> String { (x < 0 ? "− " : "+ ") + decimal(abs(x), 0) }
}
