/// Everything the review shows for one perimeter and one year: the counts, and each obligation
/// with and without transfers.
public struct AllocationIndicators: Equatable, Sendable {
    public var scope: AllocationScope
    public var year: Int
    /// Allocations with a lease signed in the year, transfers included.
    public var allocations: Int
    public var transfers: Int
    public var firstAllocations: Int
    /// Allocations whose transfer status is unknown (in `allocations`, in neither of the two above).
    public var unknownTransfer: Int
    /// Priority households, transfers included / excluded.
    public var priority: Int
    public var priorityExcludingTransfers: Int
    public var anruRehousings: Int
    /// Allocations outside QPV / in QPV / with the QPV situation unknown (transfers included).
    public var outsideQPV: Int
    public var inQPV: Int
    public var unknownQPV: Int
    /// The 1st-quartile threshold used for the year, nil when the profile has none up to it.
    public var threshold: QuartileThreshold?
    public var figures: [ObligationFigure]

    public func figure(_ obligation: AllocationObligation, _ transfers: TransferCounting) -> ObligationFigure? {
        figures.first { $0.obligation == obligation && $0.transfers == transfers }
    }

    /// The figure the review quotes for the year: priority shares excluding transfers from the
    /// rules' year on, QPV shares as the rules say.
    public func headline(_ obligation: AllocationObligation, rules: AllocationRules) -> ObligationFigure? {
        figure(obligation, Self.headlineCounting(obligation, year: year, rules: rules))
    }

    public static func headlineCounting(_ obligation: AllocationObligation, year: Int, rules: AllocationRules) -> TransferCounting {
        switch obligation {
        case .priority: rules.priorityExcludesTransfers(in: year) ? .excluded : .included
        case .outsideQPVFirstQuartile, .inQPVAboveFirstQuartile: rules.qpvSharesExcludeTransfers.value ? .excluded : .included
        }
    }
}

/// Counts allocations against the obligations with a territory's rules, thresholds and
/// objectives. Pure: the same allocations always give the same figures.
public struct AllocationCounter: Sendable {
    public var rules: AllocationRules
    /// 1st-quartile thresholds per year (the profile's cotation grid).
    public var thresholds: [QuartileThreshold]
    public var objectives: AllocationObjectives
    /// Priority objective of each kind of reservation holder.
    public var holderObjectives: [ReservationHolder.Kind: Percentage]

    public init(rules: AllocationRules, thresholds: [QuartileThreshold], objectives: AllocationObjectives,
                holderObjectives: [ReservationHolder.Kind: Percentage] = [:]) {
        self.rules = rules; self.thresholds = thresholds; self.objectives = objectives
        self.holderObjectives = holderObjectives
    }

    /// The counter of a profile: its landlords part (objectives, rules) and its cotation grid's
    /// thresholds. Nil when the profile has no allocation objectives.
    public init?(profile: TerritoryProfile) {
        guard let landlords = profile.landlords else { return nil }
        self.init(landlords: landlords, grid: profile.cotation)
    }

    /// The counter of a landlords part and a cotation grid; nil without allocation objectives.
    public init?(landlords: LandlordsProfile, grid: CotationGrid?) {
        guard let objectives = landlords.allocationObjectives else { return nil }
        var byKind: [ReservationHolder.Kind: Percentage] = [:]
        for kind in ReservationHolder.Kind.allCases {
            if let o = landlords.reservataireObjective(for: kind) { byKind[kind] = o.priorityShare }
        }
        self.init(rules: landlords.allocationRules ?? .defaults, thresholds: grid?.quartileThresholds ?? [],
                  objectives: objectives, holderObjectives: byKind)
    }

    /// The threshold of `year`, or of the latest earlier year known (said where it is shown).
    public func threshold(for year: Int) -> QuartileThreshold? {
        thresholds.filter { $0.year <= year }.max { $0.year < $1.year }
    }

