import Foundation

/// An aid application and its whole life: applicant, property, amounts, decision, payments.
/// `version` increases on every save (optimistic locking by storage).
public struct AidDossier: Codable, Sendable, Equatable, Identifiable {
    public var number: DossierNumber
    public var schemeCode: String
    public var plhAction: Int
    public var applicant: Applicant
    public var property: Property
    public var facts: DossierFacts
    public var requestedAmount: Money?
    /// The amount the rules engine computed at the last evaluation.
    public var computedAmount: Money?
    public var grant: GrantRecord?
    public var status: DossierStatus
    /// Date the complete application was received ("déposé"): starts the clock.
    public var receivedOn: CalendarDate?
    public var closure: DossierClosure?
    public var documents: [SupportingDocument]
    /// The agent's findings on the conditions the product does not check itself (absent in
    /// records that have none).
    public var checks: [RecordedCheck]?
    public var payments: [Payment]
    public var coFunding: [CoFundingLine]
    public var antiSpeculation: AntiSpeculationClause?
    public var timeline: [StatusChange]
    public var comments: [DossierComment]
    /// Set when the RGPD retention period ended and personal data was removed (brief §9);
    /// the amounts stay for the budget figures. Absent from records never anonymised.
    public var anonymisedOn: CalendarDate?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public var id: DossierNumber { number }

    public init(number: DossierNumber, plhAction: Int, applicant: Applicant, property: Property,
                facts: DossierFacts = DossierFacts(), requestedAmount: Money? = nil, createdAt: Date) {
        self.number = number; self.schemeCode = number.scheme; self.plhAction = plhAction
        self.applicant = applicant; self.property = property; self.facts = facts
        self.requestedAmount = requestedAmount; self.computedAmount = nil; self.grant = nil
        self.status = .draft; self.receivedOn = nil; self.closure = nil
        self.documents = []; self.checks = nil; self.payments = []; self.coFunding = []; self.antiSpeculation = nil
        self.timeline = []; self.comments = []; self.anonymisedOn = nil
        self.version = 0; self.createdAt = createdAt; self.updatedAt = createdAt
    }

    public var grantedAmount: Money { grant?.amount ?? .zero }
    public var paidAmount: Money { payments.sum(\.amount) }
    /// Granted, not yet paid, not released (zero once cancelled).
    public var remainingToPay: Money { status == .cancelled ? .zero : grantedAmount - paidAmount }
    /// What the dossier holds against its envelope: the grant, minus what a cancellation released.
    public var committedAmount: Money {
        guard status.holdsCommitment else { return .zero }
        return grantedAmount - (closure?.released ?? .zero)
    }
    /// When the dossier closed: the last payment of a settled one, the date of a refusal,
    /// abandonment or cancellation; nil while open. Retention periods (brief §9) start here,
    /// or at the end of an anti-speculation clause when later.
    public var closedOn: CalendarDate? {
        switch status {
        case .settled: return payments.last?.date
        case .refused, .abandoned, .cancelled: return closure?.date
        default: return nil
        }
    }
    public var retentionStart: CalendarDate? {
        guard let c = closedOn else { return nil }
        return max(c, antiSpeculation?.endDate ?? c)
    }
    public func document(_ id: String) -> SupportingDocument? { documents.last { $0.id == id } }
    public func check(_ condition: String) -> RecordedCheck? { checks?.last { $0.condition == condition } }

    /// Sets or replaces the agent's finding on a condition.
    public mutating func record(check: RecordedCheck) {
        var all = checks ?? []
        if let i = all.firstIndex(where: { $0.condition == check.condition }) { all[i] = check } else { all.append(check) }
        checks = all
    }

    /// Sets or replaces the state of a supporting document.
    public mutating func record(document: SupportingDocument) {
        if let i = documents.firstIndex(where: { $0.id == document.id }) { documents[i] = document } else { documents.append(document) }
    }

    /// Every problem of the record, named by field (`applicant.organisation.siret`, `payments[1].amount`).
    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(AidScheme.isValidCode(schemeCode), "schemeCode", "code de dispositif invalide « \(schemeCode) »")
        v.check(schemeCode == number.scheme, "schemeCode", "le code du dispositif ne correspond pas au numéro \(number)")
        v.check(plhAction >= 1, "plhAction", "action du PLH invalide")
        v.add(applicant.validate(), under: "applicant")
        v.add(property.validate(), under: "property")
        v.add(facts.validate(), under: "facts")
        for (field, m) in [("requestedAmount", requestedAmount), ("computedAmount", computedAmount)] {
            if let m { v.check(!m.isNegative, field, "le montant ne peut pas être négatif") }
        }
        if let g = grant {
            v.check(!g.amount.isNegative, "grant.amount", "le montant ne peut pas être négatif")
            v.check(g.envelopeYear == g.date.year, "grant.envelopeYear", "l'année d'enveloppe doit être celle de la décision (\(g.date.year))")
        }
        for (i, p) in payments.enumerated() {
            v.check(p.amount.cents > 0, "payments[\(i)].amount", "le montant d'un versement doit être positif")
        }
        if grant != nil || !payments.isEmpty {
            v.check(paidAmount <= grantedAmount, "payments", "les versements (\(paidAmount)) dépassent le montant accordé (\(grantedAmount))")
        }
        for (i, c) in coFunding.enumerated() { v.check(!c.amount.isNegative, "coFunding[\(i)].amount", "le montant ne peut pas être négatif") }
        v.check(version >= 0, "version", "doit être ≥ 0")
        return v.errors
    }
}
