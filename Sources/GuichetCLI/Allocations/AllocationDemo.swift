import Foundation
import GuichetCore
import GuichetStorage

/// The allocations part of `guichet demo`: a register generated (seeded, deterministic) so that
/// its agglomeration counts are those of the CIA review whose published results the demo holds,
/// as it stood on the demo's day (the review's counts need a day after 2023), written as an
/// extract and read back through the same import as real files.
enum AllocationDemo {
    static let sourceName = "attributions-demo.csv"

    /// The demo extract (CSV text), nil when the profile has no CIA or no published results.
    static func extract(profile: TerritoryProfile, demo: DemoSettings) throws -> String? {
        guard let landlords = profile.landlords, let counter = AllocationCounter(profile: profile),
              let url = ProgrammeFiles.allocationResults(for: profile) else { return nil }
        let published = try AllocationResults.decode(try Data(contentsOf: url))
        let rows = DemoAllocations.generate(DemoAllocations.Source(
            published: published, landlords: landlords.landlords, counter: counter,
            categories: profile.cotation?.priorityCategories ?? []), seed: demo.allocationSeed)
            .compactMap { DemoAllocations.asKnown($0, on: demo.date) }
        return DemoAllocationExtract.csv(rows)
    }

    static func populate(store: any GuichetStore, profile: TerritoryProfile, demo: DemoSettings) throws -> [String: Int] {
        guard let csv = try extract(profile: profile, demo: demo) else { return [:] }
        let run = try AllocationImportRun.run(Data(csv.utf8), sourceName: sourceName, categories: profile.cotation?.priorityCategories ?? [],
                                              dryRun: false, store: store)
        guard !run.report.failed, run.report.errors.isEmpty else {
            throw CLIFailure("Extrait de démonstration illisible : " + run.report.errors.prefix(3).map(\.description).joined(separator: " ; "))
        }
        return ["attributions": run.outcome.imported]
    }
}
