import GuichetCore

/// The payment order of a dossier's last instalment, addressed to the public accountant: the
/// beneficiary and their bank details in full (the accountant pays on them), the commitment
/// number, the budget imputation (chapter / article / function from the profile), the grant,
/// what was paid before, this payment and what remains. No agent login: the history records who
/// produced it.
extension DossierDocuments {
    static func paymentOrder(_ d: AidDossier, scheme: AidScheme?, context c: ReportContext) throws(Refusal) -> ReportLetter {
        if let refusal = availability(.paymentOrder, of: d) { throw refusal }
        guard let g = d.grant, let payment = d.payments.last else {
            throw Refusal(description: "Dossier \(d.number) : aucun versement enregistré, pas d'ordre de paiement possible.")
        }
        guard let bank = d.applicant.bankAccount else {
            throw Refusal(description: "Dossier \(d.number) : applicant.bankAccount : les coordonnées bancaires du bénéficiaire (IBAN) ne sont pas renseignées ; "
                          + "saisissez-les d'après son RIB avant d'éditer l'ordre de paiement.")
        }
        guard let commitment = g.commitmentNumber?.trimmingCharacters(in: .whitespaces), !commitment.isEmpty else {
            throw Refusal(description: "Dossier \(d.number) : grant.commitmentNumber : le numéro d'engagement n'est pas renseigné ; "
                          + "saisissez celui du logiciel financier (guichet dossiers engagement \(d.number) NUMÉRO) avant d'éditer l'ordre de paiement.")
        }
        guard let imputation = c.serviceProfile?.imputation(for: d.schemeCode) else {
            throw Refusal(description: "Le profil du territoire ne donne pas l'imputation budgétaire du dispositif \(d.schemeCode) "
                          + "(service.json : budgetImputations, chapitre / article / fonction) : elle doit figurer sur l'ordre de paiement.")
        }
        let beneficiary = try recipientOf(d)
        let before = d.payments.dropLast().sum(\.amount)
        let after = g.amount - before - payment.amount
        let rank = d.payments.count
        let accountant = c.serviceProfile?.accountant
        let addressee = accountant.map { [$0.name] + ($0.address?.lines ?? []) } ?? ["Service de gestion comptable", "Comptable public de la collectivité"]

        var account = ["Titulaire du compte : \(bank.holder)", "IBAN : \(bank.iban.description)"]
        if let bic = bank.bic, !bic.isEmpty { account.append("BIC : \(bic)") }
        let body: [ReportLetter.Block] = [
            .paragraph("Je vous prie de bien vouloir procéder au paiement de la somme de \(FrenchFormat.money(payment.amount)) "
                       + "au bénéficiaire désigné ci-dessous, au titre de la subvention qui lui a été attribuée par décision du "
                       + "\(FrenchWords.date(g.date)) dans le cadre du dispositif \(schemeName(d, scheme))."),
            .notice(title: "Bénéficiaire", lines: beneficiary.names + [beneficiary.address.joined(separator: ", ")] + account),
            .figures([
                .init("Subvention attribuée (engagement n° \(commitment))", FrenchFormat.money(g.amount)),
                .init(rank > 1 ? "Versements antérieurs (\(FrenchWords.count(rank - 1, "versement")))" : "Versements antérieurs", FrenchFormat.money(before)),
                .init("Montant du présent versement (n° \(rank))" + (payment.label.map { " — \($0)" } ?? ""), FrenchFormat.money(payment.amount), bold: true),
                .init("Reste à verser après ce versement", FrenchFormat.money(after)),
            ]),
            .paragraph("Imputation budgétaire : \(imputation.label), exercice \(payment.date.year) ; "
                       + "enveloppe \(g.envelopeYear) de l'action \(d.plhAction) du Programme Local de l'Habitat. "
                       + "Service fait constaté le \(FrenchWords.date(payment.date)) au vu des justificatifs produits."),
        ]
        return ReportLetter(letterhead: c.letterhead, kind: Kind.paymentOrder.label, recipient: addressee,
                            place: c.serviceProfile?.town, date: c.producedOn,
                            references: references(d, scheme, c, extra: [
                                ReportLetter.Reference("Engagement n°", commitment),
                                ReportLetter.Reference("Imputation", imputation.label),
                            ]),
                            object: "Ordre de paiement — versement n° \(rank) du dossier \(d.number.formatted)",
                            salutation: "Madame la comptable publique, Monsieur le comptable public,", body: body,
                            closing: "Je vous prie d'agréer l'expression de mes salutations distinguées.",
                            signature: signature(c, ordonnateur: true))
    }
}
