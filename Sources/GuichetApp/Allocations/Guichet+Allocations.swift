import Foundation
import GuichetCore
import GuichetReports

/// The allocation register of the CIA: its review recomputed from the register (with the
/// published figures beside it), a hand-typed allocation, and the import of an extract. The
/// computation is the core's; these read and write off the caller's thread.
extension Guichet {
    /// The counter of the profile's allocation rules, or why the review cannot be made.
    public func allocationCounter() throws -> AllocationCounter {
        guard let counter = AllocationCounter(profile: profile) else {
            throw Unavailable("Le profil « \(profile.id) » ne définit pas les objectifs d'attribution de la CIA "
                              + "(landlords.json) : pas de bilan des attributions possible.")
        }
        return counter
    }

    /// The review of the whole register, with the stored published figures beside it, read in
    /// one snapshot.
    public func allocationReviewData() async throws -> AllocationReviewData {
        let counter = try allocationCounter()
        return try await storage.read { s in try Self.reviewData(counter: counter, in: s) }
    }

    static func reviewData(counter: AllocationCounter, in s: any StoreSession) throws -> AllocationReviewData {
        AllocationReviewData(allocations: try s.allAllocations(), counter: counter,
                             published: PublishedAllocationFigures(agglomeration: try s.agglomerationResults(),
                                                                   conventions: try s.conventions()),
                             landlords: try s.landlords())
    }

    /// The register's counts per year and what the entry form chooses from (landlords).
    public func allocationRegister() async throws -> (counts: AllocationCounts, landlords: [Landlord]) {
        try await storage.read { s in (try s.allocationCounts(), try s.landlords()) }
    }

    /// Records one allocation typed in the window.
    public func addAllocation(_ allocation: Allocation) async throws -> AllocationRecord {
        try await storage.write { try $0.insertAllocation(allocation) }
    }

    /// Reads an extract (landlord, SNE, SYPLO) and applies it in one write transaction (`dryRun`:
    /// what it would do, nothing kept). See `AllocationImportRun`.
    public func importAllocations(_ data: Data, options: AllocationImportOptions = AllocationImportOptions(), sourceName: String,
                                  dryRun: Bool) async throws -> AllocationImportRun.Result {
        let (store, categories) = (storage.store, profile.cotation?.priorityCategories ?? [])
        return try await storage.detached {
            try AllocationImportRun.run(data, options: options, sourceName: sourceName, categories: categories, dryRun: dryRun, store: store)
        }
    }

    /// `cia`: the yearly review of the allocation agreement (one year, or every year of the register).
    func ciaReport(context: ReportContext, year: Int?, store: any GuichetStore) throws -> ReportDocument {
        let counter = try allocationCounter()
        let data = try store.read { s in try Self.reviewData(counter: counter, in: s) }
        guard data.registerSize > 0 else {
            throw Unavailable("Le registre des attributions est vide : importez d'abord les extraits "
                              + "(« guichet allocations import » ou le bouton « Importer un extrait… »).")
        }
        if let year, !data.review.years.contains(year) {
            throw Unavailable("Aucune attribution avec un bail signé en \(year) dans le registre.")
        }
        return CIAReviewReport.document(context: context, data: data, year: year)
    }
}
