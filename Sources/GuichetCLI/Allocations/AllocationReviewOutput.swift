import GuichetCore

/// The JSON of `guichet allocations review`: counts in units, shares and objectives in basis
/// points (2 500 = 25 %), the published figure beside each computed one with its perimeter.
struct AllocationReviewOutput: Encodable {
    struct Rules: Encodable {
        var firstQuartileBoundary: String
        var firstQuartileBoundarySource: String
        var priorityExcludesTransfersFrom: Int?
        var priorityExcludesTransfersSource: String
        var qpvSharesExcludeTransfers: Bool
        var qpvSharesSource: String
    }
    struct Published: Encodable {
        var basisPoints: Int
        var perimeter: String
    }
    struct Obligation: Encodable {
        var obligation: AllocationObligation
        var label: String
        /// "included" or "excluded".
        var transfers: TransferCounting
        /// True for the variant the review quotes that year.
        var headline: Bool
        var numerator: Int
        var denominator: Int
        var shareBasisPoints: Int?
        var objectiveBasisPoints: Int
        var reached: Bool?
        var missing: Int
        var gap: String
        var unknownQPV: Int
        var unknownTransfer: Int
        var unknownResources: Int
        var unknownPriority: Int
        var published: Published?
        var differsFromPublished: Bool
    }
    struct Perimeter: Encodable {
        var scope: String
        var name: String
        var allocations: Int
        var transfers: Int
        var firstAllocations: Int
        var unknownTransfer: Int
        var priority: Int
        var priorityExcludingTransfers: Int
        var outsideQPV: Int
        var inQPV: Int
        var unknownQPV: Int
        var anruRehousings: Int
        var obligations: [Obligation]
    }
    struct Threshold: Encodable { var year: Int; var centsPerUc: Int64 }
    struct Year: Encodable {
        var year: Int
        var threshold: Threshold?
        var agglomeration: Perimeter?
        var landlords: [Perimeter]
        var holders: [Perimeter]
        var communes: [Perimeter]
    }
    struct Cell: Encodable {
        var computed: Int?
        var published: Int?
        var perimeter: String?
        var differs: Bool
    }
    struct HeadlineRow: Encodable {
        var label: String
        /// "count" or "basisPoints".
        var unit: String
        var cells: [Cell]
    }
    struct Headline: Encodable {
        var columns: [String]
        var rows: [HeadlineRow]
    }

    var rules: Rules
    var registerSize: Int
    var landlord: String?
    var years: [Year]
    var headline: Headline
    /// CAL decisions whose lease is not signed yet, by year of decision.
    var awaitingLease: [String: Int]
    var undated: Int
    var inconsistencies: [SourceInconsistency]

    init(_ data: AllocationReviewData, year: Int?, landlordId: String?) {
        let r = data.rules
        rules = Rules(firstQuartileBoundary: r.firstQuartileBoundary.value.rawValue, firstQuartileBoundarySource: r.firstQuartileBoundary.source.frenchDescription,
                      priorityExcludesTransfersFrom: r.priorityExcludesTransfersFrom.value,
                      priorityExcludesTransfersSource: r.priorityExcludesTransfersFrom.source.frenchDescription,
                      qpvSharesExcludeTransfers: r.qpvSharesExcludeTransfers.value, qpvSharesSource: r.qpvSharesExcludeTransfers.source.frenchDescription)
        registerSize = data.registerSize
        landlord = landlordId
        let review = data.review
        func perimeter(_ scope: AllocationScope, _ y: Int) -> Perimeter? {
            guard let i = review.indicators(scope, year: y) else { return nil }
            return Perimeter(
                scope: scope.key, name: data.name(scope), allocations: i.allocations, transfers: i.transfers,
                firstAllocations: i.firstAllocations, unknownTransfer: i.unknownTransfer, priority: i.priority,
                priorityExcludingTransfers: i.priorityExcludingTransfers, outsideQPV: i.outsideQPV, inQPV: i.inQPV,
                unknownQPV: i.unknownQPV, anruRehousings: i.anruRehousings,
                obligations: i.figures.map { f in
                    let p = data.published(f, scope: scope, year: y)
                    return Obligation(obligation: f.obligation, label: f.obligation.label, transfers: f.transfers,
                                      headline: data.headlineCounting(f.obligation, year: y) == f.transfers,
                                      numerator: f.numerator, denominator: f.denominator, shareBasisPoints: f.share?.basisPoints,
                                      objectiveBasisPoints: f.objective.basisPoints, reached: f.reached, missing: f.missing,
                                      gap: f.gapText, unknownQPV: f.unknownQPV, unknownTransfer: f.unknownTransfer,
                                      unknownResources: f.unknownResources, unknownPriority: f.unknownPriority,
                                      published: p.map { Published(basisPoints: $0.value, perimeter: $0.perimeter) },
                                      differsFromPublished: p != nil && f.share != nil && p?.value != f.share?.basisPoints)
                })
        }
        let landlordScopes = review.landlordScopes.filter { landlordId == nil || $0 == .landlord(landlordId!) }
        years = review.years.filter { year == nil || $0 == year }.map { y in
            Year(year: y, threshold: data.counter.threshold(for: y).map { Threshold(year: $0.year, centsPerUc: $0.perUc.cents) },
                 agglomeration: perimeter(.agglomeration, y),
                 landlords: landlordScopes.compactMap { perimeter($0, y) },
                 holders: landlordId == nil ? review.holderScopes.compactMap { perimeter($0, y) } : [],
                 communes: landlordId == nil ? review.communeScopes.compactMap { perimeter($0, y) } : [])
        }
        let h = data.headline
        let kept = h.columns.indices.filter { year == nil || h.columns[$0].year == year }
        headline = Headline(columns: kept.map { h.columns[$0].title }, rows: h.rows.map { row in
            HeadlineRow(label: row.label, unit: row.unit.rawValue, cells: kept.map { i in
                let c = row.cells[i]
                return Cell(computed: c.computed, published: c.published?.value, perimeter: c.published?.perimeter, differs: c.differs)
            })
        })
        awaitingLease = Dictionary(review.awaitingLease.map { (String($0.key), $0.value) }, uniquingKeysWith: +)
        undated = review.undated
        inconsistencies = data.inconsistencies.filter { year == nil || $0.year == nil || $0.year == year }
    }
}
