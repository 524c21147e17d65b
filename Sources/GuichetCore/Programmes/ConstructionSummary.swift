/// One line of `ConstructionSummary`: counts by State product, shares, subsidies.
public struct ConstructionSummaryLine: ProgrammeSummaryLine {
    public var year: Int?
    public var programmes: Int
    public var plus: Int?
    public var plai: Int?
    public var plaiAdapte: Int?
    public var pls: Int?
    /// Dwellings: each programme's given total, else the sum of its parts.
    public var total: Int?
    /// Programmes whose five typology counts are all known; T1-T2 figures cover only them.
    public var programmesWithTypologies: Int
    public var t1t2: Int?
    public var t1t3: Int?
    public var t1t2Share: Percentage?
    public var t1t3Share: Percentage?
    public var plaiShareOfPlusPlai: Percentage?
    public var plaiShareOfAll: Percentage?
    public var stateSubsidy: Money
    public var epciSubsidy: Money
    public var unknownCells: [String: Int]
    public var doubtfulCells: Int
    /// `total`, under the name both kinds of line share.
    public var dwellings: Int? { total }

    public init(year: Int?, _ ps: [ConstructionProgramme]) {
        var tallies = Tallies()
        self.year = year
        programmes = ps.count
        plus = tallies.count("plus", ps.map(\.plus))
        plai = tallies.count("plai", ps.map(\.plai))
        plaiAdapte = tallies.count("plaiAdapte", ps.map(\.plaiAdapte))
        pls = tallies.count("pls", ps.map(\.pls))
        _ = tallies.count("total", ps.map(\.totalAsGiven))
        let dwellings = ps.compactMap(\.dwellings)
        total = dwellings.isEmpty ? nil : dwellings.reduce(0, +)
        (stateSubsidy, epciSubsidy) = tallies.subsidies(ps)
        let typed = ps.map(\.typologies).filter(\.isComplete)
        programmesWithTypologies = typed.count
        if typed.isEmpty {
            t1t2 = nil; t1t3 = nil; t1t2Share = nil; t1t3Share = nil
        } else {
            let sized = typed.reduce(0) { $0 + $1.total! }
            let small = typed.reduce(0) { $0 + $1.t1t2! }
            let upTo3 = typed.reduce(0) { $0 + $1.t1t3! }
            t1t2 = small; t1t3 = upTo3
            t1t2Share = Percentage.ratio(small, of: sized)
            t1t3Share = Percentage.ratio(upTo3, of: sized)
        }
        let plusPlai = (plus ?? 0) + (plai ?? 0), all = plusPlai + (pls ?? 0)
        if let plaiSum = plai {
            plaiShareOfPlusPlai = Percentage.ratio(plaiSum, of: plusPlai)
            plaiShareOfAll = Percentage.ratio(plaiSum, of: all)
        } else {
            plaiShareOfPlusPlai = nil; plaiShareOfAll = nil
        }
        unknownCells = tallies.unknownCells
        doubtfulCells = tallies.doubtfulCells
    }

    enum CodingKeys: String, CodingKey {
        case year, programmes, plus, plai, plaiAdapte, pls, total, programmesWithTypologies, t1t2, t1t3
        case t1t2Share = "t1t2ShareBasisPoints", t1t3Share = "t1t3ShareBasisPoints"
        case plaiShareOfPlusPlai = "plaiShareOfPlusPlaiBasisPoints", plaiShareOfAll = "plaiShareOfAllBasisPoints"
        case stateSubsidy = "stateSubsidyCents", epciSubsidy = "epciSubsidyCents"
        case unknownCells, doubtfulCells
    }

    /// Every key written, null included, so the CLI's JSON has a fixed shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(programmes, forKey: .programmes)
        try c.encode(plus, forKey: .plus)
        try c.encode(plai, forKey: .plai)
        try c.encode(plaiAdapte, forKey: .plaiAdapte)
        try c.encode(pls, forKey: .pls)
        try c.encode(total, forKey: .total)
        try c.encode(programmesWithTypologies, forKey: .programmesWithTypologies)
        try c.encode(t1t2, forKey: .t1t2)
        try c.encode(t1t3, forKey: .t1t3)
        try c.encode(t1t2Share, forKey: .t1t2Share)
        try c.encode(t1t3Share, forKey: .t1t3Share)
        try c.encode(plaiShareOfPlusPlai, forKey: .plaiShareOfPlusPlai)
        try c.encode(plaiShareOfAll, forKey: .plaiShareOfAll)
        try c.encode(stateSubsidy, forKey: .stateSubsidy)
        try c.encode(epciSubsidy, forKey: .epciSubsidy)
        try c.encode(unknownCells, forKey: .unknownCells)
        try c.encode(doubtfulCells, forKey: .doubtfulCells)
    }
}
