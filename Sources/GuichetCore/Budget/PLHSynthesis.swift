/// The PLH synthesis view: per action, the programme's six-year and yearly lines next to what the
/// schemes paid on that action committed and paid, year by year and over the programme period.
public struct PLHSynthesisRow: Sendable, Equatable {
    public var action: Int
    public var title: String
    public var investment: BudgetLine?
    public var operating: BudgetLine?
    public var investmentPerYear: Money?
    public var operatingPerYear: Money?
    /// Schemes whose money sits on this action.
    public var schemes: [String]
    /// Sum of the schemes' own yearly envelopes.
    public var yearlyEnvelope: Money?
    public var years: [PLHYearFigures]

    public var committedOverPeriod: Money { years.sum(\.committed) }
    public var paidOverPeriod: Money { years.sum(\.paid) }
}

public struct PLHYearFigures: Sendable, Equatable {
    public var year: Int
    public var committed: Money
    public var paid: Money
    public var dossiers: Int
}

public enum PLHSynthesis {
    public static func rows(plh: PLHProgramme, ledger: BudgetLedger) -> [PLHSynthesisRow] {
        plh.actions.sorted { $0.number < $1.number }.map { a in
            let status = plh.years.map { ledger.actionStatus(action: a.number, year: $0) }
            return PLHSynthesisRow(
                action: a.number, title: a.title, investment: a.investment, operating: a.operating,
                investmentPerYear: a.investment?.perYear(years: plh.durationYears),
                operatingPerYear: a.operating?.perYear(years: plh.durationYears),
                schemes: ledger.catalog.schemes(budgetAction: a.number).map(\.code),
                yearlyEnvelope: status.first?.envelope,
                years: status.map { PLHYearFigures(year: $0.year, committed: $0.committed, paid: $0.paid, dossiers: $0.figures.dossierCount) })
        }
    }
}
