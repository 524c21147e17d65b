/// Thresholds of the import's plausibility warnings (warnings, never corrections). Local
/// defaults, to confirm by the housing service: no source sets them.
public struct PlausibilityRules: Hashable, Sendable, Codable {
    /// A financing year further than this from the table's median year is implausible.
    public var yearsFromMedian: Int
    /// A subsidy per dwelling more than this many times above (or below) the table's median.
    public var perDwellingFactor: Int
    /// Rows needed before a median means anything.
    public var minimumRowsForMedian: Int
    /// A later import changing dwellings or a subsidy by more than this share (basis points)
    /// is shown to the agent before it is written.
    public var wideDifferenceBasisPoints: Int
    public var source: String

    public init(yearsFromMedian: Int = 10, perDwellingFactor: Int = 3, minimumRowsForMedian: Int = 5,
                wideDifferenceBasisPoints: Int = 5_000,
                source: String = "décision locale, valeurs par défaut à confirmer par le service habitat") {
        self.yearsFromMedian = yearsFromMedian; self.perDwellingFactor = perDwellingFactor
        self.minimumRowsForMedian = minimumRowsForMedian; self.wideDifferenceBasisPoints = wideDifferenceBasisPoints
        self.source = source
    }

    public static let standard = PlausibilityRules()

    /// "année à plus de 10 ans de la médiane, subvention par logement à plus de 3 fois la médiane
    /// (5 lignes au moins), écart de plus de 50 % avant mise à jour — décision locale…".
    public var summary: String {
        "année à plus de \(yearsFromMedian) ans de la médiane, subvention par logement à plus de \(perDwellingFactor) fois "
            + "(ou moins du \(perDwellingFactor == 3 ? "tiers" : "1/\(perDwellingFactor)")) de la médiane (\(minimumRowsForMedian) lignes au moins), "
            + "écart de plus de \(FrenchFormat.percent(Percentage(basisPoints: wideDifferenceBasisPoints), decimals: 0)) "
            + "avant une mise à jour — \(source)"
    }
}
