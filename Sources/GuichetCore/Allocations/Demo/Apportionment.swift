/// Largest-remainder apportionment: splits a whole number among parts in proportion to weights,
/// within caps, so that the parts always add up to the whole (when the caps allow it).
/// Deterministic: ties go to the earlier part.
enum Apportionment {
    static func split(_ total: Int, weights: [Double], caps: [Int]? = nil) -> [Int] {
        let n = weights.count
        guard n > 0, total > 0 else { return Array(repeating: 0, count: n) }
        let caps = caps ?? Array(repeating: Int.max, count: n)
        var parts = Array(repeating: 0, count: n)
        var remaining = total
        // A part at its cap leaves the rest to be shared again among the others.
        var open = Set((0..<n).filter { caps[$0] > 0 && weights[$0] > 0 })
        if open.isEmpty { open = Set((0..<n).filter { caps[$0] > 0 }) }
        while remaining > 0, !open.isEmpty {
            let indices = open.sorted()
            let weightSum = indices.reduce(0.0) { $0 + max(weights[$1], 0) }
            let share: (Int) -> Double = { i in
                weightSum > 0 ? Double(remaining) * max(weights[i], 0) / weightSum : Double(remaining) / Double(indices.count)
            }
            var given = 0
            var fractions: [(Int, Double)] = []
            for i in indices {
                let exact = share(i)
                let whole = min(Int(exact.rounded(.down)), caps[i] - parts[i])
                parts[i] += whole
                given += whole
                fractions.append((i, exact - exact.rounded(.down)))
            }
            var left = remaining - given
            for (i, _) in fractions.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where left > 0 && parts[i] < caps[i] {
                parts[i] += 1
                left -= 1
            }
            remaining = left
            open = open.filter { parts[$0] < caps[$0] }
        }
        return parts
    }
}
