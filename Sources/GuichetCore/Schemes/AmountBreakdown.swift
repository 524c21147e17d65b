/// The computed aid of a dossier, line by line, as shown to the agent and printed on a notification.
public struct AmountBreakdown: Sendable, Equatable {
    /// The EPCI's aid: the rule's line, then bonuses.
    public var lines: [AmountLine]
    /// Other funders' money (State, commune): shown apart, never in the EPCI's total or budget.
    public var coFunding: [AmountLine]
    /// The most the agent may grant; nil when no binding figure sets one (a default to confirm,
    /// an average, programme rules without figure).
    public var maximum: Money?
    /// The yearly average per dwelling the scheme aims at, when its rule is an average: a target
    /// for the year's operations, shown beside the amount, never a ceiling.
    public var averageTarget: Money?
    /// Where the maximum comes from, when one applies.
    public var capSource: ParameterSource?

    public var total: Money { lines.sum(\.amount) }
    public var coFundingTotal: Money { coFunding.sum(\.amount) }
}

public struct AmountLine: Sendable, Equatable {
    public var label: String
    public var quantity: Int
    /// "logement", "ménage", "forfait", "projet".
    public var unit: String
    public var unitAmount: Money?
    public var amount: Money
    /// Who pays a co-funding line (nil: the EPCI).
    public var funder: String?
    /// Where the unit amount comes from (nil for the agent's or the operator's own figure).
    public var source: ParameterSource?
    /// False for co-funding lines: "not the EPCI's money".
    public var isEPCIMoney: Bool { funder == nil }

    public init(label: String, quantity: Int, unit: String, unitAmount: Money?, amount: Money, funder: String? = nil,
                source: ParameterSource? = nil) {
        self.label = label; self.quantity = quantity; self.unit = unit; self.unitAmount = unitAmount
        self.amount = amount; self.funder = funder; self.source = source
    }
}

extension AidScheme {
    /// Computes the aid from the amount rule, the bonuses and the co-funding rules.
    ///
    /// Only binding figures (the PLH's, a local decision's) set the maximum; a default to confirm
    /// is proposed as the amount and never refuses one. An average per dwelling is a yearly target:
    /// the requested amount is taken as is (within the cap when the PLH gives one), the average
    /// times the dwellings when nothing is requested.
    public func computeAmount(for d: AidDossier) -> AmountBreakdown {
        let rule = amountRule
        let n = d.property.dwellings
        let adapted = d.property.adaptedDwellings
        let a = rule.amount ?? .zero
        let cap = rule.bindingCap
        let binding = rule.source.orDefault.isBinding
        var lines: [AmountLine] = []
        var maximum: Money?
        func capped(_ m: Money, _ cap: Money?) -> Money { cap.map { min(m, $0) } ?? m }
        func rate(_ label: String, _ quantity: Int, _ unit: String) {
            lines.append(AmountLine(label: label, quantity: quantity, unit: unit, unitAmount: a, amount: a * quantity, source: rule.source.orDefault))
            maximum = binding ? a * quantity : nil
        }
        switch rule.kind {
        case .perDwelling: rate("Aide par logement", n, "logement")
        case .perHousehold: rate("Aide par ménage", 1, "ménage")
        case .fixed: rate("Forfait", 1, "forfait")
        case .perAdaptedDwelling: rate("Aide par logement adapté", adapted, "logement adapté")
        case .averagePerDwelling:
            let capTotal = cap.map { $0 * n }
            let target = "moyenne annuelle visée : \(FrenchFormat.money(a, alwaysCents: false)) par logement"
            let limit = cap.map { ", au plus \(FrenchFormat.money($0, alwaysCents: false)) par logement" } ?? ""
            if let r = d.requestedAmount {
                lines.append(AmountLine(label: "Montant demandé (\(target)\(limit))", quantity: n, unit: "logement", unitAmount: nil,
                                        amount: capped(r, capTotal), source: rule.source.orDefault))
            } else {
                lines.append(AmountLine(label: "Montant moyen par logement (\(target)\(limit))", quantity: n, unit: "logement", unitAmount: a,
                                        amount: capped(a * n, capTotal), source: rule.source.orDefault))
            }
            maximum = capTotal
        case .caseByCase:
            lines.append(AmountLine(label: "Montant fixé au cas par cas", quantity: 1, unit: "projet", unitAmount: nil,
                                    amount: capped(d.requestedAmount ?? .zero, cap), source: rule.source))
            maximum = cap
        case .programmeRules:
            lines.append(AmountLine(label: "Montant calculé selon les règles du programme", quantity: 1, unit: "dossier", unitAmount: nil,
                                    amount: capped(d.requestedAmount ?? .zero, cap), source: rule.source))
            maximum = cap ?? d.requestedAmount
        }
        for b in allBonuses {
            let q: Int
            switch b.unit {
            case .adaptedDwelling: q = adapted
            case .dwelling: q = n
            case .plaiDwelling: q = d.property.plaiDwellings ?? 0
            }
            guard q > 0 else { continue }
            lines.append(AmountLine(label: b.label, quantity: q, unit: "logement", unitAmount: b.amount, amount: b.amount * q,
                                    source: b.source.orDefault))
            maximum = maximum.map { $0 + b.amount * q }
        }
        var co: [AmountLine] = []
        for c in allCoFunding {
            switch c.basis {
            case .perDwelling:
                let unit = c.amount ?? .zero
                co.append(AmountLine(label: c.label, quantity: n, unit: "logement", unitAmount: unit, amount: unit * n, funder: c.funder,
                                     source: c.source.orDefault))
            case .communeDeclared:
                if let m = d.facts.communeCoFunding, m.cents > 0 {
                    co.append(AmountLine(label: c.label, quantity: 1, unit: "dossier", unitAmount: nil, amount: m, funder: c.funder,
                                         source: c.source))
                }
            }
        }
        let capSource: ParameterSource? = switch rule.kind {
        case .averagePerDwelling, .caseByCase, .programmeRules: cap != nil ? rule.capSource : nil
        default: maximum != nil ? rule.source : nil
        }
        return AmountBreakdown(lines: lines, coFunding: co, maximum: maximum, averageTarget: rule.averageTarget, capSource: capSource)
    }
}
