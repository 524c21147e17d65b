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
    /// Situations of which only one counts (the highest); the others score 0 with the reason.
    public var exclusiveGroups: [ExclusiveGroup]?
    /// Which year's 1st-quartile threshold a computation uses.
    public var quartileYear: QuartileYearRule?
    /// Where each parameter of the file comes from, by its key (`requestAgeSteps`…): every key of
    /// `CotationGrid.sourcedParameters` must have one.
    public var sources: [String: ParameterSource]?
    /// The UC scale (1st-quartile criterion), OECD-modified by default.
    public var consumptionUnits: ConsumptionUnitScale?
    /// Days a month counts when the reste à vivre is made daily (30 by default).
    public var ravDaysPerMonth: Int?

    enum CodingKeys: String, CodingKey {
        case version, revisedOn, source, criteria, quartileThresholds, requestAgeSteps
        case ravThresholdPerPersonPerDay = "ravThresholdCentsPerPersonPerDay"
        case tauxEffortThreshold = "tauxEffortThresholdBasisPoints"
        case calRule, youngAgeLimit, seniorAge, essentialWorkerGroups, priorityCategories
        case exclusiveGroups, quartileYear, sources, consumptionUnits, ravDaysPerMonth
    }

    /// The parameters of the file that must say where they come from.
    public static let sourcedParameters: [String] = [
        CodingKeys.quartileThresholds.rawValue, CodingKeys.requestAgeSteps.rawValue,
        CodingKeys.ravThresholdPerPersonPerDay.rawValue, CodingKeys.tauxEffortThreshold.rawValue,
        CodingKeys.calRule.rawValue, CodingKeys.youngAgeLimit.rawValue, CodingKeys.seniorAge.rawValue,
        CodingKeys.essentialWorkerGroups.rawValue, CodingKeys.consumptionUnits.rawValue,
        CodingKeys.ravDaysPerMonth.rawValue,
        // Each criterion's `supportingDocument`: the grid asks for « Pièces valides » without naming them.
        "supportingDocument",
    ]

    public func source(of parameter: String) -> ParameterSource? { sources?[parameter] }

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

    /// The threshold of `year`, or of the latest earlier year the grid has; nil when none.
    public func quartileThreshold(for year: Int) -> QuartileThreshold? {
        quartileThresholds.filter { $0.year <= year }.max { $0.year < $1.year }
    }

    /// The threshold a computation on `date` uses, as `quartileYear` says (the computation's
    /// year by default, or a fixed year such as the grid's 2022).
    public func quartileThreshold(on date: CalendarDate) -> QuartileThreshold? {
        quartileThreshold(for: quartileYear?.fixedYear ?? date.year)
    }

    /// The exclusive groups a criterion belongs to.
    public func exclusiveGroups(of criterionId: String) -> [ExclusiveGroup] {
        (exclusiveGroups ?? []).filter { $0.criteria.contains(criterionId) }
    }

    /// The groups of which more than one situation is declared among `claimed` (the form's
    /// warning as soon as the agent ticks the second), with the declared ids in grid order.
    public func exclusiveConflicts(_ claimed: [String]) -> [(group: ExclusiveGroup, criteria: [String])] {
        (exclusiveGroups ?? []).compactMap { g in
            let ids = criteria.map(\.id).filter { g.criteria.contains($0) && claimed.contains($0) }
            return ids.count > 1 ? (g, ids) : nil
        }
    }

    /// Every default of the file still to be confirmed by the service.
    public var defaultsToConfirm: [DefaultToConfirm] {
        var out: [DefaultToConfirm] = []
        func add(_ key: String, _ s: ParameterSource?) {
            if let s, s.isDefaultToConfirm { out.append(DefaultToConfirm(part: "cotation", key: key, text: s.text)) }
        }
        for key in Self.sourcedParameters { add(key, source(of: key)) }
        add("quartileYear", quartileYear?.source)
        for (i, c) in criteria.enumerated() {
            add("criteria[\(i)].source", c.source)
            for (j, f) in (c.conditions ?? []).enumerated() { add("criteria[\(i)].conditions[\(j)]", f.source) }
        }
        for (i, g) in (exclusiveGroups ?? []).enumerated() { add("exclusiveGroups[\(i)]", g.source) }
        for (i, p) in priorityCategories.enumerated() {
            for (j, f) in (p.establishedBy ?? []).enumerated() { add("priorityCategories[\(i)].establishedBy[\(j)]", f.source) }
        }
        return out
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
    /// What the household must be for a declared situation to count (« avec au moins un mineur »).
    public var conditions: [HouseholdFact]?
    /// Where the points come from when not from the grid's own line (the age of the request's scale).
    public var source: ParameterSource?

    public init(id: String, label: String, category: CriterionCategory, basis: CriterionBasis,
                points: Int? = nil, minPoints: Int? = nil, maxPoints: Int? = nil, note: String? = nil,
                supportingDocument: String, conditions: [HouseholdFact]? = nil, source: ParameterSource? = nil) {
        self.id = id
        self.label = label
        self.category = category
        self.basis = basis
        self.points = points
        self.minPoints = minPoints
        self.maxPoints = maxPoints
        self.note = note
        self.supportingDocument = supportingDocument
        self.conditions = conditions
        self.source = source
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

/// Scores `cal-rang-2-3`: at least `minimumProposals` committee proposals at one of `ranks`
/// whose outcome is one of `countedOutcomes`, and none whose outcome is one of
/// `disqualifyingOutcomes` (« n'ayant pas reçu de proposition de logement ou a refusé une
/// proposition incohérente »). A proposal recorded without an outcome counts as not retained.
public struct CalRule: Codable, Sendable, Equatable {
    public var minimumProposals: Int
    public var ranks: [Int]
    public var countedOutcomes: [CalOutcome]?
    public var disqualifyingOutcomes: [CalOutcome]?

    public init(minimumProposals: Int, ranks: [Int], countedOutcomes: [CalOutcome]? = nil,
                disqualifyingOutcomes: [CalOutcome]? = nil) {
        self.minimumProposals = minimumProposals
        self.ranks = ranks
        self.countedOutcomes = countedOutcomes
        self.disqualifyingOutcomes = disqualifyingOutcomes
    }

    /// Outcomes counted: by default a proposal that was not retained.
    public var counted: [CalOutcome] { countedOutcomes ?? [.notRetained] }
    public var disqualifying: [CalOutcome] { disqualifyingOutcomes ?? [] }
}

/// Which 1st-quartile threshold a computation uses: the computation year's (the latest known
/// year up to it) unless the file fixes a year.
public struct QuartileYearRule: Codable, Sendable, Equatable {
    public var fixedYear: Int?
    public var source: ParameterSource

    public init(fixedYear: Int? = nil, source: ParameterSource) {
        self.fixedYear = fixedYear
        self.source = source
    }
}

/// Declared situations of which only the highest counts (« Personnes dépourvues de logement et
/// d'hébergement » cannot also be « hébergées par des tiers »).
public struct ExclusiveGroup: Codable, Sendable, Equatable {
    public var id: String
    public var criteria: [String]
    public var source: ParameterSource

    public init(id: String, criteria: [String], source: ParameterSource) {
        self.id = id
        self.criteria = criteria
        self.source = source
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
/// A category is established by any one of its facts; one without facts is declared only: the
/// agent ticks it, no data of the request can show it.
public struct PriorityCategory: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var kind: PriorityCategoryKind
    public var establishedBy: [HouseholdFact]?

    public init(id: String, label: String, kind: PriorityCategoryKind, establishedBy: [HouseholdFact]? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.establishedBy = establishedBy
    }

    public var isDeclaredOnly: Bool { (establishedBy ?? []).isEmpty }
}
