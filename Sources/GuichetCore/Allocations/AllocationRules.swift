/// A parameter of the rules with where it comes from (a quoted text, a local decision, or a
/// default of the product to confirm). Screens and reports show the source beside the value.
public struct Sourced<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var value: Value
    public var source: ParameterSource

    public init(_ value: Value, source: ParameterSource) { self.value = value; self.source = source }
}

/// How the CIA's allocation obligations are counted (`allocationRules` in the landlords part of
/// a profile). Absent from a profile, each rule takes the default below, marked as to confirm.
public struct AllocationRules: Hashable, Sendable, Codable {
    /// Where a household whose resources per UC equal the year's threshold stands.
    public enum QuartileBoundary: String, Hashable, Sendable, Codable {
        /// Resources at or below the threshold are in the 1st quartile.
        case atOrBelow
        /// Only resources strictly below the threshold are.
        case below

        public var label: String {
            switch self {
            case .atOrBelow: "ressources par UC inférieures ou égales au seuil"
            case .below: "ressources par UC strictement inférieures au seuil"
            }
        }
    }

    public var firstQuartileBoundary: Sourced<QuartileBoundary>
    /// First year whose priority-household share is counted excluding transfers (mutations);
    /// before it, including them. Nil: always including them.
    public var priorityExcludesTransfersFrom: Sourced<Int?>
    /// Whether the headline shares of the two QPV obligations exclude transfers (both variants
    /// are always computed and shown).
    public var qpvSharesExcludeTransfers: Sourced<Bool>

    static func toConfirm(_ why: String) -> ParameterSource { ParameterSource(kind: .productDefault, text: why) }

    /// What a profile without `allocationRules` gets: each a default of the product to confirm.
    public static let defaults = AllocationRules(
        firstQuartileBoundary: Sourced(.atOrBelow, source: toConfirm("le seuil est le plus haut niveau de ressources du 1er quartile")),
        priorityExcludesTransfersFrom: Sourced(2022, source: toConfirm("changement de calcul du bilan CIA CABBALR en 2022")),
        qpvSharesExcludeTransfers: Sourced(false, source: toConfirm("toutes les attributions, mutations comprises")))

    /// The rules whose source is a default of the product, by key of the profile file.
    public var defaultsToConfirm: [(key: String, source: ParameterSource)] {
        [("firstQuartileBoundary", firstQuartileBoundary.source), ("priorityExcludesTransfersFrom", priorityExcludesTransfersFrom.source),
         ("qpvSharesExcludeTransfers", qpvSharesExcludeTransfers.source)].filter { $0.source.isDefaultToConfirm }
    }

    public init(firstQuartileBoundary: Sourced<QuartileBoundary>, priorityExcludesTransfersFrom: Sourced<Int?>,
                qpvSharesExcludeTransfers: Sourced<Bool>) {
        self.firstQuartileBoundary = firstQuartileBoundary
        self.priorityExcludesTransfersFrom = priorityExcludesTransfersFrom
        self.qpvSharesExcludeTransfers = qpvSharesExcludeTransfers
    }

    enum CodingKeys: String, CodingKey { case firstQuartileBoundary, priorityExcludesTransfersFrom, qpvSharesExcludeTransfers }

    /// Each rule may be left out of the file: it then takes its default (to confirm).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.defaults
        firstQuartileBoundary = try c.decodeIfPresent(Sourced<QuartileBoundary>.self, forKey: .firstQuartileBoundary) ?? d.firstQuartileBoundary
        priorityExcludesTransfersFrom = try c.decodeIfPresent(Sourced<Int?>.self, forKey: .priorityExcludesTransfersFrom)
            ?? d.priorityExcludesTransfersFrom
        qpvSharesExcludeTransfers = try c.decodeIfPresent(Sourced<Bool>.self, forKey: .qpvSharesExcludeTransfers) ?? d.qpvSharesExcludeTransfers
    }

    /// Whether the review's headline priority share of `year` excludes transfers.
    public func priorityExcludesTransfers(in year: Int) -> Bool {
        priorityExcludesTransfersFrom.value.map { year >= $0 } ?? false
    }

    /// Whether a household with these resources per UC is in the 1st quartile of `threshold`.
    public func isFirstQuartile(_ resourcesPerUC: Money, threshold: Money) -> Bool {
        switch firstQuartileBoundary.value {
        case .atOrBelow: resourcesPerUC <= threshold
        case .below: resourcesPerUC < threshold
        }
    }
}
