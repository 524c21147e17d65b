/// The indicators of a register for every year and every perimeter (agglomeration, landlords,
/// reservation holders, communes), in one pass over the allocations.
public struct AllocationReview: Sendable {
    public var rules: AllocationRules
    /// Years with at least one counted allocation, ascending.
    public var years: [Int]
    public var indicators: [AllocationIndicators]
    /// CAL decisions with no signed lease yet, by year of decision (counted in no year).
    public var awaitingLease: [Int: Int]
    /// Allocations with neither a lease nor a decision date.
    public var undated: Int
    /// Commune key → the spelling met first, for display.
    public var communeNames: [String: String]

    /// Reviews `allocations`; `years` and `landlordId` narrow what is kept (the agglomeration's
    /// figures then cover that landlord only, and say so where shown).
    public init(_ allocations: [Allocation], counter: AllocationCounter, years: Set<Int>? = nil, landlordId: String? = nil) {
        rules = counter.rules
        var groups: [AllocationScope: [Int: [Allocation]]] = [:]
        var awaiting: [Int: Int] = [:]
        var undated = 0
        var names: [String: String] = [:]
        for a in allocations {
            if let landlordId, a.landlordId != landlordId { continue }
            guard let year = a.year else {
                if let d = a.calDecisionDate { awaiting[d.year, default: 0] += 1 } else { undated += 1 }
                continue
            }
            if let years, !years.contains(year) { continue }
            let key = LooseName.key(a.commune)
            if names[key] == nil { names[key] = a.commune.trimmingCharacters(in: .whitespaces) }
            for scope in AllocationScope.scopes(of: a) { groups[scope, default: [:]][year, default: []].append(a) }
        }
        var out: [AllocationIndicators] = []
        for (scope, byYear) in groups {
            for (year, rows) in byYear { out.append(counter.indicators(rows, year: year, scope: scope)) }
        }
        indicators = out.sorted { ($0.scope, $0.year) < ($1.scope, $1.year) }
        self.years = Set(out.map(\.year)).sorted()
        awaitingLease = awaiting
        self.undated = undated
        communeNames = names
    }

    public func indicators(_ scope: AllocationScope, year: Int) -> AllocationIndicators? {
        indicators.first { $0.scope == scope && $0.year == year }
    }

    /// Perimeters of one kind present in the review ("landlords", …), sorted.
    public func scopes(where keep: (AllocationScope) -> Bool) -> [AllocationScope] {
        Array(Set(indicators.map(\.scope).filter(keep))).sorted()
    }

    public var landlordScopes: [AllocationScope] {
        scopes { if case .landlord = $0 { true } else if case .unresolvedLandlord = $0 { true } else { false } }
    }
    public var holderScopes: [AllocationScope] { scopes { if case .holder = $0 { true } else { false } } }
    public var communeScopes: [AllocationScope] { scopes { if case .commune = $0 { true } else { false } } }

    /// The review's columns: each year transfers included up to the year the rules change the
    /// count, excluded from that year on (both for that year), as the CIA review prints them.
    public var columns: [ReviewColumn] {
        years.flatMap { y -> [ReviewColumn] in
            guard let from = rules.priorityExcludesTransfersFrom.value else { return [ReviewColumn(year: y, transfers: .included)] }
            if y < from { return [ReviewColumn(year: y, transfers: .included)] }
            if y == from { return [ReviewColumn(year: y, transfers: .included), ReviewColumn(year: y, transfers: .excluded)] }
            return [ReviewColumn(year: y, transfers: .excluded)]
        }
    }
}

/// A column of the review's tables: a year, counted with or without transfers.
public struct ReviewColumn: Hashable, Sendable, Codable {
    public var year: Int
    public var transfers: TransferCounting

    public init(year: Int, transfers: TransferCounting) { self.year = year; self.transfers = transfers }

    /// "2022", "2022 hors mutations".
    public var title: String { transfers == .excluded ? "\(year) hors mutations" : "\(year)" }
}
