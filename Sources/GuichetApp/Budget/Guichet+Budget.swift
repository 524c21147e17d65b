import GuichetCore

/// The PLH budget: envelopes against commitments and payments. The computation is the core's
/// (`BudgetLedger`, `BudgetOverview`); these only read the figures off the caller's thread.
extension Guichet {
    /// The ledger of the years asked (nil: every year).
    public func budgetLedger(years: ClosedRange<Int>?) async throws -> BudgetLedger {
        let catalog = try catalog()
        return BudgetLedger(catalog: catalog, figures: try await storage.read { try $0.budgetFigures(years: years) })
    }

    /// A year of the budget, or the PLH's whole period, as the screen, the command line and the
    /// bilan read it (`BudgetOverview`, the one calculator): per scheme, line and action, the
    /// reconciliation and the PLH synthesis; the share elapsed at `date` (default: today).
    public func budgetOverview(_ period: BudgetPeriod, on date: CalendarDate? = nil) async throws -> BudgetOverview {
        let catalog = try catalog()
        let (plh, day) = (profile.plh, date ?? today)
        return try await storage.read { try BudgetOverview.read(in: $0, catalog: catalog, plh: plh, period: period, on: day) }
    }
}
