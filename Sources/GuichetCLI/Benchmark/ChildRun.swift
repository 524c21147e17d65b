import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a program started by the benchmark: the lines it printed, each with the time it
/// arrived (milliseconds since just before the program was started), its peak resident memory
/// as the kernel counted it (`wait4`'s rusage: the child alone, not its own children), and how
/// it ended. Timed from outside, so a Swift binary and a C one are measured the same way:
/// loading the executable and its libraries counts.
struct ChildRun {
    struct Line { var text: String; var milliseconds: Double }
    var lines: [Line] = []
    /// Peak resident set size (VmHWM) of the child, in KiB.
    var peakKiB = 0
    var exitStatus: Int32 = -1
    var timedOut = false
    /// The end of what it wrote on its error output (shown when a run fails).
    var errorTail = ""

    /// The first line starting with `prefix` (its text after the prefix, and when it came).
    func first(_ prefix: String) -> (rest: String, milliseconds: Double)? {
        lines.first { $0.text.hasPrefix(prefix) }.map { (String($0.text.dropFirst(prefix.count)), $0.milliseconds) }
    }

    /// Starts `arguments[0]` with `environment`, reads its output until it exits (killed after
    /// `timeout` seconds), and returns what it did; nil when it could not be started.
    static func run(_ arguments: [String], environment: [String: String], timeout: TimeInterval = 60) -> ChildRun? {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-bench-err-\(getpid())")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        guard let child = Spawned(arguments, environment: environment, stderrPath: errorFile.path) else { return nil }
        var run = ChildRun()
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = child.started + timeout * 1000
        reading: while true {
            let left = deadline - Monotonic.milliseconds()
            if left <= 0 { run.timedOut = true; kill(child.pid, SIGKILL); break }
            var poller = pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1000)))
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let n = read(child.output, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break reading }
            let now = Monotonic.milliseconds() - child.started
            buffer.append(contentsOf: chunk[0..<n])
            while let newline = buffer.firstIndex(of: 0x0A) {
                run.lines.append(Line(text: String(decoding: buffer[..<newline], as: UTF8.self), milliseconds: now))
                buffer.removeSubrange(...newline)
            }
        }
        close(child.output)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child.pid, &status, 0, &usage) < 0 && errno == EINTR {}
        run.peakKiB = usage.ru_maxrss
        run.exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -(status & 0x7f)
        if let text = try? String(contentsOf: errorFile, encoding: .utf8) {
            run.errorTail = text.split(separator: "\n").suffix(3).joined(separator: " | ")
        }
        return run
    }
}

/// A program started with posix_spawn, its standard output on a pipe.
struct Spawned {
    let pid: pid_t
    /// Read end of the child's standard output.
    let output: Int32
    /// When it was started (`Monotonic.milliseconds()`).
    let started: Double

    /// Standard error goes to `stderrPath`.
    init?(_ arguments: [String], environment: [String: String], stderrPath: String = "/dev/null") {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let began = Monotonic.milliseconds()
        let code = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        close(pipeEnds[1])
        guard code == 0 else { close(pipeEnds[0]); return nil }
        self.pid = pid
        self.output = pipeEnds[0]
        self.started = began
    }

    /// The first line the program writes (a server saying where it listens), waiting `timeout`
    /// seconds at most.
    func firstLine(timeout: TimeInterval) -> String? {
        var line = [UInt8]()
        var byte: UInt8 = 0
        let deadline = Monotonic.milliseconds() + timeout * 1000
        while Monotonic.milliseconds() < deadline {
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 || errno == EINTR else { return nil }
            guard poller.revents != 0 else { continue }
            guard read(output, &byte, 1) == 1 else { return nil }
            if byte == 0x0A { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
        return nil
    }

    /// Stops a server started for the measure and reaps it.
    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        close(output)
    }
}

enum Monotonic {
    static func milliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
    }
}
