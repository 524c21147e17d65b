/// Applies transitions to a dossier, exactly as brief §5 draws them; every change is dated and
/// attributed to the agent in the dossier's timeline. Pure: storage saves the result and its history.
public struct DossierLifecycle: Sendable {
    public let scheme: AidScheme
    /// When given, a grant that would overspend the envelope needs a confirmation with a reason.
    public let budget: BudgetLedger?

    public init(scheme: AidScheme, budget: BudgetLedger? = nil) { self.scheme = scheme; self.budget = budget }

    /// The legal transitions from each state.
    public static let legal: [DossierStatus: Set<DossierTransition.Kind>] = [
        .draft: [.submit, .abandon],
        .submitted: [.startReview, .refuse, .abandon],
        .underReview: [.grant, .refuse, .abandon],
        .granted: [.pay, .cancel],
        .partiallyPaid: [.pay, .cancel, .recordSale],
        .settled: [.recordSale],
        .cancelled: [.recordSale],
        .refused: [], .abandoned: [],
    ]

    public static func isLegal(_ kind: DossierTransition.Kind, from status: DossierStatus) -> Bool {
        legal[status]?.contains(kind) ?? false
    }

    /// What the agent may do now with this dossier (menus, buttons); a sale only under a clause.
    public func availableTransitions(for d: AidDossier) -> [DossierTransition.Kind] {
        DossierTransition.Kind.allCases.filter { Self.isLegal($0, from: d.status) && ($0 != .recordSale || d.antiSpeculation != nil) }
    }

    public func apply(_ t: DossierTransition, to dossier: AidDossier, on date: CalendarDate, agent: String) throws(LifecycleError) -> AidDossier {
        guard dossier.schemeCode == scheme.code else {
            throw LifecycleError(.wrongScheme, "Le dossier \(dossier.number) relève du dispositif \(dossier.schemeCode), pas de \(scheme.code).")
        }
        guard Self.isLegal(t.kind, from: dossier.status) else {
            throw LifecycleError(.illegalTransition, "Action « \(t.kind.label) » impossible : le dossier \(dossier.number) est « \(dossier.status.label) ».")
        }
        var d = dossier
        let from = d.status
        var comment: String?
        switch t {
        case .submit:
            let problems = d.validate()
            if !problems.isEmpty {
                throw LifecycleError(.invalidRecord, "Le dossier comporte des erreurs : " + problems.map(\.description).joined(separator: " ; "))
            }
            let missing = missingDocuments(d)
            if !missing.isEmpty {
                throw LifecycleError(.missingDocuments, "Dossier incomplet, pièces obligatoires manquantes ou non conformes : " + missing.joined(separator: " ; ") + ".")
            }
            d.receivedOn = date
            d.status = .submitted
        case .startReview:
            d.status = .underReview
        case .grant(let decision):
            let unchecked = documentsNotValidated(d)
            if !unchecked.isEmpty {
                throw LifecycleError(.missingDocuments, "Accord impossible : toutes les pièces obligatoires doivent être validées ; "
                                     + "à valider : " + unchecked.joined(separator: " ; ") + ".")
            }
            let result = EligibilityCheck.evaluate(d, scheme: scheme, on: date)
            if !result.isEligible {
                throw LifecycleError(.conditionsUnmet, "Conditions non remplies : " + result.blocking.map(\.message).joined(separator: " "))
            }
            do { try decision.check(against: result.breakdown) } catch {
                throw LifecycleError(.invalidDecision, error.description)
            }
            let average = budget?.wouldRaiseAverage(scheme: scheme.code, year: date.year, adding: decision.amount,
                                                    dwellings: d.property.dwellings)
            if let average, !GrantDecision.hasText(decision.aboveAverageReason) {
                throw LifecycleError(.aboveAverageNeedsReason, average.description, averageWarning: average)
            }
            if let warning = budget?.wouldExceed(scheme: scheme.code, year: date.year, adding: decision.amount),
               !GrantDecision.hasText(decision.overspendReason) {
                throw LifecycleError(.overspendNeedsConfirmation, warning.description, warning: warning)
            }
            d.computedAmount = result.computedAmount
            d.grant = GrantRecord(date: date, amount: decision.amount, envelopeYear: date.year, computedAmount: result.computedAmount,
                                  agent: agent, reason: decision.reason, overspendReason: decision.overspendReason,
                                  aboveAverageReason: average == nil ? nil : decision.aboveAverageReason)
            d.coFunding = result.breakdown.coFunding.map { CoFundingLine(funder: $0.funder ?? "", label: $0.label, amount: $0.amount) }
            d.status = .granted
            comment = decision.reason
        case let .pay(amount, label):
            guard amount.cents > 0 else { throw LifecycleError(.invalidPayment, "Le montant d'un versement doit être positif.") }
            if let grant = d.grant, date < grant.date {
                throw LifecycleError(.invalidPayment, "Un versement ne peut pas précéder la décision d'attribution (\(grant.date)) : date du versement \(date).")
            }
            let remaining = d.remainingToPay
            guard amount <= remaining else {
                throw LifecycleError(.invalidPayment, "Le versement de \(amount) dépasse le reste à verser (\(remaining)).")
            }
            d.payments.append(Payment(date: date, amount: amount, agent: agent, label: label))
            if d.antiSpeculation == nil, let rule = scheme.antiSpeculation {
                let start = rule.startsFrom == .purchase ? (d.facts.purchaseDate ?? date) : date
                var clause = AntiSpeculationClause(startDate: start, endDate: start.adding(years: rule.years), repayment: rule.repayment)
                clause.repaymentSource = rule.repaymentSource.orDefault
                d.antiSpeculation = clause
            }
            d.status = d.remainingToPay == .zero ? .settled : .partiallyPaid
        case .refuse(let reason):
            try requireReason(reason, for: "un refus")
            d.closure = DossierClosure(status: .refused, date: date, agent: agent, reason: reason, released: nil)
            d.status = .refused
            comment = reason
        case .abandon(let reason):
            d.closure = DossierClosure(status: .abandoned, date: date, agent: agent, reason: reason ?? "", released: nil)
            d.status = .abandoned
            comment = reason
        case .cancel(let reason):
            try requireReason(reason, for: "une annulation")
            let released = d.grantedAmount - d.paidAmount
            d.closure = DossierClosure(status: .cancelled, date: date, agent: agent, reason: reason, released: released)
            d.status = .cancelled
            comment = "\(reason) (montant libéré : \(released))"
        case .recordSale(let saleDate):
            guard var clause = d.antiSpeculation else {
                throw LifecycleError(.noClause, "Le dossier \(d.number) n'a pas de clause anti-spéculative.")
            }
            clause.saleDate = saleDate
            clause.repaymentDue = Self.repayment(clause, paid: d.paidAmount, saleDate: saleDate)
            d.antiSpeculation = clause
            comment = clause.repaymentDue.map { "Vente le \(saleDate) avant la fin de la clause (\(clause.endDate)) : remboursement dû \($0)." }
                ?? "Vente le \(saleDate) après la fin de la clause anti-spéculative."
        }
        d.timeline.append(StatusChange(from: from, to: d.status, date: date, agent: agent, comment: comment))
        return d
    }

