/// Per financing year and in total: what the yearly review prints about programmes.
/// Sums add the known values; a figure is null only when no programme of the group gives it
/// (a column absent from the source). Blank or unreadable cells are counted in `unknownCells`
/// so that a sum is never shown without saying how many cells it could not include.
public enum ProgrammeSummary {
    public static func construction(_ programmes: [ConstructionProgramme]) -> ConstructionSummary {
        ConstructionSummary(programmes)
    }

    public static func rehabilitation(_ programmes: [RehabilitationProgramme]) -> RehabilitationSummary {
        RehabilitationSummary(programmes)
    }
}

public typealias ConstructionSummary = YearlySummary<ConstructionSummaryLine>
public typealias RehabilitationSummary = YearlySummary<RehabilitationSummaryLine>

/// What a summary reads of every kind of programme, besides the figures of its kind.
public protocol FinancedProgramme {
    var financingYear: SourceValue<Int> { get }
    var period: ProgrammePeriod? { get }
    var stateSubsidy: SourceValue<Money> { get }
    var epciSubsidy: SourceValue<Money> { get }
}

extension ConstructionProgramme: FinancedProgramme {}
extension RehabilitationProgramme: FinancedProgramme {}

extension FinancedProgramme {
    /// Financed unless marked forecast (programmes stored before periods existed are financed).
    public var effectivePeriod: ProgrammePeriod { period ?? .financed }
}

/// One line of a summary (one financing year, or the total) for one kind of programme.
public protocol ProgrammeSummaryLine: Hashable, Sendable, Codable {
    associatedtype Programme: FinancedProgramme
    init(year: Int?, _ programmes: [Programme])
    /// Nil for the total line, and for programmes whose year is unknown.
    var year: Int? { get }
    var programmes: Int { get }
    /// Dwellings of the line's programmes; nil when none gives them.
    var dwellings: Int? { get }
    var stateSubsidy: Money { get }
    var epciSubsidy: Money { get }
    /// Field → number of provided cells left unknown (blank, "?", "-").
    var unknownCells: [String: Int] { get }
    var doubtfulCells: Int { get }
}

/// A line per financing year (known years in order, the unknown year last) and the total line,
/// over every programme; then the same for financed programmes and for forecasts, which the
/// review keeps apart ("TOTAL FINANCES ENTRE 2020 ET 2023", "TOTAL PREVISIONS FINANCEMENTS 2024").
public struct YearlySummary<Line: ProgrammeSummaryLine>: Hashable, Sendable, Codable {
    public var years: [Line]
    public var total: Line
    public var financed: PeriodSummary<Line>
    public var forecast: PeriodSummary<Line>

    public init(_ programmes: [Line.Programme]) {
        let all = PeriodSummary<Line>(programmes)
        years = all.years
        total = all.total
        financed = PeriodSummary(programmes.filter { $0.effectivePeriod == .financed })
        forecast = PeriodSummary(programmes.filter { $0.effectivePeriod == .forecast })
    }

    /// The lines of one period.
    public func lines(_ period: ProgrammePeriod) -> PeriodSummary<Line> { period == .financed ? financed : forecast }

    /// What a summary table shows, labelled: the years ("Année inconnue" last), then "Financés" and
    /// "Prévisions" when there are forecasts, then "Total".
    public var labelledLines: [(label: String, line: Line, isTotal: Bool)] {
        var out = years.map { (label: $0.year.map(String.init) ?? "Année inconnue", line: $0, isTotal: false) }
        if forecast.total.programmes > 0 {
            out.append((label: "Financés", line: financed.total, isTotal: true))
            out.append((label: "Prévisions", line: forecast.total, isTotal: true))
        }
        out.append((label: "Total", line: total, isTotal: true))
        return out
    }

}

/// Lines per financing year and the total line of one group of programmes.
public struct PeriodSummary<Line: ProgrammeSummaryLine>: Hashable, Sendable, Codable {
    public var years: [Line]
    public var total: Line

    public init(_ programmes: [Line.Programme]) {
        let groups = Dictionary(grouping: programmes) { $0.financingYear.value }
        years = groups.keys.sorted(by: Self.yearOrder).map { Line(year: $0, groups[$0]!) }
        total = Line(year: nil, programmes)
    }

    public init(years: [Line], total: Line) { self.years = years; self.total = total }

    static func yearOrder(_ a: Int?, _ b: Int?) -> Bool {
        switch (a, b) {
        case let (x?, y?): x < y
        case (.some, nil): true
        default: false
        }
    }
}

/// Sum of one field over programmes, with the cells that could not be added.
struct FieldTally {
    var sum: Int?
    var unknown = 0
    var doubtful = 0

    /// A value whose addition would overflow (an amount stored before imports had limits) is
    /// counted as unknown rather than trapping.
    init<V>(_ values: [SourceValue<V>], _ number: (V) -> Int) {
        guard values.contains(where: \.isProvided) else { sum = nil; return }
        var s = 0
        for v in values {
            if let x = v.value {
                let (t, overflow) = s.addingReportingOverflow(number(x))
                if overflow { unknown += 1 } else { s = t }
            } else if v.isProvided { unknown += 1 }
            if v.doubtful { doubtful += 1 }
        }
        sum = s
    }
}

/// Tallies of several fields, collected into `unknownCells` / `doubtfulCells`.
struct Tallies {
    var unknownCells: [String: Int] = [:]
    var doubtfulCells = 0

    mutating func count(_ name: String, _ values: [SourceValue<Int>]) -> Int? {
        record(name, FieldTally(values) { $0 })
    }
    mutating func money(_ name: String, _ values: [SourceValue<Money>]) -> Money {
        Money(cents: Int64(record(name, FieldTally(values) { Int($0.cents) }) ?? 0))
    }
    /// The State and EPCI subsidies every kind of programme gives.
    mutating func subsidies(_ ps: [some FinancedProgramme]) -> (state: Money, epci: Money) {
        (money("stateSubsidy", ps.map(\.stateSubsidy)), money("epciSubsidy", ps.map(\.epciSubsidy)))
    }
    private mutating func record(_ name: String, _ t: FieldTally) -> Int? {
        if t.unknown > 0 { unknownCells[name] = t.unknown }
        doubtfulCells += t.doubtful
        return t.sum
    }
}
