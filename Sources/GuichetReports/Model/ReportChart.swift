import GuichetCore

/// A grouped bar chart: one group of bars per category, one bar per series.
public struct ReportChart: Sendable {
    /// How values read: amounts in cents or plain counts.
    public enum Unit: Sendable {
        case money, count
        /// Shares in basis points, read in whole percents on the axis.
        case basisPoints
    }

    public struct Series: Sendable {
        public var name: String
        /// One value per category: cents for `.money`, units for `.count`.
        public var values: [Int64]
        public init(name: String, values: [Int64]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var unit: Unit
    public var categories: [String]
    public var series: [Series]

    public init(title: String, unit: Unit, categories: [String], series: [Series]) {
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
    }

    /// Axis and label text in French format ("150 000 €", "1 250"). Thousands are separated by a
    /// full no-break space: the narrow one of tables vanishes at the axis' small size
    /// ("10000000 €" was read on the bilan's chart).
    func label(_ value: Int64) -> String {
        switch unit {
        case .money:
            let money = Money(cents: value)
            let euros = FrenchFormat.integer(Int64(money.cents / 100), separator: "\u{00A0}")
            return money.cents % 100 == 0 ? euros + "\u{00A0}€" : FrenchFormat.money(money)
        case .count: return FrenchFormat.integer(value, separator: "\u{00A0}")
        case .basisPoints: return FrenchFormat.percent(Percentage(basisPoints: Int(value)), decimals: 0)
        }
    }
}
