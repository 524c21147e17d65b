/// Money and counts of one scheme for one year: the shape storage aggregates (later in SQL).
///
/// Year attribution: a granted dossier counts in its envelope year (the decision's year),
/// every other dossier in the year of its number. Paid and released amounts follow the grant's year.
public struct BudgetFigures: Codable, Sendable, Equatable {
    public var scheme: String
    public var year: Int
    /// Sum of granted amounts.
    public var granted: Money
    /// Given back by cancellations (granted minus paid at cancellation).
    public var released: Money
    public var paid: Money
    public var counts: [DossierStatus: Int]
    /// Grants that still hold (not cancelled) and their dwellings: the year's average per dwelling
    /// of a scheme whose rule is an average (`averagePerDwelling`) is `grantsHeld / dwellingsHeld`.
    public var grantsHeld: Money
    public var dwellingsHeld: Int

    public init(scheme: String, year: Int, granted: Money = .zero, released: Money = .zero, paid: Money = .zero,
                counts: [DossierStatus: Int] = [:], grantsHeld: Money = .zero, dwellingsHeld: Int = 0) {
        self.scheme = scheme; self.year = year; self.granted = granted; self.released = released
        self.paid = paid; self.counts = counts; self.grantsHeld = grantsHeld; self.dwellingsHeld = dwellingsHeld
    }

    /// Statuses whose grant counts in the year's average per dwelling.
    public static let grantHolding: Set<DossierStatus> = [.granted, .partiallyPaid, .settled]

    /// The year's average granted per dwelling; nil before any grant.
    public var averagePerDwelling: Money? {
        dwellingsHeld > 0 ? grantsHeld.divided(by: dwellingsHeld) : nil
    }

    public var key: BudgetKey { BudgetKey(scheme: scheme, year: year) }
    /// What the envelope carries: granted minus released.
    public var committed: Money { granted - released }
    public var dossierCount: Int { counts.values.reduce(0, +) }

    public static func budgetYear(of d: AidDossier) -> Int { d.grant?.envelopeYear ?? d.number.year }

    /// Adds one dossier's figures.
    public mutating func add(_ d: AidDossier) {
        counts[d.status, default: 0] += 1
        guard let g = d.grant else { return }
        granted += g.amount
        if Self.grantHolding.contains(d.status) { grantsHeld += g.amount; dwellingsHeld += d.property.dwellings }
        paid += d.paidAmount
        released += d.closure?.released ?? .zero
    }

    public static func + (a: BudgetFigures, b: BudgetFigures) -> BudgetFigures {
        var r = a
        r.granted += b.granted; r.released += b.released; r.paid += b.paid
        r.grantsHeld += b.grantsHeld; r.dwellingsHeld += b.dwellingsHeld
        r.counts.merge(b.counts, uniquingKeysWith: +)
        return r
    }

    /// Figures per (scheme, year) of a set of dossiers, sorted by scheme then year.
    public static func aggregate<S: Sequence>(_ dossiers: S) -> [BudgetFigures] where S.Element == AidDossier {
        var out: [BudgetKey: BudgetFigures] = [:]
        for d in dossiers {
            let key = BudgetKey(scheme: d.schemeCode, year: budgetYear(of: d))
            out[key, default: BudgetFigures(scheme: key.scheme, year: key.year)].add(d)
        }
        return out.values.sorted { ($0.scheme, $0.year) < ($1.scheme, $1.year) }
    }
}

public struct BudgetKey: Hashable, Sendable, Codable {
    public var scheme: String
    public var year: Int
    public init(scheme: String, year: Int) { self.scheme = scheme; self.year = year }
}
