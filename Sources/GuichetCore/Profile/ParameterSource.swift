/// Where a figure or a rule of a territory profile comes from (brief: "every parameter carries its
/// source"), so that the product never presents a threshold of its own as the sources':
/// - `plh`: the PLH's own words, verbatim (`text`), with the action whose sheet holds them;
/// - `grid`: the cotation grid's words (annex 3 of the CIA), quoted;
/// - `sourceText`: another public text (the CIA's body, its annexes, a national order, the law);
/// - `localDecision`: a decision of the service (its deliberation's `reference` and `date`);
/// - `productDefault`: a value the product proposes where the sources are silent, until the
///   service fixes one ("valeur par défaut à confirmer"). A missing source means a default.
///
/// Only a binding source (anything but a default) may block a dossier or cap an amount.
public struct ParameterSource: Codable, Sendable, Hashable {
    public var kind: ParameterSourceKind
    /// The wording quoted (PLH, grid, source text) or the decision / default explained, in French.
    public var text: String
    /// `plh`: the action sheet that says it.
    public var action: Int?
    /// `localDecision`: the deliberation or decision ("Délibération n° 2024-112") and its date.
    public var reference: String?
    public var date: CalendarDate?

    public init(kind: ParameterSourceKind, text: String = "", action: Int? = nil, reference: String? = nil, date: CalendarDate? = nil) {
        self.kind = kind
        self.text = text
        self.action = action
        self.reference = reference
        self.date = date
    }

    /// A default with nothing said about it (what a missing source means).
    public static let defaultToConfirm = ParameterSource(kind: .productDefault)
    public static func plh(action: Int, quote: String) -> ParameterSource { ParameterSource(kind: .plh, text: quote, action: action) }
    public static func localDecision(_ reference: String, on date: CalendarDate) -> ParameterSource {
        ParameterSource(kind: .localDecision, text: reference, reference: reference, date: date)
    }

    public var isDefaultToConfirm: Bool { kind == .productDefault }
    /// False for a product default: shown, never enforced.
    public var isBinding: Bool { !isDefaultToConfirm }
    /// The PLH's words, when the source is the PLH.
    public var quote: String? { kind == .plh && !text.isEmpty ? text : nil }

    public static let defaultLabel = "valeur par défaut à confirmer"

    /// "grille (annexe 3) : « DALO »", "valeur par défaut du produit, à confirmer : …".
    public var frenchDescription: String {
        switch kind {
        case .grid: "grille (annexe 3) : \(text)"
        case .sourceText: "texte source : \(text)"
        case .localDecision: label
        case .productDefault: "valeur par défaut du produit, à confirmer" + (text.isEmpty ? "" : " : \(text)")
        case .plh: citation
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
        case .plh: label
        default: kind.rawValue
        }
    }

    /// What agents and letters show beside a rule: "PLH, action 4", "décision locale :
    /// Délibération n° 12 du 27/06/2024", "texte source : arrêté du 11 décembre 2023",
    /// "valeur par défaut à confirmer".
    public var label: String {
        switch kind {
        case .plh: "PLH" + (action.map { ", action \($0)" } ?? "")
        case .grid: "grille de cotation (annexe 3)"
        case .sourceText: "texte source : \(text)"
        case .localDecision:
            "décision locale : " + (reference ?? text) + (date.map { " du \(FrenchFormat.date($0))" } ?? "")
        case .productDefault: Self.defaultLabel
        default: kind.rawValue
        }
    }

    /// The label followed by the quoted words when the source is the PLH or the grid.
    public var citation: String {
        guard kind == .plh || kind == .grid, !text.isEmpty else { return label }
        return "\(label) : « \(text) »"
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        if let e = kind.unknownError(field: "kind", what: "origine") { v.add(e) }
        func filled(_ s: String?) -> Bool { !(s?.allSatisfy(\.isWhitespace) ?? true) }
        switch kind {
        case .plh:
            v.check((action ?? 0) >= 1, "action", "l'action du PLH qui le dit est obligatoire")
            v.check(filled(text), "text", "citer les mots du PLH")
        case .localDecision:
            v.check(filled(reference) || filled(text), "reference", "la référence de la décision (délibération) est obligatoire")
            if filled(reference) { v.check(date != nil, "date", "la date de la décision est obligatoire") }
        case .productDefault: break
        default:
            v.check(filled(text), "text", "la source doit citer le texte ou expliquer la valeur")
        }
        return v.errors
    }
}

public struct ParameterSourceKind: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The PLH's own words (its action sheets and financial synthesis), quoted verbatim.
    public static let plh = Self(rawValue: "plh")
    /// The cotation grid itself (annex 3 of the CIA), quoted.
    public static let grid = Self(rawValue: "grid")
    /// Another public text: the CIA's body, its annexes, a national order, the law.
    public static let sourceText = Self(rawValue: "source")
    /// A decision of the service (a deliberation, a committee's rule).
    public static let localDecision = Self(rawValue: "localDecision")
    /// The product's choice where the sources are silent: to be confirmed by the service.
    public static let productDefault = Self(rawValue: "productDefault")
    public static let known = [plh, grid, sourceText, localDecision, productDefault]
}

extension Optional where Wrapped == ParameterSource {
    /// A missing source is a default to confirm.
    public var orDefault: ParameterSource { self ?? .defaultToConfirm }
}

/// A default of a profile still to be confirmed, or a condition left to agents, as
/// `guichet territoires` lists it.
public struct DefaultToConfirm: Codable, Sendable, Equatable {
    /// Profile part ("cotation", "schemes", "plh").
    public var part: String
    /// Key path in the part's file ("requestAgeSteps", "schemes[4].conditions[1].thresholdSource").
    public var key: String
    public var text: String

    public init(part: String, key: String, text: String) {
        self.part = part
        self.key = key
        self.text = text
    }
}
