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

    /// Records one allocation typed in the window.
    public static func add(_ ws: Workspace, _ allocation: Allocation) throws -> AllocationRecord {
        try ws.store.write { try $0.insertAllocation(allocation) }
    }
}
