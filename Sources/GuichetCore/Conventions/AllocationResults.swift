import Foundation

/// Allocation results published for an agreement's review (CIA CABBALR 2020-2023), kept in a
/// seed file apart from the profile: they are observed history, imported once into storage,
/// not configuration. Figures as published; recomputable ones are checked, never corrected.
public struct AllocationResults: Hashable, Sendable, Codable {
    public var source: String?
    public var landlords: [LandlordResults]
    public var agglomeration: AgglomerationResults

    public struct LandlordResults: Hashable, Sendable, Codable {
        public var landlordId: String
        /// Spellings of this landlord in the published tables (resolved through the directory).
        public var sourceNames: [String]
        public var results: [ConventionYear]
    }

    public static func decode(_ data: Data) throws(ValidationError) -> AllocationResults {
        try JSONFileDecoding.decode(AllocationResults.self, from: data, file: "résultats d'attribution")
    }

    /// One agreement per landlord: the results, and the profile's objectives for the same years.
    public func conventions(objectives: AllocationObjectives) -> [Convention] {
        landlords.map { l in
            Convention(landlordId: l.landlordId,
                       objectives: l.results.map { ConventionYear(year: $0.year, allocations: AllocationShares(objectives: objectives)) },
                       results: l.results)
        }
    }

    /// Source names the directory does not resolve to the recorded landlord.
    public func unresolvedNames(in directory: LandlordDirectory) -> [String] {
        landlords.flatMap { l in l.sourceNames.filter { directory.match($0)?.id != l.landlordId } }
    }
}

/// Agglomeration-wide figures of the review.
public struct AgglomerationResults: Hashable, Sendable, Codable {
    public struct Rehousing: Hashable, Sendable, Codable {
        public var year: Int
        public var excludingTransfers: Bool
        public var rehoused: Int
        public var allocations: Int
        /// The share printed in the table by landlord ("TOTAL Agglomération").
        public var publishedShare: Percentage
        /// The same share as the headline table prints it ("% de relogt des PP"), when given:
        /// the two tables of the review do not always agree (2021: 22,80 % and 22,83 %).
        public var headlineTableShare: Percentage?
        public var computedShare: Percentage? { Percentage.ratio(rehoused, of: allocations) }
    }
    public struct YearCount: Hashable, Sendable, Codable {
        public var year: Int
        public var count: Int
    }
    public struct YearShare: Hashable, Sendable, Codable {
        public var year: Int
        public var share: Percentage
    }
    public struct StateContingent: Hashable, Sendable, Codable {
        public var year: Int
        public var rehoused: Int
        public var publishedShareOfObjective: Percentage
    }

    /// "Évolution d'une année sur l'autre" of the headline table, as printed.
    public struct YearOnYear: Hashable, Sendable, Codable {
        public var year: Int
        public var excludingTransfers: Bool
        /// Change of allocations, and of allocations to priority households.
        public var allocations: Percentage?
        public var priority: Percentage?
    }

    public var priorityRehousing: [Rehousing]
    public var outsideQPVFirstQuartile: [YearShare]
    /// Yearly objective of priority households to rehouse (all contingents).
    public var priorityObjective: [YearCount]
    public var rehousedAllContingents: [YearCount]
    public var stateContingent: [StateContingent]
    /// Total allocations including transfers.
    public var totalAllocations: [YearCount]
    /// Year-on-year changes as printed (absent from results stored before they were typed in).
    public var yearOnYearChanges: [YearOnYear]?

    /// The printed change of a year, counted with or without transfers.
    public func yearOnYear(_ year: Int, excludingTransfers: Bool) -> YearOnYear? {
        yearOnYearChanges?.first { $0.year == year && $0.excludingTransfers == excludingTransfers }
    }

    /// Counts of a year as the review gives them: (priority households, allocations).
    func counts(_ year: Int, excludingTransfers: Bool) -> (priority: Int?, allocations: Int?) {
        if let r = priorityRehousing.first(where: { $0.year == year && $0.excludingTransfers == excludingTransfers }) {
            return (r.rehoused, r.allocations)
        }
        guard !excludingTransfers else { return (nil, nil) }
        return (rehousedAllContingents.first { $0.year == year }?.count, totalAllocations.first { $0.year == year }?.count)
    }

