import Foundation
import Testing
@testable import GuichetReports

@Suite struct PrivateMemoryPeakTests {
    @Test func seesMemoryTouchedDuringTheWorkAndNotAfter() throws {
        let before = try #require(PrivateMemoryPeak.currentKiB())
        let (sum, peak) = PrivateMemoryPeak.measure { () -> Int in
            // 64 MiB written page by page, then freed before the work returns.
            let size = 64 << 20
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
            defer { buffer.deallocate() }
            for i in stride(from: 0, to: size, by: 4096) { buffer[i] = UInt8(truncatingIfNeeded: i >> 12) }
            usleep(20_000) // at least a few samples while the memory is held
            return (0..<size).striding(by: 4096).reduce(0) { $0 + Int(buffer[$1]) }
        }
        #expect(sum > 0)
        let peakKiB = try #require(peak)
        #expect(peakKiB >= before + 60 * 1024, "the 64 MiB held during the work are seen")
        let (_, idle) = PrivateMemoryPeak.measure { usleep(5_000) }
        #expect((idle ?? .max) < peakKiB - 32 * 1024, "a later measure starts from what is held now")
    }
}

private extension Range where Bound == Int {
    func striding(by step: Int) -> StrideTo<Int> { Swift.stride(from: lowerBound, to: upperBound, by: step) }
}