    /// Labels of mandatory documents missing or invalid, each with its state.
    public func missingDocuments(_ d: AidDossier) -> [String] {
        scheme.mandatoryDocuments.compactMap { req in
            switch d.document(req.id)?.state {
            case nil: return "\(req.label) (manquante)"
            case .invalid?: return "\(req.label) (non conforme)"
            case .received?, .valid?: return nil
            }
        }
    }

    /// Labels of mandatory documents not yet "valide" (a grant needs every one checked), each
    /// with its state: missing, received and still to check, or invalid.
    public func documentsNotValidated(_ d: AidDossier) -> [String] {
        scheme.mandatoryDocuments.compactMap { req in
            switch d.document(req.id)?.state {
            case nil: return "\(req.label) (manquante)"
            case .invalid?: return "\(req.label) (non conforme)"
            case .received?: return "\(req.label) (reçue, non vérifiée)"
            case .valid?: return nil
            }
        }
    }

    /// Amount due after a sale on `saleDate`: nil on or after the clause's end; the whole paid aid
    /// (`full`), or the paid aid × days left / days of the clause, rounded half up to the cent (`proRata`).
    public static func repayment(_ c: AntiSpeculationClause, paid: Money, saleDate: CalendarDate) -> Money? {
        guard saleDate < c.endDate else { return nil }
        switch c.repayment {
        case .full: return paid
        case .proRata:
            let total = Int64(c.startDate.days(until: c.endDate))
            let left = Int64(min(saleDate < c.startDate ? c.startDate.days(until: c.endDate) : saleDate.days(until: c.endDate), Int(total)))
            guard total > 0 else { return paid }
            return Money(cents: (paid.cents * left * 2 + total) / (2 * total))
        }
    }

    private func requireReason(_ reason: String, for what: String) throws(LifecycleError) {
        guard GrantDecision.hasText(reason) else { throw LifecycleError(.reasonRequired, "Un motif est obligatoire pour \(what).") }
    }
}
