import Foundation

/// Reading a programme table and applying it to storage in one write session: what the command
/// line's `programmes import` and the Programmes screen's "Importer un tableau…" both do.
public enum ProgrammeImportRun {
    /// The report of the file and what storing it changed (or would change, for a dry run).
    public struct Result: Sendable {
        public var report: ImportReport
        public var outcome: ImportOutcome
        /// True when nothing was kept in storage (dry run, or a failed report).
        public var dryRun: Bool
    }

    /// Thrown inside the write session to roll a dry run back, carrying what it would have done.
    private struct RolledBack: Error { var outcome: ImportOutcome }

    /// Reads `data` with the stored landlord directory and, unless the report failed, applies it
    /// in one write transaction; with `dryRun` the transaction is rolled back after counting.
    /// A failed report counts its skipped rows and imports nothing.
    public static func run(_ data: Data, kind: ProgrammeTableKind, strict: Bool, sourceName: String,
                           dryRun: Bool, store: any GuichetStore) throws -> Result {
        var report: ImportReport?
        var outcome = ImportOutcome(sourceName: sourceName, kind: kind)
        do {
            try store.write { s in
                let r = ProgrammeTableImporter(directory: try s.landlordDirectory()).importTable(data, kind: kind, strict: strict)
                report = r
                guard !r.failed else { return }
                let o = try s.applyImport(r, sourceName: sourceName)
                if dryRun { throw RolledBack(outcome: o) }
                outcome = o
            }
        } catch let rolledBack as RolledBack {
            outcome = rolledBack.outcome
        }
        guard let report else { throw StoreError.notFound(entity: "rapport d'import", key: sourceName) }
        if report.failed { outcome = ImportOutcome(sourceName: sourceName, kind: kind, skipped: report.skipped.count) }
        return Result(report: report, outcome: outcome, dryRun: dryRun || report.failed)
    }
}
