/// An aid scheme the counter instructs (brief §4): who applies, how much, on which envelope,
/// under which conditions, with which supporting documents. Read from `schemes.json`.
public struct AidScheme: Codable, Sendable, Equatable {
    /// 3-4 capital letters, used in dossier numbers (`2026-ACC-0042`).
    public var code: String
    public var name: String
    /// PLH actions the scheme serves (a dossier belongs to one of them).
    public var actions: [Int]
    /// The action whose budget line pays (the vacancy bonus serves action 2, paid on action 3).
    public var budgetAction: Int
    /// The budget section of that line the aids are paid from; investment when not said.
    public var budgetKind: BudgetKind?
    public var applicants: [ApplicantKind]
    public var amountRule: AmountRule
    public var bonuses: [SchemeBonus]?
    public var coFunding: [CoFundingRule]?
    public var envelope: SchemeEnvelope
    public var conditions: [SchemeCondition]
    public var antiSpeculation: AntiSpeculationRule?
    public var documents: [DocumentRequirement]
    /// Priorities and remarks of the PLH, shown to the agent.
    public var notes: [String]?
    /// What the administration's silence means, and after how long (acknowledgements of receipt);
    /// when absent, the rule of the law for a financial aid (`ImplicitDecisionRule.financialAid`).
    public var implicitDecision: ImplicitDecisionRule?

    public var silenceRule: ImplicitDecisionRule { implicitDecision ?? .financialAid }

    public var allBonuses: [SchemeBonus] { bonuses ?? [] }
    public var allCoFunding: [CoFundingRule] { coFunding ?? [] }
    public var mandatoryDocuments: [DocumentRequirement] { documents.filter(\.mandatory) }
    public var primaryAction: Int { actions.first ?? budgetAction }
    public var budgetSection: BudgetKind { budgetKind ?? .investment }

    public func condition(_ kind: SchemeCondition.Kind) -> SchemeCondition? { conditions.first { $0.knownKind == kind } }

    public static func isValidCode(_ code: String) -> Bool {
        (3...4).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(Self.isValidCode(code), "code", "code de 3 ou 4 lettres majuscules attendu (« \(code) »)")
        v.check(!name.trimmingCharacters(in: .whitespaces).isEmpty, "name", "le nom est obligatoire")
        v.check(!actions.isEmpty, "actions", "au moins une action du PLH")
        for (i, a) in actions.enumerated() where a < 1 { v.add(ValidationError(field: "actions[\(i)]", "doit être ≥ 1")) }
        v.check(budgetAction >= 1, "budgetAction", "doit être ≥ 1")
        v.check(!applicants.isEmpty, "applicants", "au moins un type de demandeur")
        v.add(amountRule.validate(), under: "amountRule")
        for (i, b) in allBonuses.enumerated() { v.add(b.validate(), under: "bonuses[\(i)]") }
        for (i, c) in allCoFunding.enumerated() { v.add(c.validate(), under: "coFunding[\(i)]") }
        v.add(envelope.validate(), under: "envelope")
        for (i, c) in conditions.enumerated() { v.add(c.validate(), under: "conditions[\(i)]") }
        v.checkUnique(conditions.map(\.conditionID), list: "conditions")
        if let a = antiSpeculation { v.add(a.validate(), under: "antiSpeculation") }
        for (i, d) in documents.enumerated() {
            v.check(!d.id.isEmpty, "documents[\(i)].id", "identifiant obligatoire")
            v.check(!d.label.isEmpty, "documents[\(i)].label", "libellé obligatoire")
        }
        v.checkUnique(documents.map(\.id), list: "documents")
        if let r = implicitDecision { v.add(r.validate(), under: "implicitDecision") }
        return v.errors
    }
}
