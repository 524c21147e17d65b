/// Where a number or a rule of the grid file comes from (brief: "every parameter carries its
/// source"): the grid's own words, another source text (the CIA, the law), a decision of the
/// service, or a default of the product that the service still has to confirm.
public struct ParameterSource: Codable, Sendable, Hashable {
    public var kind: ParameterSourceKind
    /// The wording quoted (grid, source text) or the decision / default explained, in French.
    public var text: String

    public init(kind: ParameterSourceKind, text: String) {
        self.kind = kind
        self.text = text
    }

    public var isDefaultToConfirm: Bool { kind == .productDefault }

    /// "grille (annexe 3) : « DALO »", "valeur par défaut du produit, à confirmer : …".
    public var frenchDescription: String {
        switch kind {
        case .grid: "grille (annexe 3) : \(text)"
        case .sourceText: "texte source : \(text)"
        case .localDecision: "décision locale : \(text)"
        case .productDefault: "valeur par défaut du produit, à confirmer : \(text)"
        default: "\(kind.rawValue) : \(text)"
        }
    }

    /// Short form for score lines: the grid's words, the source text, or which kind of value it
    /// is (the whole text is in the grid file and `guichet territoires`).
    public var shortDescription: String {
        switch kind {
        case .grid: "grille (annexe 3) : \(text)"
        case .sourceText: text
        case .localDecision: "décision locale"
        case .productDefault: "valeur par défaut du produit, à confirmer"
        default: kind.rawValue
        }
    }

    func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if let e = kind.unknownError(field: "kind", what: "origine") { errors.append(e) }
        if text.allSatisfy(\.isWhitespace) {
            errors.append(ValidationError(field: "text", "la source doit citer le texte ou expliquer la valeur"))
        }
        return errors
    }
}

public struct ParameterSourceKind: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The cotation grid itself (annex 3 of the CIA), quoted.
    public static let grid = Self(rawValue: "grid")
    /// Another public text: the CIA's body, its annexes, the law.
    public static let sourceText = Self(rawValue: "source")
    /// A decision of the service (a deliberation, a committee's rule).
    public static let localDecision = Self(rawValue: "localDecision")
    /// The product's choice where the sources are silent: to be confirmed by the service.
    public static let productDefault = Self(rawValue: "productDefault")
    public static let known = [grid, sourceText, localDecision, productDefault]
}

/// A default of a profile still to be confirmed, as `guichet territoires` lists it.
public struct DefaultToConfirm: Codable, Sendable, Equatable {
    /// Profile part ("cotation").
    public var part: String
    /// Key path in the part's file ("requestAgeSteps", "exclusiveGroups[0]").
    public var key: String
    public var text: String

    public init(part: String, key: String, text: String) {
        self.part = part
        self.key = key
        self.text = text
    }
}
