import Foundation
import Testing
@testable import GuichetReports

@Suite struct ReportBenchmarkTests {
    /// Small run by default; GUICHET_BENCH_ROWS=100000 for the real measure.
    @Test func measuresCSVAndODS() throws {
        let rows = Int(ProcessInfo.processInfo.environment["GUICHET_BENCH_ROWS"] ?? "") ?? 2_000
        let figures = try ReportBenchmark.run(rows: rows)
        for figure in figures { print(figure) }
        #expect(figures.map(\.format) == [.csv, .ods])
        #expect(figures.allSatisfy { $0.seconds > 0 && $0.bytes > Int64(rows) * 20 })
        #expect(figures.allSatisfy { ($0.peakPrivateKiB ?? 0) > 0 })
    }

    /// GUICHET_BENCH_PDF_ROWS=20000 to time the PDF writer too.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GUICHET_BENCH_PDF_ROWS"] != nil))
    func measuresPDF() throws {
        let rows = Int(ProcessInfo.processInfo.environment["GUICHET_BENCH_PDF_ROWS"]!)!
        let figures = try ReportBenchmark.run(rows: rows, formats: [.pdf])
        for figure in figures { print(figure) }
        #expect(figures.first?.bytes ?? 0 > 0)
    }
}
