import Foundation

extension Array where Element: Sendable {
    /// `map` over as many slices as there are cores, in order. For big batches of pure work
    /// (scoring, encoding demo data); `transform` must not touch shared mutable state.
    public func concurrentMap<T: Sendable>(minimumSlice: Int = 1_000, _ transform: @Sendable (Element) -> T) -> [T] {
        let slices = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumSlice)))
        if slices == 1 { return map(transform) }
        let size = (count + slices - 1) / slices
        let box = SliceBox<T>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { i in
            let part = self[Swift.min(count, i * size)..<Swift.min(count, (i + 1) * size)]
            box.set(i, part.map(transform))
        }
        return box.joined()
    }
}

/// Each slice's result, written once under a lock.
private final class SliceBox<T>: @unchecked Sendable {
    private var slices: [[T]]
    private let lock = NSLock()
    init(count: Int) { slices = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [T]) { lock.lock(); slices[i] = value; lock.unlock() }
    func joined() -> [T] { slices.flatMap { $0 } }
}
