/// Objective against result, per landlord, year and indicator: what the review screen shows.
public struct ReviewLine: Hashable, Sendable, Codable {
    public enum Indicator: String, Hashable, Sendable, Codable, CaseIterable {
        case productionPLUS, productionPLAI, productionPLS, rehabilitation
        case allocationPriority, allocationPriorityExcludingTransfers
        case allocationOutsideQPVFirstQuartile, allocationInQPVAboveFirstQuartile, sales

        public var label: String {
            switch self {
            case .productionPLUS: "production PLUS"
            case .productionPLAI: "production PLAI"
            case .productionPLS: "production PLS"
            case .rehabilitation: "logements réhabilités"
            case .allocationPriority: "attributions aux publics prioritaires"
            case .allocationPriorityExcludingTransfers: "attributions aux publics prioritaires (hors mutations)"
            case .allocationOutsideQPVFirstQuartile: "attributions hors QPV au 1er quartile"
            case .allocationInQPVAboveFirstQuartile: "attributions en QPV au-dessus du 1er quartile"
            case .sales: "ventes"
            }
        }
        /// Shares are in basis points, the rest in units.
        public var isShare: Bool { rawValue.hasPrefix("allocation") }
    }
    public enum ResultSource: String, Hashable, Sendable, Codable { case entered, derivedFromProgrammes, none }

    public var landlordId: String
    public var year: Int
    public var indicator: Indicator
    /// Units, or basis points for shares.
    public var objective: Int
    public var result: Int?
    public var resultSource: ResultSource
    /// result − objective; nil without a result.
    public var gap: Int? { result.map { $0 - objective } }
    /// Every objective is a minimum: missed when the result is below it.
    public var missed: Bool { result.map { $0 < objective } ?? false }
    public var hasResult: Bool { result != nil }
}

/// A figure of the sources that does not add up, flagged and left as given.
public struct SourceInconsistency: Hashable, Sendable, Codable {
    public var landlordId: String?
    public var year: Int?
    public var message: String

    public init(landlordId: String?, year: Int?, message: String) {
        self.landlordId = landlordId; self.year = year; self.message = message
    }
}

public enum ConventionReview {
    /// Review lines for every objective of every agreement. Production and rehabilitation results
    /// entered in the agreement win; else they are summed from the landlord's programmes of the
    /// financing year (known values only).
    public static func review(_ conventions: [Convention], construction: [ConstructionProgramme] = [],
                              rehabilitation: [RehabilitationProgramme] = []) -> [ReviewLine] {
        var lines: [ReviewLine] = []
        for convention in conventions {
            let id = convention.landlordId
            for objective in convention.objectives.sorted(by: { $0.year < $1.year }) {
                let entered = convention.results.first { $0.year == objective.year }
                let built = construction.filter { $0.landlordId == id && $0.financingYear.value == objective.year }
                let renovated = rehabilitation.filter { $0.landlordId == id && $0.financingYear.value == objective.year }
                func derived(_ values: [SourceValue<Int>]) -> Int? {
                    let known = values.compactMap(\.value)
                    return known.isEmpty ? nil : known.reduce(0, +)
                }
                func add(_ indicator: ReviewLine.Indicator, _ target: Int?, entered value: Int?, derived fallback: Int? = nil) {
                    guard let target else { return }
                    let source: ReviewLine.ResultSource = value != nil ? .entered : (fallback != nil ? .derivedFromProgrammes : .none)
                    lines.append(ReviewLine(landlordId: id, year: objective.year, indicator: indicator, objective: target,
                                            result: value ?? fallback, resultSource: source))
                }
                let o = objective, r = entered
                add(.productionPLUS, o.production?.plus, entered: r?.production?.plus, derived: derived(built.map(\.plus)))
                add(.productionPLAI, o.production?.plai, entered: r?.production?.plai, derived: derived(built.map(\.plai)))
                add(.productionPLS, o.production?.pls, entered: r?.production?.pls, derived: derived(built.map(\.pls)))
                add(.rehabilitation, o.rehabilitationDwellings, entered: r?.rehabilitationDwellings,
                    derived: derived(renovated.map(\.dwellings)))
                let oa = o.allocations, ra = r?.allocations
                add(.allocationPriority, oa?.priorityHouseholds?.basisPoints, entered: ra?.priorityHouseholds?.basisPoints)
                add(.allocationPriorityExcludingTransfers, oa?.priorityHouseholdsExcludingTransfers?.basisPoints,
                    entered: ra?.priorityHouseholdsExcludingTransfers?.basisPoints)
                add(.allocationOutsideQPVFirstQuartile, oa?.outsideQPVFirstQuartile?.basisPoints,
                    entered: ra?.outsideQPVFirstQuartile?.basisPoints)
                add(.allocationInQPVAboveFirstQuartile, oa?.inQPVAboveFirstQuartile?.basisPoints,
                    entered: ra?.inQPVAboveFirstQuartile?.basisPoints)
                add(.sales, o.sales, entered: r?.sales)
            }
        }
        return lines
    }

    /// Totals that are not the sum of their parts, in agreements and in the landlords' figures.
    /// With `publishedTotals`, the source's total row is also compared with the landlords' rows.
    public static func inconsistencies(_ conventions: [Convention], landlords: [Landlord] = [],
                                       publishedTotals: LandlordsProfile.PublishedTotals? = nil) -> [SourceInconsistency] {
        var out: [SourceInconsistency] = []
        for c in conventions {
            for (kind, years) in [("objectif", c.objectives), ("résultat", c.results)] {
                for y in years {
                    if let m = y.production?.inconsistency {
                        out.append(SourceInconsistency(landlordId: c.landlordId, year: y.year, message: "Production (\(kind) \(y.year)) : \(m)"))
                    }
                }
            }
        }
        for l in landlords {
            if let m = l.stock?.inconsistency {
                out.append(SourceInconsistency(landlordId: l.id, year: nil, message: "\(l.name) : \(m)"))
            }
        }
        if let publishedTotals {
            let table = LandlordsProfile(landlords: landlords, publishedTotals: publishedTotals)
            out += table.totalRowInconsistencies.map { SourceInconsistency(landlordId: nil, year: nil, message: $0) }
        }
        return out
    }
}
