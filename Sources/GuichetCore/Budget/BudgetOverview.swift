/// The budget of one year as the agent reads it (command line `guichet budget`, budget screen):
/// per scheme and per PLH action, envelope, committed, paid, remaining, dossier counts, and the
/// share committed against the share of the year elapsed; then the PLH synthesis (brief §3).
/// Amounts encode as integer cents, shares as basis points (`…Bp`: 3 512 = 35,12 %).
public struct BudgetOverview: Encodable, Sendable {
    public var year: Int
    public var referenceDate: CalendarDate
    public var yearElapsedBp: Int
    /// A line is under-consumed when its committed share lags the year elapsed by more than this.
    public var toleranceBp: Int
    public var schemes: [BudgetLineStatus]
    public var actions: [BudgetLineStatus]
    /// Sums over the schemes' own envelopes (shared envelopes counted once).
    public var total: BudgetLineStatus
    public var plh: PLHOverview?

    public init(ledger: BudgetLedger, plh: PLHProgramme?, year: Int, on date: CalendarDate,
                tolerance: Percentage = Percentage(percent: 20)) {
        let elapsed = BudgetLedger.elapsed(year: year, on: date)
        self.year = year; referenceDate = date; yearElapsedBp = elapsed.basisPoints; toleranceBp = tolerance.basisPoints
        func line(_ s: EnvelopeStatus, code: String, name: String, own: BudgetFigures) -> BudgetLineStatus {
            BudgetLineStatus(code: code, name: name, envelopeOf: s.label, envelope: s.envelope, approximate: s.approximate,
                             committed: own.committed, paid: own.paid, envelopeCommitted: s.committed, remaining: s.remaining,
                             counts: own.counts, elapsed: elapsed, tolerance: tolerance)
        }
        schemes = ledger.catalog.schemes.map { sc in
            line(ledger.envelopeStatus(scheme: sc.code, year: year), code: sc.code, name: sc.name, own: ledger.figures(scheme: sc.code, year: year))
        }
        let actionNumbers = Set(ledger.catalog.schemes.map(\.budgetAction)).sorted()
        actions = actionNumbers.map { a in
            let s = ledger.actionStatus(action: a, year: year)
            return line(s, code: "\(a)", name: plh?.action(a)?.title ?? "Action \(a)", own: s.figures)
        }
        let envelopes = ledger.envelopes(year: year)
        let figures = envelopes.map(\.figures).reduce(BudgetFigures(scheme: "total", year: year), +)
        let yearly = envelopes.compactMap(\.envelope)
        total = BudgetLineStatus(code: "total", name: "Total des enveloppes", envelopeOf: "total",
                                 envelope: yearly.isEmpty ? nil : yearly.sum { $0 }, approximate: false,
                                 committed: figures.committed, paid: figures.paid, envelopeCommitted: figures.committed,
                                 remaining: yearly.isEmpty ? nil : yearly.sum { $0 } - figures.committed,
                                 counts: figures.counts, elapsed: elapsed, tolerance: tolerance)
        self.plh = plh.map { PLHOverview(plh: $0, ledger: ledger, year: year) }
    }
}

public struct BudgetLineStatus: Encodable, Sendable {
    public var code: String
    public var name: String
    /// The scheme owning the envelope (a scheme paid on another's envelope names it), or "Action n".
    public var envelopeOf: String
    public var envelope: Money?
    public var approximate: Bool
    /// This line's own commitments and payments.
    public var committed: Money
    public var paid: Money
    /// Everything committed on the envelope (with schemes sharing it).
    public var envelopeCommitted: Money
    public var remaining: Money?
    public var dossiers: Int
    public var counts: [String: Int]
    public var committedShareBp: Int?
    public var underConsumed: Bool
    public var overspent: Bool

    init(code: String, name: String, envelopeOf: String, envelope: Money?, approximate: Bool, committed: Money, paid: Money,
         envelopeCommitted: Money, remaining: Money?, counts: [DossierStatus: Int], elapsed: Percentage, tolerance: Percentage) {
        self.code = code; self.name = name; self.envelopeOf = envelopeOf; self.envelope = envelope; self.approximate = approximate
        self.committed = committed; self.paid = paid; self.envelopeCommitted = envelopeCommitted; self.remaining = remaining
        self.dossiers = counts.values.reduce(0, +)
        self.counts = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        let share = envelope.flatMap { $0.cents > 0 ? Percentage.ratio(envelopeCommitted.cents, of: $0.cents) : nil }
        committedShareBp = share?.basisPoints
        underConsumed = share.map { $0.basisPoints + tolerance.basisPoints < elapsed.basisPoints } ?? false
        overspent = remaining.map(\.isNegative) ?? false
    }
}

/// The PLH synthesis table (brief §3) with, per action, what was committed and paid on it.
public struct PLHOverview: Encodable, Sendable {
    public struct Line: Encodable, Sendable {
        public var action: Int
        public var title: String
        public var budgetNote: String?
        public var investment: Money?
        public var investmentPerYear: Money?
        public var investmentOutsideBudget: Bool
        public var operating: Money?
        public var operatingPerYear: Money?
        public var operatingOutsideBudget: Bool
        public var schemes: [String]
        public var committedYear: Money
        public var paidYear: Money
        public var committedPeriod: Money
        public var paidPeriod: Money
    }
    public struct Totals: Encodable, Sendable {
        public var inside: Money
        public var insidePerYear: Money
        public var outside: Money
        public var outsidePerYear: Money
    }
    public var title: String
    public var firstYear: Int
    public var lastYear: Int
    public var lines: [Line]
    public var investment: Totals
    public var operating: Totals
    public var committedYear: Money
    public var paidYear: Money
    public var committedPeriod: Money
    public var paidPeriod: Money

    public init(plh: PLHProgramme, ledger: BudgetLedger, year: Int) {
        title = plh.title; firstYear = plh.firstYear; lastYear = plh.lastYear
        let rows = PLHSynthesis.rows(plh: plh, ledger: ledger)
        lines = rows.map { r in
            let y = r.years.first { $0.year == year }
            let action = plh.action(r.action)
            return Line(action: r.action, title: r.title, budgetNote: action?.budgetNote,
                        investment: r.investment?.sixYears, investmentPerYear: r.investmentPerYear,
                        investmentOutsideBudget: r.investment?.outsideBudget ?? false,
                        operating: r.operating?.sixYears, operatingPerYear: r.operatingPerYear,
                        operatingOutsideBudget: r.operating?.outsideBudget ?? false, schemes: r.schemes,
                        committedYear: y?.committed ?? .zero, paidYear: y?.paid ?? .zero,
                        committedPeriod: r.committedOverPeriod, paidPeriod: r.paidOverPeriod)
        }
        func totals(_ k: BudgetKind) -> Totals {
            let t = plh.totals(k)
            return Totals(inside: t.inside, insidePerYear: t.insidePerYear, outside: t.outside, outsidePerYear: t.outsidePerYear)
        }
        investment = totals(.investment); operating = totals(.operating)
        committedYear = lines.sum(\.committedYear); paidYear = lines.sum(\.paidYear)
        committedPeriod = lines.sum(\.committedPeriod); paidPeriod = lines.sum(\.paidPeriod)
    }
}
