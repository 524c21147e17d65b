/// The budget as the agent reads it, for one year of the PLH or its whole period: the one
/// calculator behind the Budget screen, `guichet budget` and the bilan of the PLH. Per scheme,
/// per budget line and per PLH action: envelope, committed, paid, remaining, dossiers, committed
/// share against the share of the year elapsed; the averages per dwelling against their targets;
/// the reconciliation of envelopes with the PLH's lines; then the PLH synthesis (brief §3).
/// Amounts encode as integer cents, shares as basis points (`…Bp`: 3 512 = 35,12 %).
public struct BudgetOverview: Encodable, Sendable {
    /// The chosen year; absent for the whole period.
    public var year: Int?
    /// The years summed (one, or every year of the PLH).
    public var years: [Int]
    public var referenceDate: CalendarDate
    /// Share of the chosen year (of the period: the mean of its years) elapsed on the reference date.
    public var yearElapsedBp: Int
    /// A line is under-consumed when its committed share lags the year elapsed by more than this.
    public var toleranceBp: Int
    public var schemes: [BudgetLineStatus]
    /// The PLH's budget lines that are not individual aids (subsidies, studies, contracts, land fund).
    public var lines: [BudgetLineStatus]
    /// Per PLH action: its schemes and its other lines together.
    public var actions: [BudgetLineStatus]
    /// Sums over the schemes' own envelopes (shared envelopes counted once).
    public var total: BudgetLineStatus
    /// Sums over the other budget lines inside the PLH budget.
    public var linesTotal: BudgetLineStatus
    /// Per action and section, the envelopes against the PLH's line; differences are warnings.
    public var reconciliation: [ReconciliationRow]
    public var plh: PLHOverview?

    public init(ledger: BudgetLedger, plh: PLHProgramme?, period: BudgetPeriod, on date: CalendarDate,
                rule: ConsumptionRule = ConsumptionRule()) {
        let years: [Int]
        switch period {
        case .year(let y): years = [y]
        case .whole: years = plh.map { Array($0.years) } ?? ledger.years
        }
        let whole = period == .whole
        self.years = years
        if case .year(let y) = period { year = y } else { year = nil }
        referenceDate = date
        let elapsed = years.map { BudgetLedger.elapsed(year: $0, on: date).basisPoints }
        yearElapsedBp = elapsed.isEmpty ? 0 : elapsed.reduce(0, +) / elapsed.count
        toleranceBp = rule.tolerance.basisPoints

        schemes = ledger.catalog.schemes.map { sc in
            let envelopes = years.map { ledger.envelopeStatus(scheme: sc.code, year: $0) }
            let own = years.map { y in
                EnvelopeStatus(label: sc.code, year: y, envelope: nil, approximate: false, schemes: [sc.code], figures: ledger.figures(scheme: sc.code, year: y))
            }
            var row = BudgetLineStatus(code: sc.code, name: sc.name, envelopeOf: envelopes.first?.label ?? sc.code, years: envelopes, own: own,
                                       wholePeriod: whole, on: date, rule: rule)
            row.sharedWith = sc.envelope.fromScheme == nil ? ledger.schemes(sharing: sc.code).filter { $0 != sc.code } : []
            row.action = sc.budgetAction
            row.kind = sc.budgetSection.rawValue
            row.source = sc.envelope.fromScheme == nil ? sc.envelope.source.orDefault.label : nil
            row.outsideBudget = plh?.action(sc.budgetAction)?.line(sc.budgetSection)?.outsideBudget ?? false
            if let target = sc.amountRule.averageTarget {
                let f = years.map { ledger.figures(scheme: sc.code, year: $0) }.reduce(BudgetFigures(scheme: sc.code, year: years.first ?? 0), +)
                let status = AverageStatus(scheme: sc.code, year: years.first ?? 0, target: target, granted: f.grantsHeld,
                                           dwellings: f.dwellingsHeld, source: sc.amountRule.source.orDefault)
                row.average = .init(target: target, average: status.average, granted: status.granted, dwellings: status.dwellings,
                                    aboveTarget: status.isAboveTarget)
            }
            return row
        }
        lines = (plh?.budgetLines ?? []).map { line in
            let statuses = years.map { ledger.lineStatus(line: line.id, year: $0) }
            var row = BudgetLineStatus(code: line.id, name: line.label, envelopeOf: line.id, years: statuses, own: statuses,
                                       wholePeriod: whole, on: date, rule: rule)
            row.action = plh?.action(holdingLine: line.id)?.number
            row.kind = line.kind.rawValue
            row.outsideBudget = line.isOutsideBudget
            row.source = line.envelope.source.orDefault.label
            row.counts = [:]
            row.dossiers = statuses.reduce(0) { $0 + ($1.lineFigures?.commitments ?? 0) }
            return row
        }
        let actionNumbers = Set(ledger.catalog.schemes.map(\.budgetAction))
            .union((plh?.actions ?? []).filter { !$0.allLines.isEmpty }.map(\.number)).sorted()
        actions = actionNumbers.map { a in
            let statuses = years.map { ledger.actionStatus(action: a, year: $0) }
            var row = BudgetLineStatus(code: "\(a)", name: plh?.action(a)?.title ?? "Action \(a)", envelopeOf: "Action \(a)",
                                       years: statuses, own: statuses, wholePeriod: whole, on: date, rule: rule)
            row.action = a
            return row
        }
        total = Self.total(code: "total", name: "Total des enveloppes", years: years, wholePeriod: whole, on: date, rule: rule) {
            ledger.envelopes(year: $0)
        }
        linesTotal = Self.total(code: "lignes", name: "Total des autres lignes (budget du PLH)", years: years, wholePeriod: whole, on: date, rule: rule) { y in
            (plh?.budgetLines ?? []).filter { !$0.isOutsideBudget }.map { ledger.lineStatus(line: $0.id, year: y) }
        }
        reconciliation = plh.map { ReconciliationRow.rows(plh: $0, catalog: ledger.catalog, years: years) } ?? []
        self.plh = plh.map { PLHOverview(plh: $0, ledger: ledger, years: years) }
    }

