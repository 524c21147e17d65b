import GuichetCore

/// The three letters of a dossier (brief §8): acknowledgement of receipt with the documents
/// received and missing, grant notification with amount, conditions and the anti-speculation
/// clause when it applies, payment order to the public accountant.
public enum DossierDocuments {
    public enum Kind: String, Sendable, CaseIterable {
        case acknowledgement = "accuse-reception"
        case notification = "notification"
        case paymentOrder = "ordre-paiement"

        public var label: String {
            switch self {
            case .acknowledgement: "Accusé de réception"
            case .notification: "Notification d'attribution"
            case .paymentOrder: "Ordre de paiement"
            }
        }
    }

    /// Why a letter cannot be produced for a dossier in its state, in French.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func letter(_ kind: Kind, dossier: AidDossier, scheme: AidScheme?, context: ReportContext) throws(Refusal) -> ReportLetter {
        switch kind {
        case .acknowledgement: return try acknowledgement(dossier, scheme: scheme, context: context)
        case .notification: return try notification(dossier, scheme: scheme, context: context)
        case .paymentOrder: return try paymentOrder(dossier, scheme: scheme, context: context)
        }
    }

    /// Why the letter cannot be produced for the dossier in its state; nil when it can (the window
    /// offers a letter only then). Data a letter needs (postal address, bank details) is checked
    /// when it is made, with a message naming the field.
    public static func availability(_ kind: Kind, of d: AidDossier) -> Refusal? {
        if d.isAnonymised {
            return Refusal(description: "Dossier \(d.number) anonymisé (RGPD) : plus aucun courrier ne peut être adressé au demandeur.")
        }
        switch kind {
        case .acknowledgement:
            switch d.status {
            case .draft:
                return Refusal(description: "Dossier \(d.number) à l'état de brouillon : la demande n'est pas encore enregistrée comme reçue, pas d'accusé de réception.")
            case .submitted, .underReview:
                return nil
            default:
                return Refusal(description: "Dossier \(d.number) « \(d.status.label) » : la demande a reçu sa réponse, un nouvel accusé de réception n'a plus lieu d'être (les courriers déjà édités se réimpriment depuis l'historique).")
            }
        case .notification:
            guard d.grant != nil, d.status.holdsCommitment, d.status != .cancelled else {
                return Refusal(description: "Dossier \(d.number) : aucune aide accordée (état « \(d.status.label) »), pas de notification d'attribution possible.")
            }
            return nil
        case .paymentOrder:
            guard d.grant != nil, !d.payments.isEmpty else {
                return Refusal(description: "Dossier \(d.number) : aucun versement enregistré (état « \(d.status.label) »), pas d'ordre de paiement possible.")
            }
            return nil
        }
    }

    /// The letters the dossier's state allows, in the order the window offers them.
    public static func available(for d: AidDossier) -> [Kind] { Kind.allCases.filter { availability($0, of: d) == nil } }

    /// The applicant as a letter addresses them, or why not (no postal address of their own).
    static func recipientOf(_ d: AidDossier) throws(Refusal) -> LetterRecipient {
        do { return try LetterRecipient.applicant(of: d) } catch {
            throw Refusal(description: "Dossier \(d.number) : \(error.description).")
        }
    }

    // MARK: Notification

    static func notification(_ d: AidDossier, scheme: AidScheme?, context c: ReportContext) throws(Refusal) -> ReportLetter {
        if let refusal = availability(.notification, of: d) { throw refusal }
        guard let g = d.grant else { throw Refusal(description: "Dossier \(d.number) : aucune aide accordée.") }
        let recipient = try recipientOf(d)
        // The deliberations that ground the scheme, as the profile lists them.
        let grounds = c.serviceProfile?.deliberations(for: d.schemeCode).map(\.citation) ?? []
        let basis = grounds.isEmpty ? "" : " en application de la " + grounds.joined(separator: " et de la ") + ","
        var body: [ReportLetter.Block] = [.paragraph(
            "J'ai le plaisir de vous informer que, par décision du \(FrenchWords.date(g.date)),\(basis) une subvention de "
            + "\(FrenchFormat.money(g.amount)) vous est attribuée au titre du dispositif \(schemeName(d, scheme)) "
            + "pour le logement ou l'opération situé \(propertyLine(d)).")]
        var figures: [ReportLetter.Figure] = []
        if let w = d.facts.worksAmount { figures.append(.init("Montant des travaux retenu (TTC)", FrenchFormat.money(w))) }
        if g.computedAmount != g.amount { figures.append(.init("Montant calculé selon le règlement", FrenchFormat.money(g.computedAmount))) }
        figures.append(.init("Subvention attribuée", FrenchFormat.money(g.amount), bold: true))
        for line in d.coFunding { figures.append(.init("Cofinancement \(line.funder) (\(line.label))", FrenchFormat.money(line.amount))) }
        body.append(.figures(figures))
        var conditions = conditionLines(d, scheme: scheme, on: g.date)
        if let rule = scheme?.amountRule {
            conditions.insert("Règle de calcul : \(rule.label) (\(rule.source.orDefault.label)).", at: 0)
        }
        conditions.append("La subvention est engagée sur l'enveloppe \(g.envelopeYear) de l'action \(d.plhAction) du PLH ; "
                          + "elle est versée sur justificatifs, en un ou plusieurs versements, dans la limite du montant attribué.")
        // The agent's notes (`reason`, and `aboveAverageReason` written for the budget's sake) are
        // internal; the applicant reads the reason written for them.
        if let reason = g.reasonForApplicant?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty {
            conditions.append("Motif du montant retenu : \(reason).")
        }
        body.append(.list(title: "Conditions de l'aide :", items: conditions))
        if let clause = antiSpeculation(d, scheme) { body.append(.paragraph(clause)) }
        return ReportLetter(letterhead: c.letterhead, kind: Kind.notification.label, recipient: recipient.lines,
                            place: c.serviceProfile?.town, date: c.producedOn, references: references(d, scheme, c),
                            object: "Notification d'attribution d'une subvention", salutation: recipient.salutation, body: body,
                            closing: closing(recipient.formOfAddress, firstPersonSingular: true), signature: signature(c),
                            mentions: [appealAgainstDecision(c)])
    }

    /// The clause as the letter states it, with where each of its terms comes from: from the
    /// dossier when recorded, else from the scheme's rule.
    static func antiSpeculation(_ d: AidDossier, _ s: AidScheme?) -> String? {
        let rule = s?.antiSpeculation
        let period: String
        let repayment: AntiSpeculationRule.Repayment
        let repaymentSource: ParameterSource?
        if let clause = d.antiSpeculation {
            period = "avant le \(FrenchWords.date(clause.endDate))"
            repayment = clause.repayment
            repaymentSource = clause.repaymentSource ?? rule?.repaymentSource
        } else if let rule {
            repayment = rule.repayment
            repaymentSource = rule.repaymentSource
            period = (rule.startsFrom == .purchase ? d.facts.purchaseDate : nil).map {
                "avant le \(FrenchWords.date($0.adding(years: rule.years)))"
            } ?? "pendant \(rule.years) ans à compter de \(rule.startsFrom.label)"
        } else {
            return nil
        }
        let origin = rule?.source.map { " (\($0.citation))" } ?? ""
        return "Clause anti-spéculative\(origin) : le logement ne doit pas être revendu \(period). "
            + "En cas de vente avant cette date, l'aide versée devra être remboursée \(repayment.label) "
            + "(règle de remboursement : \(repaymentSource.orDefault.label))."
    }

    /// The conditions of the aid as the letter lists them, each with its source; the ones the
    /// agent checked say so. Conditions that do not concern the applicant are left out.
    static func conditionLines(_ d: AidDossier, scheme: AidScheme?, on date: CalendarDate) -> [String] {
        guard let scheme else { return [] }
        let conditionIDs = Set(scheme.conditions.filter(\.isMandatory).map(\.conditionID))
        return EligibilityCheck.evaluate(d, scheme: scheme, on: date).rules
            .filter { conditionIDs.contains($0.id) && $0.state != .notApplicable }
            .map { r in
                "\(r.label) (\(r.sourceLabel))" + (r.recorded.map { " — vérifiée par le service le \(FrenchWords.date($0.date))" } ?? "") + "."
            }
    }
}
