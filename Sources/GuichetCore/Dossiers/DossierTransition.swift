/// What an agent does to a dossier (brief §5).
public enum DossierTransition: Sendable, Equatable {
    /// Complete application received: brouillon → déposé.
    case submit
    /// déposé → en instruction.
    case startReview
    /// en instruction → accordé / engagé.
    case grant(GrantDecision)
    /// accordé or versé → versé, or soldé when nothing remains to pay.
    case pay(Money, label: String? = nil)
    /// déposé or en instruction → refusé; the reason is mandatory.
    case refuse(reason: String)
    /// brouillon, déposé or en instruction → sans suite.
    case abandon(reason: String?)
    /// accordé or versé → annulé; releases what was not paid; the reason is mandatory.
    case cancel(reason: String)
    /// A sale of the home under an anti-speculation clause (no status change).
    case recordSale(on: CalendarDate)

    public enum Kind: String, Sendable, CaseIterable {
        case submit, startReview, grant, pay, refuse, abandon, cancel, recordSale
        public var label: String {
            switch self {
            case .submit: return "Déclarer le dossier déposé (complet)"
            case .startReview: return "Passer en instruction"
            case .grant: return "Accorder l'aide"
            case .pay: return "Enregistrer un versement"
            case .refuse: return "Refuser"
            case .abandon: return "Classer sans suite"
            case .cancel: return "Annuler l'aide accordée"
            case .recordSale: return "Enregistrer une vente du logement"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .submit: return .submit
        case .startReview: return .startReview
        case .grant: return .grant
        case .pay: return .pay
        case .refuse: return .refuse
        case .abandon: return .abandon
        case .cancel: return .cancel
        case .recordSale: return .recordSale
        }
    }
}

/// A refused transition, said in French.
public struct LifecycleError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case illegalTransition, invalidRecord, missingDocuments, conditionsUnmet, invalidDecision,
             overspendNeedsConfirmation, aboveAverageNeedsReason, invalidPayment, reasonRequired, noClause, wrongScheme
    }
    public var code: Code
    public var message: String
    /// Set for `overspendNeedsConfirmation`: what to show before the agent confirms.
    public var warning: BudgetWarning?
    /// Set for `aboveAverageNeedsReason`.
    public var averageWarning: AverageWarning?

    public init(_ code: Code, _ message: String, warning: BudgetWarning? = nil, averageWarning: AverageWarning? = nil) {
        self.code = code; self.message = message; self.warning = warning; self.averageWarning = averageWarning
    }
    public var description: String { message }
}
