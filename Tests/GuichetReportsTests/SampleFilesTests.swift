import Foundation
import Testing
@testable import GuichetReports

/// Writes the sample reports into GUICHET_SAMPLE_DIR to look at them (pdftoppm, a
/// spreadsheet); skipped otherwise.
@Suite struct SampleFilesTests {
    static let folder = ProcessInfo.processInfo.environment["GUICHET_SAMPLE_DIR"]

    @Test(.enabled(if: folder != nil))
    func writeSamples() throws {
        let dir = URL(fileURLWithPath: Self.folder!)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for format in ReportFormat.allCases {
            let files = try ReportWriter.write(Fixtures.sampleDocument(), format: format, to: dir.appendingPathComponent("bilan.\(format.fileExtension)"))
            #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        }
        try ReportWriter.write(Fixtures.wideDocument(), format: .pdf, to: dir.appendingPathComponent("bilan-paysage.pdf"))
    }
}
