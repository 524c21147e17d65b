/// Envelopes against commitments and payments, per scheme and per PLH action, per year.
/// Pure: built from `BudgetFigures` (storage aggregates) or from dossiers.
public struct BudgetLedger: Sendable {
    public let catalog: SchemeCatalog
    private let figures: [BudgetKey: BudgetFigures]

    public init(catalog: SchemeCatalog, figures: [BudgetFigures]) {
        self.catalog = catalog
        var f: [BudgetKey: BudgetFigures] = [:]
        for x in figures { f[x.key] = f[x.key].map { $0 + x } ?? x }
        self.figures = f
    }
    public init<S: Sequence>(catalog: SchemeCatalog, dossiers: S) where S.Element == AidDossier {
        self.init(catalog: catalog, figures: BudgetFigures.aggregate(dossiers))
    }

    /// Raw figures of one scheme (zero when it has no dossier that year).
    public func figures(scheme: String, year: Int) -> BudgetFigures {
        figures[BudgetKey(scheme: scheme, year: year)] ?? BudgetFigures(scheme: scheme, year: year)
    }
    public var years: [Int] { Set(figures.keys.map(\.year)).sorted() }

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
        return EnvelopeStatus(label: owner, year: year, envelope: env?.yearly, approximate: env?.isApproximate ?? false,
                              schemes: sharing, figures: total)
    }

    /// One line per envelope (own envelopes only) for a year, in catalog order.
    public func envelopes(year: Int) -> [EnvelopeStatus] {
        catalog.schemes.filter { $0.envelope.fromScheme == nil }.map { envelopeStatus(scheme: $0.code, year: year) }
    }

    /// A PLH action for a year: the envelopes of the schemes paid on its budget line, and their figures.
    public func actionStatus(action: Int, year: Int) -> EnvelopeStatus {
        let codes = catalog.schemes(budgetAction: action).map(\.code)
        let total = codes.map { figures(scheme: $0, year: year) }.reduce(BudgetFigures(scheme: "action \(action)", year: year), +)
        let owned = catalog.schemes(budgetAction: action).filter { $0.envelope.fromScheme == nil }
        let yearly = owned.compactMap(\.envelope.yearly)
        return EnvelopeStatus(label: "Action \(action)", year: year, envelope: yearly.isEmpty ? nil : yearly.sum { $0 },
                              approximate: owned.contains { $0.envelope.isApproximate }, schemes: codes, figures: total)
    }

    /// The warning an agent must confirm (with a reason) before granting `amount` on `scheme` in `year`;
    /// nil when the envelope holds it or when the scheme has no yearly envelope.
    public func wouldExceed(scheme code: String, year: Int, adding amount: Money) -> BudgetWarning? {
        let s = envelopeStatus(scheme: code, year: year)
        guard let env = s.envelope else { return nil }
        let after = s.committed + amount
        guard after > env else { return nil }
        return BudgetWarning(scheme: code, envelopeScheme: s.label, year: year, envelope: env,
                             committed: s.committed, amount: amount, excess: after - env)
    }

    /// Envelopes whose committed share lags behind the share of the year elapsed by more than `tolerance`.
    public func underSpending(on date: CalendarDate, tolerance: Percentage = Percentage(percent: 20)) -> [EnvelopeStatus] {
        envelopes(year: date.year).filter { s in
            guard let share = s.committedShare else { return false }
            return share.basisPoints + tolerance.basisPoints < Self.elapsed(year: date.year, on: date).basisPoints
        }
    }

    /// Share of `year` elapsed on `date`: 0 before it, 100 % after it.
    public static func elapsed(year: Int, on date: CalendarDate) -> Percentage {
        if date.year < year { return Percentage(basisPoints: 0) }
        if date.year > year { return Percentage(percent: 100) }
        return date.yearElapsed
    }
}

/// One envelope (of a scheme, shared schemes, or an action) in a year.
public struct EnvelopeStatus: Sendable, Equatable {
    /// The owning scheme code, or "Action n".
    public var label: String
    public var year: Int
    public var envelope: Money?
    public var approximate: Bool
    public var schemes: [String]
    public var figures: BudgetFigures

    public var committed: Money { figures.committed }
    public var paid: Money { figures.paid }
    /// Envelope minus committed (negative when overspent); nil without an envelope.
    public var remaining: Money? { envelope.map { $0 - committed } }
    public var committedShare: Percentage? {
        guard let e = envelope, e.cents > 0 else { return nil }
        return Percentage.ratio(committed.cents, of: e.cents)
    }
    public var counts: [DossierStatus: Int] { figures.counts }
}

/// Granting would overspend the envelope: the agent confirms with a reason, or lowers the amount.
public struct BudgetWarning: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var envelopeScheme: String
    public var year: Int
    public var envelope: Money
    public var committed: Money
    public var amount: Money
    public var excess: Money

    public var description: String {
        "Accorder \(amount) porterait les engagements \(year) de l'enveloppe \(envelopeScheme) à \(committed + amount) pour une enveloppe de \(envelope) (dépassement de \(excess)). Confirmez avec un motif."
    }
}
