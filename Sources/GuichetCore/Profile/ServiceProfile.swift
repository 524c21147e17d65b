import Foundation

/// `service.json`: the housing service as its letters and reports present it (letterhead,
/// signatory, who follows a dossier, the deliberations behind each scheme, the budget imputation
/// of each scheme, the deadline given for missing pieces, where to appeal). Everything a letter
/// prints about the authority comes from here, never from code.
public struct ServiceProfile: ProfilePart, Equatable {
    /// "Service Habitat — Maison de l'Habitat".
    public var name: String
    /// The authority the service belongs to, when it differs from the territory's name.
    public var authority: String?
    public var address: PostalAddress?
    public var phone: String?
    public var email: String?
    public var website: String?
    /// "du lundi au vendredi, de 9 h à 12 h et de 13 h 30 à 17 h".
    public var openingHours: String?
    /// The town of the date line: "Saint-Omer, le 3 décembre 2026".
    public var town: String?
    /// An SVG file beside `service.json` (its path relative to it).
    public var logo: String?
    /// The logo's SVG text, read by the profile loader (not a key of the file).
    public var logoSVG: String?
    public var signatory: Signatory?
    /// Who may follow a dossier: their login and the name letters print (never the login).
    public var agents: [AgentIdentity]?
    /// Where payment orders go (the public accountant of the authority).
    public var accountant: AccountantAddress?
    /// The decisions (deliberations, decrees) that ground each scheme, cited in notifications.
    public var deliberations: [SchemeDeliberation]?
    /// Chapter, article and function each scheme's aids are paid on (payment orders).
    public var budgetImputations: [BudgetImputation]?
    /// The time given to send missing pieces, counted from the acknowledgement's date.
    public var missingPiecesDelay: DelayRule?
    /// The court a decision can be brought before ("tribunal administratif de Lille").
    public var court: Court?

    enum CodingKeys: String, CodingKey {
        case name, authority, address, phone, email, website, openingHours, town, logo, signatory, agents, accountant
        case deliberations, budgetImputations, missingPiecesDelay, court
    }

    public init(name: String) { self.name = name }

    /// The identity letters print for an agent's login; nil for an agent the service did not list.
    public func agent(_ login: String) -> AgentIdentity? {
        agents?.first { $0.login.caseInsensitiveCompare(login) == .orderedSame }
    }

    public func deliberations(for scheme: String) -> [SchemeDeliberation] {
        (deliberations ?? []).filter { $0.schemes.contains(scheme) }
    }

    public func imputation(for scheme: String) -> BudgetImputation? {
        budgetImputations?.first { $0.schemes.contains(scheme) }
    }

    /// What the acknowledgement of receipt must state about the service (CRPA art. R. 112-5, 2° :
    /// « La désignation, l'adresse postale et, le cas échéant, électronique, ainsi que le numéro de
    /// téléphone du service chargé du dossier ») and is missing here, as key names.
    public var missingContactDetails: [String] {
        (address == nil ? ["address"] : []) + ((phone ?? "").isEmpty ? ["phone"] : [])
    }

    /// The delay for missing pieces: the file's, or a default the service has to confirm.
    public var piecesDelay: DelayRule { missingPiecesDelay ?? .missingPiecesDefault }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!name.trimmingCharacters(in: .whitespaces).isEmpty, "name", "le nom du service est obligatoire")
        if let a = address { v.add(a.validate(), under: "address") }
        if let l = logo { v.check(l.lowercased().hasSuffix(".svg"), "logo", "le logo est un fichier SVG (« \(l) »)") }
        for (i, a) in (agents ?? []).enumerated() {
            v.check(!a.login.isEmpty, "agents[\(i)].login", "l'identifiant de connexion est obligatoire")
            v.check(!a.name.trimmingCharacters(in: .whitespaces).isEmpty, "agents[\(i)].name", "le nom affiché est obligatoire")
        }
        v.checkUnique((agents ?? []).map { $0.login.lowercased() }, list: "agents")
        for (i, d) in (deliberations ?? []).enumerated() { v.add(d.validate(), under: "deliberations[\(i)]") }
        for (i, b) in (budgetImputations ?? []).enumerated() { v.add(b.validate(), under: "budgetImputations[\(i)]") }
        if let d = missingPiecesDelay { v.add(d.validate(), under: "missingPiecesDelay") }
        return v.errors
    }

    /// Defaults of this part the service still has to confirm, for `guichet territoires`.
    public var defaultsToConfirm: [DefaultToConfirm] {
        var out: [DefaultToConfirm] = missingContactDetails.map {
            DefaultToConfirm(part: "service", key: $0, text: "à renseigner : sans l'adresse postale et le téléphone du service, "
                             + "l'accusé de réception ne peut pas être édité (article R. 112-5 du code des relations entre le public et l'administration)")
        }
        if piecesDelay.source.isDefaultToConfirm {
            out.append(DefaultToConfirm(part: "service", key: "missingPiecesDelay", text: piecesDelay.source.text))
        }
        for (i, b) in (budgetImputations ?? []).enumerated() where b.source.isDefaultToConfirm {
            out.append(DefaultToConfirm(part: "service", key: "budgetImputations[\(i)]", text: b.source.text))
        }
        return out
    }
}

