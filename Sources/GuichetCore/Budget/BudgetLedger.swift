/// The one ledger of the PLH budget: the aid dossiers of every scheme and the commitments on
/// the PLH's other budget lines (subsidies, studies, contracts, land fund), against their
/// envelopes, per year. Pure: built from storage aggregates or from records.
public struct BudgetLedger: Sendable {
    public let catalog: SchemeCatalog
    /// The programme whose budget lines the commitments use; nil when the profile has none.
    public let plh: PLHProgramme?
    private let figures: [BudgetKey: BudgetFigures]
    private let lineFigures: [BudgetKey: LineFigures]

    public init(catalog: SchemeCatalog, plh: PLHProgramme? = nil, figures: [BudgetFigures], lines: [LineFigures] = []) {
        self.catalog = catalog
        self.plh = plh
        var f: [BudgetKey: BudgetFigures] = [:]
        for x in figures { f[x.key] = f[x.key].map { $0 + x } ?? x }
        self.figures = f
        var l: [BudgetKey: LineFigures] = [:]
        for x in lines {
            let key = BudgetKey(scheme: x.line, year: x.year)
            l[key] = l[key].map { $0 + x } ?? x
        }
        self.lineFigures = l
    }
    public init<S: Sequence>(catalog: SchemeCatalog, plh: PLHProgramme? = nil, dossiers: S, commitments: [BudgetCommitment] = [])
    where S.Element == AidDossier {
        self.init(catalog: catalog, plh: plh, figures: BudgetFigures.aggregate(dossiers), lines: LineFigures.aggregate(commitments))
    }

    /// Raw figures of one scheme (zero when it has no dossier that year).
    public func figures(scheme: String, year: Int) -> BudgetFigures {
        figures[BudgetKey(scheme: scheme, year: year)] ?? BudgetFigures(scheme: scheme, year: year)
    }
    /// Committed and paid on one budget line (zero when nothing was committed that year).
    public func figures(line: String, year: Int) -> LineFigures {
        lineFigures[BudgetKey(scheme: line, year: year)] ?? LineFigures(line: line, year: year)
    }
    /// Every year with dossiers or commitments.
    public var years: [Int] { Set(figures.keys.map(\.year)).union(lineFigures.keys.map(\.year)).sorted() }

    /// The scheme owning the envelope a scheme draws on (the architect fee draws on the innovation fund).
    public func envelopeOwner(of code: String) -> String { catalog.scheme(code: code)?.envelope.fromScheme ?? code }

    /// Schemes drawing on an envelope: its owner and those pointing to it.
    public func schemes(sharing owner: String) -> [String] {
        catalog.schemes.filter { $0.code == owner || $0.envelope.fromScheme == owner }.map(\.code)
    }

    /// The envelope a scheme draws on for a year, with everything committed on it.
    public func envelopeStatus(scheme code: String, year: Int) -> EnvelopeStatus {
        let owner = envelopeOwner(of: code)
        let sharing = schemes(sharing: owner)
        let total = sharing.map { figures(scheme: $0, year: year) }.reduce(BudgetFigures(scheme: owner, year: year), +)
        let env = catalog.scheme(code: owner)?.envelope
        var status = EnvelopeStatus(label: owner, year: year, envelope: env?.amount(year: year), periodEnvelope: env?.period,
                                    approximate: env?.isApproximate ?? false, schemes: sharing, figures: total)
        if let period = env?.period {
            let elsewhere = years.filter { $0 != year }.map { y in sharing.map { figures(scheme: $0, year: y).committed }.sum { $0 } }.sum { $0 }
            status.setPeriod(period, committedElsewhere: elsewhere)
        }
        return status
    }

    /// A budget line that is not an individual aid, for a year.
    public func lineStatus(line id: String, year: Int) -> EnvelopeStatus {
        let env = plh?.budgetLine(id: id)?.envelope
        var status = EnvelopeStatus(label: id, year: year, envelope: env?.amount(year: year), periodEnvelope: env?.period,
                                    approximate: env?.isApproximate ?? false, schemes: [], figures: BudgetFigures(scheme: id, year: year),
                                    lines: [id], lineFigures: figures(line: id, year: year))
        if let period = env?.period {
            status.setPeriod(period, committedElsewhere: years.filter { $0 != year }.map { figures(line: id, year: $0).committed }.sum { $0 })
        }
        return status
    }

    /// One line per envelope (own envelopes only) for a year, in catalog order.
    public func envelopes(year: Int) -> [EnvelopeStatus] {
        catalog.schemes.filter { $0.envelope.fromScheme == nil }.map { envelopeStatus(scheme: $0.code, year: year) }
    }

