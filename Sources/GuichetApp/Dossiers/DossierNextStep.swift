import GuichetCore

/// What comes next for a dossier, in a sentence the fiche shows under its title: the step the
/// counter takes now, and what holds it up (missing or unchecked documents), or that the
/// dossier is closed and read only.
public enum DossierNextStep {
    public static func text(for d: AidDossier, scheme: AidScheme, on day: CalendarDate) -> String {
        let lifecycle = DossierLifecycle(scheme: scheme)
        if d.isAnonymised { return "Dossier anonymisé : fiche en lecture seule." }
        func pieces(_ n: Int, _ what: String) -> String { n == 1 ? "1 pièce obligatoire \(what)" : "\(n) pièces obligatoires \(what)s" }
        switch d.status {
        case .draft:
            let missing = lifecycle.missingDocuments(d).count
            return missing == 0 ? "Prochaine étape : déposer le dossier (pièces obligatoires reçues)."
                                : "Prochaine étape : déposer le dossier ; il reste à recevoir " + (missing == 1 ? "1 pièce obligatoire." : "\(missing) pièces obligatoires.")
        case .submitted:
            return "Prochaine étape : mettre le dossier en instruction."
        case .underReview:
            let unchecked = lifecycle.documentsNotValidated(d).count
            return unchecked == 0 ? "Prochaine étape : décider (accorder ou refuser)."
                                  : "Prochaine étape : vérifier \(pieces(unchecked, "non validée")), puis décider."
        case .granted:
            return "Prochaine étape : verser l’aide (\(FrenchFormat.money(d.remainingToPay)) à verser)."
        case .partiallyPaid:
            return "Prochaine étape : verser le reste (\(FrenchFormat.money(d.remainingToPay))) ou solder."
        case .settled:
            if let clause = d.antiSpeculation, clause.saleDate == nil, day < clause.endDate {
                return "Dossier soldé, en lecture seule ; vente interdite jusqu’au \(FrenchFormat.date(clause.endDate)) (clause anti-spéculative)."
            }
            return "Dossier soldé : fiche en lecture seule."
        case .refused, .abandoned, .cancelled:
            return "Dossier clos (\(d.status.label.lowercased())) : fiche en lecture seule."
        }
    }
}
