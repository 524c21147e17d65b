import Foundation

/// Peak private memory of this process while some work runs, sampled every millisecond from
/// `RssAnon` (/proc/self/status). VmHWM would also count file-backed pages (the libraries,
/// the fonts), which belong to the shared page cache and say nothing about whether an export
/// streams.
public enum PrivateMemoryPeak {
    /// Runs `work` and returns its result with the peak RssAnon seen meanwhile, in KiB (nil
    /// where /proc is unavailable).
    public static func measure<T>(_ work: () throws -> T) rethrows -> (result: T, peakKiB: Int?) {
        let sampler = Sampler()
        let thread = Thread { sampler.run() }
        thread.start()
        defer { sampler.stop() }
        let result = try work()
        sampler.stop()
        return (result, sampler.peak)
    }

    /// Current RssAnon in KiB.
    public static func currentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("RssAnon:") {
            return Int(line.dropFirst(8).filter(\.isNumber))
        }
        return nil
    }

    private final class Sampler: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        private var finished = false
        private var maximum: Int?

        /// Samples until stopped, then signals that no sample is pending.
        func run() {
            while true {
                let sample = PrivateMemoryPeak.currentKiB()
                lock.lock()
                if let sample { maximum = max(maximum ?? 0, sample) }
                let done = stopped
                if done { finished = true }
                lock.unlock()
                if done { return }
                usleep(1_000)
            }
        }

        /// Stops sampling and waits for the sampling thread's last sample (idempotent).
        func stop() {
            lock.lock()
            stopped = true
            lock.unlock()
            while true {
                lock.lock()
                let done = finished
                lock.unlock()
                if done { return }
                usleep(200)
            }
        }

        var peak: Int? {
            lock.lock()
            defer { lock.unlock() }
            return maximum
        }
    }
}
