/// The editable fields of the dossier form, their French labels and where the domain reports
/// their errors (`AidDossier.validate()` key paths).
public enum DossierField: String, CaseIterable, Sendable {
    case lastName, firstName, birthDate, householdSize, income, incomeYear, orgName, siret, phone, email, ownerStatus
    case mailComplement, mailStreet, mailPostcode, mailTown, contactName, contactRole, accountHolder, iban
    case address, postcode, commune, insee, buildYear, vacantSince, dwellings, adapted
    case works, communeCoFunding, epciDate, purchaseDate, requested

    /// How a field is typed and shown: the form reads and shows back each kind its own way.
    public enum Input: Sendable { case text, integer, year, money, date, phone, email }

    public var input: Input {
        switch self {
        case .householdSize, .dwellings, .adapted: .integer
        case .buildYear, .incomeYear: .year
        case .income, .works, .communeCoFunding, .requested: .money
        case .birthDate, .vacantSince, .epciDate, .purchaseDate: .date
        case .phone: .phone
        case .email: .email
        default: .text
        }
    }

    public var label: String {
        switch self {
        case .lastName: "Nom"
        case .firstName: "Prénom"
        case .birthDate: "Date de naissance"
        case .householdSize: "Personnes au foyer"
        case .income: "Revenu fiscal de référence"
        case .incomeYear: "Année des revenus"
        case .orgName: "Organisme"
        case .siret: "SIRET"
        case .phone: "Téléphone"
        case .email: "Adresse électronique"
        case .ownerStatus: "Propriétaire occupant ou bailleur"
        case .mailComplement: "Complément d’adresse postale"
        case .mailStreet: "Adresse postale (numéro et voie)"
        case .mailPostcode: "Code postal de l’adresse postale"
        case .mailTown: "Commune de l’adresse postale"
        case .contactName: "Interlocuteur (prénom et nom)"
        case .contactRole: "Fonction de l’interlocuteur"
        case .accountHolder: "Titulaire du compte"
        case .iban: "IBAN"
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
        case .birthDate: ["applicant.household.members[0].birthDate"]
        case .householdSize: ["applicant.household.size"]
        case .income: ["applicant.household.yearlyIncome"]
        case .incomeYear: ["applicant.household.incomeYear"]
        case .orgName: ["applicant.organisation.name", "applicant.organisation"]
        case .siret: ["applicant.organisation.siret"]
        case .phone: ["applicant.phone"]
        case .email: ["applicant.email"]
        case .ownerStatus: ["applicant.ownerStatus"]
        case .mailComplement: ["applicant.postalAddress.complement"]
        case .mailStreet: ["applicant.postalAddress.street", "applicant.postalAddress"]
        case .mailPostcode: ["applicant.postalAddress.postcode"]
        case .mailTown: ["applicant.postalAddress.town"]
        case .contactName: ["applicant.organisation.contactName"]
        case .contactRole: ["applicant.organisation.contactRole"]
        case .accountHolder: ["applicant.bankAccount.holder", "applicant.bankAccount"]
        case .iban: ["applicant.bankAccount.iban"]
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
        // Every applicant can be called back and written to (letters go to the postal address,
        // never the property's); a household says who it is made of.
        var set: Set<DossierField> = [.address, .postcode, .commune, .insee, .phone, .email,
                                      .mailComplement, .mailStreet, .mailPostcode, .mailTown, .accountHolder, .iban]
        // An organisation's letters go for the attention of its contact.
        if kind.isOrganisation { set.formUnion([.orgName, .siret, .contactName, .contactRole]) } else { set.formUnion([.lastName, .firstName, .birthDate, .householdSize]) }
        // PO / PB is said of private owners only (action 3 counts them apart; action 11's
        // adapted-dwelling condition concerns landlords' operations).
        if kind == .privateOwner { set.insert(.ownerStatus) }
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
        if conditions.contains(.pslaIncome), !kind.isOrganisation { set.formUnion([.income, .incomeYear]) }
        if !conditions.isDisjoint(with: [.operationSizeAbove, .adaptedWhenAbove, .pmrAdapted]) { set.formUnion([.dwellings, .adapted]) }
        if scheme.allBonuses.contains(where: { $0.unit == .adaptedDwelling }) { set.insert(.adapted) }
        if scheme.antiSpeculation?.startsFrom == .purchase { set.insert(.purchaseDate) }
        return allCases.filter(set.contains)
    }

    /// The values a field chosen from a list offers, as the form's texts hold them ("" for not
    /// said), nil for a typed field. The form shows them with `choiceLabel`.
    public var choices: [String]? {
        switch self {
        case .ownerStatus: [""] + OwnerStatus.allCases.map(\.label)
        default: nil
        }
    }

    /// How a choice reads in the form's list: "Propriétaire bailleur (PB)", "Non précisé".
    public func choiceLabel(_ text: String) -> String {
        switch self {
        case .ownerStatus: OwnerStatus(parsing: text).map { "\($0.label) (\($0.abbreviation))" } ?? "Non précisé"
        default: text
        }
    }

    /// Whether an empty field is refused before the domain even looks at it.
    public var isRequired: Bool {
        switch self {
        case .lastName, .firstName, .orgName, .address, .postcode, .commune, .insee, .dwellings: true
        default: false
        }
    }
}
