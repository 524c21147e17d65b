/// The JSON a user gives `guichet cotation score FILE.json`: one household, its claims and its
/// CAL history, and the date to score on. Amounts in cents; criteria by their grid id.
public struct CotationInput: Decodable, Sendable, Equatable {
    public struct Member: Decodable, Sendable, Equatable {
        public var role: String
        public var birthDate: CalendarDate
        /// Requester and co-requester only (optional).
        public var lastName: String?
        public var firstName: String?
    }
    public struct Home: Decodable, Sendable, Equatable {
        public var status: String?
        public var monthlyRentCents: Int64
        public var monthlyChargesCents: Int64?
        public var monthlyHousingBenefitCents: Int64?
    }
    public struct Claim: Decodable, Sendable, Equatable {
        public var id: String
        public var supported: Bool
        /// Optional precision (for an essential worker, the occupation).
        public var detail: String?
        /// Optional: the person the situation concerns, by position in `members` (from 0).
        public var member: Int?
    }
    public struct Proposal: Decodable, Sendable, Equatable {
        public var date: CalendarDate
        public var rank: Int
        public var landlord: String?
        /// Optional: allocated, notRetained (the default), refusedJustified, refusedUnjustified.
        public var outcome: String?
    }

    public var computedOn: CalendarDate
    public var requestDate: CalendarDate
    public var sneNumber: String?
    public var members: [Member]
    public var annualResourcesCents: Int64
    public var home: Home?
    public var criteria: [Claim]?
    public var calProposals: [Proposal]?
    public var priorityCategories: [String]?
    /// What the household wishes (optional for scoring; lists filter on them): INSEE codes or names…
    public var wishedCommunes: [String]?
    /// …and typologies ("T1" … "T5+").
    public var wishedTypologies: [String]?

    /// The request this input describes, checked on its own and against `grid`; every error
    /// names its key path in the input file (`criteria[1].id`).
    public func makeRequest(grid: CotationGrid) throws(ValidationErrors) -> SocialHousingRequest {
        var errors: [ValidationError] = []
        var people: [RequestMember] = []
        for (i, member) in members.enumerated() {
            if let role = RequestMember.Role(rawValue: member.role) {
                people.append(RequestMember(role: role, birthDate: member.birthDate,
                                            lastName: member.lastName, firstName: member.firstName))
            } else {
                let accepted = frenchAlternatives(RequestMember.Role.allCases.map(\.rawValue))
                errors.append(ValidationError(field: "members[\(i)].role", "rôle inconnu « \(member.role) » (attendu \(accepted))"))
            }
        }
        var currentHome: CurrentHome?
        if let home {
            let status = CurrentHome.Status(rawValue: home.status ?? CurrentHome.Status.other.rawValue)
            if status == nil {
                let accepted = frenchAlternatives(CurrentHome.Status.allCases.map(\.rawValue))
                errors.append(ValidationError(field: "home.status", "statut inconnu « \(home.status ?? "") » (attendu \(accepted))"))
            }
            currentHome = CurrentHome(status: status ?? .other, monthlyRent: Money(cents: home.monthlyRentCents),
                                      monthlyCharges: Money(cents: home.monthlyChargesCents ?? 0),
                                      monthlyHousingBenefit: Money(cents: home.monthlyHousingBenefitCents ?? 0))
        }
        var typologies: [Typology] = []
        for (i, text) in (wishedTypologies ?? []).enumerated() {
            if let t = Typology(rawValue: text.uppercased()) { typologies.append(t) } else {
                let accepted = frenchAlternatives(Typology.allCases.map(\.rawValue))
                errors.append(ValidationError(field: "wishedTypologies[\(i)]", "typologie inconnue « \(text) » (attendu \(accepted))"))
            }
        }
        let request = SocialHousingRequest(
            id: sneNumber ?? "entrée", sneNumber: sneNumber, requestDate: requestDate, members: people,
            annualResources: Money(cents: annualResourcesCents), home: currentHome,
            wishedCommunes: (wishedCommunes ?? []).map(WishedCommune.init), wishedTypologies: typologies,
            criteria: (criteria ?? []).map {
                CriterionClaim(criterionId: $0.id, document: $0.supported ? .valid : .missing, detail: $0.detail, member: $0.member)
            },
            calProposals: (calProposals ?? []).map {
                CalProposal(date: $0.date, landlord: $0.landlord, rank: $0.rank, outcome: $0.outcome.map(CalOutcome.init(rawValue:)))
            },
            priorityCategories: priorityCategories ?? [])
        // Request errors use the request's property names; rename them to this file's keys.
        errors += (request.validate() + request.validate(against: grid)).map {
            ValidationError(field: CotationInput.inputKeyPath($0.field), $0.message)
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return request
    }

    private static let renamedKeys = [
        "annualResources": "annualResourcesCents", "monthlyRent": "monthlyRentCents",
        "monthlyCharges": "monthlyChargesCents", "monthlyHousingBenefit": "monthlyHousingBenefitCents",
        "criterionId": "id",
    ]

    static func inputKeyPath(_ requestKeyPath: String) -> String {
        requestKeyPath.split(separator: ".", omittingEmptySubsequences: false)
            .map { renamedKeys[String($0)] ?? String($0) }
            .joined(separator: ".")
    }
}
