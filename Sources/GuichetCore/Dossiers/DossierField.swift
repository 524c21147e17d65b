/// The editable fields of the dossier form, their French labels and where the domain reports
/// their errors (`AidDossier.validate()` key paths).
public enum DossierField: String, CaseIterable, Sendable {
    case lastName, firstName, householdSize, income, orgName, siret
    case address, postcode, commune, insee, buildYear, vacantSince, dwellings, adapted
    case works, communeCoFunding, epciDate, purchaseDate, requested

    public var label: String {
        switch self {
        case .lastName: "Nom"
        case .firstName: "Prénom"
        case .householdSize: "Personnes au foyer"
        case .income: "Revenu fiscal de référence"
        case .orgName: "Organisme"
        case .siret: "SIRET"
        case .address: "Adresse du logement"
        case .postcode: "Code postal"
        case .commune: "Commune"
        case .insee: "Code INSEE"
        case .buildYear: "Année de construction"
        case .vacantSince: "Vacant depuis le"
        case .dwellings: "Nombre de logements"
        case .adapted: "Logements adaptés (senior / PMR)"
        case .works: "Montant des travaux TTC"
        case .communeCoFunding: "Cofinancement de la commune"
        case .epciDate: "Présenté à l’agglomération le"
        case .purchaseDate: "Date d’achat"
        case .requested: "Montant demandé"
        }
    }

    /// Domain key paths reported on this field (the longest matching prefix wins); the first one is
    /// where the field is stored, which history lines and documents name with `label`.
    public var domainKeys: [String] {
        switch self {
        case .lastName: ["applicant.household.members[0].lastName", "applicant.household.members", "applicant.household"]
        case .firstName: ["applicant.household.members[0].firstName"]
        case .householdSize: ["applicant.household.size"]
        case .income: ["applicant.household.yearlyIncome"]
        case .orgName: ["applicant.organisation.name", "applicant.organisation"]
        case .siret: ["applicant.organisation.siret"]
        case .address: ["property.address"]
        case .postcode: ["property.postcode"]
        case .commune: ["property.commune"]
        case .insee: ["property.inseeCode"]
        case .buildYear: ["property.buildYear"]
        case .vacantSince: ["property.vacantSince"]
        case .dwellings: ["property.dwellings"]
        case .adapted: ["property.adaptedDwellings"]
        case .works: ["facts.worksAmount"]
        case .communeCoFunding: ["facts.communeCoFunding"]
        case .epciDate: ["facts.epciPresentationDate"]
        case .purchaseDate: ["facts.purchaseDate"]
        case .requested: ["requestedAmount"]
        }
    }

    /// Where the field is stored in the dossier ("applicant.household.yearlyIncome").
    public var storedPath: String { domainKeys[0] }

    /// The form field stored at `path`, nil when the form shows no such field.
    public static func stored(at path: String) -> DossierField? { allCases.first { $0.storedPath == path } }

    /// Fields a scheme asks for, for the applicant kind chosen.
    public static func fields(for scheme: AidScheme, applicant kind: ApplicantKind) -> [DossierField] {
        var set: Set<DossierField> = [.address, .postcode, .commune, .insee]
        if kind.isOrganisation { set.formUnion([.orgName, .siret]) } else { set.formUnion([.lastName, .firstName, .householdSize]) }
        let conditions = Set(scheme.conditions.compactMap(\.knownKind))
        switch scheme.amountRule.kind {
        case .perDwelling, .averagePerDwelling: set.insert(.dwellings)
        case .perAdaptedDwelling: set.formUnion([.dwellings, .adapted])
        default: break
        }
        switch scheme.amountRule.kind {
        case .averagePerDwelling, .caseByCase, .programmeRules: set.insert(.requested)
        default: break
        }
        if conditions.contains(.builtBefore) { set.insert(.buildYear) }
        if conditions.contains(.longVacancy) { set.insert(.vacantSince) }
        if conditions.contains(.minimumWorks) { set.insert(.works) }
        if conditions.contains(.communeCoFunding) || scheme.allCoFunding.contains(where: { $0.basis == .communeDeclared }) {
            set.insert(.communeCoFunding)
        }
        if conditions.contains(.presentedToEPCI) { set.insert(.epciDate) }
        if conditions.contains(.pslaIncome), !kind.isOrganisation { set.insert(.income) }
        if !conditions.isDisjoint(with: [.operationSizeAbove, .adaptedWhenAbove, .pmrAdapted]) { set.formUnion([.dwellings, .adapted]) }
        if scheme.allBonuses.contains(where: { $0.unit == .adaptedDwelling }) { set.insert(.adapted) }
        if scheme.antiSpeculation?.startsFrom == .purchase { set.insert(.purchaseDate) }
        return allCases.filter(set.contains)
    }

    /// Whether an empty field is refused before the domain even looks at it.
    public var isRequired: Bool {
        switch self {
        case .lastName, .firstName, .orgName, .address, .postcode, .commune, .insee, .dwellings: true
        default: false
        }
    }
}
