extension BudgetLedger {
    /// The ledger of the PLH period (and of `year` when outside it) read from a session: the aid
    /// dossiers' figures and the commitments on the other budget lines.
    public static func read(in s: any StoreSession, catalog: SchemeCatalog, plh: PLHProgramme?, including year: Int? = nil) throws -> BudgetLedger {
        let first = min(plh?.firstYear ?? year ?? 0, year ?? Int.max), last = max(plh?.lastYear ?? year ?? 0, year ?? Int.min)
        let years: ClosedRange<Int>? = first <= last ? first...last : nil
        return BudgetLedger(catalog: catalog, plh: plh, figures: try s.budgetFigures(years: years), lines: try s.lineFigures(years: years))
    }
}

extension BudgetOverview {
    /// Reads and computes the budget of a period: what the screen, `guichet budget` and the bilan show.
    public static func read(in s: any StoreSession, catalog: SchemeCatalog, plh: PLHProgramme?, period: BudgetPeriod,
                            on date: CalendarDate) throws -> BudgetOverview {
        let year: Int? = if case .year(let y) = period { y } else { nil }
        let ledger = try BudgetLedger.read(in: s, catalog: catalog, plh: plh, including: year)
        return BudgetOverview(ledger: ledger, plh: plh, period: period, on: date)
    }
}
