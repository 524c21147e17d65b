/// A person of the household, as the request declares them. Only what the cotation needs:
/// a role and a birth date (no name, no social security number; see §9 of the brief).
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

    public init(role: Role, birthDate: CalendarDate) {
        self.role = role
        self.birthDate = birthDate
    }

    /// The requester and the co-requester are the ones whose age scores (under 30, 60 or more).
    public var isApplicant: Bool { role == .requester || role == .coRequester }
}
