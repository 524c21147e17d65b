/// Who a letter of a dossier goes to, and how it greets them: the applicant under their family
/// name, at their own postal address — never the property's, which may be an empty house or a
/// building site. An organisation's letter goes to the organisation, for the attention of its
/// contact.
public struct LetterRecipient: Sendable, Equatable, Codable {
    /// Name lines: "Madame Sylvie SIMON" (and a co-applicant), or the organisation and
    /// "À l'attention de Madame Claire Dubois, Responsable du développement".
    public var names: [String]
    public var address: [String]
    /// "Madame,", "Monsieur,", "Madame, Monsieur,", "Mesdames,", "Messieurs,".
    public var salutation: String
    /// The closing formula's form of address: "Madame", "Monsieur", "Madame, Monsieur".
    public var formOfAddress: String

    public init(names: [String], address: [String], salutation: String, formOfAddress: String) {
        self.names = names; self.address = address; self.salutation = salutation; self.formOfAddress = formOfAddress
    }

    public var lines: [String] { names + address }

    /// The recipient of the applicant's letters; fails, naming the field, when the applicant has
    /// no postal address of their own (the product never falls back on the property's address).
    public static func applicant(of dossier: AidDossier) throws(ValidationError) -> LetterRecipient {
        let a = dossier.applicant
        guard a.anonymised != true else {
            throw ValidationError(field: "applicant", "dossier anonymisé (RGPD) : plus aucun courrier ne peut être adressé au demandeur")
        }
        let address: [String]
        if let p = a.postalAddress {
            address = p.lines
        } else if let text = a.address?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            address = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } else {
            throw ValidationError(field: "applicant.postalAddress",
                "l'adresse postale du demandeur n'est pas renseignée : complétez-la dans le dossier (le courrier n'est jamais envoyé à l'adresse du logement ou de l'opération)")
        }
        if let o = a.organisation, a.kind.isOrganisation || a.household == nil {
            var names = [o.name]
            if let contact = o.contactLine { names.append("À l'attention de \(contact)") }
            let greeting = o.contactName.flatMap { $0.isEmpty ? nil : o.contactCivility }.map { [$0] } ?? []
            return LetterRecipient(names: names, address: address, salutation: salutation(greeting), formOfAddress: formOfAddress(greeting))
        }
        let members = a.household?.members ?? []
        let people = members.filter { $0.role == .applicant } + members.filter { $0.role == .coApplicant }
        let named = people.isEmpty ? Array(members.prefix(1)) : people
        let civilities = named.map(\.civility)
        let greeting = civilities.contains(nil) ? [] : civilities.compactMap { $0 }
        return LetterRecipient(names: named.map(\.formalName), address: address, salutation: salutation(greeting),
                               formOfAddress: formOfAddress(greeting))
    }

    /// The greeting for the people named; unknown civilities give the neutral "Madame, Monsieur,".
    static func salutation(_ civilities: [Civility]) -> String { formOfAddress(civilities) + "," }

    static func formOfAddress(_ civilities: [Civility]) -> String {
        let set = Set(civilities)
        switch (set.count, civilities.count) {
        case (1, 1): return civilities[0].label
        case (1, _): return civilities[0] == .madame ? "Mesdames" : "Messieurs"
        default: return "Madame, Monsieur"
        }
    }
}
