/// The computed aid of a dossier, line by line, as shown to the agent and printed on a notification.
public struct AmountBreakdown: Sendable, Equatable {
    /// The EPCI's aid: the rule's line, then bonuses.
    public var lines: [AmountLine]
    /// Other funders' money (State, commune): shown apart, never in the EPCI's total or budget.
    public var coFunding: [AmountLine]
    /// The most the agent may grant; nil when the scheme sets no cap (programme rules without figure).
    public var maximum: Money?

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
    /// False for co-funding lines: "not the EPCI's money".
    public var isEPCIMoney: Bool { funder == nil }

    public init(label: String, quantity: Int, unit: String, unitAmount: Money?, amount: Money, funder: String? = nil) {
        self.label = label; self.quantity = quantity; self.unit = unit; self.unitAmount = unitAmount
        self.amount = amount; self.funder = funder
    }
}

extension AidScheme {
    /// Computes the aid from the amount rule, the bonuses and the co-funding rules.
    /// Average-per-dwelling rules: the average × dwellings, or the requested amount when given,
    /// within the cap per dwelling (the average itself when the PLH gives no cap).
    public func computeAmount(for d: AidDossier) -> AmountBreakdown {
        let rule = amountRule
        let n = d.property.dwellings
        let adapted = d.property.adaptedDwellings
        let a = rule.amount ?? .zero
        var lines: [AmountLine] = []
        var maximum: Money?
        func capped(_ m: Money, _ cap: Money?) -> Money { cap.map { min(m, $0) } ?? m }
        switch rule.kind {
        case .perDwelling:
            lines.append(AmountLine(label: "Aide par logement", quantity: n, unit: "logement", unitAmount: a, amount: a * n))
            maximum = a * n
        case .perHousehold:
            lines.append(AmountLine(label: "Aide par ménage", quantity: 1, unit: "ménage", unitAmount: a, amount: a))
            maximum = a
        case .averagePerDwelling:
            let capTotal = (rule.cap ?? a) * n
            if let r = d.requestedAmount {
                lines.append(AmountLine(label: "Montant demandé, dans la limite de \(FrenchFormat.money(rule.cap ?? a, alwaysCents: false)) par logement",
                                        quantity: n, unit: "logement", unitAmount: nil, amount: min(r, capTotal)))
            } else {
                lines.append(AmountLine(label: "Montant moyen par logement", quantity: n, unit: "logement", unitAmount: a, amount: min(a * n, capTotal)))
            }
            maximum = capTotal
        case .fixed:
            lines.append(AmountLine(label: "Forfait", quantity: 1, unit: "forfait", unitAmount: a, amount: a))
            maximum = a
        case .caseByCase:
            lines.append(AmountLine(label: "Montant fixé au cas par cas", quantity: 1, unit: "projet", unitAmount: nil,
                                    amount: capped(d.requestedAmount ?? .zero, rule.cap)))
            maximum = rule.cap
        case .perAdaptedDwelling:
            lines.append(AmountLine(label: "Aide par logement adapté", quantity: adapted, unit: "logement adapté", unitAmount: a, amount: a * adapted))
            maximum = a * adapted
        case .programmeRules:
            lines.append(AmountLine(label: "Montant calculé selon les règles du programme", quantity: 1, unit: "dossier", unitAmount: nil,
                                    amount: capped(d.requestedAmount ?? .zero, rule.cap)))
            maximum = rule.cap ?? d.requestedAmount
        }
        for b in allBonuses {
            let q: Int
            switch b.unit {
            case .adaptedDwelling: q = adapted
            case .dwelling: q = n
            case .plaiDwelling: q = d.property.plaiDwellings ?? 0
            }
            guard q > 0 else { continue }
            lines.append(AmountLine(label: b.label, quantity: q, unit: "logement", unitAmount: b.amount, amount: b.amount * q))
            maximum = maximum.map { $0 + b.amount * q }
        }
        var co: [AmountLine] = []
        for c in allCoFunding {
            switch c.basis {
            case .perDwelling:
                let unit = c.amount ?? .zero
                co.append(AmountLine(label: c.label, quantity: n, unit: "logement", unitAmount: unit, amount: unit * n, funder: c.funder))
            case .communeDeclared:
                if let m = d.facts.communeCoFunding, m.cents > 0 {
                    co.append(AmountLine(label: c.label, quantity: 1, unit: "dossier", unitAmount: nil, amount: m, funder: c.funder))
                }
            }
        }
        return AmountBreakdown(lines: lines, coFunding: co, maximum: maximum)
    }
}
