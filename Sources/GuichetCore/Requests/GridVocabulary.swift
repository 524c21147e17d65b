/// Words of a grid file that come from a fixed list (a criterion's category, how it is
/// established, a priority category's kind). Any string decodes, so that `validate()` can
/// name an unknown one with its key path instead of the decoder failing on the whole file.
public protocol GridVocabulary: RawRepresentable, Codable, Hashable, Sendable where RawValue == String {
    init(rawValue: String)
    static var known: [Self] { get }
}

extension GridVocabulary {
    public var isKnown: Bool { Self.known.contains(self) }

    /// The error for an unknown value, listing the accepted ones.
    func unknownError(field: String, what: String) -> ValidationError? {
        guard !isKnown else { return nil }
        let list = frenchAlternatives(Self.known.map(\.rawValue))
        return ValidationError(field: field, "\(what) inconnue « \(rawValue) » (attendu \(list))")
    }
}

/// Statutory (art. L.441-1), optional (national list the EPCI may adopt) or local criterion.
public struct CriterionCategory: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let statutory = Self(rawValue: "statutory")
    public static let optional = Self(rawValue: "optional")
    public static let local = Self(rawValue: "local")
    public static let known = [statutory, optional, local]
}

/// Whether the engine computes a criterion from the request's data, or the household declares
/// it with a supporting document.
public struct CriterionBasis: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let computed = Self(rawValue: "computed")
    public static let declared = Self(rawValue: "declared")
    public static let known = [computed, declared]
}

/// Where a priority-household category comes from (§7.6).
public struct PriorityCategoryKind: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let statutory = Self(rawValue: "statutory")
    public static let departementPlan = Self(rawValue: "departementPlan")
    public static let local = Self(rawValue: "local")
    public static let known = [statutory, departementPlan, local]
}

/// The criteria the engine knows how to compute; every other criterion is declared.
public enum ComputedCriterion: String, CaseIterable, Sendable {
    case firstQuartile = "premier-quartile"
    case requestAge = "anciennete-demande"
    case underThirty = "jeune-moins-30"
    case sixtyOrMore = "senior-60"
    case resourcesUnsuited = "inadequation-ressources"
    case calRunnerUp = "cal-rang-2-3"
}
