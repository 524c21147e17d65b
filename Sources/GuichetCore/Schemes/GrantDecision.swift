/// What the agent decides: an amount, why it is below the computed one, and the confirmations
/// the ledger may ask for: why the envelope may be overspent, why an operation justifies more than
/// the scheme's average per dwelling when it takes the year's average above the target.
public struct GrantDecision: Sendable, Equatable {
    public var amount: Money
    public var reason: String?
    public var overspendReason: String?
    public var aboveAverageReason: String?

    public init(amount: Money, reason: String? = nil, overspendReason: String? = nil, aboveAverageReason: String? = nil) {
        self.amount = amount; self.reason = reason; self.overspendReason = overspendReason; self.aboveAverageReason = aboveAverageReason
    }

    public static func hasText(_ s: String?) -> Bool { !(s?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) }

    /// Never more than the cap; below the computed amount only with a reason.
    public func check(against b: AmountBreakdown) throws(ValidationError) {
        guard amount.cents > 0 else { throw ValidationError(field: "montantAccorde", "le montant accordé doit être positif (sinon, refuser le dossier)") }
        if let max = b.maximum, amount > max {
            throw ValidationError(field: "montantAccorde", "le montant accordé (\(amount)) dépasse le plafond du dispositif (\(max))"
                                  + (b.capSource.map { " fixé par : \($0.label)" } ?? ""))
        }
        if amount < b.total && !Self.hasText(reason) {
            throw ValidationError(field: "motif", "motif obligatoire pour un montant inférieur au montant calculé (\(b.total))")
        }
    }
}

import Foundation
