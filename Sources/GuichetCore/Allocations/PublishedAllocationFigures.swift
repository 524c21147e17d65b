/// A figure of the published review (typed in from the document and stored), with the perimeter
/// it was computed on: published and computed figures are compared only with that said.
public struct PublishedValue: Hashable, Sendable, Codable {
    /// Units, or basis points for shares.
    public var value: Int
    public var perimeter: String

    public init(value: Int, perimeter: String) { self.value = value; self.perimeter = perimeter }
}

/// A computed figure beside the published one; `differs` when both exist and are not equal.
public struct ComparedValue: Hashable, Sendable, Codable {
    public var computed: Int?
    public var published: PublishedValue?
    public var differs: Bool { computed != nil && published != nil && computed != published?.value }

    public init(computed: Int?, published: PublishedValue?) { self.computed = computed; self.published = published }
}

/// The stored published results of the review (conventions' results per landlord, the
/// agglomeration's figures), looked up by perimeter, obligation and column.
public struct PublishedAllocationFigures: Sendable {
    public var agglomeration: AgglomerationResults?
    public var conventions: [String: Convention]

    public init(agglomeration: AgglomerationResults?, conventions: [Convention]) {
        self.agglomeration = agglomeration
        self.conventions = Dictionary(conventions.map { ($0.landlordId, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Perimeters of the review's tables, in its own words where it states them.
    public enum Perimeter {
        public static let landlordPriority = "données à l'arrondissement, contingent préfectoral "
            + "(ménages prioritaires sous SYPLO / attributions du SNE)"
        public static let agglomerationPriority = "agglomération, tous contingents confondus"
        public static let agglomerationStateOnly = "agglomération, contingent préfectoral (tous contingents non publié)"
        public static let outsideQPV = "source DREAL"
        public static let computed = "registre des attributions, à l'agglomération"
    }

    /// The published share of an obligation for a perimeter and a column, nil when the review
    /// has none there (the in-QPV obligation has no published result at all).
    public func share(_ obligation: AllocationObligation, scope: AllocationScope, column: ReviewColumn) -> PublishedValue? {
        switch (scope, obligation) {
        case (.agglomeration, .priority):
            guard let r = rehousing(column) else { return nil }
            return PublishedValue(value: r.publishedShare.basisPoints, perimeter: agglomerationPerimeter(column))
        case (.agglomeration, .outsideQPVFirstQuartile):
            guard column.transfers == .included, let s = agglomeration?.outsideQPVFirstQuartile.first(where: { $0.year == column.year })
            else { return nil }
            return PublishedValue(value: s.share.basisPoints, perimeter: Perimeter.outsideQPV)
        case (.landlord(let id), .priority):
            let a = result(id, column.year)
            let v = column.transfers == .included ? a?.priorityHouseholds : a?.priorityHouseholdsExcludingTransfers
            return v.map { PublishedValue(value: $0.basisPoints, perimeter: Perimeter.landlordPriority) }
        case (.landlord(let id), .outsideQPVFirstQuartile):
            guard column.transfers == .included, let v = result(id, column.year)?.outsideQPVFirstQuartile else { return nil }
            return PublishedValue(value: v.basisPoints, perimeter: Perimeter.outsideQPV)
        default:
            return nil
        }
    }

    /// Published priority households rehoused, allocations, State contingent and objective of
    /// the agglomeration for a column.
    public func rehoused(_ column: ReviewColumn) -> PublishedValue? {
        if let r = rehousing(column) { return PublishedValue(value: r.rehoused, perimeter: agglomerationPerimeter(column)) }
        guard column.transfers == .included, let c = agglomeration?.rehousedAllContingents.first(where: { $0.year == column.year })
        else { return nil }
        return PublishedValue(value: c.count, perimeter: Perimeter.agglomerationPriority)
    }

    public func allocations(_ column: ReviewColumn) -> PublishedValue? {
        if let r = rehousing(column) { return PublishedValue(value: r.allocations, perimeter: Perimeter.agglomerationPriority) }
        guard column.transfers == .included, let c = agglomeration?.totalAllocations.first(where: { $0.year == column.year })
        else { return nil }
        return PublishedValue(value: c.count, perimeter: Perimeter.agglomerationPriority)
    }

    public func stateRehoused(_ year: Int) -> PublishedValue? {
        agglomeration?.stateContingent.first { $0.year == year }
            .map { PublishedValue(value: $0.rehoused, perimeter: "contingent préfectoral") }
    }

    public func stateShareOfObjective(_ year: Int) -> PublishedValue? {
        agglomeration?.stateContingent.first { $0.year == year }
            .map { PublishedValue(value: $0.publishedShareOfObjective.basisPoints, perimeter: "contingent préfectoral") }
    }

    /// The printed year-on-year changes of allocations and of priority households for a column.
    public func changes(_ column: ReviewColumn) -> (allocations: PublishedValue?, priority: PublishedValue?) {
        guard let c = agglomeration?.yearOnYear(column.year, excludingTransfers: column.transfers == .excluded) else { return (nil, nil) }
        let perimeter = agglomerationPerimeter(column)
        return (c.allocations.map { PublishedValue(value: $0.basisPoints, perimeter: Perimeter.agglomerationPriority) },
                c.priority.map { PublishedValue(value: $0.basisPoints, perimeter: perimeter) })
    }

    /// The yearly objective of priority households to rehouse (a count set for the agglomeration).
    public func priorityObjective(_ year: Int) -> Int? {
        agglomeration?.priorityObjective.first { $0.year == year }?.count
    }

    private func rehousing(_ column: ReviewColumn) -> AgglomerationResults.Rehousing? {
        agglomeration?.priorityRehousing.first { $0.year == column.year && $0.excludingTransfers == (column.transfers == .excluded) }
    }

    private func result(_ landlordId: String, _ year: Int) -> AllocationShares? {
        conventions[landlordId]?.results.first { $0.year == year }?.allocations
    }

    /// The 2023 rate "correspond au contingent préfectoral": when the review gives no
    /// all-contingents count for a year, its agglomeration rate is the State contingent's.
    private func agglomerationPerimeter(_ column: ReviewColumn) -> String {
        let allContingents = agglomeration?.rehousedAllContingents.contains { $0.year == column.year } ?? false
        let state = agglomeration?.stateContingent.first { $0.year == column.year }
        if !allContingents, let state, state.rehoused == rehousing(column)?.rehoused { return Perimeter.agglomerationStateOnly }
        return Perimeter.agglomerationPriority
    }
}
