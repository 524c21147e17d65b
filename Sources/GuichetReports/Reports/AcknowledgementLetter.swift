import GuichetCore

/// The acknowledgement of receipt of an aid application, with what the Code des relations entre
/// le public et l'administration asks of it:
/// - art. L. 112-3: « Toute demande adressée à l'administration fait l'objet d'un accusé de
///   réception » — here once the application is registered (not for a brouillon, which the
///   service has not received yet);
/// - art. R. 112-5: « 1° La date de réception de la demande et la date à laquelle, à défaut d'une
///   décision expresse, celle-ci sera réputée acceptée ou rejetée ; 2° La désignation, l'adresse
///   postale et, le cas échéant, électronique, ainsi que le numéro de téléphone du service chargé
///   du dossier ; 3° Le cas échéant, les informations mentionnées à l'article L. 114-5 » and, for
///   an implicit rejection, « les délais et les voies de recours à l'encontre de la décision » ;
/// - art. L. 114-5: the missing pieces, the delay set to send them and its effect on the
///   implicit decision's delay;
/// - art. L. 231-4, 3°: a request of a financial nature is rejected by two months of silence
///   (the scheme's `implicitDecision` says otherwise when a text does);
/// - art. L. 232-4: the reasons of an implicit rejection are given on request.
/// Internal notes (comments, the agent's note on a piece) never appear; what the applicant is
/// told about a piece is its "motif communiqué au demandeur".
extension DossierDocuments {
    static func acknowledgement(_ d: AidDossier, scheme: AidScheme?, context c: ReportContext) throws(Refusal) -> ReportLetter {
        if let refusal = availability(.acknowledgement, of: d) { throw refusal }
        guard let received = d.receivedOn else {
            throw Refusal(description: "Dossier \(d.number) : date de réception inconnue, pas d'accusé de réception possible.")
        }
        let missingService = c.serviceProfile?.missingContactDetails ?? ["address", "phone"]
        guard missingService.isEmpty else {
            throw Refusal(description: "Le profil du territoire ne donne pas \(missingService.map { $0 == "address" ? "l'adresse postale" : "le téléphone" }.joined(separator: " ni ")) "
                          + "du service (service.json : \(missingService.joined(separator: ", "))) : l'accusé de réception doit les mentionner (article R. 112-5 du code des relations entre le public et l'administration).")
        }
        let recipient = try recipientOf(d)
        let rule = scheme?.silenceRule ?? .financialAid
        let missing = missingPieces(d, scheme)
        let deadline = c.producedOn.adding(days: (c.serviceProfile?.piecesDelay ?? .missingPiecesDefault).days)
        let decisionDate = rule.decisionDate(receivedOn: received)

        var body: [ReportLetter.Block] = [
            .paragraph("Nous avons reçu le \(FrenchWords.date(received)) votre demande d'aide au titre du dispositif \(schemeName(d, scheme)) "
                       + "du Programme Local de l'Habitat, pour le logement ou l'opération situé \(propertyLine(d)). "
                       + "Elle est enregistrée sous le numéro \(d.number.formatted), à rappeler dans toute correspondance."),
            .paragraph("Votre demande est instruite par le \(serviceDesignation(c))."),
        ]
        let silence = "le silence gardé pendant \(rule.delayInWords) vaut \(rule.meaning.noun) (\(rule.source.kind == .sourceText ? sourceArticle(rule) : rule.source.text))"
        if missing.isEmpty && decisionDate <= c.producedOn {
            // A receipt asked again after the date: what happened, in the past tense.
            body.append(.paragraph("Votre dossier est complet. Faute de décision expresse dans ce délai, votre demande a été réputée "
                                   + "\(rule.meaning.participle) le \(FrenchWords.date(decisionDate)) : \(silence)."))
        } else if missing.isEmpty {
            body.append(.paragraph("Votre dossier est complet. À défaut de décision expresse de notre part, votre demande sera réputée "
                                   + "\(rule.meaning.participle) le \(FrenchWords.date(decisionDate)) : \(silence)."))
        } else {
            body.append(.list(title: "Votre dossier est incomplet. Merci de nous adresser au plus tard le \(FrenchWords.date(deadline)) "
                                     + (missing.count > 1 ? "les pièces suivantes :" : "la pièce suivante :"),
                              items: missing))
            let suspended = rule.meaning == .rejection
                ? "Le délai au terme duquel votre demande sera réputée rejetée est suspendu jusqu'à la réception de ces pièces, et au plus tard jusqu'au \(FrenchWords.date(deadline)) "
                  + "(article L. 114-5 du code des relations entre le public et l'administration) : il ne reprend son cours qu'à compter de leur réception. "
                  + "À défaut de décision expresse, votre demande sera ainsi réputée rejetée le \(FrenchWords.date(decisionDate)), "
                  + "date reportée du temps écoulé entre le présent courrier et la réception des pièces, soit au plus tard le "
                  + "\(FrenchWords.date(decisionDate.adding(days: c.producedOn.days(until: deadline)))) ; \(silence)."
                : "Le délai au terme duquel votre demande sera réputée acceptée ne court qu'à compter de la réception de ces pièces "
                  + "(article L. 114-5 du code des relations entre le public et l'administration) : \(silence)."
            body.append(.paragraph(suspended))
        }
        body.append(.paragraph("Le présent accusé de réception ne vaut pas décision d'attribution de l'aide."))

        var mentions: [ReportLetter.Block] = []
        switch rule.meaning {
        case .rejection:
            mentions.append(.notice(title: "Voies et délais de recours", lines: [
                "Une décision implicite de rejet peut faire l'objet, dans un délai de deux mois à compter de la date à laquelle elle est née, "
                + "d'un recours gracieux adressé à l'auteur de la décision, ou d'un recours contentieux \(court(c)) "
                + "(articles R. 421-1 et R. 421-2 du code de justice administrative), y compris par l'application Télérecours citoyens (www.telerecours.fr).",
                "Dans ce même délai, vous pouvez demander les motifs de cette décision implicite : ils vous seront communiqués dans le mois "
                + "suivant votre demande, et le délai de recours contentieux sera prorogé jusqu'à l'expiration de deux mois suivant le jour "
                + "où ils vous auront été communiqués (article L. 232-4 du code des relations entre le public et l'administration).",
            ]))
        case .acceptance:
            mentions.append(.notice(title: "Décision implicite d'acceptation", lines: [
                "Si une décision implicite d'acceptation naît, vous pourrez en obtenir l'attestation sur simple demande "
                + "(article L. 232-3 du code des relations entre le public et l'administration).",
            ]))
        }
        return ReportLetter(letterhead: c.letterhead, kind: Kind.acknowledgement.label, recipient: recipient.lines,
                            place: c.serviceProfile?.town, date: c.producedOn,
                            references: references(d, scheme, c, extra: [ReportLetter.Reference("Demande reçue le", FrenchWords.date(received))]),
                            object: "Accusé de réception de votre demande d'aide", salutation: recipient.salutation, body: body,
                            closing: closing(recipient.formOfAddress), signature: signature(c), mentions: mentions)
    }

    /// "article L. 231-4 du code des relations entre le public et l'administration" for the law's rule,
    /// the rule's own source otherwise.
    static func sourceArticle(_ rule: ImplicitDecisionRule) -> String {
        rule == .financialAid
            ? "article L. 231-4, 3° du code des relations entre le public et l'administration, pour une demande présentant un caractère financier"
            : rule.source.text
    }

    /// Mandatory pieces not received or not in order, each with what the applicant is told about it
    /// (the "motif communiqué au demandeur"; the internal note is never printed).
    static func missingPieces(_ d: AidDossier, _ s: AidScheme?) -> [String] {
        (s?.mandatoryDocuments ?? []).compactMap { r in
            switch d.document(r.id) {
            case nil: return r.label
            case let doc? where doc.state == .invalid:
                let reason = doc.reasonForApplicant?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                return r.label + " — pièce reçue le \(FrenchWords.date(doc.date)) mais non conforme" + (reason.isEmpty ? "" : " : \(reason)")
            default: return nil
            }
        }
    }
}
