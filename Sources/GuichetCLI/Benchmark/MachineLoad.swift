import Foundation

/// How busy the machine was while measuring: figures taken on a shared machine (other builds
/// and test suites running) say so next to them.
struct MachineLoad {
    /// Load average over the last minute (/proc/loadavg), nil where unknown.
    var oneMinute: Double?

    static func current() -> MachineLoad {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return MachineLoad(oneMinute: text.split(separator: " ").first.flatMap { Double($0) })
    }

    /// "2 processeurs, charge moyenne (1 min) 3,4 au début, 4,1 à la fin".
    static func describe(before: MachineLoad, after: MachineLoad) -> String {
        let cpus = ProcessInfo.processInfo.activeProcessorCount
        var text = "\(cpus) processeur\(cpus > 1 ? "s" : "")"
        if let b = before.oneMinute, let a = after.oneMinute {
            text += ", charge moyenne (1 min) \(BenchmarkCommand.decimal(b, digits: 1)) au début,"
                + " \(BenchmarkCommand.decimal(a, digits: 1)) à la fin"
        }
        return text
    }
}
