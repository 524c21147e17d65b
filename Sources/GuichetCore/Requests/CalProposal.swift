/// A time the request was presented to a landlord's allocation committee (CAL),
/// with the rank the committee gave it (1 = chosen, 2 or 3 = runner-up) and what came of it.
public struct CalProposal: Codable, Sendable, Equatable {
    public var date: CalendarDate
    public var landlord: String?
    public var rank: Int
    /// Nil for a proposal recorded before outcomes were: it counts as not retained.
    public var outcome: CalOutcome?

    public init(date: CalendarDate, landlord: String? = nil, rank: Int, outcome: CalOutcome? = nil) {
        self.date = date
        self.landlord = landlord
        self.rank = rank
        self.outcome = outcome
    }

    /// The outcome the rules read: a proposal without one was not retained.
    public var effectiveOutcome: CalOutcome { outcome ?? .notRetained }
}

/// What a CAL proposal came to. Any string decodes so that a stored request never fails to load;
/// `validate` names an unknown one.
public struct CalOutcome: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The home was allocated to the household.
    public static let allocated = Self(rawValue: "allocated")
    /// Another household was chosen.
    public static let notRetained = Self(rawValue: "notRetained")
    /// The household refused the home, for a reason its needs justify (an unsuited offer).
    public static let refusedJustified = Self(rawValue: "refusedJustified")
    /// The household refused the home without such a reason.
    public static let refusedUnjustified = Self(rawValue: "refusedUnjustified")
    public static let known = [notRetained, allocated, refusedJustified, refusedUnjustified]

    public var frenchLabel: String {
        switch self {
        case .allocated: "attribuée"
        case .notRetained: "non retenu"
        case .refusedJustified: "refus du ménage justifié"
        case .refusedUnjustified: "refus du ménage injustifié"
        default: rawValue
        }
    }
}
