import Foundation
import GtkKit
import Glibc

/// Timing hooks driven by the environment, for `guichet benchmark` (which starts the window
/// and reads these lines; times are taken by the benchmark, from outside, except where said):
/// - `GUICHET_BENCHMARK_STARTUP=1`: prints `frame⇥<renderer>⇥<GDK_DEBUG>` after the window's
///   first frame (the sidebar alone while the base opens, or already the first section), then
///   `ready` after the first frame that shows the first section with its data (the dossier
///   list filled), then `memory⇥<VmHWM>⇥<RssAnon>⇥<RssFile>⇥<database>` (KiB, /proc: peak,
///   private, file-backed and the database file's mapped pages), then exits at once (tearing
///   the window down is not part of opening it);
/// - `GUICHET_BENCHMARK_SEARCH=1`: once ready, types "d", "du", "dup", "saint" into the Dossiers
///   search entry, one at a time, and for each prints
///   `search⇥<text>⇥<ms to the result painted>⇥<longest stall ms>⇥<its CPU ms>⇥<matches>⇥<read ms>`;
/// - `GUICHET_BENCHMARK_SECTIONS=1`: once ready, opens every other section in sidebar order and
///   prints `section⇥<id>⇥<ms to its first frame>⇥<ms to its data painted>⇥<longest stall ms>`
///   (stalls counted until 200 ms after the data are painted).
/// With `GUICHET_BENCHMARK_STARTUP`, the steps of the opening are printed as they happen
/// (`mark⇥<step>`, from any thread): the benchmark times them like the rest.
/// A stall is the longest time the main loop did not turn (measured by a 1 ms heartbeat, with
/// the main thread's CPU time over it: the rest is the machine's other work).
/// Steps of the window's opening, printed for the benchmark (nothing otherwise).
public enum StartupTimeline {
    static let enabled = ProcessInfo.processInfo.environment["GUICHET_BENCHMARK_STARTUP"] == "1"

    /// "base ouverte", "écran construit"…: printed at once, from any thread.
    public static func mark(_ step: String) {
        guard enabled else { return }
        print("mark\t" + step)
        fflush(nil)
    }
}

@MainActor
enum StartupBenchmark {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var isStartup: Bool { environment["GUICHET_BENCHMARK_STARTUP"] == "1" }
    static var isSearch: Bool { environment["GUICHET_BENCHMARK_SEARCH"] == "1" }
    static var isSections: Bool { environment["GUICHET_BENCHMARK_SECTIONS"] == "1" }
    static let searchTexts = ["d", "du", "dup", "saint"]
    /// Time between two keystrokes once the previous result is on screen (a quick typist).
    static let typingPause: Duration = .milliseconds(120)
    /// How long stalls are still counted once a section's data are painted.
    static let settling: Duration = .milliseconds(200)

    static func emit(_ fields: [String]) {
        print(fields.joined(separator: "\t"))
        fflush(nil)
    }

    static func ms(_ x: Double) -> String { String(format: "%.1f", x) }

    /// Attaches the hook asked for by the environment, if any.
    static func attach(to mainWindow: MainWindow, application: Application) {
        guard isStartup || isSearch || isSections else { return }
        let finish: @MainActor () -> Void = {
            mainWindow.window.destroy()
            application.quit()
        }
        mainWindow.window.onAfterNextPaint {
            emit(["frame", mainWindow.window.rendererName ?? "?", environment["GDK_DEBUG"] ?? ""])
            let meter = StallMeter()
            meter.when({ mainWindow.isConnected && !mainWindow.currentScreen.isReading }) {
                mainWindow.window.onAfterNextPaint {
                    emit(["ready"])
                    emit(["memory"] + ProcessMemory.current().fields)
                    if isSections {
                        openSections(Array(mainWindow.sectionIDs.dropFirst()), in: mainWindow, meter: meter, then: finish)
                    } else if isSearch, let screen = mainWindow.currentScreen as? DossiersScreen {
                        runSearches(searchTexts, on: screen, meter: meter, then: finish)
                    } else {
                        exit(0)
                    }
                }
            }
        }
    }

    private static func openSections(_ ids: [String], in mainWindow: MainWindow, meter: StallMeter,
                                     then finish: @escaping @MainActor () -> Void) {
        guard let id = ids.first else { meter.stop(); finish(); return }
        meter.reset()
        let started = Monotonic.milliseconds()
        mainWindow.selectSection(id)
        var firstFrame: Double?
        mainWindow.window.onAfterNextPaint { firstFrame = Monotonic.milliseconds() - started }
        meter.when({ firstFrame != nil && !mainWindow.currentScreen.isReading }) {
            mainWindow.window.onAfterNextPaint {
                let shown = Monotonic.milliseconds() - started
                // Stalls are counted a moment longer: what a screen fills in after its first
                // data frame (tables below the fold) must not freeze the window either.
                meter.after(settling) {
                    emit(["section", id, ms(firstFrame ?? shown), ms(shown), ms(meter.longest.wall)])
                    meter.after(typingPause) { openSections(Array(ids.dropFirst()), in: mainWindow, meter: meter, then: finish) }
                }
            }
        }
    }

