/// The counts a demonstration register must hold for one year, read from the review's published
/// agglomeration figures (never typed here): allocations with and without transfers, priority
/// households, the State contingent's, and the outside-QPV share.
struct DemoAllocationPlan: Sendable {
    var year: Int
    /// Allocations, transfers included.
    var allocations: Int
    var transfers: Int
    var firstAllocations: Int { allocations - transfers }
    /// Priority households among first allocations, and among transfers.
    var priorityFirst: Int
    var priorityTransfers: Int
    /// Priority households rehoused on the State contingent (all first allocations).
    var statePriority: Int
    /// Published share of allocations outside QPV to the 1st quartile or ANRU, if any.
    var outsideQPVShare: Percentage?
    /// Whether the review publishes the year's count excluding transfers: if not, a few rows
    /// may leave their transfer status unknown without moving a published figure.
    var excludedPublished: Bool

    /// The share of transfers the review implies where it prints both counts (2022: 879 of
    /// 2 587), used for the years it does not; 0 when it never does.
    static func referenceTransferShare(_ r: AgglomerationResults) -> Double {
        for incl in r.priorityRehousing where !incl.excludingTransfers {
            if let excl = r.priorityRehousing.first(where: { $0.excludingTransfers && $0.year == incl.year }), incl.allocations > 0 {
                return Double(incl.allocations - excl.allocations) / Double(incl.allocations)
            }
        }
        return 0
    }

    /// One plan per year the review gives a priority rate for.
    static func plans(_ r: AgglomerationResults) -> [DemoAllocationPlan] {
        let ref = referenceTransferShare(r)
        return Set(r.priorityRehousing.map(\.year)).sorted().compactMap { year in
            let incl = r.priorityRehousing.first { $0.year == year && !$0.excludingTransfers }
            let excl = r.priorityRehousing.first { $0.year == year && $0.excludingTransfers }
            let state = r.stateContingent.first { $0.year == year }?.rehoused ?? 0
            let outside = r.outsideQPVFirstQuartile.first { $0.year == year }?.share
            var plan: DemoAllocationPlan
            switch (incl, excl) {
            case let (i?, e?):
                plan = DemoAllocationPlan(year: year, allocations: i.allocations, transfers: i.allocations - e.allocations,
                                          priorityFirst: e.rehoused, priorityTransfers: max(0, i.rehoused - e.rehoused),
                                          statePriority: state, outsideQPVShare: outside, excludedPublished: true)
            case let (i?, nil):
                // Priority households among transfers are not published: as in the year that
                // prints both counts (2022: 496 either way), none are.
                let transfers = Int((Double(i.allocations) * ref).rounded())
                plan = DemoAllocationPlan(year: year, allocations: i.allocations, transfers: transfers, priorityFirst: i.rehoused,
                                          priorityTransfers: 0, statePriority: state, outsideQPVShare: outside, excludedPublished: false)
            case let (nil, e?):
                let transfers = ref < 1 ? Int((Double(e.allocations) * ref / (1 - ref)).rounded()) : 0
                plan = DemoAllocationPlan(year: year, allocations: e.allocations + transfers, transfers: transfers,
                                          priorityFirst: e.rehoused, priorityTransfers: 0, statePriority: state,
                                          outsideQPVShare: outside, excludedPublished: true)
            case (nil, nil):
                return nil
            }
            plan.statePriority = min(plan.statePriority, plan.priorityFirst)
            return plan
        }
    }
}
