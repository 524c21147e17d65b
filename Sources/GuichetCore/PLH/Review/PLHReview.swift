/// The PLH's review organised by action, as the PLH is (action 20: « bilans annuels de mise en
/// œuvre du PLH »): for each action, its levers' progress year by year, its measures with their
/// target, the year's result, the gap and the trend over the years, and its money from the
/// budget ledger. The yearly review and the mid-term review ("the period so far") are the same
/// figures read differently: the year against yearly targets, or the years so far against the PLH's.
public struct PLHReview: Sendable {
    public enum Kind: String, Sendable, Codable { case annual, midTerm }

    public var kind: Kind
    /// The year reviewed (the last year of a mid-term review).
    public var year: Int
    /// The PLH's years up to `year`.
    public var years: [Int]
    public var title: String
    public var actions: [PLHActionReview]
    /// The year's territorialised targets and what was produced against them.
    public var territorial: [TargetAttainment]

    public func action(_ number: Int) -> PLHActionReview? { actions.first { $0.number == number } }

    /// Builds the review of `year` (clamped to the PLH's period) from the sheets, the data and
    /// the ledger; `schemeNames` word the definitions of dossier measures.
    public static func build(kind: Kind = .annual, year: Int, plh: PLHProgramme, sheets: PLHActionSheets, engine: PLHIndicatorEngine,
                             ledger: BudgetLedger?, schemeNames: [String: String] = [:]) -> PLHReview {
        let last = min(max(year, plh.firstYear), plh.lastYear)
        let years = Array(plh.firstYear...last)
        let entered = Dictionary(engine.data.entered.map { ($0.key, $0) }, uniquingKeysWith: { _, b in b })
        let progress = Dictionary(engine.data.levers.map { ($0.key, $0) }, uniquingKeysWith: { _, b in b })
        var actions: [PLHActionReview] = []
        for a in plh.actions.sorted(by: { $0.number < $1.number }) {
            guard let sheet = sheets.sheet(a.number) else { continue }
            let levers = sheet.levers.map { l in
                LeverReview(lever: l, years: Dictionary(uniqueKeysWithValues: years.map { y in
                    (y, LeverYear(planned: l.isPlanned(in: y), calendarText: l.calendarText(y),
                                  progress: progress[LeverProgress.key(action: a.number, lever: l.id, year: y)]))
                }))
            }
            var measures: [MeasureReview] = []
            for ind in sheet.indicators {
                for m in ind.measures {
                    var values: [Int: YearValue] = [:]
                    for y in years {
                        if let d = m.derived {
                            let f = engine.figure(d, year: y)
                            values[y] = YearValue(value: f.value.map(IndicatorValue.number), figure: f, entry: nil)
                        } else {
                            let e = entered[EnteredIndicatorValue.key(action: a.number, measure: m.id, year: y)]
                            values[y] = YearValue(value: e?.value, figure: nil, entry: e)
                        }
                    }
                    measures.append(MeasureReview(indicator: ind, measure: m, definition: m.derived?.definition(schemeNames: schemeNames),
                                                  values: values, years: years))
                }
            }
            actions.append(PLHActionReview(number: a.number, title: a.title, sheet: sheet, levers: levers, measures: measures,
                                           money: ledger.map { ActionMoney.make(ledger: $0, action: a.number, years: years) }))
        }
        let title = kind == .annual ? "Bilan annuel du PLH \(last)" : "Bilan à mi-parcours du PLH \(plh.firstYear)-\(last)"
        return PLHReview(kind: kind, year: last, years: years, title: title, actions: actions, territorial: engine.attainments(year: last))
    }
}

public struct PLHActionReview: Sendable {
    public var number: Int
    public var title: String
    public var sheet: PLHActionSheet
    public var levers: [LeverReview]
    public var measures: [MeasureReview]
    public var money: ActionMoney?

    public func measure(_ id: String) -> MeasureReview? { measures.first { $0.measure.id == id } }
}

/// A lever across the years reviewed.
public struct LeverReview: Sendable {
    public var lever: PLHLever
    public var years: [Int: LeverYear]

    public func state(_ year: Int) -> LeverState? { years[year]?.state }
}

public struct LeverYear: Sendable, Equatable {
    public var planned: Bool
    /// What the PLH's calendar writes that year ("×", "Elaboration"), nil when not planned.
    public var calendarText: String?
    public var progress: LeverProgress?

    /// The recorded state, or "prévu" for a planned year nobody recorded yet.
    public var state: LeverState? { progress?.state ?? (planned ? .planned : nil) }
}

/// A measure across the years reviewed: values, target, gap, trend.
public struct MeasureReview: Sendable {
    public var indicator: PLHIndicator
    public var measure: PLHMeasure
    /// How a derived measure is computed, in French.
    public var definition: String?
    public var values: [Int: YearValue]
    public var years: [Int]

