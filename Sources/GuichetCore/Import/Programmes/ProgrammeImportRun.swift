import Foundation

/// Reading a programme table and applying it to storage: what the command line's
/// `programmes import` and the Programmes screen's "Importer un tableau…" both do (the
/// application layer wraps it). The file is parsed outside any write transaction (a read
/// snapshot gives the landlords and the remembered column choices); only applying it writes.
public enum ProgrammeImportRun {
    /// The report of the file and what storing it changed (or would change, for a dry run).
    public struct Result: Sendable {
        public var report: ImportReport
        public var outcome: ImportOutcome
        /// True when nothing was kept in storage (dry run, or a failed report).
        public var dryRun: Bool
    }

    public static func run(_ data: Data, kind: ProgrammeTableKind, strict: Bool, sourceName: String,
                           dryRun: Bool, store: any GuichetStore) throws -> Result {
        try run(data, kind: kind, options: ProgrammeImportOptions(strict: strict), sourceName: sourceName,
                dryRun: dryRun, store: store)
    }

    /// Reads `data` with the stored landlord directory and column choices and, unless the report
    /// failed, applies it in one write transaction; with `dryRun` the transaction is rolled back
    /// after counting. Column choices given in `options` are remembered for the next file with
    /// the same headers (not by a dry run). A failed report counts its skipped rows and imports nothing.
    public static func run(_ data: Data, kind: ProgrammeTableKind, options: ProgrammeImportOptions, sourceName: String,
                           dryRun: Bool, acceptWideDifferences: Bool = false, store: any GuichetStore) throws -> Result {
        let directory = try store.read { try $0.landlordDirectory() }
        let report = ProgrammeTableImporter(directory: directory).importTable(data, kind: kind, options: options) { signature in
            (try? store.read { try $0.columnChoices(signature: signature) }) ?? nil
        }
        if report.failed {
            return Result(report: report, outcome: ImportOutcome(sourceName: sourceName, kind: kind, skipped: report.skipped.count), dryRun: true)
        }
        let outcome = try store.write(dryRun: dryRun) { s in
            let o = try s.applyImport(report, sourceName: sourceName, acceptWideDifferences: acceptWideDifferences)
            if let choices = options.choices, let signature = report.signature {
                try s.saveColumnChoices(choices, signature: signature)
            }
            return o
        }
        return Result(report: report, outcome: outcome, dryRun: dryRun)
    }
}
