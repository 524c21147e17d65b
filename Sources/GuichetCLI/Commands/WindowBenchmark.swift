import Foundation
import GuichetCore

/// Window figures for `guichet benchmark`: the executable is started again with benchmark hooks
/// (environment variables read by the window), which print the time from the process's start
/// to its first frame drawn. A bare GTK window is timed the same way, so the two figures
/// compare. Without a display, each run gets its own `xvfb-run -a` (not counted: the figure
/// starts with the process) and a session bus (`dbus-run-session`), as on a desktop.
enum WindowBenchmark {
    struct Run { var startToFirstFrameMs: Double; var lines: [String] }

    static func figures(databaseURL: URL, runs: Int) -> [BenchmarkCommand.Figure] {
        guard let executable = Bundle.main.executableURL else { return [] }
        var out: [BenchmarkCommand.Figure] = []
        // Alternated, so that a change of load on the machine weighs on both figures alike.
        var bare: [Run] = [], full: [Run] = []
        for _ in 0..<max(1, runs) {
            if let run = launch(executable, database: databaseURL, hook: "GUICHET_BENCHMARK_BARE") { bare.append(run) }
            if let run = launch(executable, database: databaseURL, hook: "GUICHET_BENCHMARK_STARTUP") { full.append(run) }
        }
        guard let bareMs = median(bare.map(\.startToFirstFrameMs)), let fullMs = median(full.map(\.startToFirstFrameMs)) else {
            return [BenchmarkCommand.Figure(name: "ouverture de la fenêtre", milliseconds: 0,
                                            detail: "non mesurée : aucun écran ni xvfb-run disponible", target: nil)]
        }
        out.append(.init(name: "fenêtre GTK nue (référence)", milliseconds: bareMs, detail: "du démarrage du processus à la 1re image", target: nil))
        // Each Guichet launch against the bare one just before it: the spread says how much the
        // machine's load moved the ratio.
        let ratios = zip(bare, full).map { $1.startToFirstFrameMs / $0.startToFirstFrameMs }.sorted()
        let spread = ratios.isEmpty ? "" : " (lancements deux à deux : \(BenchmarkCommand.decimal(ratios.first!, digits: 2))"
            + " à \(BenchmarkCommand.decimal(ratios.last!, digits: 2))×)"
        out.append(.init(name: "ouverture de la fenêtre Guichet", milliseconds: fullMs,
                         detail: BenchmarkCommand.decimal(fullMs / bareMs, digits: 2) + "× la fenêtre nue, médianes de \(full.count)" + spread,
                         target: "< 1,5× la fenêtre nue"))
        // Each section's first opening, median of three launches (one launch opens them all).
        var sectionOrder: [String] = [], sectionTimes: [String: [Double]] = [:]
        for _ in 0..<3 {
            for line in launch(executable, database: databaseURL, hook: "GUICHET_BENCHMARK_SECTIONS")?.lines ?? [] {
                // section⇥id⇥ms (StartupBenchmark)
                let parts = line.split(separator: "\t").map(String.init)
                guard parts.count == 3, parts[0] == "section", let ms = Double(parts[2]) else { continue }
                if sectionTimes[parts[1]] == nil { sectionOrder.append(parts[1]) }
                sectionTimes[parts[1], default: []].append(ms)
            }
        }
        for id in sectionOrder {
            guard let ms = median(sectionTimes[id] ?? []) else { continue }
            out.append(.init(name: "1re ouverture de la section « \(id) »", milliseconds: ms,
                             detail: "clic → écran construit et peint", target: nil))
        }
        if let search = launch(executable, database: databaseURL, hook: "GUICHET_BENCHMARK_SEARCH") {
            for line in search.lines {
                // search⇥text⇥ms⇥matches⇥storage ms (StartupBenchmark)
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 5, parts[0] == "search", let ms = Double(parts[2]),
                      let matches = Int(parts[3]), let storage = Double(parts[4]) else { continue }
                out.append(.init(name: "frappe « \(parts[1]) » dans la recherche de la fenêtre", milliseconds: ms,
                                 detail: "texte saisi → liste peinte ; \(FrenchFormat.integer(matches)) dossiers, "
                                     + "lecture \(BenchmarkCommand.decimal(storage, digits: 1)) ms",
                                 target: "< 50 ms"))
            }
        }
        return out
    }

    static func median(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.sorted()[xs.count / 2] }

    /// Starts the window with one hook set and waits (60 s at most, enforced by `timeout`) for it to exit.
    static func launch(_ executable: URL, database: URL, hook: String) -> Run? {
        let env = ProcessInfo.processInfo.environment
        let process = Process()
        var arguments = [executable.path, "--database", database.path]
        if (env["DISPLAY"] ?? "").isEmpty && (env["WAYLAND_DISPLAY"] ?? "").isEmpty {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xvfb-run") else { return nil }
            if env["DBUS_SESSION_BUS_ADDRESS"] == nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/dbus-run-session") {
                arguments = ["/usr/bin/dbus-run-session", "--"] + arguments
            }
            arguments = ["/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1280x800x24"] + arguments
        }
        // `timeout` bounds a window that never reports (an older build without the hooks).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", "60"] + arguments
        var environment = env
        environment[hook] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        var readyMs: Double?
        var lines: [String] = []
        do { try process.run() } catch { return nil }
        var buffer = Data()
        while true {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let nl = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...nl)
                lines.append(line)
                // "ready <ms since the process started>" (StartupBenchmark)
                if readyMs == nil, line.hasPrefix("ready "), let ms = Double(line.dropFirst(6)) { readyMs = ms }
            }
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        guard let readyMs else { return nil }
        return Run(startToFirstFrameMs: readyMs, lines: lines)
    }
}
