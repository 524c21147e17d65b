/// A condition of a scheme with its parameters, as written in the profile:
/// `{"kind": "builtBefore", "source": {"kind": "plh", "action": 4, "quote": "…ancienneté du bien…"}}`.
/// The kind is kept as text so that an unknown kind is reported by `validate()` with its key path.
///
/// Two sources: `source` says where the condition itself comes from (the PLH's words naming it),
/// `thresholdSource` where its figure comes from (a date, an amount, a number of months). The
/// product checks a condition from the dossier only when both are binding; otherwise — the PLH
/// names the criterion without a figure, or the figure is a default to confirm — the condition is
/// a check the agent records (met or not, with a note), and the figure, if any, is an indication.
public struct SchemeCondition: Codable, Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The commune co-funds; its amount is recorded (`facts.communeCoFunding` > 0).
        case communeCoFunding
        /// The home was built before `date`.
        case builtBefore
        /// Works of at least `amount` incl. tax.
        case minimumWorks
        /// The project was presented to the EPCI before the application (`facts.epciPresentationDate`).
        case presentedToEPCI
        /// The operation has more than `count` dwellings.
        case operationSizeAbove
        /// When the operation has more than `count` dwellings, at least `minimum` are adapted (senior / PMR).
        case adaptedWhenAbove
        /// At least `minimum` PMR-adapted dwellings.
        case pmrAdapted
        /// Household income under the PSLA ceilings (`ceilings[size-1]`, then `extraPerPerson`).
        case pslaIncome
        /// Vacant for at least `count` months on the application date.
        case longVacancy
    }

    public var kind: String
    /// Identifies the condition within its scheme when a kind appears twice; the kind otherwise.
    public var id: String?
    public var label: String?
    public var date: CalendarDate?
    public var amount: Money?
    public var count: Int?
    public var minimum: Int?
    /// PSLA ceilings by household size (index 0 = 1 person), yearly income of year N-2.
    public var ceilings: [Money]?
    public var extraPerPerson: Money?
    /// Where the condition comes from (the PLH's words naming it); missing: a default to confirm.
    public var source: ParameterSource?
    /// Where its figure comes from (date, amount, months, ceilings); missing: a default to confirm.
    public var thresholdSource: ParameterSource?
    /// The condition applies only to applicants of this status (the adapted-dwelling condition of
    /// action 3's aids concerns landlords' operations).
    public var applicantStatus: OwnerStatus?
    /// False: a point the agent checks, shown as a warning, not blocking the grant.
    public var mandatory: Bool?

    public init(kind: Kind, date: CalendarDate? = nil, amount: Money? = nil, count: Int? = nil, minimum: Int? = nil,
                ceilings: [Money]? = nil, extraPerPerson: Money? = nil, mandatory: Bool? = nil,
                source: ParameterSource? = nil, thresholdSource: ParameterSource? = nil, applicantStatus: OwnerStatus? = nil) {
        self.kind = kind.rawValue; self.date = date; self.amount = amount; self.count = count
        self.minimum = minimum; self.ceilings = ceilings; self.extraPerPerson = extraPerPerson; self.mandatory = mandatory
        self.source = source; self.thresholdSource = thresholdSource; self.applicantStatus = applicantStatus
    }

    public var knownKind: Kind? { Kind(rawValue: kind) }
    public var isMandatory: Bool { mandatory ?? true }
    /// How recorded checks and messages name the condition.
    public var conditionID: String { id ?? kind }

    /// Whether the kind is defined by a figure (a date, an amount, a count, ceilings).
    public var needsFigure: Bool {
        switch knownKind {
        case .communeCoFunding?, .presentedToEPCI?, nil: return false
        default: return true
        }
    }

    /// Whether the figure is present.
    public var hasFigure: Bool {
        switch knownKind {
        case .builtBefore?: return date != nil
        case .minimumWorks?: return amount != nil
        case .longVacancy?, .operationSizeAbove?, .adaptedWhenAbove?: return count != nil
        case .pmrAdapted?: return minimum != nil
        case .pslaIncome?: return !(ceilings ?? []).isEmpty
        case .communeCoFunding?, .presentedToEPCI?, nil: return false
        }
    }

    /// True when the product checks the condition from the dossier's facts: a known kind whose
    /// source is binding and whose figure, when it needs one, is present with a binding source.
    /// False: the agent records the check.
    public var isCheckedByProduct: Bool {
        guard knownKind != nil, source.orDefault.isBinding else { return false }
        return !needsFigure || (hasFigure && thresholdSource.orDefault.isBinding)
    }

    /// The PSLA ceiling for a household of `size` persons.
    public func pslaCeiling(size: Int) -> Money? {
        guard let ceilings, !ceilings.isEmpty, size >= 1 else { return nil }
        if size <= ceilings.count { return ceilings[size - 1] }
        return ceilings[ceilings.count - 1] + (extraPerPerson ?? .zero) * (size - ceilings.count)
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        guard let k = knownKind else {
            v.add(ValidationError(field: "kind", "type de condition inconnu « \(kind) » (attendu : \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))"))
            return v.errors
        }
        // A figure may be missing (the PLH gives none: the agent checks); when present it must hold.
        switch k {
        case .minimumWorks: if let a = amount { v.check(!a.isNegative, "amount", "montant minimal ≥ 0 attendu") }
        case .operationSizeAbove, .longVacancy: if let c = count { v.check(c >= 0, "count", "nombre ≥ 0 attendu") }
        case .adaptedWhenAbove:
            if let c = count { v.check(c >= 0, "count", "nombre ≥ 0 attendu") }
            v.check((minimum ?? 1) >= 1, "minimum", "nombre minimal de logements adaptés ≥ 1 attendu")
        case .pmrAdapted: v.check((minimum ?? 1) >= 1, "minimum", "nombre minimal ≥ 1 attendu")
        case .pslaIncome:
            for (i, c) in (ceilings ?? []).enumerated() where c.isNegative { v.add(ValidationError(field: "ceilings[\(i)]", "doit être ≥ 0")) }
            if hasFigure { v.check(thresholdSource.orDefault.isBinding, "thresholdSource", "citer le texte qui fixe les plafonds") }
        case .builtBefore, .communeCoFunding, .presentedToEPCI: break
        }
        if let s = source { v.add(s.validate(), under: "source") }
        if let s = thresholdSource { v.add(s.validate(), under: "thresholdSource") }
        if thresholdSource != nil && !needsFigure {
            v.add(ValidationError(field: "thresholdSource", "la condition « \(kind) » n'a pas de seuil"))
        }
        return v.errors
    }
}

