/// The local housing programme (PLH) of a territory: its period and its actions with their
/// budget lines (brief §3). Yearly figures are derived (six-year figure / 6, rounded), never stored.
public struct PLHProgramme: ProfilePart, Equatable {
    public var title: String
    public var firstYear: Int
    public var lastYear: Int
    public var actions: [PLHAction]

    public var years: ClosedRange<Int> { firstYear...lastYear }
    public var durationYears: Int { lastYear - firstYear + 1 }

    public func action(_ number: Int) -> PLHAction? { actions.first { $0.number == number } }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(firstYear >= 2000 && firstYear <= lastYear, "firstYear", "période invalide (\(firstYear)-\(lastYear))")
        v.check(!actions.isEmpty, "actions", "au moins une action")
        var seen = Set<Int>()
        for (i, a) in actions.enumerated() {
            if !seen.insert(a.number).inserted { v.add(ValidationError(field: "actions[\(i)].number", "action \(a.number) en double")) }
            v.add(a.validate(), under: "actions[\(i)]")
        }
        return v.errors
    }

    /// The synthesis table's totals: lines inside the PLH budget, and those outside it apart.
    public func totals(_ kind: BudgetKind) -> BudgetTotals {
        var t = BudgetTotals()
        for a in actions {
            guard let line = a.line(kind) else { continue }
            if line.outsideBudget { t.outside += line.sixYears } else { t.inside += line.sixYears }
        }
        t.years = durationYears
        return t
    }
}

public enum BudgetKind: String, Sendable, CaseIterable {
    case investment, operating
    public var label: String { self == .investment ? "Investissement" : "Fonctionnement" }
}

/// Sums of budget lines; `perYear` divides by the programme's length as the brief does.
public struct BudgetTotals: Sendable, Equatable {
    public var inside = Money.zero
    public var outside = Money.zero
    public var years = 6
    public var insidePerYear: Money { inside.divided(by: years, roundingTo: 100) }
    public var outsidePerYear: Money { outside.divided(by: years, roundingTo: 100) }
}

/// One PLH action and its money lines. A missing line means engineering from existing staff.
public struct PLHAction: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    /// Where the action's money sits when it has none of its own ("voir actions 3 et 5").
    public var budgetNote: String?
    public var investment: BudgetLine?
    public var operating: BudgetLine?
    /// Result indicators reported in the yearly review.
    public var indicators: [String]
    public var partners: [String]

    public func line(_ kind: BudgetKind) -> BudgetLine? { kind == .investment ? investment : operating }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(number >= 1, "number", "doit être ≥ 1")
        v.check(!title.isEmpty, "title", "le titre est obligatoire")
        if let l = investment { v.add(l.validate(), under: "investment") }
        if let l = operating { v.add(l.validate(), under: "operating") }
        return v.errors
    }
}

/// A six-year budget line in cents; `outsideBudget` lines are shown apart and excluded from totals.
public struct BudgetLine: Codable, Sendable, Equatable {
    public var sixYears: Money
    public var outsideBudget: Bool

    public func perYear(years: Int = 6) -> Money { sixYears.divided(by: years, roundingTo: 100) }

    func validate() -> [ValidationError] {
        sixYears.isNegative ? [ValidationError(field: "sixYears", "doit être ≥ 0")] : []
    }
}