    private static func runSearches(_ texts: [String], on screen: DossiersScreen, meter: StallMeter,
                                    then finish: @escaping @MainActor () -> Void) {
        guard let text = texts.first else {
            screen.onListShown = nil
            meter.stop()
            finish()
            return
        }
        meter.after(typingPause) {
            meter.reset()
            let started = Monotonic.milliseconds()
            var shownAt: Double?
            // The list reads the count and first page off the main thread; timed until the new
            // result is painted, stalls until a moment after (its pages and the count label).
            screen.onListShown = {
                screen.table.columnView.onAfterNextPaint { shownAt = Monotonic.milliseconds() - started }
            }
            screen.search.text = text
            meter.when({ shownAt != nil }) {
                meter.after(.milliseconds(60)) {
                    let stall = meter.longest
                    emit(["search", text, ms(shownAt ?? 0), ms(stall.wall), ms(stall.cpu),
                          String(screen.source.total), ms(screen.source.lastQueryMilliseconds)])
                    runSearches(Array(texts.dropFirst()), on: screen, meter: meter, then: finish)
                }
            }
        }
    }
}

/// The main thread's longest stall: a 1 ms GLib heartbeat at high priority notes how long the
/// main loop went without turning, and how much of that the main thread spent computing.
@MainActor
final class StallMeter {
    private var timer: MainLoopTimer?
    private var last = Monotonic.milliseconds()
    private var lastCPU = Monotonic.threadCPUMilliseconds()
    private(set) var longest: (wall: Double, cpu: Double) = (0, 0)
    private var waits: [(condition: @MainActor () -> Bool, then: @MainActor () -> Void)] = []

    init() {
        timer = MainLoopTimer(interval: 1, priority: -100 /* G_PRIORITY_HIGH */) { [weak self] in
            self?.tick()
            return self != nil
        }
    }

    func reset() {
        longest = (0, 0)
        last = Monotonic.milliseconds()
        lastCPU = Monotonic.threadCPUMilliseconds()
    }

    /// Runs `then` on the first heartbeat where `condition` holds.
    func when(_ condition: @escaping @MainActor () -> Bool, then: @escaping @MainActor () -> Void) {
        waits.append((condition, then))
    }

    /// Runs `then` after `delay`, still measuring.
    func after(_ delay: Duration, then: @escaping @MainActor () -> Void) {
        let due = Monotonic.milliseconds() + Double(delay.components.attoseconds) / 1e15 + Double(delay.components.seconds) * 1000
        when({ Monotonic.milliseconds() >= due }, then: then)
    }

    func stop() {
        timer?.cancel()
        timer = nil
    }

    private func tick() {
        let now = Monotonic.milliseconds(), cpu = Monotonic.threadCPUMilliseconds()
        if now - last > longest.wall { longest = (now - last, cpu - lastCPU) }
        last = now
        lastCPU = cpu
        var due: [@MainActor () -> Void] = []
        waits = waits.filter { wait in
            guard wait.condition() else { return true }
            due.append(wait.then)
            return false
        }
        for then in due { then() }
        // The benchmark's own work in `then` is not a stall of the window; count afresh.
        if !due.isEmpty { last = Monotonic.milliseconds(); lastCPU = Monotonic.threadCPUMilliseconds() }
    }
}

enum Monotonic {
    static func milliseconds() -> Double { clock(CLOCK_MONOTONIC) }
    /// CPU time of the calling thread.
    static func threadCPUMilliseconds() -> Double { clock(CLOCK_THREAD_CPUTIME_ID) }

    private static func clock(_ id: clockid_t) -> Double {
        var now = timespec()
        clock_gettime(id, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
    }
}

/// This process's memory as /proc tells it, in KiB: the peak resident set, its private part,
/// its file-backed part, and the pages of the database file mapped by SQLite (part of the
/// file-backed memory, shared with the system's page cache).
struct ProcessMemory {
    var peak = 0, anonymous = 0, fileBacked = 0, database = 0
    var fields: [String] { [peak, anonymous, fileBacked, database].map(String.init) }

    static func current() -> ProcessMemory {
        var memory = ProcessMemory()
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                let value = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init) ?? "") ?? 0
                if line.hasPrefix("VmHWM:") { memory.peak = value }
                if line.hasPrefix("RssAnon:") { memory.anonymous = value }
                if line.hasPrefix("RssFile:") { memory.fileBacked = value }
            }
        }
        // smaps: a mapping's header line names its file; its "Rss:" line follows.
        if let smaps = try? String(contentsOfFile: "/proc/self/smaps", encoding: .utf8) {
            var inDatabase = false
            for line in smaps.split(separator: "\n") {
                if isMappingHeader(line) {
                    inDatabase = line.hasSuffix(".sqlite") || line.hasSuffix(".sqlite-shm")
                } else if inDatabase, line.hasPrefix("Rss:") {
                    memory.database += Int(line.split(separator: " ").dropFirst().first.map(String.init) ?? "") ?? 0
                }
            }
        }
        return memory
    }

    /// "7f12a000-7f12b000 r--s 00000000 fd:01 1234 /path": an address range first.
    private static func isMappingHeader(_ line: Substring) -> Bool {
        guard let range = line.split(separator: " ").first else { return false }
        let bounds = range.split(separator: "-")
        return bounds.count == 2 && bounds.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isHexDigit) }
    }
}
