import Foundation

/// One criterion of the grid as it scored for a request: points count only when the situation
/// applies and is supported; `explanation` says why in French.
public struct CotationLine: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var points: Int
    public var applied: Bool
    public var supported: Bool
    public var explanation: String

    public init(id: String, label: String, points: Int, applied: Bool, supported: Bool, explanation: String) {
        self.id = id
        self.label = label
        self.points = points
        self.applied = applied
        self.supported = supported
        self.explanation = explanation
    }
}

/// The score of a request on a date against a grid, with the figures it was computed from.
public struct CotationResult: Sendable, Equatable, Encodable {
    public var total: Int
    /// One line per criterion of the grid, in the grid's order.
    public var lines: [CotationLine]
    public var figures: HouseholdFigures
    /// The 1st-quartile threshold used (the computation year's, or the latest earlier one).
    public var quartileThreshold: QuartileThreshold?
    public var gridVersion: String
    public var computedOn: CalendarDate
    public var isPriorityHousehold: Bool

    public var ucTenths: Int { figures.ucTenths }
    public var incomePerUc: Money? { figures.incomePerUc }
    public var ravPerPersonPerDay: Money? { figures.ravPerPersonPerDay }
    public var tauxEffort: Percentage? { figures.tauxEffort }

    public func line(_ id: String) -> CotationLine? { lines.first { $0.id == id } }

    enum CodingKeys: String, CodingKey {
        case total, lines, uc, incomePerUcCents, quartileThresholdYear, quartileThresholdCents
        case ravCentsPerPersonPerDay, tauxEffortBasisPoints, gridVersion, computedOn, isPriorityHousehold
    }

    /// The CLI's JSON: amounts in cents, UC as a decimal number (1.3), missing figures as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(total, forKey: .total)
        try c.encode(lines, forKey: .lines)
        try c.encode(Decimal(sign: .plus, exponent: -1, significand: Decimal(ucTenths)), forKey: .uc)
        try c.encode(incomePerUc?.cents, forKey: .incomePerUcCents)
        try c.encode(quartileThreshold?.year, forKey: .quartileThresholdYear)
        try c.encode(quartileThreshold?.perUc.cents, forKey: .quartileThresholdCents)
        try c.encode(ravPerPersonPerDay?.cents, forKey: .ravCentsPerPersonPerDay)
        try c.encode(tauxEffort?.basisPoints, forKey: .tauxEffortBasisPoints)
        try c.encode(gridVersion, forKey: .gridVersion)
        try c.encode(computedOn, forKey: .computedOn)
        try c.encode(isPriorityHousehold, forKey: .isPriorityHousehold)
    }
}
