import GuichetCore

/// The PLH budget: envelopes against commitments and payments. The computation is the core's
/// (`BudgetLedger`, `BudgetOverview`); these only read the figures off the caller's thread.
extension Guichet {
    /// The ledger of the years asked (nil: every year).
    public func budgetLedger(years: ClosedRange<Int>?) async throws -> BudgetLedger {
        let catalog = try catalog()
        return BudgetLedger(catalog: catalog, figures: try await storage.read { try $0.budgetFigures(years: years) })
    }

    /// One year of the budget as the command line and the bilan read it: per scheme and per
    /// action, then the PLH synthesis; the share of the year elapsed at `date` (default: today).
    public func budgetOverview(year: Int, on date: CalendarDate? = nil) async throws -> BudgetOverview {
        let plh = profile.plh
        let years = min(plh?.firstYear ?? year, year)...max(plh?.lastYear ?? year, year)
        return BudgetOverview(ledger: try await budgetLedger(years: years), plh: plh, year: year, on: date ?? today)
    }
}
