import Foundation
import GtkKit
import Glibc

/// Timing hooks driven by the environment, for the benchmark scripts:
/// - `GUICHET_BENCHMARK_STARTUP=1`: prints `ready <ms>` (since the process started) once the main
///   window's first frame is painted, then quits;
/// - `GUICHET_BENCHMARK_SEARCH=1`: once ready, types "d", "du", "dup", "saint" into the Dossiers
///   search entry and prints `search⇥<text>⇥<ms>⇥<matches>⇥<storage ms>` (tab-separated) for each
///   (text set → list reloaded, its rows bound and painted), then quits;
/// - `GUICHET_BENCHMARK_SECTIONS=1`: once ready, opens every other section in sidebar order and
///   prints `section⇥<id>⇥<ms>` for each (click → screen built, shown and painted), then quits;
/// - `GUICHET_BENCHMARK_BARE=1`: opens a plain GtkApplicationWindow instead of the main window and
///   prints `ready <ms>` the same way (the floor to compare with).
@MainActor
enum StartupBenchmark {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var isBare: Bool { environment["GUICHET_BENCHMARK_BARE"] == "1" }
    static var isStartup: Bool { environment["GUICHET_BENCHMARK_STARTUP"] == "1" }
    static var isSearch: Bool { environment["GUICHET_BENCHMARK_SEARCH"] == "1" }
    static var isSections: Bool { environment["GUICHET_BENCHMARK_SECTIONS"] == "1" }
    static let searchTexts = ["d", "du", "dup", "saint"]

    /// Milliseconds since the process started (kernel start time, 10 ms resolution).
    static func millisecondsSinceProcessStart() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        let nowMs = Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // Fields after "(comm)": state is field 3; starttime is field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return 0 }
        return nowMs - ticks * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func monotonicMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
    }

    static func emit(_ line: String) {
        print(line)
        fflush(nil)
    }

    /// Bare mode: a plain window, `ready`, quit.
    static func runBare(application: Application) {
        guard let window = try? Builder(string: """
            <interface><object class="GtkApplicationWindow" id="window">
            <property name="default-width">1120</property><property name="default-height">720</property>
            <property name="title">Guichet</property></object></interface>
            """).get("window", as: Window.self) else { application.quit(); return }
        application.addWindow(window)
        window.onAfterNextPaint { // the first frame: the window is on screen
            emit(String(format: "ready %.1f", millisecondsSinceProcessStart()))
            window.destroy()
            application.quit()
        }
        window.present()
    }

    /// Startup and search modes, on the real main window; false when no benchmark is asked.
    static func attach(to mainWindow: MainWindow, application: Application) -> Bool {
        guard isStartup || isSearch || isSections else { return false }
        mainWindow.window.onAfterNextPaint { // the first frame: the window is on screen
            emit(String(format: "ready %.1f", millisecondsSinceProcessStart()))
            let finish: @MainActor () -> Void = {
                mainWindow.window.destroy()
                application.quit()
            }
            if isSections {
                openSections(Array(mainWindow.sectionIDs.dropFirst()), in: mainWindow, then: finish)
                return
            }
            guard isSearch, let screen = mainWindow.screen(DossiersScreen.section.id) as? DossiersScreen else {
                finish()
                return
            }
            mainWindow.selectSection(screen.id)
            runSearches(Array(searchTexts), on: screen, then: finish)
        }
        return true
    }

    private static func openSections(_ ids: [String], in mainWindow: MainWindow, then finish: @escaping @MainActor () -> Void) {
        guard let id = ids.first else { finish(); return }
        let started = monotonicMilliseconds()
        mainWindow.selectSection(id)
        mainWindow.window.onAfterNextPaint {
            emit(["section", id, String(format: "%.1f", monotonicMilliseconds() - started)].joined(separator: "\t"))
            openSections(Array(ids.dropFirst()), in: mainWindow, then: finish)
        }
    }

    private static func runSearches(_ texts: [String], on screen: DossiersScreen, then finish: @escaping @MainActor () -> Void) {
        guard let text = texts.first else {
            screen.onListShown = nil
            finish()
            return
        }
        let started = monotonicMilliseconds()
        // The list reads the count and first page off the main thread; timed until the new
        // result is painted.
        screen.onListShown = {
            let count = screen.source.total
            let storage = screen.source.lastQueryMilliseconds
            screen.table.columnView.onAfterNextPaint {
                let ms = monotonicMilliseconds() - started
                emit(["search", text, String(format: "%.1f", ms), String(count), String(format: "%.1f", storage)]
                    .joined(separator: "\t"))
                runSearches(Array(texts.dropFirst()), on: screen, then: finish)
            }
        }
        screen.search.text = text
    }
}
