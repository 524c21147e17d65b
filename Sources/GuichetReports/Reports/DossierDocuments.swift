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
        case .acknowledgement: return acknowledgement(dossier, scheme: scheme, context: context)
        case .notification: return try notification(dossier, scheme: scheme, context: context)
        case .paymentOrder: return try paymentOrder(dossier, scheme: scheme, context: context)
        }
    }

    static let closing = "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées."

    static func sender(_ c: ReportContext) -> [String] { [c.service, "Maison de l'Habitat", "Affaire suivie par : le service instructeur"] }
    static func signature(_ c: ReportContext) -> [String] {
        ["Pour le Président et par délégation,", "Le responsable du \(c.service)"]
    }

    static func schemeName(_ d: AidDossier, _ s: AidScheme?) -> String { s.map { "« \($0.name) »" } ?? "« \(d.schemeCode) »" }

    /// Name and address lines of the applicant.
    static func addressee(_ d: AidDossier) -> [String] {
        let a = d.applicant
        var lines: [String] = []
        if let o = a.organisation {
            lines.append(o.name)
            if let c = o.contactName, !c.isEmpty { lines.append("À l'attention de \(c)") }
        } else {
            lines.append(a.displayName)
        }
        if let address = a.address, !address.isEmpty {
            lines += address.split(separator: "\n").map(String.init)
        } else {
            lines += [d.property.address, "\(d.property.postcode) \(d.property.commune.uppercased())"]
        }
        return lines
    }

    static func references(_ d: AidDossier, _ s: AidScheme?) -> [String] {
        ["Dossier n° \(d.number.formatted)",
         "Dispositif : \(d.schemeCode)\(s.map { " — \($0.name)" } ?? "") (action \(d.plhAction) du PLH)"]
    }

    static func propertyLine(_ d: AidDossier) -> String {
        "\(d.property.address), \(d.property.postcode) \(d.property.commune)"
    }

    // MARK: Acknowledgement

    static func acknowledgement(_ d: AidDossier, scheme: AidScheme?, context c: ReportContext) -> ReportLetter {
        var body: [ReportLetter.Block] = [.paragraph(
            "Nous accusons réception de votre demande d'aide au titre du dispositif \(schemeName(d, scheme)) "
            + "pour le logement ou l'opération situé \(propertyLine(d)).")]
        let requirements = scheme?.documents ?? []
        let received = requirements.compactMap { r in d.document(r.id).flatMap { $0.state == .invalid ? nil : (r, $0) } }
        let missing = requirements.filter { r in d.document(r.id).map { $0.state == .invalid } ?? true }
        if !received.isEmpty {
            body.append(.list(title: "Pièces reçues :", items: received.map { r, doc in
                "\(r.label) — reçue le \(FrenchFormat.date(doc.date))\(doc.state == .valid ? ", validée" : "")"
            }))
        }
        if missing.isEmpty {
            body.append(.paragraph("Toutes les pièces demandées ont été reçues."))
        } else {
            body.append(.list(title: "Pièces manquantes ou à remplacer :", items: missing.map { r in
                var text = r.label + (r.mandatory ? " (obligatoire)" : " (facultative)")
                if let doc = d.document(r.id), doc.state == .invalid {
                    text += " — non conforme" + (doc.comment.map { " : \($0)" } ?? "")
                }
                return text
            }))
        }
        if let on = d.receivedOn {
            body.append(.paragraph("Votre dossier a été déclaré complet le \(FrenchFormat.date(on)) ; cette date fait courir le délai d'instruction. "
                                   + "Le présent accusé de réception ne vaut pas décision d'attribution de l'aide."))
        } else {
            let mandatoryMissing = missing.filter(\.mandatory).count
            body.append(.paragraph(mandatoryMissing > 0
                ? "Votre dossier est incomplet : il ne pourra être instruit qu'à réception des \(mandatoryMissing) pièce(s) obligatoire(s) manquante(s). "
                  + "Merci de les adresser au service en rappelant le numéro de dossier."
                : "Votre dossier sera instruit dans les meilleurs délais. Le présent accusé de réception ne vaut pas décision d'attribution de l'aide."))
        }
        return ReportLetter(territory: c.territory, sender: sender(c), addressee: addressee(d), producedOn: c.producedOn,
                            references: references(d, scheme), object: "Accusé de réception de votre demande d'aide",
                            body: body, closing: closing, signature: signature(c), kind: Kind.acknowledgement.label)
    }

    // MARK: Notification

    static func notification(_ d: AidDossier, scheme: AidScheme?, context c: ReportContext) throws(Refusal) -> ReportLetter {
        guard let g = d.grant, d.status.holdsCommitment, d.status != .cancelled else {
            throw Refusal(description: "Dossier \(d.number) : aucune aide accordée (état « \(d.status.label) »), pas de notification d'attribution possible.")
        }
        var body: [ReportLetter.Block] = [.paragraph(
            "J'ai le plaisir de vous informer que, par décision du \(FrenchFormat.date(g.date)), une subvention de "
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
        if let reason = g.reason, !reason.isEmpty { conditions.append("Motif du montant retenu : \(reason).") }
        if let reason = g.aboveAverageReason, !reason.isEmpty {
            conditions.append("Montant supérieur à l'aide moyenne par logement visée par le PLH, motivé ainsi : \(reason).")
        }
        body.append(.list(title: "Conditions de l'aide :", items: conditions))
        if let clause = antiSpeculation(d, scheme) { body.append(.paragraph(clause)) }
        body.append(.paragraph("Cette décision peut faire l'objet d'un recours devant le tribunal administratif dans un délai de deux mois à compter de sa notification."))
        return ReportLetter(territory: c.territory, sender: sender(c), addressee: addressee(d), producedOn: c.producedOn,
                            references: references(d, scheme), object: "Notification d'attribution d'une subvention",
                            body: body, closing: closing, signature: signature(c), kind: Kind.notification.label)
    }

    /// The clause as the letter states it, with where each of its terms comes from: from the
    /// dossier when recorded, else from the scheme's rule.
    static func antiSpeculation(_ d: AidDossier, _ s: AidScheme?) -> String? {
        let rule = s?.antiSpeculation
        let period: String
        let repayment: AntiSpeculationRule.Repayment
        let repaymentSource: ParameterSource?
        if let clause = d.antiSpeculation {
            period = "avant le \(FrenchFormat.date(clause.endDate))"
            repayment = clause.repayment
            repaymentSource = clause.repaymentSource ?? rule?.repaymentSource
        } else if let rule {
            repayment = rule.repayment
            repaymentSource = rule.repaymentSource
            period = (rule.startsFrom == .purchase ? d.facts.purchaseDate : nil).map {
                "avant le \(FrenchFormat.date($0.adding(years: rule.years)))"
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
                "\(r.label) (\(r.sourceLabel))" + (r.recorded.map { " — vérifiée par le service le \(FrenchFormat.date($0.date))" } ?? "") + "."
            }
    }

    // MARK: Payment order

    static func paymentOrder(_ d: AidDossier, scheme: AidScheme?, context c: ReportContext) throws(Refusal) -> ReportLetter {
        guard let g = d.grant, let payment = d.payments.last else {
            throw Refusal(description: "Dossier \(d.number) : aucun versement enregistré (état « \(d.status.label) »), pas d'ordre de paiement possible.")
        }
        let before = d.payments.dropLast().sum(\.amount)
        let after = g.amount - before - payment.amount
        let rank = d.payments.count
        let body: [ReportLetter.Block] = [
            .paragraph("Je vous prie de bien vouloir procéder au paiement de la somme de \(FrenchFormat.money(payment.amount)) "
                       + "au bénéficiaire désigné ci-dessous, au titre de la subvention attribuée le \(FrenchFormat.date(g.date)) "
                       + "dans le cadre du dispositif \(schemeName(d, scheme))."),
            .figures([
                .init("Bénéficiaire", d.applicant.displayName),
                .init("Opération", propertyLine(d)),
                .init("Subvention attribuée", FrenchFormat.money(g.amount)),
                .init("Versements antérieurs", FrenchFormat.money(before)),
                .init("Montant du présent versement (n° \(rank))" + (payment.label.map { " — \($0)" } ?? ""), FrenchFormat.money(payment.amount), bold: true),
                .init("Reste à verser après ce versement", FrenchFormat.money(after)),
            ]),
            .paragraph("Imputation : action \(d.plhAction) du PLH, dispositif \(d.schemeCode), enveloppe \(g.envelopeYear). "
                       + "Versement liquidé le \(FrenchFormat.date(payment.date)) par \(payment.agent) au vu des justificatifs produits."),
        ]
        return ReportLetter(territory: c.territory, sender: sender(c),
                            addressee: ["Service de gestion comptable", "Comptable public de la collectivité"],
                            producedOn: c.producedOn, references: references(d, scheme),
                            object: "Ordre de paiement — versement n° \(rank) du dossier \(d.number.formatted)",
                            salutation: "Madame la Comptable, Monsieur le Comptable,", body: body,
                            closing: "Je vous prie d'agréer l'expression de mes salutations distinguées.",
                            signature: ["L'ordonnateur,", "pour le Président et par délégation,", "Le responsable du \(c.service)"],
                            kind: Kind.paymentOrder.label)
    }
}
