/// Per financing year and in total: what the yearly review prints about programmes.
/// Sums add the known values; a figure is null only when no programme of the group gives it
/// (a column absent from the source). Blank or unreadable cells are counted in `unknownCells`
/// so that a sum is never shown without saying how many cells it could not include.
public enum ProgrammeSummary {
    public static func construction(_ programmes: [ConstructionProgramme]) -> ConstructionSummary {
        let years = Dictionary(grouping: programmes) { $0.financingYear.value }
        return ConstructionSummary(
            years: years.keys.sorted(by: yearOrder).map { ConstructionSummary.Line(year: $0, years[$0]!) },
            total: ConstructionSummary.Line(year: nil, programmes))
    }

    public static func rehabilitation(_ programmes: [RehabilitationProgramme]) -> RehabilitationSummary {
        let years = Dictionary(grouping: programmes) { $0.financingYear.value }
        return RehabilitationSummary(
            years: years.keys.sorted(by: yearOrder).map { RehabilitationSummary.Line(year: $0, years[$0]!) },
            total: RehabilitationSummary.Line(year: nil, programmes))
    }

    /// Known years in order, the unknown year last.
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

    init<V>(_ values: [SourceValue<V>], _ number: (V) -> Int) {
        guard values.contains(where: \.isProvided) else { sum = nil; return }
        var s = 0
        for v in values {
            if let x = v.value { s += number(x) } else if v.isProvided { unknown += 1 }
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
    private mutating func record(_ name: String, _ t: FieldTally) -> Int? {
        if t.unknown > 0 { unknownCells[name] = t.unknown }
        doubtfulCells += t.doubtful
        return t.sum
    }
}

public struct ConstructionSummary: Hashable, Sendable, Codable {
    public var years: [Line]
    public var total: Line

    public struct Line: Hashable, Sendable, Codable {
        /// Nil for the total line, and for programmes whose year is unknown.
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
        /// Field → number of provided cells left unknown (blank, "?", "-").
        public var unknownCells: [String: Int]
        public var doubtfulCells: Int

        init(year: Int?, _ ps: [ConstructionProgramme]) {
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
            stateSubsidy = tallies.money("stateSubsidy", ps.map(\.stateSubsidy))
            epciSubsidy = tallies.money("epciSubsidy", ps.map(\.epciSubsidy))
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
}

public struct RehabilitationSummary: Hashable, Sendable, Codable {
    public var years: [Line]
    public var total: Line

    /// Programmes and dwellings going from one energy label to another (nil: unknown label).
    public struct LabelTransition: Hashable, Sendable, Codable {
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

    public struct Line: Hashable, Sendable, Codable {
        public var year: Int?
        public var programmes: Int
        public var dwellings: Int?
        public var stateSubsidy: Money
        public var epciSubsidy: Money
        public var labelTransitions: [LabelTransition]
        public var unknownCells: [String: Int]
        public var doubtfulCells: Int

        init(year: Int?, _ ps: [RehabilitationProgramme]) {
            var tallies = Tallies()
            self.year = year
            programmes = ps.count
            dwellings = tallies.count("dwellings", ps.map(\.dwellings))
            stateSubsidy = tallies.money("stateSubsidy", ps.map(\.stateSubsidy))
            epciSubsidy = tallies.money("epciSubsidy", ps.map(\.epciSubsidy))
            let grouped = Dictionary(grouping: ps) { [$0.labelBefore.value, $0.labelAfter.value] }
            labelTransitions = grouped.map { pair, group in
                LabelTransition(before: pair[0], after: pair[1], programmes: group.count,
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
}
