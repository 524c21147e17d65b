import GuichetCore

/// What the agent enters to commit money on one of the PLH's budget lines that are not
/// individual aids (a subsidy to ADIL, a study, the operator's contract): the window's dialog and
/// `guichet budget commit` send the same.
public struct CommitmentRequest: Sendable, Equatable {
    public var lineID: String
    public var decision: DecisionReference
    /// Nil or empty: the line's own beneficiary.
    public var beneficiary: String?
    public var purpose: String?
    public var amount: Money
    /// Confirms a commitment that overspends the line's envelope.
    public var overspendReason: String?

    public init(lineID: String, decision: DecisionReference, beneficiary: String? = nil, purpose: String? = nil,
                amount: Money, overspendReason: String? = nil) {
        self.lineID = lineID; self.decision = decision; self.beneficiary = beneficiary; self.purpose = purpose
        self.amount = amount; self.overspendReason = overspendReason
    }
}

/// A commitment refused until the agent confirms an overspend with a reason: the warning says by
/// how much (the window shows it beside the reason field, the command line names its option).
public struct CommitmentOverspend: Error, Sendable, Equatable, CustomStringConvertible {
    public var warning: BudgetWarning
    public var description: String { warning.description }
}

/// What committing a request would do, read before the agent is asked: the line, its envelope
/// status for the decision's year, and the overspend if any.
public struct CommitmentOutlook: Sendable, Equatable {
    public var line: PLHBudgetLine
    public var beneficiary: String
    public var year: Int
    /// What the line may still commit that year before this commitment (nil: no envelope).
    public var remainingBefore: Money?
    public var overspend: BudgetWarning?
    /// The question to ask, in words that state the amount and the consequence.
    public var confirmation: Confirmation
}
