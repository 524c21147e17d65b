/// The three yearly obligations of the CIA on allocations (annex 4 of the agreement, brief §6.2).
public enum AllocationObligation: String, Hashable, Sendable, Codable, CaseIterable {
    /// Priority households among all allocations (25 %; a holder's own objective per holder).
    case priority
    /// Outside QPV, households under the year's 1st-quartile threshold or rehoused by ANRU (25 %).
    case outsideQPVFirstQuartile
    /// In QPV, households of the other three quartiles (50 %).
    case inQPVAboveFirstQuartile

    /// The agreement's own column titles (annex 4), verbatim.
    public var label: String {
        switch self {
        case .priority: "Part des attributions à des ménages prioritaires"
        case .outsideQPVFirstQuartile: "Part des attributions hors QPV à des ménages aux ressources < au 1er quartile"
        case .inQPVAboveFirstQuartile: "Part des attributions en QPV à des ménages aux ressources > au 1er quartile"
        }
    }

    /// What the numerator counts, for table headers and explanations.
    public var numeratorLabel: String {
        switch self {
        case .priority: "ménages prioritaires"
        case .outsideQPVFirstQuartile: "1er quartile ou relogés ANRU, hors QPV"
        case .inQPVAboveFirstQuartile: "quartiles 2 à 4, en QPV"
        }
    }

    /// What the denominator counts.
    public var denominatorLabel: String {
        switch self {
        case .priority: "attributions"
        case .outsideQPVFirstQuartile: "attributions hors QPV"
        case .inQPVAboveFirstQuartile: "attributions en QPV"
        }
    }
}

/// Whether transfers of sitting tenants (mutations) are counted.
public enum TransferCounting: String, Hashable, Sendable, Codable, CaseIterable {
    case included, excluded

    /// The review's own words.
    public var label: String { self == .included ? "mutations incluses" : "hors mutations" }
}

/// One obligation for one perimeter and year: numerator, denominator, share, objective, and the
/// allocations that were missing to reach it. Facts the register does not know are never
/// guessed: they are counted apart.
public struct ObligationFigure: Hashable, Sendable, Codable {
    public var obligation: AllocationObligation
    public var transfers: TransferCounting
    public var numerator: Int
    public var denominator: Int
    public var objective: Percentage
    /// numerator / denominator rounded half up to the basis point; nil without allocations.
    public var share: Percentage?
    /// Qualifying allocations lacking to reach the objective on this denominator:
    /// ⌈objective × denominator⌉ − numerator, 0 when reached.
    public var missing: Int
    /// Allocations left out of the denominator because their QPV situation is unknown
    /// (the two QPV obligations only).
    public var unknownQPV: Int
    /// Allocations left out because it is unknown whether they are transfers ("hors mutations" only).
    public var unknownTransfer: Int
    /// Allocations in the denominator whose resources (and quartile) are unknown: never counted
    /// in a quartile.
    public var unknownResources: Int
    /// Allocations in the denominator whose priority status the extract does not give: counted
    /// as not priority.
    public var unknownPriority: Int

    public init(obligation: AllocationObligation, transfers: TransferCounting, numerator: Int, denominator: Int,
                objective: Percentage, unknownQPV: Int = 0, unknownTransfer: Int = 0, unknownResources: Int = 0,
                unknownPriority: Int = 0) {
        self.obligation = obligation; self.transfers = transfers
        self.numerator = numerator; self.denominator = denominator; self.objective = objective
        self.share = Percentage.ratio(numerator, of: denominator)
        // Exact integers: ⌈bp × d / 10 000⌉ without any rounded share deciding.
        let required = (objective.basisPoints * denominator + 9_999) / 10_000
        self.missing = max(0, required - numerator)
        self.unknownQPV = unknownQPV; self.unknownTransfer = unknownTransfer
        self.unknownResources = unknownResources; self.unknownPriority = unknownPriority
    }

    /// Reached when numerator / denominator ≥ objective, compared exactly; nil without allocations.
    public var reached: Bool? {
        denominator == 0 ? nil : numerator * 10_000 >= objective.basisPoints * denominator
    }

    /// "12 attributions manquent pour atteindre 25 %", "objectif atteint", "aucune attribution".
    public var gapText: String {
        guard denominator > 0 else { return "aucune attribution" }
        guard missing > 0 else { return "objectif atteint" }
        let target = FrenchFormat.percent(objective, decimals: objective.basisPoints % 100 == 0 ? 0 : 2)
        return missing == 1 ? "1 attribution manque pour atteindre \(target)"
            : "\(FrenchFormat.integer(missing)) attributions manquent pour atteindre \(target)"
    }
}
