/// Where a figure or a rule of a territory profile comes from. Every parameter says it, so that
/// the product never presents a threshold of its own as the PLH's:
/// - `plh`: the PLH's own words, verbatim, with the action whose sheet holds them;
/// - `localDecision`: a decision of the service (deliberation reference and date);
/// - `regulation`: a national text (an order, an article of the building code);
/// - `default`: a value the product proposes until the service fixes one ("valeur par défaut à
///   confirmer"). A missing source means `default`.
///
/// Only a binding source (anything but `default`) may block a dossier or cap an amount.
public struct ParameterSource: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case plh, localDecision, regulation, `default`
    }

    public var kind: Kind
    /// `plh`: the action sheet that says it.
    public var action: Int?
    /// `plh`: the words of the PLH, verbatim.
    public var quote: String?
    /// `localDecision`: the deliberation or decision ("Délibération n° 2024-112"); `regulation`: the text.
    public var reference: String?
    /// `localDecision`: the date of the decision.
    public var date: CalendarDate?

    public init(kind: Kind, action: Int? = nil, quote: String? = nil, reference: String? = nil, date: CalendarDate? = nil) {
        self.kind = kind; self.action = action; self.quote = quote; self.reference = reference; self.date = date
    }

    public static let defaultToConfirm = ParameterSource(kind: .default)
    public static func plh(action: Int, quote: String) -> ParameterSource { ParameterSource(kind: .plh, action: action, quote: quote) }
    public static func localDecision(_ reference: String, on date: CalendarDate) -> ParameterSource {
        ParameterSource(kind: .localDecision, reference: reference, date: date)
    }

    /// False for a product default: shown, never enforced.
    public var isBinding: Bool { kind != .default }

    /// The words agents and letters show: "PLH, action 4", "décision locale : Délibération n° 12 du 27/06/2024",
    /// "texte national : arrêté du 11 décembre 2023", "valeur par défaut à confirmer".
    public var label: String {
        switch kind {
        case .plh: return "PLH" + (action.map { ", action \($0)" } ?? "")
        case .localDecision:
            return "décision locale : " + (reference ?? "?") + (date.map { " du \(FrenchFormat.date($0))" } ?? "")
        case .regulation: return "texte national : " + (reference ?? "?")
        case .default: return Self.defaultLabel
        }
    }

    public static let defaultLabel = "valeur par défaut à confirmer"

    /// The label followed by the PLH's words when there are some.
    public var citation: String {
        guard kind == .plh, let quote, !quote.isEmpty else { return label }
        return "\(label) : « \(quote) »"
    }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        func filled(_ s: String?) -> Bool { !(s?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) }
        switch kind {
        case .plh:
            v.check((action ?? 0) >= 1, "action", "l'action du PLH qui le dit est obligatoire")
            v.check(filled(quote), "quote", "citer les mots du PLH")
        case .localDecision:
            v.check(filled(reference), "reference", "la référence de la décision (délibération) est obligatoire")
            v.check(date != nil, "date", "la date de la décision est obligatoire")
        case .regulation:
            v.check(filled(reference), "reference", "la référence du texte est obligatoire")
        case .default: break
        }
        return v.errors
    }
}

extension Optional where Wrapped == ParameterSource {
    /// A missing source is a default to confirm.
    public var orDefault: ParameterSource { self ?? .defaultToConfirm }
}