    /// The State contingent's rehousing as a share of the year's objective.
    public func stateShareOfObjective(_ year: Int) -> Percentage? {
        guard let s = stateContingent.first(where: { $0.year == year }),
              let o = priorityObjective.first(where: { $0.year == year }) else { return nil }
        return Percentage.ratio(s.rehoused, of: o.count)
    }

    /// Published shares that their own counts do not give (to the basis point), and counts
    /// printed twice with different values.
    public var inconsistencies: [SourceInconsistency] {
        var out: [SourceInconsistency] = []
        for r in priorityRehousing {
            if let c = r.computedShare, c != r.publishedShare || (r.headlineTableShare.map { $0 != c } ?? false) {
                let headline = r.headlineTableShare.map { h in
                    h == r.publishedShare ? "" : ", \(FrenchFormat.percent(h, decimals: 2)) dans le tableau de synthèse"
                } ?? ""
                out.append(SourceInconsistency(landlordId: nil, year: r.year,
                    message: "Relogement des publics prioritaires \(r.year)\(r.excludingTransfers ? " (hors mutations)" : "") : "
                        + "\(r.rehoused) / \(FrenchFormat.integer(r.allocations)) = \(FrenchFormat.percent(c, decimals: 2)), "
                        + "publié \(FrenchFormat.percent(r.publishedShare, decimals: 2)) dans le tableau par bailleur" + headline))
            }
            if !r.excludingTransfers, let t = totalAllocations.first(where: { $0.year == r.year }), t.count != r.allocations {
                out.append(SourceInconsistency(landlordId: nil, year: r.year,
                    message: "Attributions \(r.year) : \(FrenchFormat.integer(t.count)) au total, \(FrenchFormat.integer(r.allocations)) dans le taux"))
            }
            if !r.excludingTransfers, let a = rehousedAllContingents.first(where: { $0.year == r.year }), a.count != r.rehoused {
                out.append(SourceInconsistency(landlordId: nil, year: r.year,
                    message: "Ménages prioritaires relogés \(r.year) : \(a.count) tous contingents, \(r.rehoused) dans le taux"))
            }
        }
        for change in yearOnYearChanges ?? [] {
            out += changeInconsistencies(change)
        }
        for s in stateContingent {
            if let c = stateShareOfObjective(s.year), c != s.publishedShareOfObjective {
                out.append(SourceInconsistency(landlordId: nil, year: s.year,
                    message: "Contingent État \(s.year) : \(FrenchFormat.percent(c, decimals: 2)) de l'objectif, "
                        + "publié \(FrenchFormat.percent(s.publishedShareOfObjective, decimals: 2))"))
            }
        }
        return out
    }

    /// A printed change its own counts do not give; when it is the change from the previous
    /// year's State contingent instead (2023: 456 / 394), the message says so.
    private func changeInconsistencies(_ c: YearOnYear) -> [SourceInconsistency] {
        let now = counts(c.year, excludingTransfers: c.excludingTransfers)
        let before = counts(c.year - 1, excludingTransfers: c.excludingTransfers)
        let variant = c.excludingTransfers ? " (hors mutations)" : ""
        func change(_ a: Int?, _ b: Int?) -> Percentage? {
            guard let a, let b, b > 0 else { return nil }
            return Percentage.ratio(a - b, of: b)
        }
        func signed(_ p: Percentage) -> String { (p.basisPoints > 0 ? "+" : "") + FrenchFormat.percent(p, decimals: 2) }
        var out: [SourceInconsistency] = []
        for (label, printed, a, b) in [("des attributions", c.allocations, now.allocations, before.allocations),
                                       ("des attributions au public prioritaire", c.priority, now.priority, before.priority)] {
            guard let printed, let a, let b, let computed = change(a, b), computed != printed else { continue }
            var message = "Évolution \(c.year)\(variant) \(label) : publiée \(signed(printed)), "
                + "\(FrenchFormat.integer(a)) / \(FrenchFormat.integer(b)) donne \(signed(computed))"
            if let state = stateContingent.first(where: { $0.year == c.year - 1 }), change(a, state.rehoused) == printed {
                message += " ; le chiffre publié est l'évolution par rapport au contingent État \(c.year - 1) "
                    + "(\(FrenchFormat.integer(a)) / \(FrenchFormat.integer(state.rehoused)))"
            }
            out.append(SourceInconsistency(landlordId: nil, year: c.year, message: message))
        }
        return out
    }
}
