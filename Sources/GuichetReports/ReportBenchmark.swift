import Foundation
import GuichetCore

/// Times the streaming writers on a synthetic table and reads the peak memory, for the
/// application's benchmark command.
public enum ReportBenchmark {
    public struct Figure: Sendable, CustomStringConvertible {
        public var format: ReportFormat
        public var rows: Int
        public var seconds: Double
        public var bytes: Int64
        /// Peak private memory of the process while writing (RssAnon), in KiB; nil if unknown.
        public var peakPrivateKiB: Int?

        public var description: String {
            let mib = peakPrivateKiB.map { "\(FrenchFormat.integer(Int64($0 / 1024))) Mio" } ?? "inconnue"
            return "\(format.rawValue.uppercased()) : \(FrenchFormat.integer(rows)) lignes en "
                + FrenchFormat.plainDecimal(cents: Int64((seconds * 100).rounded())) + " s"
                + ", \(FrenchFormat.integer(bytes / 1024)) Kio, mémoire max \(mib)"
        }
    }

    /// The first date of the synthetic rows, and the date the benchmark document is produced on.
    static let syntheticStart = CalendarDate(year: 2023, month: 1, day: 1)!

    /// A table of `rows` generated rows (text, count, amount, share, date), never in memory.
    public static func syntheticTable(rows: Int) -> ReportTable {
        return ReportTable(
            name: "Dossiers",
            columns: [ReportColumn("N°", .integer), ReportColumn("Demandeur", .text, width: 28),
                      ReportColumn("Commune", .text), ReportColumn("Montant", .money),
                      ReportColumn("Part", .percent), ReportColumn("Dépôt", .date)],
            rows: ReportRows { emit in
                for i in 0..<rows {
                    try emit([.integer(i + 1), .text("Demandeur n° \(i + 1); « test »"),
                              .text(i % 7 == 0 ? "Saint-Omer" : "Arques"),
                              .money(Money(cents: Int64(i) * 1_337 % 2_500_000)),
                              .percent(Percentage(basisPoints: i % 10_001)),
                              .date(syntheticStart.adding(days: i % 1_400))])
                }
            })
    }

    /// Writes `rows` rows in each of `formats` (CSV then ODS by default; PDF is slower,
    /// about 40 rows per page) into `folder` (a fresh temporary one by default).
    public static func run(rows: Int, formats: [ReportFormat] = [.csv, .ods], folder: URL? = nil) throws -> [Figure] {
        let dir = folder ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("guichet-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if folder == nil { try? FileManager.default.removeItem(at: dir) } }
        let document = ReportDocument(territory: "Banc d'essai", title: "Mesure", producedOn: syntheticStart,
                                      sections: [ReportSection(heading: "Dossiers", tables: [syntheticTable(rows: rows)])])
        return try formats.map { format in
            let url = dir.appendingPathComponent("mesure.\(format.fileExtension)")
            let clock = ContinuousClock()
            let (elapsed, peak) = try PrivateMemoryPeak.measure {
                try clock.measure { try ReportWriter.write(document, format: format, to: url) }
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Figure(format: format, rows: rows, seconds: seconds, bytes: size, peakPrivateKiB: peak)
        }
    }
}