/// Who signs: "Pour le Président et par délégation," then the name and the title.
public struct Signatory: Codable, Sendable, Equatable {
    public var name: String
    public var title: String
    /// "Pour le Président et par délégation,".
    public var delegation: String?

    public init(name: String, title: String, delegation: String? = nil) { self.name = name; self.title = title; self.delegation = delegation }
}

/// An agent as letters name them (CRPA art. L. 111-2: the first name, name, position and
/// administrative address of the agent in charge appear on the letters).
public struct AgentIdentity: Codable, Sendable, Equatable {
    /// The login the product records changes under (`$GUICHET_AGENT`, the user name).
    public var login: String
    /// "Claire Lemaire".
    public var name: String
    /// "Conseillère habitat".
    public var title: String?
    public var phone: String?
    public var email: String?

    public init(login: String, name: String, title: String? = nil, phone: String? = nil, email: String? = nil) {
        self.login = login; self.name = name; self.title = title; self.phone = phone; self.email = email
    }
}

public struct AccountantAddress: Codable, Sendable, Equatable {
    /// "Service de gestion comptable de Saint-Omer".
    public var name: String
    public var address: PostalAddress?

    public init(name: String, address: PostalAddress? = nil) { self.name = name; self.address = address }
}

/// "Délibération n° 2023-112 du conseil communautaire du 29 juin 2023": the decision that
/// created or sets the rules of one or more schemes.
public struct SchemeDeliberation: Codable, Sendable, Equatable {
    /// Scheme codes it grounds.
    public var schemes: [String]
    /// "Délibération", "Décision du Président", "Arrêté".
    public var kind: String
    public var number: String
    public var date: CalendarDate
    /// "conseil communautaire", "bureau communautaire".
    public var body: String
    /// What it decided ("approuvant le règlement des aides à l'accession dans l'ancien").
    public var object: String?

    public init(schemes: [String], kind: String = "Délibération", number: String, date: CalendarDate, body: String, object: String? = nil) {
        self.schemes = schemes; self.kind = kind; self.number = number; self.date = date; self.body = body; self.object = object
    }

    /// « délibération n° 2023-112 du conseil communautaire du 29 juin 2023 approuvant … ».
    public var citation: String {
        "\(kind.prefix(1).lowercased() + kind.dropFirst()) n° \(number) du \(body) du \(FrenchWords.date(date))"
            + (object.map { " \($0)" } ?? "")
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!schemes.isEmpty, "schemes", "au moins un dispositif")
        v.check(!number.trimmingCharacters(in: .whitespaces).isEmpty, "number", "le numéro est obligatoire")
        v.check(!body.trimmingCharacters(in: .whitespaces).isEmpty, "body", "l'instance qui a décidé est obligatoire")
        return v.errors
    }
}

/// Where the aids of schemes are paid in the budget (M57 nomenclature): chapter, article
/// (nature) and function, with the source of the choice.
public struct BudgetImputation: Codable, Sendable, Equatable {
    public var schemes: [String]
    /// "204".
    public var chapter: String
    /// "20422".
    public var article: String
    /// "552".
    public var function: String
    public var source: ParameterSource

    public init(schemes: [String], chapter: String, article: String, function: String, source: ParameterSource) {
        self.schemes = schemes; self.chapter = chapter; self.article = article; self.function = function; self.source = source
    }

    /// "chapitre 204, article 20422, fonction 552".
    public var label: String { "chapitre \(chapter), article \(article), fonction \(function)" }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!schemes.isEmpty, "schemes", "au moins un dispositif")
        for (field, value) in [("chapter", chapter), ("article", article), ("function", function)] {
            v.check(!value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) }, field, "code attendu (chiffres)")
        }
        v.add(source.validate(), under: "source")
        return v.errors
    }
}

/// A delay in days with where it comes from.
public struct DelayRule: Codable, Sendable, Equatable {
    public var days: Int
    public var source: ParameterSource

    public init(days: Int, source: ParameterSource) { self.days = days; self.source = source }

    /// CRPA art. L. 114-5 asks the administration to set a delay for missing pieces without fixing
    /// one: a month is the product's proposal until the service decides.
    public static let missingPiecesDefault = DelayRule(
        days: 30, source: ParameterSource(kind: .productDefault,
            text: "délai laissé pour produire les pièces manquantes : l'article L. 114-5 du code des relations entre le public et l'administration demande à l'administration d'en fixer un sans le chiffrer ; 30 jours proposés"))

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check((1...365).contains(days), "days", "le délai doit être compris entre 1 et 365 jours")
        v.add(source.validate(), under: "source")
        return v.errors
    }
}

/// The administrative court competent for the territory.
public struct Court: Codable, Sendable, Equatable {
    /// "tribunal administratif de Lille".
    public var name: String
    public var address: PostalAddress?

    public init(name: String, address: PostalAddress? = nil) { self.name = name; self.address = address }
}
