/// Where letters to an applicant go: their own postal address, distinct from the home or the
/// operation the dossier is about (the owner of a vacant house does not live there; a landlord's
/// mail goes to its head office). Laid out as La Poste asks (norm NF Z 10-011): complement lines,
/// then the number and street, a locality or post-office box, then "POSTCODE TOWN" in capitals.
public struct PostalAddress: Codable, Sendable, Equatable {
    /// "Appartement 12, escalier B", "Résidence Les Tilleuls", "Direction du développement".
    public var complement: String?
    /// "12 rue des Tilleuls".
    public var street: String
    /// "Lieu-dit Le Bois", "BP 40102".
    public var locality: String?
    public var postcode: String
    public var town: String
    /// Abroad only (a French address has none).
    public var country: String?

    public init(complement: String? = nil, street: String, locality: String? = nil, postcode: String, town: String, country: String? = nil) {
        self.complement = complement; self.street = street; self.locality = locality
        self.postcode = postcode; self.town = town; self.country = country
    }

    /// The address of a property, for an applicant who lives in the home the dossier is about.
    public init(of property: Property) {
        self.init(street: property.address, postcode: property.postcode, town: property.commune)
    }

    var isAbroad: Bool { !(country ?? "").trimmingCharacters(in: .whitespaces).isEmpty }

    /// The lines under the recipient's name, the last in capitals as the norm asks
    /// ("62500 SAINT-OMER").
    public var lines: [String] {
        var out: [String] = []
        for part in [complement, street, locality] {
            if let p = part?.trimmingCharacters(in: .whitespaces), !p.isEmpty { out.append(p) }
        }
        out.append("\(postcode.trimmingCharacters(in: .whitespaces)) \(town.trimmingCharacters(in: .whitespaces).uppercased())")
        if isAbroad, let c = country { out.append(c.trimmingCharacters(in: .whitespaces).uppercased()) }
        return out
    }

    /// On one line, for screens and lists: "12 rue des Tilleuls, 62500 Saint-Omer".
    public var oneLine: String {
        ([complement, street, locality].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            + ["\(postcode) \(town)"] + (isAbroad ? [country ?? ""] : [])).joined(separator: ", ")
    }

    /// Whether this is the property's own address (the applicant lives there).
    public func isSame(as property: Property) -> Bool {
        // The cheap comparisons first: folding accents costs more than the rest.
        postcode == property.postcode && (complement ?? "").isEmpty && (locality ?? "").isEmpty && !isAbroad
            && Self.fold(street) == Self.fold(property.address) && Self.fold(town) == Self.fold(property.commune)
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace || $0 == "," }).joined(separator: " ")
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!street.trimmingCharacters(in: .whitespaces).isEmpty, "street", "le numéro et la voie sont obligatoires")
        v.check(!town.trimmingCharacters(in: .whitespaces).isEmpty, "town", "la commune est obligatoire")
        if isAbroad {
            v.check(!postcode.trimmingCharacters(in: .whitespaces).isEmpty, "postcode", "le code postal est obligatoire")
        } else {
            do { _ = try Postcode(postcode, field: "postcode") } catch { v.add(error) }
        }
        // La Poste: at most 38 characters a line, so that a window envelope shows it whole.
        for (field, text) in [("complement", complement), ("street", street), ("locality", locality)] {
            if let t = text { v.check(t.count <= 38, field, "38 caractères au plus par ligne d'adresse (norme La Poste), \(t.count) saisis") }
        }
        return v.errors
    }
}

/// "Madame", "Monsieur": how a letter addresses a person (the name follows, the family name in
/// capitals: "Madame Sylvie SIMON").
public enum Civility: String, Codable, Sendable, CaseIterable {
    case madame, monsieur

    public var label: String { self == .madame ? "Madame" : "Monsieur" }
    /// "Mme", "M.": for lists.
    public var abbreviation: String { self == .madame ? "Mme" : "M." }
}
