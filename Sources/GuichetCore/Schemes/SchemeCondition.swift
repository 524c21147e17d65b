/// A condition of a scheme with its parameters, as written in the profile:
/// `{"kind": "builtBefore", "date": "1990-01-01", "productDefault": true}`.
/// The kind is kept as text so that an unknown kind is reported by `validate()` with its key path.
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
    public var label: String?
    public var date: CalendarDate?
    public var amount: Money?
    public var count: Int?
    public var minimum: Int?
    /// PSLA ceilings by household size (index 0 = 1 person), yearly income of year N-2.
    public var ceilings: [Money]?
    public var extraPerPerson: Money?
    /// Where the figures come from (an order, a zone).
    public var source: String?
    /// False: a point the agent checks, shown as a warning, not blocking the grant.
    public var mandatory: Bool?
    /// True when the figure is the product's default, not the PLH's (brief: **default**).
    public var productDefault: Bool?

    public init(kind: Kind, date: CalendarDate? = nil, amount: Money? = nil, count: Int? = nil, minimum: Int? = nil,
                ceilings: [Money]? = nil, extraPerPerson: Money? = nil, mandatory: Bool? = nil) {
        self.kind = kind.rawValue; self.date = date; self.amount = amount; self.count = count
        self.minimum = minimum; self.ceilings = ceilings; self.extraPerPerson = extraPerPerson; self.mandatory = mandatory
    }

    public var knownKind: Kind? { Kind(rawValue: kind) }
    public var isMandatory: Bool { mandatory ?? true }

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
        switch k {
        case .builtBefore: v.check(date != nil, "date", "date limite obligatoire")
        case .minimumWorks: v.check(amount.map { !$0.isNegative } ?? false, "amount", "montant minimal obligatoire et ≥ 0")
        case .operationSizeAbove, .longVacancy: v.check((count ?? -1) >= 0, "count", "nombre obligatoire et ≥ 0")
        case .adaptedWhenAbove:
            v.check((count ?? -1) >= 0, "count", "nombre obligatoire et ≥ 0")
            v.check((minimum ?? 0) >= 1, "minimum", "nombre minimal de logements adaptés obligatoire et ≥ 1")
        case .pmrAdapted: v.check((minimum ?? 0) >= 1, "minimum", "nombre minimal obligatoire et ≥ 1")
        case .pslaIncome:
            v.check(!(ceilings ?? []).isEmpty, "ceilings", "plafonds obligatoires")
            for (i, c) in (ceilings ?? []).enumerated() where c.isNegative { v.add(ValidationError(field: "ceilings[\(i)]", "doit être ≥ 0")) }
            v.check(source?.isEmpty == false, "source", "citer la source des plafonds")
        case .communeCoFunding, .presentedToEPCI: break
        }
        return v.errors
    }
}
