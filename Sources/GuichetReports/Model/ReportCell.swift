import GuichetCore

/// One value of a report table. The value keeps its type so each writer can emit
/// a real number, amount, percentage or date (typed ODS cells, right-aligned PDF figures).
public enum ReportCell: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    case money(Money)
    case percent(Percentage)
    /// A share shown to the basis point (22,83 %): rates the sources print with two decimals,
    /// which one decimal would make look equal.
    case rate(Percentage)
    case date(CalendarDate)
    case empty

    public static func integer(_ n: Int) -> ReportCell { .integer(Int64(n)) }

    /// The text a reader sees on screen or in a PDF, always through `FrenchFormat`.
    public var displayText: String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return FrenchFormat.integer(n)
        case .money(let m): return FrenchFormat.money(m)
        case .percent(let p): return FrenchFormat.percent(p)
        case .rate(let p): return FrenchFormat.percent(p, decimals: 2)
        case .date(let d): return FrenchFormat.date(d)
        case .empty: return ""
        }
    }

    /// Whether the value is a figure (right-aligned in every output).
    public var isNumeric: Bool {
        switch self {
        case .integer, .money, .percent, .rate: return true
        case .text, .date, .empty: return false
        }
    }
}