    /// A PLH action for a year: the envelopes of the schemes paid on its budget line and of its
    /// other budget lines (of one section when `kind` is given), and what was committed on them.
    public func actionStatus(action: Int, year: Int, kind: BudgetKind? = nil) -> EnvelopeStatus {
        let schemes = catalog.schemes(budgetAction: action).filter { kind == nil || $0.budgetSection == kind }
        let codes = schemes.map(\.code)
        let total = codes.map { figures(scheme: $0, year: year) }.reduce(BudgetFigures(scheme: "action \(action)", year: year), +)
        let lines = (plh?.action(action)?.allLines ?? []).filter { kind == nil || $0.kind == kind }
        let lineTotal = lines.map { figures(line: $0.id, year: year) }.reduce(LineFigures(line: "action \(action)", year: year), +)
        let owned = schemes.filter { $0.envelope.fromScheme == nil }
        let envelopes = owned.map(\.envelope) + lines.map(\.envelope)
        let yearly = envelopes.compactMap { $0.amount(year: year) }
        let period = envelopes.compactMap(\.period)
        let parts = owned.map { envelopeStatus(scheme: $0.code, year: year) } + lines.map { lineStatus(line: $0.id, year: year) }
        let available = parts.compactMap(\.periodAvailable)
        return EnvelopeStatus(label: "Action \(action)", year: year, envelope: yearly.isEmpty ? nil : yearly.sum { $0 },
                              periodEnvelope: period.isEmpty ? nil : period.sum { $0 },
                              periodAvailable: available.isEmpty ? nil : available.sum { $0 },
                              periodOverspent: parts.contains(where: \.periodOverspent),
                              approximate: envelopes.contains { $0.isApproximate }, schemes: codes, figures: total,
                              lines: lines.map(\.id), lineFigures: lineTotal)
    }

    /// The warning an agent must confirm (with a reason) before granting `amount` on `scheme` in
    /// `year`; nil when the envelope holds it or when the scheme has no envelope. A total over the
    /// PLH period is checked against everything committed on it in every year.
    public func wouldExceed(scheme code: String, year: Int, adding amount: Money) -> BudgetWarning? {
        let s = envelopeStatus(scheme: code, year: year)
        if let env = s.envelope { return BudgetWarning.check(scheme: code, label: s.label, year: year, envelope: env, committed: s.committed, amount: amount) }
        guard let total = s.periodEnvelope else { return nil }
        let committed = years.map { envelopeStatus(scheme: code, year: $0).committed }.sum { $0 }
        return BudgetWarning.check(scheme: code, label: s.label, year: nil, envelope: total, committed: committed, amount: amount)
    }

    /// The same for a commitment on a budget line.
    public func wouldExceed(line id: String, year: Int, adding amount: Money) -> BudgetWarning? {
        let s = lineStatus(line: id, year: year)
        let label = plh?.budgetLine(id: id)?.label ?? id
        if let env = s.envelope { return BudgetWarning.check(scheme: id, label: label, year: year, envelope: env, committed: s.committed, amount: amount) }
        guard let total = s.periodEnvelope else { return nil }
        let committed = years.map { figures(line: id, year: $0).committed }.sum { $0 }
        return BudgetWarning.check(scheme: id, label: label, year: nil, envelope: total, committed: committed, amount: amount)
    }

    /// The year's average granted per dwelling of a scheme whose rule is an average, against its target.
    public func average(scheme code: String, year: Int) -> AverageStatus? {
        guard let scheme = catalog.scheme(code: code), let target = scheme.amountRule.averageTarget else { return nil }
        let f = figures(scheme: code, year: year)
        return AverageStatus(scheme: code, year: year, target: target, granted: f.grantsHeld, dwellings: f.dwellingsHeld,
                             source: scheme.amountRule.source.orDefault)
    }

    /// The reason an agent must give before a grant that takes the year's average per dwelling
    /// above the scheme's target (the average is a target, never a cap: more is allowed, said why);
    /// nil when the grant is at or under the target per dwelling, or the year stays under it.
    public func wouldRaiseAverage(scheme code: String, year: Int, adding amount: Money, dwellings: Int) -> AverageWarning? {
        guard let now = average(scheme: code, year: year), dwellings > 0 else { return nil }
        let after = AverageStatus(scheme: code, year: year, target: now.target, granted: now.granted + amount,
                                  dwellings: now.dwellings + dwellings, source: now.source)
        guard amount > now.target * dwellings, after.isAboveTarget, let average = after.average else { return nil }
        return AverageWarning(scheme: code, year: year, target: now.target, amount: amount, dwellings: dwellings, averageAfter: average)
    }