    /// Whether the household is in the year's 1st quartile: from its resources per UC when given
    /// (they win over a quartile given beside them), else from its quartile; nil when neither is
    /// known, or when no threshold applies to resources.
    public func isFirstQuartile(_ a: Allocation, threshold: QuartileThreshold?) -> Bool? {
        if let r = a.resourcesPerUC {
            guard let threshold else { return a.quartile.map { $0 == 1 } }
            return rules.isFirstQuartile(r, threshold: threshold.perUc)
        }
        return a.quartile.map { $0 == 1 }
    }

    func priorityObjective(_ scope: AllocationScope) -> Percentage {
        if case .holder(let h?) = scope, let o = holderObjectives[h.kind] { return o }
        return objectives.priorityHouseholds
    }

    /// The indicators of `allocations` (all counting in `year`) for `scope`.
    public func indicators(_ allocations: [Allocation], year: Int, scope: AllocationScope) -> AllocationIndicators {
        let threshold = threshold(for: year)
        var transfers = 0, first = 0, unknownTransfer = 0, priority = 0, priorityFirst = 0, anru = 0
        var outside = 0, inside = 0, unknownQPV = 0
        // Per variant: [included, excluded].
        var p = [Tally(), Tally()], o = [Tally(), Tally()], q = [Tally(), Tally()]
        for a in allocations {
            let isPriority = a.isPriority
            let unknownPriority = a.priority == nil && a.priorityLabels.isEmpty
            let q1 = isFirstQuartile(a, threshold: threshold)
            switch a.transfer {
            case true?: transfers += 1
            case false?: first += 1
            case nil: unknownTransfer += 1
            }
            if isPriority { priority += 1; if a.transfer == false { priorityFirst += 1 } }
            if a.anruRehousing { anru += 1 }
            switch a.inQPV {
            case false?: outside += 1
            case true?: inside += 1
            case nil: unknownQPV += 1
            }
            for v in 0..<2 {
                if v == 1 && a.transfer != false {
                    if a.transfer == nil { p[v].unknownTransfer += 1; o[v].unknownTransfer += 1; q[v].unknownTransfer += 1 }
                    continue
                }
                p[v].add(hit: isPriority, unknownPriority: unknownPriority)
                switch a.inQPV {
                case false?:
                    o[v].add(hit: a.anruRehousing || q1 == true, unknownResources: !a.anruRehousing && q1 == nil)
                case true?:
                    q[v].add(hit: q1 == false, unknownResources: q1 == nil)
                case nil:
                    o[v].unknownQPV += 1; q[v].unknownQPV += 1
                }
            }
        }
        var figures: [ObligationFigure] = []
        for (v, counting) in TransferCounting.allCases.enumerated() {
            figures.append(p[v].figure(.priority, counting, priorityObjective(scope)))
            figures.append(o[v].figure(.outsideQPVFirstQuartile, counting, objectives.outsideQPVFirstQuartile))
            figures.append(q[v].figure(.inQPVAboveFirstQuartile, counting, objectives.inQPVAboveFirstQuartile))
        }
        return AllocationIndicators(scope: scope, year: year, allocations: allocations.count, transfers: transfers,
                                    firstAllocations: first, unknownTransfer: unknownTransfer, priority: priority,
                                    priorityExcludingTransfers: priorityFirst, anruRehousings: anru,
                                    outsideQPV: outside, inQPV: inside, unknownQPV: unknownQPV,
                                    threshold: threshold, figures: figures)
    }

    /// Running counts of one obligation in one variant.
    private struct Tally {
        var numerator = 0, denominator = 0, unknownQPV = 0, unknownTransfer = 0, unknownResources = 0, unknownPriority = 0

        mutating func add(hit: Bool, unknownResources unknownR: Bool = false, unknownPriority unknownP: Bool = false) {
            denominator += 1
            if hit { numerator += 1 }
            if unknownR { unknownResources += 1 }
            if unknownP { unknownPriority += 1 }
        }

        func figure(_ obligation: AllocationObligation, _ counting: TransferCounting, _ objective: Percentage) -> ObligationFigure {
            ObligationFigure(obligation: obligation, transfers: counting, numerator: numerator, denominator: denominator,
                             objective: objective, unknownQPV: unknownQPV, unknownTransfer: unknownTransfer,
                             unknownResources: unknownResources, unknownPriority: unknownPriority)
        }
    }
}
