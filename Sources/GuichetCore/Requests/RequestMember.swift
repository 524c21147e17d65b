/// A person of the household, as the request declares them: a role and a birth date, and for the
/// requester and the co-requester their names (so that the counter finds the request; no social
/// security number, nothing else: see §9 of the brief).
public struct RequestMember: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case requester, coRequester, otherAdult, child

        public var frenchLabel: String {
            switch self {
            case .requester: "demandeur"
            case .coRequester: "co-demandeur"
            case .otherAdult: "autre adulte"
            case .child: "enfant"
            }
        }
    }

    public var role: Role
    public var birthDate: CalendarDate
    /// Requester and co-requester only.
    public var lastName: String?
    public var firstName: String?

    public init(role: Role, birthDate: CalendarDate, lastName: String? = nil, firstName: String? = nil) {
        self.role = role
        self.birthDate = birthDate
        self.lastName = lastName
        self.firstName = firstName
    }

    /// The requester and the co-requester are the ones whose age scores (under 30, 60 or more)
    /// and whose names are kept.
    public var isApplicant: Bool { role == .requester || role == .coRequester }

    /// "LECOMTE Théo", "LECOMTE", "Théo"; nil without a name.
    public var displayName: String? {
        let parts = [lastName.map { $0.uppercased() }, firstName].compactMap { $0 }.filter { !$0.allSatisfy(\.isWhitespace) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    var hasName: Bool { displayName != nil }
}

extension SocialHousingRequest {
    /// The requester's name as lists show it ("LECOMTE Théo"), nil when not recorded.
    public var applicantName: String? {
        members.first { $0.role == .requester }?.displayName
    }

    /// The names recorded on the request (requester, co-requester), for search and the RGPD.
    public var applicantNames: [String] {
        members.filter(\.isApplicant).compactMap(\.displayName)
    }
}
