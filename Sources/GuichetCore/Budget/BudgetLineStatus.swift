/// The years a budget figure covers: one year of the PLH, or its whole period.
public enum BudgetPeriod: Sendable, Equatable {
    case year(Int)
    case whole
}

/// When an envelope is under-consumed: its committed share lags the share of the year elapsed by
/// more than the tolerance. The one place the rule is written; the screen, the command line and
/// the bilan read its result from `BudgetOverview`.
public struct ConsumptionRule: Sendable, Equatable {
    public var tolerance: Percentage

    public init(tolerance: Percentage = Percentage(percent: 20)) { self.tolerance = tolerance }

    public func lags(committedShare share: Percentage, elapsed: Percentage) -> Bool {
        share.basisPoints + tolerance.basisPoints < elapsed.basisPoints
    }
}

/// One row of the budget (a scheme, a budget line, an action, a total) over the chosen years:
/// envelope, committed, paid, remaining, dossiers, committed share, under-consumption and
/// overspend. Amounts encode as integer cents, shares as basis points.
public struct BudgetLineStatus: Encodable, Sendable, Equatable {
    public var code: String
    public var name: String
    /// The scheme owning the envelope (a scheme paid on another's envelope names it), the line id, or "Action n".
    public var envelopeOf: String
    /// The envelope of the chosen years (with a period total in the whole-period view).
    public var envelope: Money?
    /// A total over the PLH period, shown apart in a year's view.
    public var periodEnvelope: Money?
    /// The envelope is only a total over the period (a study, a one-off project): in a year's view
    /// `envelope` is what the other years left of it.
    public var periodOnly: Bool
    public var approximate: Bool
    /// This row's own commitments and payments.
    public var committed: Money
    public var paid: Money
    /// Everything committed on the envelope (with schemes sharing it).
    public var envelopeCommitted: Money
    public var remaining: Money?
    public var dossiers: Int
    public var counts: [String: Int]
    public var committedShareBp: Int?
    public var underConsumed: Bool
    /// The years whose committed share lags the year elapsed.
    public var underConsumedYears: [Int]
    public var overspent: Bool
    /// Schemes drawing on this envelope besides the row's own (the architect fee on the innovation fund).
    public var sharedWith: [String]
    /// The PLH action paying it.
    public var action: Int?
    /// Investment or operating, for budget lines and scheme rows.
    public var kind: String?
    public var outsideBudget: Bool
    /// The year's average per dwelling of a scheme whose rule is an average.
    public var average: AverageFigures?
    /// Where the envelope's amount comes from.
    public var source: String?

    public struct AverageFigures: Encodable, Sendable, Equatable {
        public var target: Money
        public var average: Money?
        public var granted: Money
        public var dwellings: Int
        public var aboveTarget: Bool
    }

    /// Builds a row from the envelope of each chosen year and this row's own figures in them.
    /// `wholePeriod`: the period total joins the envelope once; in a year's view, what the period
    /// total leaves for that year (the total minus the other years' commitments) does.
    init(code: String, name: String, envelopeOf: String, years: [EnvelopeStatus], own: [EnvelopeStatus], wholePeriod: Bool,
         on date: CalendarDate, rule: ConsumptionRule) {
        self.code = code; self.name = name; self.envelopeOf = envelopeOf
        let yearly = years.compactMap(\.envelope)
        let period = years.first?.periodEnvelope
        var envelope: Money? = yearly.isEmpty ? nil : yearly.sum { $0 }
        if wholePeriod, let period { envelope = (envelope ?? .zero) + period }
        let available = years.compactMap(\.periodAvailable)
        if !wholePeriod, !available.isEmpty { envelope = (envelope ?? .zero) + available.sum { $0 } }
        self.envelope = envelope
        self.periodEnvelope = period
        periodOnly = period != nil && yearly.isEmpty
        approximate = years.contains { $0.approximate }
        committed = own.sum(\.committed)
        paid = own.sum(\.paid)
        let envelopeCommitted = years.sum(\.committed)
        self.envelopeCommitted = envelopeCommitted
        remaining = envelope.map { $0 - envelopeCommitted }
        var counts: [String: Int] = [:]
        for s in own { for (k, v) in s.counts { counts[k.rawValue, default: 0] += v } }
        self.counts = counts
        dossiers = counts.values.reduce(0, +)
        committedShareBp = envelope.flatMap { $0.cents > 0 ? Percentage.ratio(envelopeCommitted.cents, of: $0.cents)?.basisPoints : nil }
        let lagging = years.compactMap { s -> Int? in
            guard s.paceMatters, let share = s.committedShare else { return nil }
            return rule.lags(committedShare: share, elapsed: BudgetLedger.elapsed(year: s.year, on: date)) ? s.year : nil
        }
        underConsumedYears = lagging
        underConsumed = !lagging.isEmpty
        let remaining = self.remaining
        overspent = years.contains { ($0.remaining?.isNegative ?? false) || $0.periodOverspent } || (remaining?.isNegative ?? false)
        sharedWith = []
        action = nil
        kind = nil
        outsideBudget = false
        average = nil
        source = nil
    }

    /// No envelope, normal, under-consumed or overspent: how the screen colours the share.
    public var consumption: Consumption {
        if envelope == nil { return .noEnvelope }
        if overspent { return .over }
        return underConsumed ? .under(years: underConsumedYears) : .normal
    }

    public enum Consumption: Sendable, Equatable {
        case noEnvelope, normal, under(years: [Int]), over
    }
}
