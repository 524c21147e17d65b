import GuichetCore

/// What the Budget section shows for one year of the PLH or its whole period, computed from the
/// ledger (no GTK here, so tests can check it directly). Under-spending uses the ledger's own rule
/// (`BudgetLedger.underSpending`), overspending the envelope's remaining amount.
struct BudgetView {
    enum Period: Equatable {
        case year(Int)
        case whole
    }

    enum Consumption: Equatable {
        /// No yearly envelope to compare with.
        case noEnvelope
        case normal
        /// Committed share behind the share of the year elapsed (in `years`).
        case under(years: [Int])
        case over
    }

    struct EnvelopeRow {
        var code: String
        var name: String
        /// Other schemes drawing on this envelope (e.g. the architect fee on the innovation fund).
        var sharedWith: [String]
        var action: Int?
        var envelope: Money?
        var approximate: Bool
        var committed: Money
        var paid: Money
        var dossiers: Int
        var consumption: Consumption

        var remaining: Money? { envelope.map { $0 - committed } }
        var committedShare: Percentage? {
            guard let e = envelope, e.cents > 0 else { return nil }
            return Percentage.ratio(committed.cents, of: e.cents)
        }
    }

    struct SynthesisRow {
        var action: Int
        var title: String
        var investment: BudgetLine?
        var investmentPerYear: Money?
        var operating: BudgetLine?
        var operatingPerYear: Money?
        var committed: Money
        var paid: Money
    }

    struct OutsideLine {
        var action: Int
        var title: String
        var kind: BudgetKind
        var sixYears: Money
        var perYear: Money
    }

    let period: Period
    let years: [Int]
    let plh: PLHProgramme
    /// Share of the chosen year (or of the whole period) elapsed at the reference date.
    let elapsed: Percentage
    let envelopes: [EnvelopeRow]
    let synthesis: [SynthesisRow]
    let outside: [OutsideLine]

    var investment: BudgetTotals { plh.totals(.investment) }
    var operating: BudgetTotals { plh.totals(.operating) }
    var committedTotal: Money { synthesis.sum(\.committed) }
    var paidTotal: Money { synthesis.sum(\.paid) }
    var envelopeTotal: Money { envelopes.compactMap(\.envelope).sum { $0 } }
    var envelopesCommitted: Money { envelopes.sum(\.committed) }
    var envelopesPaid: Money { envelopes.sum(\.paid) }
    var envelopesDossiers: Int { envelopes.reduce(0) { $0 + $1.dossiers } }

    /// "2026" or "2023-2028".
    var periodLabel: String {
        switch period {
        case .year(let y): String(y)
        case .whole: "\(plh.firstYear)-\(plh.lastYear)"
        }
    }

    init(ledger: BudgetLedger, plh: PLHProgramme, period: Period, today: CalendarDate) {
        self.period = period
        self.plh = plh
        let years: [Int]
        switch period {
        case .year(let y): years = [y]
        case .whole: years = Array(plh.years)
        }
        self.years = years
        let elapsedPoints = years.map { BudgetLedger.elapsed(year: $0, on: today).basisPoints }.reduce(0, +)
        elapsed = Percentage(basisPoints: elapsedPoints / max(1, years.count))

        // The ledger's under-spending rule, applied at the date that stands for each year.
        var underYears: [String: [Int]] = [:]
        for y in years {
            for s in ledger.underSpending(on: Self.referenceDate(year: y, today: today)) {
                underYears[s.label, default: []].append(y)
            }
        }
        let catalog = ledger.catalog
        envelopes = catalog.schemes.filter { $0.envelope.fromScheme == nil }.map { scheme in
            let statuses = years.map { ledger.envelopeStatus(scheme: scheme.code, year: $0) }
            let amounts = statuses.compactMap(\.envelope)
            var row = EnvelopeRow(
                code: scheme.code, name: scheme.name,
                sharedWith: ledger.schemes(sharing: scheme.code).filter { $0 != scheme.code },
                action: scheme.budgetAction, envelope: amounts.isEmpty ? nil : amounts.sum { $0 },
                approximate: scheme.envelope.isApproximate,
                committed: statuses.sum(\.committed), paid: statuses.sum(\.paid),
                dossiers: statuses.reduce(0) { $0 + $1.figures.dossierCount }, consumption: .normal)
            if row.envelope == nil {
                row.consumption = .noEnvelope
            } else if let r = row.remaining, r.isNegative {
                row.consumption = .over
            } else if let under = underYears[scheme.code], !under.isEmpty {
                row.consumption = .under(years: under)
            }
            return row
        }

        synthesis = PLHSynthesis.rows(plh: plh, ledger: ledger).map { r in
            let chosen = r.years.filter { years.contains($0.year) }
            let note = plh.action(r.action)?.budgetNote
            return SynthesisRow(action: r.action, title: note.map { "\(r.title) (\($0))" } ?? r.title, investment: r.investment,
                                investmentPerYear: r.investmentPerYear, operating: r.operating,
                                operatingPerYear: r.operatingPerYear,
                                committed: chosen.sum(\.committed), paid: chosen.sum(\.paid))
        }
        outside = plh.actions.sorted { $0.number < $1.number }.flatMap { a in
            BudgetKind.allCases.compactMap { kind -> OutsideLine? in
                guard let l = a.line(kind), l.outsideBudget else { return nil }
                return OutsideLine(action: a.number, title: a.title, kind: kind, sixYears: l.sixYears,
                                   perYear: l.perYear(years: plh.durationYears))
            }
        }
    }

    /// The date a year is judged at: today within it, its last day once past, its first day before.
    static func referenceDate(year: Int, today: CalendarDate) -> CalendarDate {
        if today.year > year { return CalendarDate(year: year, month: 12, day: 31)! }
        if today.year < year { return CalendarDate(year: year, month: 1, day: 1)! }
        return today
    }
}
