import GuichetCore

/// French names of a dossier's recorded fields, for documents a person reads (the RGPD access
/// letter): "applicant.person.lastName" reads "Demandeur › personne › nom",
/// "household.members[1].birthDate" reads "Ménage › membres n° 2 › date de naissance".
enum DossierFieldLabels {
    /// One French word or phrase per key of the stored dossier (AidDossier and what it holds).
    static let words: [String: String] = [
        "number": "numéro", "schemeCode": "dispositif", "status": "état", "receivedOn": "date de dépôt",
        "plhAction": "action du PLH", "applicant": "demandeur", "kind": "type", "person": "personne",
        "organisation": "organisme", "firstName": "prénom", "lastName": "nom", "name": "nom",
        "birthDate": "date de naissance", "phone": "téléphone", "email": "courriel", "address": "adresse",
        "postcode": "code postal", "commune": "commune", "inseeCode": "code INSEE", "siret": "SIRET",
        "contactName": "personne à contacter", "household": "ménage", "members": "membres", "role": "rôle",
        "size": "nombre de personnes", "yearlyIncome": "revenus annuels", "incomeYear": "année des revenus",
        "property": "logement", "dwellings": "logements", "adaptedDwellings": "logements adaptés",
        "plaiDwellings": "logements PLAI", "buildYear": "année de construction", "builtOn": "date de construction",
        "vacantSince": "vacant depuis", "purchaseDate": "date d'achat", "facts": "caractéristiques",
        "worksAmount": "montant des travaux", "requestedAmount": "montant demandé", "computedAmount": "montant calculé",
        "communeCoFunding": "participation de la commune", "epciPresentationDate": "date de présentation à l'EPCI",
        "coFunding": "cofinancements", "funder": "financeur", "amount": "montant", "label": "libellé",
        "documents": "pièces", "id": "identifiant", "state": "état", "date": "date", "comment": "commentaire",
        "comments": "commentaires", "grant": "décision", "envelopeYear": "année d'enveloppe", "reason": "motif",
        "overspendReason": "motif du dépassement d'enveloppe", "payments": "versements", "agent": "agent",
        "timeline": "historique des états", "from": "de", "to": "à", "closure": "clôture", "released": "montant libéré",
        "antiSpeculation": "clause anti-spéculative", "startDate": "début", "endDate": "fin", "saleDate": "date de vente",
        "repayment": "remboursement", "repaymentDue": "montant à rembourser", "anonymisedOn": "anonymisé le",
        "anonymised": "anonymisé", "ownerStatus": "statut du propriétaire", "checks": "vérifications de l'agent",
        "condition": "condition", "met": "remplie", "note": "note", "aboveAverageReason": "motif au-dessus de l'aide moyenne",
        "repaymentSource": "source de la règle de remboursement", "reference": "référence", "quote": "citation", "action": "action",
        "description": "description", "text": "texte",
    ]

    static func label(_ path: String) -> String {
        let parts = path.split(separator: ".").map { segment -> String in
            let key = String(segment.prefix(while: { $0 != "[" }))
            let word = words[key] ?? key
            guard let open = segment.firstIndex(of: "["), let index = Int(segment[segment.index(after: open)...].prefix(while: \.isNumber))
            else { return word }
            return "\(word) n° \(index + 1)"
        }
        guard let first = parts.first else { return path }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + parts.dropFirst()).joined(separator: " › ")
    }

    /// Keys of `path` without a French word (tests).
    static func untranslated(_ path: String) -> [String] {
        path.split(separator: ".").map { String($0.prefix(while: { $0 != "[" })) }.filter { words[$0] == nil }
    }

    /// The French name of a stored code (a dossier state, a document state, a kind of applicant,
    /// a household role), nil for any other value.
    static func valueLabel(key: String, value: String) -> String? {
        switch key {
        case "status", "from", "to": return DossierStatus(rawValue: value)?.label
        case "state": return DossierStatus(rawValue: value)?.label ?? SupportingDocument.State(rawValue: value)?.label
        case "kind": return ApplicantKind(rawValue: value)?.label
        case "role": return HouseholdMember.Role(rawValue: value)?.label
        case "ownerStatus": return OwnerStatus(rawValue: value)?.label
        case "met": return value == "true" ? "oui" : (value == "false" ? "non" : nil)
        default: return nil
        }
    }
}