extension SchemeCondition {
    /// What the condition asks, in the profile's words when it has a label.
    public var text: String {
        if let label, !label.isEmpty { return label }
        switch knownKind {
        case .communeCoFunding: return "Participation de la commune au financement (condition du versement de l'aide)"
        case .builtBefore: return date.map { "Logement achevé avant le \(FrenchFormat.date($0))" } ?? "Ancienneté du bien"
        case .minimumWorks: return amount.map { "Travaux d'un montant d'au moins \(FrenchFormat.money($0, alwaysCents: false)) TTC" } ?? "Volume financier minimum de travaux"
        case .presentedToEPCI: return "Projet présenté à l'EPCI avant la demande"
        case .operationSizeAbove: return "Opération de plus de \(count.map(String.init) ?? "?") logements"
        case .adaptedWhenAbove: return "Au moins \(minimum ?? 1) logement(s) adapté(s) seniors / PMR dans l'opération"
        case .pmrAdapted: return "Au moins \(minimum ?? 1) logement(s) adapté(s) PMR"
        case .pslaIncome: return "Revenus du ménage sous les plafonds PSLA"
        case .longVacancy: return count.map { "Logement vacant depuis au moins \($0) mois" } ?? "Logement vacant de longue durée"
        case nil: return kind
        }
    }

    /// The figure in words ("construit avant le 01/01/1990"), nil without one.
    public var figureText: String? {
        guard hasFigure else { return nil }
        switch knownKind {
        case .builtBefore: return "construit avant le \(FrenchFormat.date(date!))"
        case .minimumWorks: return "travaux d'au moins \(FrenchFormat.money(amount!, alwaysCents: false)) TTC"
        case .longVacancy: return "vacant depuis au moins \(count!) mois"
        case .operationSizeAbove: return "plus de \(count!) logements"
        case .adaptedWhenAbove: return "au moins \(minimum ?? 1) logement(s) adapté(s) au-delà de \(count!) logements"
        case .pmrAdapted: return "au moins \(minimum!) logement(s) PMR"
        case .pslaIncome: return "plafonds de ressources PSLA"
        case .communeCoFunding, .presentedToEPCI, nil: return nil
        }
    }
}
