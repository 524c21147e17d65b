/// French names of a dossier's recorded fields, for whatever a person reads: the history of a
/// dossier in the window and on the command line, the RGPD access letter. A field the dossier
/// form shows is named as the form names it ("applicant.household.yearlyIncome" reads "Revenu
/// fiscal de référence"); any other path is read word by word: "applicant.person.lastName" reads
/// "Demandeur › personne › nom", "household.members[1].birthDate" reads "Ménage › membres n° 2 ›
/// date de naissance".
public enum DossierFieldLabels {
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
        "postalAddress": "adresse postale", "complement": "complément d'adresse", "street": "voie", "locality": "lieu-dit ou boîte postale",
        "town": "commune", "country": "pays", "civility": "civilité", "contactCivility": "civilité de la personne à contacter",
        "contactRole": "fonction de la personne à contacter", "bankAccount": "coordonnées bancaires", "holder": "titulaire du compte",
        "iban": "IBAN", "bic": "BIC", "commitmentNumber": "numéro d'engagement",
        "reasonForApplicant": "motif communiqué au demandeur",
        "description": "description", "text": "texte",
    ]

    public static func label(_ path: String) -> String {
        if let field = DossierField.stored(at: path) { return field.label }
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
    public static func untranslated(_ path: String) -> [String] {
        path.split(separator: ".").map { String($0.prefix(while: { $0 != "[" })) }.filter { words[$0] == nil }
    }

    /// The French name of a stored code (a dossier state, a document state, a kind of applicant,
    /// a household role), nil for any other value.
    public static func valueLabel(key: String, value: String) -> String? {
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

    /// Record keeping, not data anyone typed: left out of what people read.
    public static let bookkeeping: Set<String> = ["createdAt", "updatedAt", "version"]
    /// Keys whose values are amounts in cents.
    static let amountFields: Set<String> = ["amount", "yearlyIncome", "requestedAmount", "computedAmount", "worksAmount",
                                            "communeCoFunding", "released", "repaymentDue"]

    /// A recorded value as a person reads it: amounts (stored in cents) in euros, ISO dates in
    /// French, states and kinds by their French names, "vide" for no value.
    public static func value(_ text: String?, at path: String) -> String {
        guard let text, !text.isEmpty else { return "vide" }
        let last = path.split(separator: ".").last.map { String($0.prefix(while: { $0 != "[" })) } ?? ""
        if amountFields.contains(last), let cents = Int64(text) { return FrenchFormat.money(Money(cents: cents)) }
        if let label = valueLabel(key: last, value: text) { return label }
        if text.count == 10, let d = CalendarDate(parsing: text) { return FrenchFormat.date(d) }
        return text
    }

    /// One change as a history line reads it: "Revenu fiscal de référence : 36 480,00 € → vide".
    public static func sentence(_ change: FieldChange) -> String {
        "\(label(change.field)) : \(value(change.old, at: change.field)) → \(value(change.new, at: change.field))"
    }

    /// Whether a change is one people read (not record keeping).
    public static func isShown(_ change: FieldChange) -> Bool { !bookkeeping.contains(change.field) }
}
