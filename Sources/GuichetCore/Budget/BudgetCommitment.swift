import Foundation

/// Money committed on a PLH budget line that is not an individual aid (a subsidy to ADIL, a
/// study, the operator's contract, the land fund), by a decision of the service, then paid in
/// one or more payments; a cancellation gives back what was not paid. Counted in the PLH ledger
/// with the aid dossiers: the year is the decision's, as for a grant.
public struct BudgetCommitment: Codable, Sendable, Equatable, Identifiable {
    /// "ENG-2026-0003".
    public var number: CommitmentNumber
    /// `PLHBudgetLine.id`.
    public var lineID: String
    /// The decision that commits the money.
    public var decision: DecisionReference
    /// Who receives it ("ADIL du Pas-de-Calais").
    public var beneficiary: String
    /// What it pays for ("Subvention 2026", "Étude pré-opérationnelle OPAH-RU").
    public var purpose: String?
    public var amount: Money
    /// Why the agent confirmed a commitment that overspends the line's envelope.
    public var overspendReason: String?
    public var payments: [CommitmentPayment]
    public var cancellation: CommitmentCancellation?
    public var agent: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public var id: CommitmentNumber { number }

    public init(number: CommitmentNumber, lineID: String, decision: DecisionReference, beneficiary: String, purpose: String?,
                amount: Money, agent: String, overspendReason: String? = nil, createdAt: Date) {
        self.number = number; self.lineID = lineID; self.decision = decision; self.beneficiary = beneficiary
        self.purpose = purpose; self.amount = amount; self.agent = agent; self.overspendReason = overspendReason
        self.payments = []; self.cancellation = nil; self.version = 0; self.createdAt = createdAt; self.updatedAt = createdAt
    }

    /// The budget year: the decision's.
    public var year: Int { decision.date.year }
    public var paid: Money { payments.sum(\.amount) }
    /// Given back by a cancellation (committed minus paid at that time).
    public var released: Money { cancellation?.released ?? .zero }
    /// What the commitment holds against its line's envelope.
    public var committed: Money { amount - released }
    public var remainingToPay: Money { cancellation == nil ? amount - paid : .zero }
    public var isCancelled: Bool { cancellation != nil }

    public var statusLabel: String {
        if isCancelled { return "Annulé" }
        if paid == .zero { return "Engagé" }
        return remainingToPay == .zero ? "Soldé" : "Versé en partie"
    }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!lineID.isEmpty, "lineID", "la ligne du PLH est obligatoire")
        v.add(decision.validate(), under: "decision")
        v.check(!beneficiary.trimmingCharacters(in: .whitespaces).isEmpty, "beneficiary", "le bénéficiaire est obligatoire")
        v.check(amount.cents > 0, "amount", "le montant engagé doit être positif")
        v.check(number.year == year, "number", "le numéro doit porter l'année de la décision (\(year))")
        for (i, p) in payments.enumerated() {
            v.check(p.amount.cents > 0, "payments[\(i)].amount", "le montant d'un versement doit être positif")
            v.check(p.date >= decision.date, "payments[\(i)].date", "un versement ne précède pas la décision (\(FrenchFormat.date(decision.date)))")
        }
        v.check(paid <= amount, "payments", "les versements (\(paid)) dépassent le montant engagé (\(amount))")
        return v.errors
    }
}

/// "ENG-2026-0003": commitments on PLH budget lines, numbered per decision year.
public struct CommitmentNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var sequence: Int

    public init(year: Int, sequence: Int) { self.year = year; self.sequence = sequence }

    public init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-")
        guard parts.count == 3, parts[0] == "ENG", parts[1].count == 4, let y = Int(parts[1]), let n = Int(parts[2]), n >= 1 else { return nil }
        self.init(year: y, sequence: n)
    }

    public var formatted: String { "ENG-\(year)-" + String(repeating: "0", count: max(0, 4 - String(sequence).count)) + String(sequence) }
    public var description: String { formatted }

    public static func < (a: CommitmentNumber, b: CommitmentNumber) -> Bool { (a.year, a.sequence) < (b.year, b.sequence) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let n = CommitmentNumber(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "numéro d'engagement invalide « \(text) »"))
        }
        self = n
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(formatted)
    }
}

/// The decision behind a commitment: its reference (deliberation, decree, convention) and date.
public struct DecisionReference: Codable, Sendable, Equatable {
    public var reference: String
    public var date: CalendarDate

    public init(reference: String, date: CalendarDate) { self.reference = reference; self.date = date }

    public var label: String { "\(reference) du \(FrenchFormat.date(date))" }

    func validate() -> [ValidationError] {
        reference.trimmingCharacters(in: .whitespaces).isEmpty
            ? [ValidationError(field: "reference", "la référence de la décision est obligatoire")] : []
    }
}

public struct CommitmentPayment: Codable, Sendable, Equatable {
    public var date: CalendarDate
    public var amount: Money
    /// The payment's own reference (mandate number), when the accountant gave one.
    public var reference: String?
    public var agent: String

    public init(date: CalendarDate, amount: Money, reference: String?, agent: String) {
        self.date = date; self.amount = amount; self.reference = reference; self.agent = agent
    }
}

public struct CommitmentCancellation: Codable, Sendable, Equatable {
    public var date: CalendarDate
    public var reason: String
    public var released: Money
    public var agent: String

    public init(date: CalendarDate, reason: String, released: Money, agent: String) {
        self.date = date; self.reason = reason; self.released = released; self.agent = agent
    }
}
