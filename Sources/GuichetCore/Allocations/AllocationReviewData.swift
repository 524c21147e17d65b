/// Everything the CIA review shows, ready for a screen, a report or the command line: the
/// register's indicators, the headline table, the published figures beside them, names for the
/// perimeters, and the sources' own inconsistencies.
public struct AllocationReviewData: Sendable {
    public var review: AllocationReview
    public var headline: AgglomerationHeadline
    public var published: PublishedAllocationFigures
    public var counter: AllocationCounter
    /// Allocations in the register (all years, leases signed or not).
    public var registerSize: Int
    /// Landlord id → name as the directory spells it.
    public var landlordNames: [String: String]
    /// Figures of the published review that do not agree with themselves.
    public var inconsistencies: [SourceInconsistency]

    public init(allocations: [Allocation], counter: AllocationCounter, published: PublishedAllocationFigures,
                landlords: [Landlord]) {
        review = AllocationReview(allocations, counter: counter)
        headline = AgglomerationHeadline(review: review, published: published)
        self.published = published
        self.counter = counter
        registerSize = allocations.count
        landlordNames = Dictionary(landlords.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        inconsistencies = published.agglomeration?.inconsistencies ?? []
    }

    public var rules: AllocationRules { counter.rules }

    /// "Agglomération", "SIA Habitat", "Bailleur inconnu « HLM X »", "Commune de Béthune", "Béthune".
    public func name(_ scope: AllocationScope) -> String {
        switch scope {
        case .agglomeration: "Agglomération"
        case .landlord(let id): landlordNames[id] ?? id
        case .unresolvedLandlord(let name): "Bailleur non reconnu « \(name) »"
        case .holder(let h?): h.label
        case .holder(nil): "Réservataire non renseigné"
        case .commune(let key): review.communeNames[key] ?? key
        }
    }

    /// The published share beside a computed figure of the review, for its own column.
    public func published(_ figure: ObligationFigure, scope: AllocationScope, year: Int) -> PublishedValue? {
        published.share(figure.obligation, scope: scope, column: ReviewColumn(year: year, transfers: figure.transfers))
    }

    /// The variant the review quotes for an obligation in a year.
    public func headlineCounting(_ obligation: AllocationObligation, year: Int) -> TransferCounting {
        AllocationIndicators.headlineCounting(obligation, year: year, rules: rules)
    }
}
