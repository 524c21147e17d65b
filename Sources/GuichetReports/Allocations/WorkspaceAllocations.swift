import GuichetCore
import GuichetStorage

/// The allocation register's use cases on an open workspace, written once for the command line
/// and the window (they move to the application layer with the others).
public enum WorkspaceAllocations {
    /// The counter of the workspace's profile, or why the review cannot be made.
    public static func counter(_ ws: Workspace) throws -> AllocationCounter {
        guard let counter = AllocationCounter(profile: ws.profile) else {
            throw WorkspaceReports.Unavailable("Le profil « \(ws.profile.id) » ne définit pas les objectifs d'attribution de la CIA "
                                               + "(landlords.json) : pas de bilan des attributions possible.")
        }
        return counter
    }

    /// The review of the whole register, with the stored published figures beside it, read in
    /// one snapshot.
    public static func reviewData(_ ws: Workspace) throws -> AllocationReviewData {
        let counter = try counter(ws)
        return try ws.store.read { s in
            AllocationReviewData(allocations: try s.allAllocations(), counter: counter,
                                 published: PublishedAllocationFigures(agglomeration: try s.agglomerationResults(),
                                                                       conventions: try s.conventions()),
                                 landlords: try s.landlords())
        }
    }

    /// `cia`: the yearly review of the allocation agreement (one year, or every year of the register).
    public static func report(_ ws: Workspace, context: ReportContext, year: Int?) throws -> ReportDocument {
        let data = try reviewData(ws)
        guard data.registerSize > 0 else {
            throw WorkspaceReports.Unavailable("Le registre des attributions est vide : importez d'abord les extraits "
                                               + "(« guichet allocations import » ou le bouton « Importer un extrait… »).")
        }
        if let year, !data.review.years.contains(year) {
            throw WorkspaceReports.Unavailable("Aucune attribution avec un bail signé en \(year) dans le registre.")
        }
        return CIAReviewReport.document(context: context, data: data, year: year)
    }

    /// Records one allocation typed in the window.
    public static func add(_ ws: Workspace, _ allocation: Allocation) throws -> AllocationRecord {
        try ws.store.write { try $0.insertAllocation(allocation) }
    }
}
