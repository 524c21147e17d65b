/// The allocation agreement's objectives, identical for every landlord (CIA).
public struct AllocationObjectives: Hashable, Sendable, Codable {
    /// Share of allocations to priority households (25 %).
    public var priorityHouseholds: Percentage
    /// Share of allocations outside QPV to households under the 1st quartile, or ANRU rehousing (25 %).
    public var outsideQPVFirstQuartile: Percentage
    /// Share of allocations in QPV to households above the 1st quartile (50 %).
    public var inQPVAboveFirstQuartile: Percentage

    public init(priorityHouseholds: Percentage, outsideQPVFirstQuartile: Percentage,
                inQPVAboveFirstQuartile: Percentage) {
        self.priorityHouseholds = priorityHouseholds
        self.outsideQPVFirstQuartile = outsideQPVFirstQuartile
        self.inQPVAboveFirstQuartile = inQPVAboveFirstQuartile
    }
}

/// A holder of reservation rights and its priority-household objective.
public struct ReservataireObjective: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Share of its allocations to go to priority households.
    public var priorityShare: Percentage
    /// Its contingent as a share of programmes, when the source states it (State: 30 %).
    public var contingentShareOfProgrammes: Percentage?
    /// The text the objective comes from, when it is not the file's general source.
    public var source: String?

    public init(id: String, name: String, priorityShare: Percentage, contingentShareOfProgrammes: Percentage? = nil,
                source: String? = nil) {
        self.id = id; self.name = name; self.priorityShare = priorityShare
        self.contingentShareOfProgrammes = contingentShareOfProgrammes; self.source = source
    }
}