    /// The CLI's historical entry point: one year.
    public init(ledger: BudgetLedger, plh: PLHProgramme?, year: Int, on date: CalendarDate,
                tolerance: Percentage = Percentage(percent: 20)) {
        self.init(ledger: ledger, plh: plh, period: .year(year), on: date, rule: ConsumptionRule(tolerance: tolerance))
    }

    /// A total row: the rows' own sums, and under-consumption judged year by year on the sum of the envelopes.
    private static func total(code: String, name: String, years: [Int], wholePeriod: Bool, on date: CalendarDate, rule: ConsumptionRule, statuses: (Int) -> [EnvelopeStatus]) -> BudgetLineStatus {
        let perYear = years.map { y -> EnvelopeStatus in
            let all = statuses(y)
            let yearly = all.compactMap(\.envelope)
            let period = all.compactMap(\.periodEnvelope)
            let available = all.compactMap(\.periodAvailable)
            var figures = all.map(\.figures).reduce(BudgetFigures(scheme: code, year: y), +)
            figures.counts = all.reduce(into: [:]) { acc, s in acc.merge(s.counts, uniquingKeysWith: +) }
            let lineFigures = all.compactMap(\.lineFigures).reduce(LineFigures(line: code, year: y), +)
            return EnvelopeStatus(label: code, year: y, envelope: yearly.isEmpty ? nil : yearly.sum { $0 },
                                  periodEnvelope: period.isEmpty ? nil : period.sum { $0 },
                                  periodAvailable: available.isEmpty ? nil : available.sum { $0 },
                                  periodOverspent: all.contains(where: \.periodOverspent), approximate: false,
                                  schemes: all.flatMap(\.schemes), figures: figures, lines: all.flatMap(\.lines), lineFigures: lineFigures)
        }
        var row = BudgetLineStatus(code: code, name: name, envelopeOf: code, years: perYear, own: perYear, wholePeriod: wholePeriod,
                                   on: date, rule: rule)
        row.dossiers += perYear.reduce(0) { $0 + ($1.lineFigures?.commitments ?? 0) }
        return row
    }

    /// Reconciliation rows whose envelopes differ from the PLH's line.
    public var reconciliationGaps: [ReconciliationRow] { reconciliation.filter { $0.difference != .zero } }
}
