/// A supporting document of the dossier, against the scheme's checklist.
public struct SupportingDocument: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable, CaseIterable {
        case received, valid, invalid
        public var label: String {
            switch self { case .received: return "reçue"; case .valid: return "valide"; case .invalid: return "non conforme" }
        }
    }
    /// The id of the scheme's `DocumentRequirement`.
    public var id: String
    public var state: State
    public var date: CalendarDate
    /// The agent's internal note ("illisible, rappeler le notaire"): never printed in a letter.
    public var comment: String?
    /// "Motif communiqué au demandeur": what the letters say about this piece ("la page 2 de l'avis
    /// d'imposition manque"). Written for the applicant, separately from the internal note.
    public var reasonForApplicant: String?

    public init(id: String, state: State, date: CalendarDate, comment: String? = nil, reasonForApplicant: String? = nil) {
        self.id = id; self.state = state; self.date = date; self.comment = comment; self.reasonForApplicant = reasonForApplicant
    }
}

/// One payment (instalment) of a granted aid.
public struct Payment: Codable, Sendable, Equatable {
    public var date: CalendarDate
    public var amount: Money
    public var agent: String
    public var label: String?

    public init(date: CalendarDate, amount: Money, agent: String, label: String? = nil) {
        self.date = date; self.amount = amount; self.agent = agent; self.label = label
    }
}

/// Money from another funder (State, commune): recorded, never counted in the EPCI's budget.
public struct CoFundingLine: Codable, Sendable, Equatable {
    public var funder: String
    public var label: String
    public var amount: Money

    public init(funder: String, label: String, amount: Money) { self.funder = funder; self.label = label; self.amount = amount }
}

/// The grant decision as recorded: committed against the envelope of `envelopeYear` (the decision's year).
public struct GrantRecord: Codable, Sendable, Equatable {
    public var date: CalendarDate
    public var amount: Money
    public var envelopeYear: Int
    public var computedAmount: Money
    public var agent: String
    /// Why the agent granted less than computed.
    public var reason: String?
    /// Why the agent confirmed a grant that overspends the envelope.
    public var overspendReason: String?
    /// Why the operation justifies more than the scheme's average per dwelling (the grant took
    /// the year's average above the PLH's target).
    public var aboveAverageReason: String?
    /// The number the finance software gave the commitment ("numéro d'engagement"), printed on
    /// every payment order of the dossier.
    public var commitmentNumber: String?
    /// "Motif communiqué au demandeur": why the amount differs from the computed one, as the
    /// notification states it (`reason` is the agent's internal note).
    public var reasonForApplicant: String?

    public init(date: CalendarDate, amount: Money, envelopeYear: Int, computedAmount: Money, agent: String,
                reason: String? = nil, overspendReason: String? = nil, aboveAverageReason: String? = nil,
                commitmentNumber: String? = nil, reasonForApplicant: String? = nil) {
        self.date = date; self.amount = amount; self.envelopeYear = envelopeYear; self.computedAmount = computedAmount
        self.agent = agent; self.reason = reason; self.overspendReason = overspendReason; self.aboveAverageReason = aboveAverageReason
        self.commitmentNumber = commitmentNumber; self.reasonForApplicant = reasonForApplicant
    }
}

/// How a dossier left the normal path: refused, abandoned, cancelled after grant.
public struct DossierClosure: Codable, Sendable, Equatable {
    public var status: DossierStatus
    public var date: CalendarDate
    public var agent: String
    public var reason: String
    /// Cancellation: the granted amount not paid, given back to the envelope.
    public var released: Money?

    public init(status: DossierStatus, date: CalendarDate, agent: String, reason: String, released: Money? = nil) {
        self.status = status; self.date = date; self.agent = agent; self.reason = reason; self.released = released
    }
}

/// Anti-speculation clause of a dossier: no resale before `endDate`.
public struct AntiSpeculationClause: Codable, Sendable, Equatable {
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var repayment: AntiSpeculationRule.Repayment
    /// Where the repayment rule applied came from (a local decision, or a default to confirm).
    public var repaymentSource: ParameterSource?
    public var saleDate: CalendarDate?
    /// Set when a sale happens before `endDate`: the dossier is flagged for repayment.
    public var repaymentDue: Money?

    public var isBreached: Bool { repaymentDue != nil }

    public init(startDate: CalendarDate, endDate: CalendarDate, repayment: AntiSpeculationRule.Repayment,
                saleDate: CalendarDate? = nil, repaymentDue: Money? = nil) {
        self.startDate = startDate; self.endDate = endDate; self.repayment = repayment
        self.saleDate = saleDate; self.repaymentDue = repaymentDue
    }
}

/// A dated status change, attributed to an agent (the full field history lives in `HistoryStore`).
public struct StatusChange: Codable, Sendable, Equatable {
    public var from: DossierStatus?
    public var to: DossierStatus
    public var date: CalendarDate
    public var agent: String
    public var comment: String?

    public init(from: DossierStatus?, to: DossierStatus, date: CalendarDate, agent: String, comment: String? = nil) {
        self.from = from; self.to = to; self.date = date; self.agent = agent; self.comment = comment
    }
}

/// An agent's note on the dossier. Internal: no comment is ever printed in a letter (what the
/// applicant is told goes in the "motif communiqué au demandeur" fields).
public struct DossierComment: Codable, Sendable, Equatable {
    public var date: CalendarDate
    public var agent: String
    public var text: String

    public init(date: CalendarDate, agent: String, text: String) { self.date = date; self.agent = agent; self.text = text }
}
