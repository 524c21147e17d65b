import Foundation
import GuichetCore
import GuichetStorage

/// The allocations part of `guichet demo`: a register generated (seeded, deterministic) so that
/// its agglomeration counts are those of the CIA review whose published results the demo holds,
/// as it stood on the demo's day (the review's counts need a day after 2023).
enum AllocationDemo {
    static func populate(store: any GuichetStore, profile: TerritoryProfile, demo: DemoSettings) throws -> [String: Int] {
        guard let landlords = profile.landlords, let counter = AllocationCounter(profile: profile),
              let url = ProgrammeFiles.allocationResults(for: profile) else { return [:] }
        let published = try AllocationResults.decode(try Data(contentsOf: url))
        let rows = DemoAllocations.generate(DemoAllocations.Source(
            published: published, landlords: landlords.landlords, counter: counter,
            categories: profile.cotation?.priorityCategories ?? []), seed: demo.allocationSeed)
            .compactMap { DemoAllocations.asKnown($0, on: demo.date) }
        let outcome = try store.write { s in
            try s.applyAllocationImport(rows.enumerated().map { i, a in
                ImportedAllocation(line: i + 2, key: AllocationKey.natural(a), allocation: a, fields: Set(AllocationField.allCases))
            }, sourceName: "attributions (démo).csv")
        }
        return ["attributions": outcome.imported]
    }
}
