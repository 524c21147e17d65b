import GuichetCore

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

    /// Domain key paths reported on this field (the longest matching prefix wins).
    var domainKeys: [String] {
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
    var isRequired: Bool {
        switch self {
        case .lastName, .firstName, .orgName, .address, .postcode, .commune, .insee, .dwellings: true
        default: false
        }
    }
}

/// Turns the form's texts into a dossier, with one French message per faulty field.
/// Pure: the GTK form calls it on every change (inline messages, Save enabled, eligibility).
public struct DossierFormModel: Sendable {
    public var scheme: AidScheme
    public var applicantKind: ApplicantKind

    public init(scheme: AidScheme, applicantKind: ApplicantKind) {
        self.scheme = scheme
        self.applicantKind = applicantKind
    }

    public var fields: [DossierField] { DossierField.fields(for: scheme, applicant: applicantKind) }

    /// The texts a dossier shows in the form (amounts as "1234,56", dates as "22/11/2026").
    public static func texts(of d: AidDossier) -> [DossierField: String] {
        func money(_ m: Money?) -> String { m.map { FrenchFormat.plainDecimal(cents: $0.cents) } ?? "" }
        func date(_ c: CalendarDate?) -> String { c.map(FrenchFormat.date) ?? "" }
        let member = d.applicant.household?.members.first { $0.role == .applicant } ?? d.applicant.household?.members.first
        return [
            .lastName: member?.lastName ?? "", .firstName: member?.firstName ?? "",
            .householdSize: d.applicant.household.map { String($0.size) } ?? "",
            .income: money(d.applicant.household?.yearlyIncome),
            .orgName: d.applicant.organisation?.name ?? "", .siret: d.applicant.organisation?.siret ?? "",
            .address: d.property.address, .postcode: d.property.postcode, .commune: d.property.commune,
            .insee: d.property.inseeCode, .buildYear: d.property.buildYear.map(String.init) ?? d.property.builtOn.map { String($0.year) } ?? "",
            .vacantSince: date(d.property.vacantSince), .dwellings: String(d.property.dwellings),
            .adapted: String(d.property.adaptedDwellings),
            .works: money(d.facts.worksAmount), .communeCoFunding: money(d.facts.communeCoFunding),
            .epciDate: date(d.facts.epciPresentationDate), .purchaseDate: date(d.facts.purchaseDate),
            .requested: money(d.requestedAmount),
        ]
    }

    public struct Result: Sendable {
        /// The dossier as typed (fields with errors keep the base's value).
        public var dossier: AidDossier
        /// One message per field; empty when the dossier can be saved.
        public var errors: [DossierField: String]
        /// Problems the domain reports on no visible field.
        public var otherErrors: [String]
        public var isValid: Bool { errors.isEmpty && otherErrors.isEmpty }
    }

    /// Applies `texts` (only this scheme's fields) over `base`: parsing first, then the domain's
    /// `validate()` for the rest (SIRET key, postcode, INSEE code, negative amounts...).
    public func build(texts: [DossierField: String], over base: AidDossier) -> Result {
        var d = base
        var errors: [DossierField: String] = [:]
        let visible = Set(fields)
        func text(_ f: DossierField) -> String { visible.contains(f) ? (texts[f] ?? "").trimmingCharacters(in: .whitespaces) : "" }
        for f in fields where f.isRequired && text(f).isEmpty { errors[f] = "Champ obligatoire." }
        func money(_ f: DossierField) -> Money? {
            let t = text(f)
            guard !t.isEmpty else { return nil }
            guard let m = FrenchNumber.parseMoney(t) else { errors[f] = "Montant invalide (exemple : 12 500,00)."; return nil }
            if m.isNegative { errors[f] = "Le montant ne peut pas être négatif." }
            return m
        }
        func int(_ f: DossierField) -> Int? {
            let t = text(f)
            guard !t.isEmpty else { return nil }
            guard let n = Int(t) else { errors[f] = "Nombre entier attendu."; return nil }
            return n
        }
        func date(_ f: DossierField) -> CalendarDate? {
            let t = text(f)
            guard !t.isEmpty else { return nil }
            guard let c = CalendarDate(parsing: t) else { errors[f] = "Date invalide (attendu JJ/MM/AAAA)."; return nil }
            guard InputLimits.years.contains(c.year) else {
                errors[f] = "Date hors de la plage admise (années \(InputLimits.yearsText))."; return nil
            }
            return c
        }

        d.schemeCode = scheme.code
        if !scheme.actions.contains(d.plhAction) { d.plhAction = scheme.primaryAction }
        var applicant = d.applicant
        applicant.kind = applicantKind
        if applicantKind.isOrganisation {
            var o = applicant.organisation ?? Organisation(name: "")
            o.name = text(.orgName)
            o.siret = text(.siret).isEmpty ? nil : text(.siret)
            applicant.organisation = o
            applicant.household = nil
        } else {
            var h = applicant.household ?? Household(members: [])
            let index = h.members.firstIndex { $0.role == .applicant }
            var member = index.map { h.members[$0] } ?? HouseholdMember(lastName: "", firstName: "", role: .applicant)
            member.lastName = text(.lastName)
            member.firstName = text(.firstName)
            if let index { h.members[index] = member } else { h.members.insert(member, at: 0) }
            if let size = int(.householdSize) {
                if size < 1 { errors[.householdSize] = "Au moins une personne." } else { h.size = size }
            }
            h.size = max(h.size, h.members.count)
            h.yearlyIncome = money(.income)
            applicant.household = h
            applicant.organisation = nil
        }
        d.applicant = applicant
        d.property.address = text(.address)
        d.property.postcode = text(.postcode)
        d.property.commune = text(.commune)
        d.property.inseeCode = text(.insee)
        if visible.contains(.buildYear) { d.property.buildYear = int(.buildYear); d.property.builtOn = nil }
        if visible.contains(.vacantSince) { d.property.vacantSince = date(.vacantSince) }
        if visible.contains(.dwellings), let n = int(.dwellings) { d.property.dwellings = n }
        if visible.contains(.adapted) { d.property.adaptedDwellings = int(.adapted) ?? 0 }
        if visible.contains(.works) { d.facts.worksAmount = money(.works) }
        if visible.contains(.communeCoFunding) { d.facts.communeCoFunding = money(.communeCoFunding) }
        if visible.contains(.epciDate) { d.facts.epciPresentationDate = date(.epciDate) }
        if visible.contains(.purchaseDate) { d.facts.purchaseDate = date(.purchaseDate) }
        if visible.contains(.requested) { d.requestedAmount = money(.requested) }

        var other: [String] = []
        for problem in d.validate() {
            if let field = Self.field(for: problem.field, among: fields) {
                if errors[field] == nil { errors[field] = Self.sentence(problem.message) }
            } else {
                other.append(problem.description)
            }
        }
        return Result(dossier: d, errors: errors, otherErrors: other)
    }

    /// The visible field a domain key path belongs to, nil when none.
    static func field(for key: String, among fields: [DossierField]) -> DossierField? {
        var best: (DossierField, Int)?
        for f in fields {
            for k in f.domainKeys where key == k || key.hasPrefix(k + ".") || key.hasPrefix(k + "[") {
                if best == nil || k.count > best!.1 { best = (f, k.count) }
            }
        }
        return best?.0
    }

    /// "le nom est obligatoire" → "Le nom est obligatoire."
    static func sentence(_ message: String) -> String {
        guard let first = message.first else { return message }
        let capitalised = first.uppercased() + message.dropFirst()
        return capitalised.hasSuffix(".") ? capitalised : capitalised + "."
    }
}
