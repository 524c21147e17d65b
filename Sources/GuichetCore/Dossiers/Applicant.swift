/// Who applies: a household (members, income, size) or an organisation (name, SIRET).
/// Only what the schemes need (RGPD, brief §9): no social security number, no nationality.
public struct Applicant: Codable, Sendable, Equatable {
    public var kind: ApplicantKind
    /// Private owners only: occupant (PO) or landlord (PB); nil when not said.
    public var ownerStatus: OwnerStatus?
    public var household: Household?
    public var organisation: Organisation?
    /// Free postal address lines as first recorded (before `postalAddress` existed); letters use
    /// `postalAddress` when given, these lines otherwise.
    public var address: String?
    /// Where letters go: the applicant's own address, distinct from the property's.
    public var postalAddress: PostalAddress?
    public var phone: String?
    public var email: String?
    /// Where the aid is paid (ordre de paiement).
    public var bankAccount: BankAccount?
    /// True once the RGPD anonymisation removed the person's data (see `AidDossier.anonymised(on:)`).
    public var anonymised: Bool?

    public init(kind: ApplicantKind, household: Household? = nil, organisation: Organisation? = nil,
                address: String? = nil, phone: String? = nil, email: String? = nil, ownerStatus: OwnerStatus? = nil) {
        self.kind = kind; self.household = household; self.organisation = organisation
        self.address = address; self.phone = phone; self.email = email; self.ownerStatus = ownerStatus
    }

    public static func household(_ h: Household, kind: ApplicantKind = .household) -> Applicant { Applicant(kind: kind, household: h) }
    public static func organisation(_ o: Organisation, kind: ApplicantKind) -> Applicant { Applicant(kind: kind, organisation: o) }

    /// "DUPONT Marie" for a household (its first applicant), the name of an organisation.
    public var displayName: String {
        if let o = organisation { return o.name }
        if anonymised == true { return Self.anonymisedName }
        if let m = household?.members.first(where: { $0.role == .applicant }) ?? household?.members.first { return m.displayName }
        return ""
    }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        if ownerStatus != nil && kind != .privateOwner {
            v.add(ValidationError(field: "ownerStatus", "occupant ou bailleur ne se dit que d'un propriétaire privé (le demandeur est « \(kind.label) »)"))
        }
        if anonymised == true && organisation == nil { return v.errors }
        if kind.isOrganisation {
            guard let o = organisation else {
                v.add(ValidationError(field: "organisation", "l'organisme demandeur est obligatoire pour un demandeur « \(kind.label) »"))
                return v.errors
            }
            v.add(o.validate(), under: "organisation")
        } else if let h = household {
            v.add(h.validate(), under: "household")
        } else if let o = organisation {
            v.add(o.validate(), under: "organisation")
        } else {
            v.add(ValidationError(field: "household", "le ménage demandeur est obligatoire"))
        }
        if let p = postalAddress { v.add(p.validate(), under: "postalAddress") }
        if let b = bankAccount { v.add(b.validate(), under: "bankAccount") }
        return v.errors
    }
}

public struct Household: Codable, Sendable, Equatable {
    public var members: [HouseholdMember]
    /// Yearly income (revenu fiscal de référence) of `incomeYear`, usually N-2.
    public var yearlyIncome: Money?
    public var incomeYear: Int?
    /// Persons living in the home (may exceed `members` when not every person is named).
    public var size: Int

    /// Past it a size is a typing error (and per-person ceilings would overflow): a local bound.
    public static let maximumSize = 99

    public init(members: [HouseholdMember], yearlyIncome: Money? = nil, incomeYear: Int? = nil, size: Int? = nil) {
        self.members = members; self.yearlyIncome = yearlyIncome; self.incomeYear = incomeYear
        self.size = size ?? members.count
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!members.isEmpty, "members", "au moins un membre du ménage")
        v.check(members.contains { $0.role == .applicant }, "members", "le ménage doit compter un demandeur")
        for (i, m) in members.enumerated() { v.add(m.validate(), under: "members[\(i)]") }
        v.check(size >= max(1, members.count), "size", "la taille du ménage doit être ≥ le nombre de membres (\(members.count))")
        if let inc = yearlyIncome { v.check(!inc.isNegative, "yearlyIncome", "le revenu ne peut pas être négatif") }
        if let y = incomeYear {
            v.check(InputLimits.years.contains(y), "incomeYear", "année \(y) hors de la plage admise (\(InputLimits.yearsText))")
        }
        v.check(size <= Self.maximumSize, "size", "la taille du ménage doit être ≤ \(Self.maximumSize)")
        return v.errors
    }
}

public struct HouseholdMember: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case applicant, coApplicant, child, other
        public var label: String {
            switch self {
            case .applicant: return "Demandeur"
            case .coApplicant: return "Co-demandeur"
            case .child: return "Enfant"
            case .other: return "Autre personne"
            }
        }
    }
    public var lastName: String
    public var firstName: String
    public var birthDate: CalendarDate?
    public var role: Role
    /// How letters address the person ("Madame Sylvie SIMON"); nil when not said.
    public var civility: Civility?

    public init(lastName: String, firstName: String, birthDate: CalendarDate? = nil, role: Role, civility: Civility? = nil) {
        self.lastName = lastName; self.firstName = firstName; self.birthDate = birthDate; self.role = role; self.civility = civility
    }

    public var displayName: String { "\(lastName.uppercased()) \(firstName)" }
    /// As a letter names the person: civility, first name, family name in capitals.
    public var formalName: String {
        ([civility?.label, firstName.trimmingCharacters(in: .whitespaces), lastName.trimmingCharacters(in: .whitespaces).uppercased()]
            .compactMap { $0 }.filter { !$0.isEmpty }).joined(separator: " ")
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!lastName.trimmingCharacters(in: .whitespaces).isEmpty, "lastName", "le nom est obligatoire")
        v.check(!firstName.trimmingCharacters(in: .whitespaces).isEmpty, "firstName", "le prénom est obligatoire")
        return v.errors
    }
}

public struct Organisation: Codable, Sendable, Equatable {
    public var name: String
    /// Kept as typed; `validate()` checks it through `Siret`.
    public var siret: String?
    /// The person who follows the dossier for the organisation, as typed ("Claire Dubois").
    public var contactName: String?
    public var contactCivility: Civility?
    /// Their function ("Responsable du développement").
    public var contactRole: String?

    public init(name: String, siret: String? = nil, contactName: String? = nil, contactCivility: Civility? = nil, contactRole: String? = nil) {
        self.name = name; self.siret = siret; self.contactName = contactName
        self.contactCivility = contactCivility; self.contactRole = contactRole
    }

    /// "Madame Claire Dubois, Responsable du développement", nil without a contact.
    public var contactLine: String? {
        guard let name = contactName?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        let role = contactRole?.trimmingCharacters(in: .whitespaces) ?? ""
        return ([contactCivility?.label, name].compactMap { $0 }.joined(separator: " ")) + (role.isEmpty ? "" : ", \(role)")
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!name.trimmingCharacters(in: .whitespaces).isEmpty, "name", "le nom de l'organisme est obligatoire")
        if let s = siret, !s.isEmpty {
            do { _ = try Siret(s, field: "siret") } catch { v.add(error) }
        }
        return v.errors
    }
}