    /// Share of `year` elapsed on `date`: 0 before it, 100 % after it.
    public static func elapsed(year: Int, on date: CalendarDate) -> Percentage {
        if date.year < year { return Percentage(basisPoints: 0) }
        if date.year > year { return Percentage(percent: 100) }
        return date.yearElapsed
    }
}

/// One envelope (of a scheme, shared schemes, a budget line, or an action) in a year.
public struct EnvelopeStatus: Sendable, Equatable {
    /// The owning scheme code, the line id, or "Action n".
    public var label: String
    public var year: Int
    /// The year's amount; nil when the envelope has none that year.
    public var envelope: Money?
    /// A total over the whole PLH period, when the envelope is one.
    public var periodEnvelope: Money?
    /// What the period total leaves for this year: the total minus what other years committed
    /// (never below zero).
    public var periodAvailable: Money?
    /// The period total is overspent over all its years.
    public var periodOverspent = false
    public var approximate: Bool
    public var schemes: [String]
    /// The aid dossiers' figures.
    public var figures: BudgetFigures
    /// Budget lines counted (other than aids), and their figures.
    public var lines: [String] = []
    public var lineFigures: LineFigures?

    public var committed: Money { figures.committed + (lineFigures?.committed ?? .zero) }
    public var paid: Money { figures.paid + (lineFigures?.paid ?? .zero) }
    /// What the year may commit: its own envelope and what a period total leaves for it.
    public var available: Money? {
        guard envelope != nil || periodAvailable != nil else { return nil }
        return (envelope ?? .zero) + (periodAvailable ?? .zero)
    }
    /// Available minus committed (negative when overspent); nil without an envelope.
    public var remaining: Money? { available.map { $0 - committed } }
    public var committedShare: Percentage? {
        guard let e = available, e.cents > 0 else { return nil }
        return Percentage.ratio(committed.cents, of: e.cents)
    }
    mutating func setPeriod(_ period: Money, committedElsewhere elsewhere: Money) {
        periodAvailable = max(.zero, period - elsewhere)
        periodOverspent = elsewhere + committed > period
    }

    /// Whether the share committed can lag the year: a total over the period is committed when
    /// its study or its decision comes, not spread over the months.
    public var paceMatters: Bool { periodAvailable == nil }
    public var counts: [DossierStatus: Int] { figures.counts }
}

/// Granting (or committing) would overspend the envelope: the agent confirms with a reason, or lowers the amount.
public struct BudgetWarning: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var envelopeScheme: String
    /// The envelope's year; nil for a total over the PLH period.
    public var year: Int?
    public var envelope: Money
    public var committed: Money
    public var amount: Money
    public var excess: Money

    static func check(scheme: String, label: String, year: Int?, envelope: Money, committed: Money, amount: Money) -> BudgetWarning? {
        let after = committed + amount
        guard after > envelope else { return nil }
        return BudgetWarning(scheme: scheme, envelopeScheme: label, year: year, envelope: envelope, committed: committed,
                             amount: amount, excess: after - envelope)
    }

    public var description: String {
        let which = year.map { "les engagements \($0) de l'enveloppe \(envelopeScheme)" } ?? "les engagements de l'enveloppe \(envelopeScheme) sur la durée du PLH"
        return "Engager \(amount) porterait \(which) à \(committed + amount) pour une enveloppe de \(envelope) (dépassement de \(excess)). Confirmez avec un motif."
    }
}

/// The year's average granted per dwelling of a scheme whose rule is an average.
public struct AverageStatus: Sendable, Equatable {
    public var scheme: String
    public var year: Int
    /// The PLH's "aide moyenne" per dwelling: a target over the year's operations.
    public var target: Money
    /// Grants still holding that year, and their dwellings.
    public var granted: Money
    public var dwellings: Int
    public var source: ParameterSource

    /// Granted per dwelling (rounded to the cent); nil before any grant.
    public var average: Money? { dwellings > 0 ? granted.divided(by: dwellings) : nil }
    /// Compared on the totals, not on the rounded average: one cent above the target counts.
    public var isAboveTarget: Bool { dwellings > 0 && granted > target * dwellings }
}

/// A grant above the average per dwelling that would take the year's average above the target.
public struct AverageWarning: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var year: Int
    public var target: Money
    public var amount: Money
    public var dwellings: Int
    public var averageAfter: Money

    public var description: String {
        "Accorder \(amount) pour \(dwellings) logement\(dwellings > 1 ? "s" : "") (\(amount.divided(by: dwellings)) par logement) porterait "
            + "l'aide moyenne \(year) du dispositif \(scheme) à \(averageAfter) par logement, au-dessus de la moyenne visée par le PLH "
            + "(\(target)). La moyenne n'est pas un plafond : indiquez pourquoi cette opération justifie davantage."
    }
}
