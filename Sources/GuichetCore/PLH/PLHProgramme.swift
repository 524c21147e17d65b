/// The local housing programme (PLH) of a territory: its period and its actions with their
/// budget lines (brief §3). Yearly figures are derived (six-year figure / 6, rounded), never stored.
public struct PLHProgramme: ProfilePart, Equatable {
    public var title: String
    public var firstYear: Int
    public var lastYear: Int
    /// The PLH's own text, relative to this file: every quote of the profile is checked against it.
    public var sourceDocument: String?
    public var actions: [PLHAction]

    public var years: ClosedRange<Int> { firstYear...lastYear }
    public var durationYears: Int { lastYear - firstYear + 1 }

    public func action(_ number: Int) -> PLHAction? { actions.first { $0.number == number } }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(firstYear >= 2000 && firstYear <= lastYear, "firstYear", "période invalide (\(firstYear)-\(lastYear))")
        v.check(!actions.isEmpty, "actions", "au moins une action")
        var seen = Set<Int>()
        var lineIDs = Set<String>()
        for (i, a) in actions.enumerated() {
            if !seen.insert(a.number).inserted { v.add(ValidationError(field: "actions[\(i)].number", "action \(a.number) en double")) }
            v.add(a.validate(), under: "actions[\(i)]")
            for (j, l) in a.allLines.enumerated() where !lineIDs.insert(l.id).inserted {
                v.add(ValidationError(field: "actions[\(i)].lines[\(j)].id", "ligne « \(l.id) » en double dans le PLH"))
            }
        }
        return v.errors
    }

    /// Every budget line that is not an individual aid, in action order.
    public var budgetLines: [PLHBudgetLine] { actions.sorted { $0.number < $1.number }.flatMap(\.allLines) }
    public func budgetLine(id: String) -> PLHBudgetLine? { budgetLines.first { $0.id == id } }
    /// The action holding a budget line.
    public func action(holdingLine id: String) -> PLHAction? { actions.first { $0.allLines.contains { $0.id == id } } }

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

public enum BudgetKind: String, Codable, Sendable, CaseIterable {
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
    // Objectives, levers, partners and result indicators are the action's sheet, in the
    // profile part `plhActions` (`PLHActionSheets`).
    /// The money of the action that is not individual aids (subsidies to partners, studies,
    /// operator contracts, land fund): committed and paid by decision in the PLH ledger.
    public var lines: [PLHBudgetLine]?

    public var allLines: [PLHBudgetLine] { lines ?? [] }
    public func line(_ kind: BudgetKind) -> BudgetLine? { kind == .investment ? investment : operating }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(number >= 1, "number", "doit être ≥ 1")
        v.check(!title.isEmpty, "title", "le titre est obligatoire")
        if let l = investment { v.add(l.validate(), under: "investment") }
        if let l = operating { v.add(l.validate(), under: "operating") }
        for (i, l) in allLines.enumerated() { v.add(l.validate(), under: "lines[\(i)]") }
        return v.errors
    }
}

/// A budget line of an action that is not an individual aid: a subsidy to a partner (ADIL,
/// Mahra-Le Toit), a study, an operator's contract, the land fund. Committed and paid by decision
/// (`BudgetCommitment`), in investment or operating, inside or outside the PLH budget.
public struct PLHBudgetLine: Codable, Sendable, Equatable {
    /// Unique in the PLH ("adil", "ori"); commitments name their line by it.
    public var id: String
    public var label: String
    public var kind: BudgetKind
    public var outsideBudget: Bool?
    /// Who usually receives it ("ADIL du Pas-de-Calais"), proposed when committing.
    public var beneficiary: String?
    public var envelope: SchemeEnvelope
    /// Where the amount comes from (the PLH's words, verbatim).
    public var source: ParameterSource?

    public init(id: String, label: String, kind: BudgetKind, outsideBudget: Bool? = nil, beneficiary: String? = nil,
                envelope: SchemeEnvelope, source: ParameterSource? = nil) {
        self.id = id; self.label = label; self.kind = kind; self.outsideBudget = outsideBudget
        self.beneficiary = beneficiary; self.envelope = envelope; self.source = source
    }

    public var isOutsideBudget: Bool { outsideBudget ?? false }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!id.isEmpty && id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "id",
                "identifiant attendu en minuscules, chiffres et tirets")
        v.check(!label.trimmingCharacters(in: .whitespaces).isEmpty, "label", "le libellé est obligatoire")
        v.check(envelope.fromScheme == nil, "envelope.fromScheme", "une ligne budgétaire a son enveloppe propre")
        v.add(envelope.validate(), under: "envelope")
        if let s = source { v.add(s.validate(), under: "source") }
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
