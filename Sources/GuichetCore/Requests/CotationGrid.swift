import Foundation

/// A territory's cotation grid, as its profile file describes it: criteria and their points,
/// and the parameters of the computed criteria. Keys are those of the file
/// (`data/territories/<territory>/cotation.json`).
public struct CotationGrid: Codable, Sendable, Equatable {
    /// Version shown on every result ("2024-07-01").
    public var version: String
    public var revisedOn: CalendarDate
    /// Where the grid comes from, in French.
    public var source: String?
    public var criteria: [CotationCriterion]
    /// 1st-quartile income threshold per UC, one per year.
    public var quartileThresholds: [QuartileThreshold]
    /// Points of the age of the request: the highest step strictly passed applies.
    public var requestAgeSteps: [RequestAgeStep]
    /// Resources unsuited to the home: reste à vivre strictly under this…
    public var ravThresholdPerPersonPerDay: Money
    /// …and taux d'effort strictly above this.
    public var tauxEffortThreshold: Percentage
    public var calRule: CalRule
    /// A requester or co-requester strictly younger than this scores `jeune-moins-30`.
    public var youngAgeLimit: Int
    /// A requester or co-requester this old or older scores `senior-60`.
    public var seniorAge: Int
    public var essentialWorkerGroups: [EssentialWorkerGroup]
    public var priorityCategories: [PriorityCategory]

    enum CodingKeys: String, CodingKey {
        case version, revisedOn, source, criteria, quartileThresholds, requestAgeSteps
        case ravThresholdPerPersonPerDay = "ravThresholdCentsPerPersonPerDay"
        case tauxEffortThreshold = "tauxEffortThresholdBasisPoints"
        case calRule, youngAgeLimit, seniorAge, essentialWorkerGroups, priorityCategories
    }

    /// Decodes a grid file's contents (the caller reads the file; the core does no I/O).
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(CotationGrid.self, from: jsonData)
    }

    public func criterion(id: String) -> CotationCriterion? { criteria.first { $0.id == id } }

    public func priorityCategory(id: String) -> PriorityCategory? {
        priorityCategories.first { $0.id == id }
    }

    /// The declared criterion whose claim names an occupation of `essentialWorkerGroups`.
    public static let essentialWorkerCriterionId = "travailleur-essentiel"

    public func essentialWorkerGroup(of occupation: String) -> EssentialWorkerGroup? {
        essentialWorkerGroups.first { $0.occupations.contains(occupation) }
    }

    /// The threshold of `year`, or of the latest earlier year the grid has; nil when none.
    public func quartileThreshold(for year: Int) -> QuartileThreshold? {
        quartileThresholds.filter { $0.year <= year }.max { $0.year < $1.year }
    }
}

public struct CotationCriterion: Codable, Sendable, Equatable {
    /// Stable id, never renamed: claims and stored results refer to it.
    public var id: String
    /// French label, as agents and households read it.
    public var label: String
    public var category: CriterionCategory
    public var basis: CriterionBasis
    /// Fixed points; or `minPoints`/`maxPoints` for an optional criterion (equal except for a
    /// criterion scored on a scale, the age of the request).
    public var points: Int?
    public var minPoints: Int?
    public var maxPoints: Int?
    public var note: String?
    /// Label of the document that supports the criterion.
    public var supportingDocument: String

    public init(id: String, label: String, category: CriterionCategory, basis: CriterionBasis,
                points: Int? = nil, minPoints: Int? = nil, maxPoints: Int? = nil, note: String? = nil,
                supportingDocument: String) {
        self.id = id
        self.label = label
        self.category = category
        self.basis = basis
        self.points = points
        self.minPoints = minPoints
        self.maxPoints = maxPoints
        self.note = note
        self.supportingDocument = supportingDocument
    }

    /// The points the criterion gives when it applies (the scale of the age of the request
    /// is separate, in `requestAgeSteps`).
    public var awardedPoints: Int { points ?? maxPoints ?? 0 }
}

public struct QuartileThreshold: Codable, Sendable, Equatable {
    public var year: Int
    /// Yearly resources per UC, in cents.
    public var perUc: Money

    enum CodingKeys: String, CodingKey {
        case year
        case perUc = "centsPerUc"
    }

    public init(year: Int, perUc: Money) {
        self.year = year
        self.perUc = perUc
    }
}

public struct RequestAgeStep: Codable, Sendable, Equatable {
    /// The step applies when the request is strictly older than this many months.
    public var beyondMonths: Int
    public var points: Int

    public init(beyondMonths: Int, points: Int) {
        self.beyondMonths = beyondMonths
        self.points = points
    }
}

/// Scores `cal-rang-2-3`: at least `minimumProposals` committee proposals at one of `ranks`.
public struct CalRule: Codable, Sendable, Equatable {
    public var minimumProposals: Int
    public var ranks: [Int]

    public init(minimumProposals: Int, ranks: [Int]) {
        self.minimumProposals = minimumProposals
        self.ranks = ranks
    }
}

/// Occupations that score `travailleur-essentiel`, by exposure group (§7.5).
public struct EssentialWorkerGroup: Codable, Sendable, Equatable {
    public var group: Int
    public var label: String
    public var occupations: [String]

    public init(group: Int, label: String, occupations: [String]) {
        self.group = group
        self.label = label
        self.occupations = occupations
    }
}

/// A priority-household category (§7.6); a request in any of them is a priority household.
public struct PriorityCategory: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var kind: PriorityCategoryKind

    public init(id: String, label: String, kind: PriorityCategoryKind) {
        self.id = id
        self.label = label
        self.kind = kind
    }
}
