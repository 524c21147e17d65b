/// How a scheme computes its aid (brief §4, "amount rule"). Stored as `{"kind": "...", ...}`.
public struct AmountRule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// `amount` × dwellings.
        case perDwelling
        /// `amount` once per household.
        case perHousehold
        /// `amount` is the average per dwelling the PLH aims at over a year's operations: a target,
        /// never a ceiling (a complex operation gets more, a simple one less); `cap`, when the PLH
        /// gives one, is the hard maximum per dwelling.
        case averagePerDwelling
        /// A single `amount`.
        case fixed
        /// Set by the agent from the project, up to `cap` per project.
        case caseByCase
        /// `amount` × adapted (senior / reduced-mobility) dwellings.
        case perAdaptedDwelling
        /// Computed by the operator of a programme (PIG, OPAH-RU); optional `cap` per dossier.
        case programmeRules
    }

    public var kind: Kind
    public var amount: Money?
    /// A maximum: per dwelling for `averagePerDwelling`, per dossier otherwise.
    public var cap: Money?
    /// Where `amount` comes from; a default amount is proposed, never enforced as a maximum.
    public var source: ParameterSource?
    /// Where `cap` comes from; only a binding cap refuses a grant above it.
    public var capSource: ParameterSource?
    /// Words of the PLH, shown next to the computation ("relèvement du plafond envisagé…").
    public var note: String?

    public init(kind: Kind, amount: Money? = nil, cap: Money? = nil, source: ParameterSource? = nil,
                capSource: ParameterSource? = nil, note: String? = nil) {
        self.kind = kind; self.amount = amount; self.cap = cap; self.source = source; self.capSource = capSource; self.note = note
    }

    /// The yearly average per dwelling the scheme aims at (`averagePerDwelling` only).
    public var averageTarget: Money? { kind == .averagePerDwelling ? amount : nil }
    /// The cap when its source makes it a rule; nil when absent or a default to confirm.
    public var bindingCap: Money? { (capSource.orDefault.isBinding) ? cap : nil }
    /// The amount when its source makes it the rule; nil when absent or a default to confirm.
    public var bindingAmount: Money? { source.orDefault.isBinding ? amount : nil }

    public var label: String {
        let a = amount.map { FrenchFormat.money($0, alwaysCents: false) } ?? "?"
        switch kind {
        case .perDwelling: return "\(a) par logement"
        case .perHousehold: return "\(a) par ménage"
        case .averagePerDwelling:
            return "\(a) en moyenne par logement sur l'année (objectif, non plafond)"
                + (cap.map { ", au plus \(FrenchFormat.money($0, alwaysCents: false)) par logement" } ?? "")
        case .fixed: return "forfait de \(a)"
        case .caseByCase: return "montant fixé au cas par cas" + (cap.map { " (au plus \(FrenchFormat.money($0, alwaysCents: false)))" } ?? "")
        case .perAdaptedDwelling: return "\(a) par logement adapté"
        case .programmeRules: return "selon les règles du programme" + (cap.map { " (au plus \(FrenchFormat.money($0, alwaysCents: false)))" } ?? "")
        }
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        let needsAmount: Set<Kind> = [.perDwelling, .perHousehold, .averagePerDwelling, .fixed, .perAdaptedDwelling]
        if needsAmount.contains(kind) { v.check(amount != nil, "amount", "montant obligatoire pour la règle « \(kind.rawValue) »") }
        if let a = amount { v.check(!a.isNegative, "amount", "doit être ≥ 0") }
        if let c = cap {
            v.check(!c.isNegative, "cap", "doit être ≥ 0")
            if kind == .averagePerDwelling, let a = amount { v.check(c >= a, "cap", "le plafond par logement doit être ≥ la moyenne") }
        }
        if let s = source { v.add(s.validate(), under: "source") }
        if let s = capSource { v.add(s.validate(), under: "capSource") }
        return v.errors
    }
}

/// An extra amount added to the EPCI's aid (e.g. per adapted dwelling).
public struct SchemeBonus: Codable, Sendable, Equatable {
    public enum Unit: String, Codable, Sendable { case adaptedDwelling, dwelling, plaiDwelling }
    public var id: String
    public var label: String
    public var unit: Unit
    public var amount: Money
    public var source: ParameterSource?

    public init(id: String, label: String, unit: Unit, amount: Money, source: ParameterSource? = nil) {
        self.id = id; self.label = label; self.unit = unit; self.amount = amount; self.source = source
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!id.isEmpty, "id", "identifiant obligatoire")
        v.check(!label.isEmpty, "label", "libellé obligatoire")
        v.check(!amount.isNegative, "amount", "doit être ≥ 0")
        if let s = source { v.add(s.validate(), under: "source") }
        return v.errors
    }
}

/// Money from another funder recorded with the dossier: never the EPCI's money, never in its budget.
public struct CoFundingRule: Codable, Sendable, Equatable {
    public enum Basis: String, Codable, Sendable {
        /// `amount` × dwellings of the dossier (State 11 000 € per vacant PLAI dwelling).
        case perDwelling
        /// The amount the commune declared in the dossier (`facts.communeCoFunding`).
        case communeDeclared
    }
    public var funder: String
    public var label: String
    public var basis: Basis
    public var amount: Money?
    public var source: ParameterSource?

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!funder.isEmpty, "funder", "financeur obligatoire")
        v.check(!label.isEmpty, "label", "libellé obligatoire")
        if basis == .perDwelling { v.check(amount != nil, "amount", "montant par logement obligatoire") }
        if let a = amount { v.check(!a.isNegative, "amount", "doit être ≥ 0") }
        if let s = source { v.add(s.validate(), under: "source") }
        return v.errors
    }
}
