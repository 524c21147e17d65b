import GuichetCore

/// What an agent asks of a dossier, from a button of the window or a command. The use case turns
/// it into a `DossierTransition` in its write transaction, with the dossier as stored: a grant
/// without an amount takes the computed one, "Solder" pays what remains.
public enum DossierAction: Sendable, Equatable {
    case submit
    case startReview
    /// `amount` nil: the amount the rules compute. `overspendReason` confirms a grant that
    /// overspends its envelope, `aboveAverageReason` one that takes the year's average per
    /// dwelling above the PLH's target (an average is not a cap).
    case grant(amount: Money?, reason: String?, overspendReason: String?, aboveAverageReason: String? = nil)
    /// One instalment; never more than what remains to pay.
    case pay(Money, label: String?)
    /// Pays all that remains and so settles the dossier ("Solder").
    case settle(label: String?)
    case refuse(reason: String)
    case abandon(reason: String?)
    case cancel(reason: String)
    case recordSale(on: CalendarDate)

    /// A payment typed by the agent: an empty amount is an error, never "the remainder" (that is
    /// `settle`), and so is a text that is no amount or one that is not positive.
    public static func payment(amount text: String, label: String? = nil) throws(ValidationError) -> DossierAction {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw ValidationError(field: "montant", "indiquez le montant du versement (« Solder » verse tout le reste)")
        }
        return .pay(try positiveAmount(trimmed), label: label)
    }

    /// A grant decision typed by the agent: an empty amount stands for the computed one.
    public static func grant(amount text: String, reason: String?, overspendReason: String?,
                             aboveAverageReason: String? = nil) throws(ValidationError) -> DossierAction {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return .grant(amount: trimmed.isEmpty ? nil : try positiveAmount(trimmed), reason: reason, overspendReason: overspendReason,
                      aboveAverageReason: aboveAverageReason)
    }

    /// A strictly positive French amount ("1 234,56", "1234.56 €").
    public static func positiveAmount(_ text: String, field: String = "montant") throws(ValidationError) -> Money {
        guard let m = FrenchNumber.parseMoney(text) else {
            throw ValidationError(field: field, "montant invalide « \(text) » (exemple : 1 234,56)")
        }
        guard m.cents > 0 else { throw ValidationError(field: field, "le montant doit être positif") }
        return m
    }

    /// The transition for the dossier as it is (computed amount, remainder), checked by the lifecycle.
    func transition(for d: AidDossier, scheme: AidScheme, on date: CalendarDate) throws -> DossierTransition {
        switch self {
        case .submit: return .submit
        case .startReview: return .startReview
        case let .grant(amount, reason, overspend, aboveAverage):
            let m = amount ?? EligibilityCheck.evaluate(d, scheme: scheme, on: date).computedAmount
            return .grant(GrantDecision(amount: m, reason: reason, overspendReason: overspend, aboveAverageReason: aboveAverage))
        case let .pay(amount, label): return .pay(amount, label: label)
        case let .settle(label):
            guard d.remainingToPay.cents > 0 else {
                throw LifecycleError(.invalidPayment, "Rien à verser : le dossier \(d.number) n'a plus de reste à verser.")
            }
            return .pay(d.remainingToPay, label: label ?? "Solde")
        case let .refuse(reason): return .refuse(reason: reason)
        case let .abandon(reason): return .abandon(reason: reason)
        case let .cancel(reason): return .cancel(reason: reason)
        case let .recordSale(date): return .recordSale(on: date)
        }
    }

    /// The question to ask before a money or irreversible action, in words that state the
    /// consequence and the amount ("Verser 1 200,00 € et solder le dossier 2026-ACC-0010 ?");
    /// nil for the steps that need none (submit, start of review).
    public func confirmation(for d: AidDossier, scheme: AidScheme, on date: CalendarDate) -> Confirmation? {
        let number = d.number.formatted
        func money(_ m: Money) -> String { FrenchFormat.money(m) }
        switch self {
        case .submit, .startReview:
            return nil
        case let .grant(amount, _, overspend, _):
            let m = amount ?? EligibilityCheck.evaluate(d, scheme: scheme, on: date).computedAmount
            let owner = scheme.envelope.fromScheme ?? scheme.code
            var consequence = "Le montant est engagé sur l’enveloppe \(date.year) du dispositif \(owner) ; la décision est datée du \(FrenchFormat.date(date))."
            if GrantDecision.hasText(overspend) { consequence += " Vous confirmez le dépassement de l’enveloppe." }
            return Confirmation(question: "Accorder \(money(m)) au dossier \(number) ?", consequence: consequence, action: "Accorder")
        case let .pay(amount, _):
            return paymentConfirmation(amount, d)
        case .settle:
            return paymentConfirmation(d.remainingToPay, d)
        case .refuse:
            return Confirmation(question: "Refuser le dossier \(number) ?",
                                consequence: "Le refus est définitif : le dossier sera clos et le motif enregistré.",
                                action: "Refuser", destructive: true)
        case .abandon:
            return Confirmation(question: "Classer sans suite le dossier \(number) ?",
                                consequence: "Le classement est définitif : le dossier sera clos.",
                                action: "Classer sans suite", destructive: true)
        case .cancel:
            let released = d.grantedAmount - d.paidAmount
            return Confirmation(question: "Annuler l’aide accordée au dossier \(number) ?",
                                consequence: "\(money(released)) non versés seront libérés sur l’enveloppe ; "
                                    + "l’annulation est définitive et aucun versement ne sera plus possible.",
                                action: "Annuler l’aide", destructive: true)
        case let .recordSale(saleDate):
            let due = d.antiSpeculation.flatMap { DossierLifecycle.repayment($0, paid: d.paidAmount, saleDate: saleDate) }
            return Confirmation(question: "Enregistrer la vente du logement du dossier \(number) le \(FrenchFormat.date(saleDate)) ?",
                                consequence: due.map { "La vente a lieu avant la fin de la clause anti-spéculative : \(money($0)) seront à rembourser." }
                                    ?? "La vente a lieu après la fin de la clause anti-spéculative : rien à rembourser.",
                                action: "Enregistrer la vente")
        }
    }

    private func paymentConfirmation(_ amount: Money, _ d: AidDossier) -> Confirmation {
        let number = d.number.formatted
        let left = d.remainingToPay - amount
        if left == .zero {
            return Confirmation(question: "Verser \(FrenchFormat.money(amount)) et solder le dossier \(number) ?",
                                consequence: "C’est tout le reste à verser : le dossier sera soldé et n’acceptera plus de versement.",
                                action: "Verser et solder")
        }
        return Confirmation(question: "Verser \(FrenchFormat.money(amount)) au dossier \(number) ?",
                            consequence: "Il restera \(FrenchFormat.money(left)) à verser.", action: "Verser")
    }
}

/// A question asked before an action: what it does, its consequence, the confirming button.
public struct Confirmation: Sendable, Equatable {
    public var question: String
    public var consequence: String
    /// The label of the confirming button (the other one is "Annuler").
    public var action: String
    /// True for irreversible closings (shown as a destructive button).
    public var destructive: Bool

    public init(question: String, consequence: String, action: String, destructive: Bool = false) {
        self.question = question
        self.consequence = consequence
        self.action = action
        self.destructive = destructive
    }
}
