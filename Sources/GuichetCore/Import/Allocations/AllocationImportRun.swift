import Foundation

/// Reading an allocation extract and applying it to storage: what `guichet allocations import`
/// and the register view's "Importer un extrait…" both do. The file is read outside any write
/// transaction (a read snapshot gives the landlords and the remembered column choices); only
/// applying it writes, in one transaction, rolled back for a dry run.
public enum AllocationImportRun {
    public struct Result: Sendable {
        public var report: AllocationImportReport
        public var outcome: AllocationImportOutcome
        /// True when nothing was kept in storage (dry run, or a failed report).
        public var dryRun: Bool
    }

    public static func run(_ data: Data, options: AllocationImportOptions = AllocationImportOptions(), sourceName: String,
                           categories: [PriorityCategory], dryRun: Bool, store: any GuichetStore) throws -> Result {
        let directory = try store.read { try $0.landlordDirectory() }
        let report = AllocationExtractImporter(directory: directory, categories: categories).read(data, options: options) { signature in
            (try? store.read { try $0.columnChoices(signature: signature) }) ?? nil
        }
        if report.failed { return Result(report: report, outcome: AllocationImportOutcome(sourceName: sourceName), dryRun: true) }
        let outcome = try store.write(dryRun: dryRun) { s in
            let o = try s.applyAllocationImport(report.rows, sourceName: sourceName)
            if let choices = options.choices, let signature = report.signature {
                try s.saveColumnChoices(choices, signature: signature)
            }
            return o
        }
        return Result(report: report, outcome: outcome, dryRun: dryRun)
    }
}
