/// SplitMix64: a small deterministic generator, so demo data is the same on every machine.
public struct DemoRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (modulo bias is negligible for demo data).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    /// True with probability `percent` %.
    public mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    /// Euros in `range`, rounded to `step` euros.
    public mutating func euros(_ range: ClosedRange<Int>, step: Int = 10) -> Money {
        Money(euros: Int64(int(range.lowerBound / step...range.upperBound / step) * step))
    }
}
