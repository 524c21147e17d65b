/// An objectives agreement with one landlord: objectives and results per year, review meetings.
public struct Convention: Hashable, Sendable, Codable {
    public var landlordId: String
    public var signedOn: CalendarDate?
    public var objectives: [ConventionYear]
    /// Results entered by the service; production and rehabilitation may instead be derived
    /// from programmes (see `ConventionReview`).
    public var results: [ConventionYear]
    public var meetings: [ReviewMeeting]

    public init(landlordId: String, signedOn: CalendarDate? = nil, objectives: [ConventionYear] = [],
                results: [ConventionYear] = [], meetings: [ReviewMeeting] = []) {
        self.landlordId = landlordId; self.signedOn = signedOn; self.objectives = objectives
        self.results = results; self.meetings = meetings
    }
}

/// The four parts of an agreement for one year; any part may be absent.
public struct ConventionYear: Hashable, Sendable, Codable {
    public var year: Int
    public var production: ProductionFigures?
    public var rehabilitationDwellings: Int?
    public var allocations: AllocationShares?
    public var sales: Int?

    public init(year: Int, production: ProductionFigures? = nil, rehabilitationDwellings: Int? = nil,
                allocations: AllocationShares? = nil, sales: Int? = nil) {
        self.year = year; self.production = production; self.rehabilitationDwellings = rehabilitationDwellings
        self.allocations = allocations; self.sales = sales
    }
}

/// Dwellings to produce (or produced) by product, with the total as the source gives it.
public struct ProductionFigures: Hashable, Sendable, Codable {
    public var plus: Int?
    public var plai: Int?
    public var pls: Int?
    public var total: Int?

    public init(plus: Int? = nil, plai: Int? = nil, pls: Int? = nil, total: Int? = nil) {
        self.plus = plus; self.plai = plai; self.pls = pls; self.total = total
    }

    /// French sentence when the given total is not PLUS + PLAI + PLS (flagged, never corrected).
    public var inconsistency: String? {
        guard let t = total, let a = plus, let b = plai, let c = pls, a + b + c != t else { return nil }
        return "total indiqué \(t) différent de PLUS + PLAI + PLS = \(a + b + c)"
    }
}

/// Allocation shares of an agreement (objectives or results).
public struct AllocationShares: Hashable, Sendable, Codable {
    /// To priority households ("mutations incluses" in the CIA results until 2022).
    public var priorityHouseholds: Percentage?
    /// Same, excluding transfers of sitting tenants (the CIA results from 2022 on).
    public var priorityHouseholdsExcludingTransfers: Percentage?
    /// Outside QPV, to households under the 1st quartile (or ANRU rehousing).
    public var outsideQPVFirstQuartile: Percentage?
    /// In QPV, to households above the 1st quartile.
    public var inQPVAboveFirstQuartile: Percentage?

    public init(priorityHouseholds: Percentage? = nil, priorityHouseholdsExcludingTransfers: Percentage? = nil,
                outsideQPVFirstQuartile: Percentage? = nil, inQPVAboveFirstQuartile: Percentage? = nil) {
        self.priorityHouseholds = priorityHouseholds
        self.priorityHouseholdsExcludingTransfers = priorityHouseholdsExcludingTransfers
        self.outsideQPVFirstQuartile = outsideQPVFirstQuartile
        self.inQPVAboveFirstQuartile = inQPVAboveFirstQuartile
    }

    /// The agreement's objectives for a year: the priority objective applies with or without transfers.
    public init(objectives o: AllocationObjectives) {
        self.init(priorityHouseholds: o.priorityHouseholds, priorityHouseholdsExcludingTransfers: o.priorityHouseholds,
                  outsideQPVFirstQuartile: o.outsideQPVFirstQuartile, inQPVAboveFirstQuartile: o.inQPVAboveFirstQuartile)
    }
}

/// A review meeting of the agreement.
public struct ReviewMeeting: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case semester, bilateral, collective
        public var label: String {
            switch self {
            case .semester: "bilan semestriel"
            case .bilateral: "réunion bilatérale"
            case .collective: "réunion collective"
            }
        }
    }
    public var date: CalendarDate
    public var kind: Kind
    public var notes: String
    public var decisions: [String]

    public init(date: CalendarDate, kind: Kind, notes: String = "", decisions: [String] = []) {
        self.date = date; self.kind = kind; self.notes = notes; self.decisions = decisions
    }
}
