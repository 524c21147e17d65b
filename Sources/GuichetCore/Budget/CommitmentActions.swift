import Foundation

/// The writes on the PLH's other budget lines: commit by decision (checked against the line's
/// envelope like a grant), pay, cancel. Call inside `store.write`: the check and the write share
/// one transaction, so two agents cannot both pass the envelope check.
public enum CommitmentActions {
    /// What the agent enters to commit money on a line.
    public struct Request: Sendable, Equatable {
        public var lineID: String
        public var decision: DecisionReference
        public var beneficiary: String?
        public var purpose: String?
        public var amount: Money
        public var overspendReason: String?

        public init(lineID: String, decision: DecisionReference, beneficiary: String? = nil, purpose: String? = nil,
                    amount: Money, overspendReason: String? = nil) {
            self.lineID = lineID; self.decision = decision; self.beneficiary = beneficiary; self.purpose = purpose
            self.amount = amount; self.overspendReason = overspendReason
        }
    }

    /// A refusal that asks for a confirmation (overspend) carries the warning to show.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var warning: BudgetWarning?
        public var description: String { message }
    }

    public static func commit(_ r: Request, plh: PLHProgramme, catalog: SchemeCatalog, on date: CalendarDate,
                              in s: any StoreSession) throws -> BudgetCommitment {
        guard let line = plh.budgetLine(id: r.lineID) else {
            throw ValidationError(field: "ligne", "ligne « \(r.lineID) » inconnue du PLH (attendu : \(plh.budgetLines.map(\.id).joined(separator: ", ")))")
        }
        guard r.decision.date <= date else {
            throw ValidationError(field: "dateDecision", "la décision (\(FrenchFormat.date(r.decision.date))) ne peut pas être postérieure au \(FrenchFormat.date(date))")
        }
        let year = r.decision.date.year
        let years: ClosedRange<Int>? = line.envelope.period != nil ? nil : year...year
        let ledger = BudgetLedger(catalog: catalog, plh: plh, figures: [], lines: try s.lineFigures(years: years))
        if let warning = ledger.wouldExceed(line: line.id, year: year, adding: r.amount), !GrantDecision.hasText(r.overspendReason) {
            throw Refusal(message: warning.description, warning: warning)
        }
        let beneficiary = (r.beneficiary?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? line.beneficiary ?? ""
        let number = CommitmentNumber(year: year, sequence: try s.nextCommitmentSequence(year: year))
        let c = BudgetCommitment(number: number, lineID: line.id, decision: r.decision, beneficiary: beneficiary,
                                 purpose: r.purpose.flatMap { $0.isEmpty ? nil : $0 }, amount: r.amount, agent: s.agent,
                                 overspendReason: GrantDecision.hasText(r.overspendReason) ? r.overspendReason : nil,
                                 createdAt: s.clock.now())
        try check(c)
        return try s.insertCommitment(c)
    }

    /// A payment never exceeds what remains; a cancelled commitment is not paid.
    public static func pay(_ number: CommitmentNumber, amount: Money, reference: String?, on date: CalendarDate,
                           in s: any StoreSession) throws -> BudgetCommitment {
        var c = try load(number, in: s)
        guard !c.isCancelled else { throw ValidationError(field: "engagement", "l'engagement \(number) est annulé : aucun versement possible") }
        guard amount.cents > 0 else { throw ValidationError(field: "montant", "le montant d'un versement doit être positif") }
        guard amount <= c.remainingToPay else {
            throw ValidationError(field: "montant", "le versement de \(amount) dépasse le reste à verser (\(c.remainingToPay))")
        }
        let version = c.version
        c.payments.append(CommitmentPayment(date: date, amount: amount, reference: reference.flatMap { $0.isEmpty ? nil : $0 }, agent: s.agent))
        try check(c)
        return try s.updateCommitment(c, expectedVersion: version)
    }

    /// Gives back to the line what was not paid; the reason is mandatory.
    public static func cancel(_ number: CommitmentNumber, reason: String, on date: CalendarDate, in s: any StoreSession) throws -> BudgetCommitment {
        var c = try load(number, in: s)
        guard !c.isCancelled else { throw ValidationError(field: "engagement", "l'engagement \(number) est déjà annulé") }
        guard GrantDecision.hasText(reason) else { throw ValidationError(field: "motif", "un motif est obligatoire pour une annulation") }
        let version = c.version
        c.cancellation = CommitmentCancellation(date: date, reason: reason, released: c.amount - c.paid, agent: s.agent)
        return try s.updateCommitment(c, expectedVersion: version)
    }

    public static func load(_ number: CommitmentNumber, in s: any StoreSession) throws -> BudgetCommitment {
        guard let c = try s.commitment(number: number) else { throw StoreError.notFound(entity: "engagement", key: number.formatted) }
        return c
    }

    private static func check(_ c: BudgetCommitment) throws {
        if let problem = c.validate().first { throw problem }
    }
}
