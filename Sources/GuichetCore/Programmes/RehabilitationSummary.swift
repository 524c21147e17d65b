/// Programmes and dwellings going from one energy label to another (nil: unknown label).
public struct EnergyLabelTransition: Hashable, Sendable, Codable {
    public var before: EnergyLabel?
    public var after: EnergyLabel?
    public var programmes: Int
    /// Known dwellings of those programmes.
    public var dwellings: Int

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(programmes, forKey: .programmes)
        try c.encode(dwellings, forKey: .dwellings)
    }
}

/// One line of `RehabilitationSummary`: dwellings, subsidies, energy-label transitions.
public struct RehabilitationSummaryLine: ProgrammeSummaryLine {
    public var year: Int?
    public var programmes: Int
    public var dwellings: Int?
    public var stateSubsidy: Money
    public var epciSubsidy: Money
    public var labelTransitions: [EnergyLabelTransition]
    public var unknownCells: [String: Int]
    public var doubtfulCells: Int

    public init(year: Int?, _ ps: [RehabilitationProgramme]) {
        var tallies = Tallies()
        self.year = year
        programmes = ps.count
        dwellings = tallies.count("dwellings", ps.map(\.dwellings))
        (stateSubsidy, epciSubsidy) = tallies.subsidies(ps)
        let grouped = Dictionary(grouping: ps) { [$0.labelBefore.value, $0.labelAfter.value] }
        labelTransitions = grouped.map { pair, group in
            EnergyLabelTransition(before: pair[0], after: pair[1], programmes: group.count,
                            dwellings: group.compactMap(\.dwellings.value).reduce(0, +))
        }.sorted { ($0.before?.rawValue ?? "~", $0.after?.rawValue ?? "~") < ($1.before?.rawValue ?? "~", $1.after?.rawValue ?? "~") }
        unknownCells = tallies.unknownCells
        doubtfulCells = tallies.doubtfulCells + ps.filter { $0.labelBefore.doubtful || $0.labelAfter.doubtful }.count
    }

    enum CodingKeys: String, CodingKey {
        case year, programmes, dwellings, labelTransitions, unknownCells, doubtfulCells
        case stateSubsidy = "stateSubsidyCents", epciSubsidy = "epciSubsidyCents"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(programmes, forKey: .programmes)
        try c.encode(dwellings, forKey: .dwellings)
        try c.encode(stateSubsidy, forKey: .stateSubsidy)
        try c.encode(epciSubsidy, forKey: .epciSubsidy)
        try c.encode(labelTransitions, forKey: .labelTransitions)
        try c.encode(unknownCells, forKey: .unknownCells)
        try c.encode(doubtfulCells, forKey: .doubtfulCells)
    }
}