    public var isDerived: Bool { measure.derived != nil }
    public func value(_ year: Int) -> IndicatorValue? { values[year]?.value }
    public func number(_ year: Int) -> Int64? { values[year]?.value?.number }

    /// The years so far added up (counts, amounts, surfaces); nil for shares and texts, or when
    /// no year has a figure.
    public func cumulated(through year: Int) -> Int64? {
        guard [.count, .money, .area].contains(measure.kind) else { return nil }
        let known = years.filter { $0 <= year }.compactMap { number($0) }
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    /// The target to compare with `year`'s figure: the yearly target, or the PLH's target against
    /// the years so far added up. Hundredths of the unit.
    public func target(for year: Int) -> Int64? { measure.target?.figure }

    /// The figure compared with the target: the year's for a yearly target, the years so far for
    /// a target over the PLH.
    public func result(for year: Int) -> Int64? {
        guard let t = measure.target else { return number(year) }
        return t.per == .period ? cumulated(through: year) : number(year)
    }

    /// Result minus target (negative: below the target).
    public func gap(for year: Int) -> Int64? {
        guard let t = target(for: year), let r = result(for: year) else { return nil }
        return r - t
    }

    /// The target over the years so far: the PLH's target over its period, or the yearly target
    /// times the years so far (mid-term review); counts, amounts and surfaces only.
    public func periodTarget(through year: Int) -> Int64? {
        guard let t = measure.target, [.count, .money, .area].contains(measure.kind) else { return nil }
        return t.per == .period ? t.figure : t.figure * Int64(years.filter { $0 <= year }.count)
    }

    /// The years so far added up, minus the target over those years.
    public func periodGap(through year: Int) -> Int64? {
        guard let t = periodTarget(through: year), let c = cumulated(through: year) else { return nil }
        return c - t
    }

    /// The year's figure compared with the previous year's.
    public func trend(_ year: Int) -> Trend? {
        guard let now = number(year), let before = number(year - 1) else { return nil }
        return now > before ? .up : now < before ? .down : .stable
    }
}

public enum Trend: String, Sendable, Codable {
    case up, down, stable
    public var label: String { switch self { case .up: "en hausse"; case .down: "en baisse"; case .stable: "stable" } }
    public var arrow: String { switch self { case .up: "↗"; case .down: "↘"; case .stable: "→" } }
}

/// A measure's value for one year: derived (with the figure and what makes it) or entered.
public struct YearValue: Sendable {
    public var value: IndicatorValue?
    public var figure: MeasureFigure?
    public var entry: EnteredIndicatorValue?
}

/// An action's money over the years reviewed, from the PLH's budget ledger: the envelopes of the
/// schemes paid on its line and of its other budget lines (subsidies, studies, contracts),
/// committed and paid.
public struct ActionMoney: Sendable, Equatable {
    public struct Year: Sendable, Equatable {
        public var envelope: Money?
        public var committed: Money
        public var paid: Money
        public var dossiers: Int
    }
    public var years: [Int: Year]
    /// Schemes paid on the action's line.
    public var schemes: [String]
    /// The action's other budget lines, by label.
    public var lines: [String]

    /// The action has money of its own in the ledger.
    public var hasLines: Bool { !schemes.isEmpty || !lines.isEmpty }
    /// "PSV, PIG ; Subvention ADIL".
    public var sourcesText: String { [schemes.joined(separator: ", "), lines.joined(separator: " ; ")].filter { !$0.isEmpty }.joined(separator: " ; ") }

    public func total(through year: Int) -> Year {
        let ys = years.filter { $0.key <= year }.map(\.value)
        let envelopes = ys.compactMap(\.envelope)
        return Year(envelope: envelopes.isEmpty ? nil : envelopes.sum { $0 }, committed: ys.sum(\.committed), paid: ys.sum(\.paid),
                    dossiers: ys.reduce(0) { $0 + $1.dossiers })
    }

    /// The one place the review reads the ledger.
    public static func make(ledger: BudgetLedger, action: Int, years: [Int]) -> ActionMoney {
        var out: [Int: Year] = [:]
        var schemes: [String] = [], lines: [String] = []
        for y in years {
            let s = ledger.actionStatus(action: action, year: y)
            schemes = s.schemes
            lines = s.lines.map { ledger.plh?.budgetLine(id: $0)?.label ?? $0 }
            out[y] = Year(envelope: s.envelope, committed: s.committed, paid: s.paid, dossiers: s.figures.dossierCount)
        }
        return ActionMoney(years: out, schemes: schemes, lines: lines)
    }
}
