/// A situation the household declares to match a declared criterion of the grid
/// (DALO, hosted by a third party…), with the document that supports it.
public struct CriterionClaim: Codable, Sendable, Equatable {
    /// Stable id of the criterion in the grid (`dalo`, `heberge-tiers`…).
    public var criterionId: String
    public var document: ClaimDocument
    /// Optional precision (for an essential worker, the occupation).
    public var detail: String?
    /// The person the situation concerns, by position in the household's members (from 0); nil
    /// when not said (a condition on "the person concerned" then looks at every member).
    public var member: Int?

    public init(criterionId: String, document: ClaimDocument, detail: String? = nil, member: Int? = nil) {
        self.criterionId = criterionId
        self.document = document
        self.detail = detail
        self.member = member
    }
}

/// The supporting document of a claim: only a valid, unexpired one makes the criterion count.
public struct ClaimDocument: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case missing, received, valid, rejected
    }

    public var status: Status
    public var receivedOn: CalendarDate?
    /// Last day the document is accepted (an eviction judgement, a temporary certificate…).
    public var validUntil: CalendarDate?

    public init(status: Status, receivedOn: CalendarDate? = nil, validUntil: CalendarDate? = nil) {
        self.status = status
        self.receivedOn = receivedOn
        self.validUntil = validUntil
    }

    public static let valid = ClaimDocument(status: .valid)
    public static let missing = ClaimDocument(status: .missing)

    /// Why the document does not support the claim on `date`, in French; nil when it does.
    public func problem(on date: CalendarDate) -> String? {
        switch status {
        case .missing: return "justificatif non fourni"
        case .received: return "justificatif reçu mais pas encore validé"
        case .rejected: return "justificatif refusé"
        case .valid:
            if let end = validUntil, end < date { return "justificatif expiré le \(FrenchFormat.date(end))" }
            return nil
        }
    }

    public func isValid(on date: CalendarDate) -> Bool { problem(on: date) == nil }
}
