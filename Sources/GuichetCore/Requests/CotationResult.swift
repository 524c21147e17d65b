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
    /// Where the points come from ("grille (annexe 3)", or a default of the product to confirm).
    public var source: String?

    public init(id: String, label: String, points: Int, applied: Bool, supported: Bool, explanation: String,
                source: String? = nil) {
        self.id = id
        self.label = label
        self.points = points
        self.applied = applied
        self.supported = supported
        self.explanation = explanation
        self.source = source
    }
}

/// A priority-household category as a computation found it: established from the request's
/// facts (`derived`), ticked by the agent where no fact can show it (`declared`), or ticked
/// although the facts the grid names do not establish it (`established` false, with why).
public struct PriorityFinding: Codable, Sendable, Equatable {
    public enum Basis: String, Codable, Sendable { case derived, declared }
    public var id: String
    public var label: String
    public var established: Bool
    public var basis: Basis
    public var reason: String

    public init(id: String, label: String, established: Bool, basis: Basis, reason: String) {
        self.id = id
        self.label = label
        self.established = established
        self.basis = basis
        self.reason = reason
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
    /// The priority categories established, and those ticked but not established.
    public var priority: [PriorityFinding]
    public var isPriorityHousehold: Bool { priority.contains(where: \.established) }

    public var ucTenths: Int { figures.ucTenths }
    public var incomePerUc: Money? { figures.incomePerUc }
    public var ravPerPersonPerDay: Money? { figures.ravPerPersonPerDay }
    public var tauxEffort: Percentage? { figures.tauxEffort }

    public func line(_ id: String) -> CotationLine? { lines.first { $0.id == id } }

    enum CodingKeys: String, CodingKey {
        case total, lines, uc, incomePerUcCents, quartileThresholdYear, quartileThresholdCents
        case ravCentsPerPersonPerDay, tauxEffortBasisPoints, gridVersion, computedOn, isPriorityHousehold
        case priorityCategories
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
        try c.encode(priority, forKey: .priorityCategories)
    }
}
