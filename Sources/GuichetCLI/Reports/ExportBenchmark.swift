import Foundation
import GuichetCore
import GuichetReports
import GuichetStorage

/// Export figures for `guichet benchmark`: every dossier of the database exported as CSV by the
/// `report dossiers` machinery, against `sqlite3 -csv` on the same rows and columns, and the peak
/// memory of the export at 10,000 rows and at all rows (it must not grow with the row count).
enum ExportBenchmark {
    static let sqliteQuery = "SELECT key, applicant, commune, scheme, status, grantedCents, paidCents, lastChange FROM dossier ORDER BY year, scheme, sequence"

    static func figures(workspace ws: Workspace, databaseURL: URL, runs: Int) throws -> [BenchmarkCommand.Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-export-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let total = try ws.store.read { try $0.countDossiers(DossierQuery()) }
        let context = ReportContext(profile: ws.profile, producedOn: ws.clock.today())
        let repeats = max(1, min(runs, 3))

        func export(limit: Int?) throws -> (ms: Double, kib: Int?, bytes: Int64) {
            let url = folder.appendingPathComponent("dossiers.csv")
            let document = try DossierListReport.document(context: context, store: ws.store, query: DossierQuery(limit: limit))
            let (ms, peak) = try PrivateMemoryPeak.measure {
                try median(repeats) { _ = try ReportWriter.write(document, format: .csv, to: url) }
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
            return (ms, peak, size)
        }
        var out: [BenchmarkCommand.Figure] = []
        // Memory is compared between a tenth of the rows (10,000 at most) and all of them.
        let smallCount = min(10_000, max(1, total / 10))
        let small = try export(limit: smallCount)
        let full = try export(limit: nil)
        let sqlite = try? median(repeats) { try runSQLite(databaseURL, to: folder.appendingPathComponent("sqlite.csv")) }
        let ratio = sqlite.map { BenchmarkCommand.decimal(full.ms / max($0, 0.001), digits: 2) }
        out.append(.init(name: "export CSV des dossiers (report dossiers)", milliseconds: full.ms,
                         detail: "\(FrenchFormat.integer(total)) lignes, \(FrenchFormat.integer(full.bytes / 1024)) Kio"
                             + (ratio.map { ", \($0) × sqlite3 -csv" } ?? ""),
                         target: "≤ 2 × sqlite3 -csv"))
        out.append(.init(name: "sqlite3 -csv, mêmes lignes et colonnes", milliseconds: sqlite ?? -1,
                         detail: sqlite == nil ? "sqlite3 introuvable" : "processus externe", target: nil))
        func rowsText(_ n: Int) -> String { "\(FrenchFormat.integer(n)) ligne\(n > 1 ? "s" : "")" }
        func mib(_ kib: Int?) -> String { kib.map { "\(FrenchFormat.integer(Int64($0 / 1024))) Mio" } ?? "inconnue" }
        out.append(.init(name: "mémoire max de l'export à \(rowsText(smallCount))", milliseconds: small.ms,
                         detail: "mémoire privée max \(mib(small.kib))", target: "stable"))
        out.append(.init(name: "mémoire max de l'export à \(rowsText(total))", milliseconds: full.ms,
                         detail: "mémoire privée max \(mib(full.kib))", target: "stable"))
        return out
    }

    static func runSQLite(_ database: URL, to output: URL) throws {
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", "-csv", database.path, sqliteQuery]
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CLIFailure("sqlite3 a échoué (code \(p.terminationStatus))") }
    }

    static func median(_ n: Int, _ work: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<n {
            let t = DispatchTime.now().uptimeNanoseconds
            try work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }
}
