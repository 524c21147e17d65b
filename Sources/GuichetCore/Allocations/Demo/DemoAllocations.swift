/// A fictitious allocation register for the demonstration, generated (seeded, deterministic) so
/// that its agglomeration counts are the review's published ones: each year's allocations with and
/// without transfers, priority households, the State contingent's, and the outside-QPV share of
/// households under the 1st quartile or rehoused by ANRU. Landlords get allocations in proportion
/// to their 2017 allocations (or stock) and priority households in proportion to their published
/// shares, which the register therefore approaches without reproducing them: those were
/// computed on the arrondissement, not on the agglomeration. Households are invented; no row
/// describes a real person.
public enum DemoAllocations {
    public struct Source: Sendable {
        public var published: AllocationResults
        public var landlords: [Landlord]
        public var counter: AllocationCounter
        public var categories: [PriorityCategory]

        public init(published: AllocationResults, landlords: [Landlord], counter: AllocationCounter, categories: [PriorityCategory]) {
            self.published = published; self.landlords = landlords; self.counter = counter; self.categories = categories
        }
    }

    public static let defaultSeed: UInt64 = 2_020_2023

    /// Demo choices, said here once: the State contingent allocates about one dwelling in nine
    /// to a household without a priority label; a few rows per year lack a fact (QPV, priority,
    /// transfer) so the review shows how they are reported; 12 CAL decisions of the last
    /// December wait for their lease.
    static let stateNonPriorityPercent = 12
    static let unknownQPVPerYear = 3
    static let unknownPriorityPerYear = 3
    static let unknownTransferPerYear = 2
    static let awaitingLease = 12
    /// PNRU rehousings in the social stock (the review: 124, of which 61 outside QPV), spread
    /// over the years as the programme wound down (finished end 2022, a few until May 2023).
    static let anruRehousings = (outsideQPV: 61, inQPV: 63)
    static let anruYearWeights: [Int: Double] = [2020: 32, 2021: 36, 2022: 28, 2023: 4]
    static let anruLandlords: Set<String> = ["pas-de-calais-habitat", "flandre-opale-habitat"]

    /// An allocation as the register knew it on `date`: not yet decided (nil), decided with its
    /// lease still to come (no lease date), or whole.
    public static func asKnown(_ a: Allocation, on date: CalendarDate) -> Allocation? {
        if let cal = a.calDecisionDate, cal > date { return nil }
        guard let lease = a.leaseDate, lease > date else { return a }
        var pending = a
        pending.leaseDate = nil
        return pending
    }

    public static func generate(_ source: Source, seed: UInt64 = defaultSeed) -> [Allocation] {
        var generator = Generator(source: source, rng: DemoRandom(seed: seed))
        return generator.run()
    }
}

/// The generator's state: one year after the other, then the decisions awaiting their lease.
private struct Generator {
    let source: DemoAllocations.Source
    var rng: DemoRandom
    var sequence = 0
    var rows: [Allocation] = []

    init(source: DemoAllocations.Source, rng: DemoRandom) { self.source = source; self.rng = rng }

    /// One allocation in the making.
    struct Draft {
        var landlord: Int
        var transfer: Bool?
        var priority: Bool
        var state: Bool
        var inQPV: Bool?
        var numerator = false
        var anru = false
        var unknownPriority = false
    }

    mutating func run() -> [Allocation] {
        let plans = DemoAllocationPlan.plans(source.published.agglomeration)
        let anruYears = plans.map(\.year).filter { DemoAllocations.anruYearWeights[$0] != nil }
        let weights = anruYears.map { DemoAllocations.anruYearWeights[$0]! }
        let anruOut = Apportionment.split(DemoAllocations.anruRehousings.outsideQPV, weights: weights)
        let anruIn = Apportionment.split(DemoAllocations.anruRehousings.inQPV, weights: weights)
        for plan in plans {
            let i = anruYears.firstIndex(of: plan.year)
            generate(plan, anruOutside: i.map { anruOut[$0] } ?? 0, anruInside: i.map { anruIn[$0] } ?? 0)
        }
        if let last = plans.last?.year { awaitingLease(year: last) }
        return rows
    }

    // MARK: Landlords of the year

    struct Participant {
        var id: String
        var name: String
        var weight: Double
        var qpvRatio: Double
        var shareIncluded: Int?
        var shareExcluded: Int?
        var outsideShare: Int?
    }

    func participants(_ year: Int) -> [Participant] {
        let byId = Dictionary(source.landlords.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return source.published.landlords.compactMap { l in
            let shares = l.results.first { $0.year == year }?.allocations
            guard let shares, shares.priorityHouseholds != nil || shares.priorityHouseholdsExcludingTransfers != nil else { return nil }
            let landlord = byId[l.landlordId]
            let weight = landlord?.allocations2017?.total.map(Double.init)
                ?? landlord?.stock?.total.map { Double($0) / 10 } ?? 20
            var ratio = 0.3
            if let s = landlord?.stock, let o = s.outsideQPV, let q = s.inQPV, o + q > 0 { ratio = Double(q) / Double(o + q) }
            return Participant(id: l.landlordId, name: l.sourceNames.first ?? landlord?.name ?? l.landlordId, weight: weight,
                               qpvRatio: ratio, shareIncluded: shares.priorityHouseholds?.basisPoints,
                               shareExcluded: shares.priorityHouseholdsExcludingTransfers?.basisPoints,
                               outsideShare: shares.outsideQPVFirstQuartile?.basisPoints)
        }.sorted { $0.id < $1.id }
    }

    // MARK: One year

    mutating func generate(_ plan: DemoAllocationPlan, anruOutside: Int, anruInside: Int) {
        let people = participants(plan.year)
        guard !people.isEmpty else { return }
        let n = Apportionment.split(plan.allocations, weights: people.map(\.weight))
        // Where the review prints both rates, a landlord's transfers follow from their ratio.
        let transferWeights = zip(people, n).map { p, count -> Double in
            if let i = p.shareIncluded, let e = p.shareExcluded, e > 0 { return Double(count) * max(0.05, 1 - Double(i) / Double(e)) }
            return Double(count)
        }
        let t = Apportionment.split(plan.transfers, weights: transferWeights, caps: n)
        let f = zip(n, t).map { $0 - $1 }
        let priorityWeights = people.indices.map { k -> Double in
            if let e = people[k].shareExcluded { return Double(f[k] * e) }
            return Double(n[k] * (people[k].shareIncluded ?? 2_500))
        }
        let pf = Apportionment.split(plan.priorityFirst, weights: priorityWeights, caps: f)
        let pt = Apportionment.split(plan.priorityTransfers, weights: t.map(Double.init), caps: t)
        let s = Apportionment.split(plan.statePriority, weights: pf.map(Double.init), caps: pf)
        let others = people.indices.map { f[$0] - pf[$0] }
        let ns = Apportionment.split(plan.statePriority * DemoAllocations.stateNonPriorityPercent / 100,
                                     weights: others.map(Double.init), caps: others)
        let unknownQPV = Apportionment.split(DemoAllocations.unknownQPVPerYear, weights: n.map(Double.init), caps: n)

        var drafts: [Draft] = []
        for k in people.indices {
            var mine: [Draft] = []
            for j in 0..<t[k] { mine.append(Draft(landlord: k, transfer: true, priority: j < pt[k], state: false)) }
            for j in 0..<f[k] {
                let priority = j < pf[k]
                let state = priority ? j < s[k] : j - pf[k] < ns[k]
                mine.append(Draft(landlord: k, transfer: false, priority: priority, state: state))
            }
            shuffle(&mine)
            let known = mine.count - unknownQPV[k]
            let inside = Int((Double(known) * people[k].qpvRatio).rounded())
            for j in mine.indices {
                mine[j].inQPV = j < unknownQPV[k] ? nil : (j < unknownQPV[k] + inside)
            }
            drafts += mine
        }
        markUnknownFacts(&drafts, plan: plan)
        chooseNumerator(&drafts, plan: plan, people: people)
        markANRU(&drafts, people: people, outside: anruOutside, inside: anruInside)
        for d in drafts { rows.append(allocation(d, year: plan.year, landlord: people[d.landlord])) }
    }

    /// A few non-priority rows lack their priority flag, and, in years whose count excluding
    /// transfers is not published, their transfer status: reported by the review, never guessed.
    mutating func markUnknownFacts(_ drafts: inout [Draft], plan: DemoAllocationPlan) {
        var candidates = drafts.indices.filter { !drafts[$0].priority && !drafts[$0].state && drafts[$0].transfer == false }
        shuffle(&candidates)
        for i in candidates.prefix(DemoAllocations.unknownPriorityPerYear) { drafts[i].unknownPriority = true }
        if !plan.excludedPublished {
            for i in candidates.dropFirst(DemoAllocations.unknownPriorityPerYear).prefix(DemoAllocations.unknownTransferPerYear) {
                drafts[i].transfer = nil
            }
        }
    }

    /// Picks the outside-QPV allocations to the 1st quartile (or ANRU) so that the counted share
    /// is exactly the published one; when no count gives it on this denominator, one allocation
    /// moves into QPV and the search starts again.
    mutating func chooseNumerator(_ drafts: inout [Draft], plan: DemoAllocationPlan, people: [Participant]) {
        let excluded = source.counter.rules.qpvSharesExcludeTransfers.value
        func counted(_ d: Draft) -> Bool { d.inQPV == false && (!excluded || d.transfer == false) }
        var pool = drafts.indices.filter { counted(drafts[$0]) }
        var target = pool.count * 1_700 / 10_000
        if let share = plan.outsideQPVShare {
            while !pool.isEmpty {
                if let k = Self.exactNumerator(share, of: pool.count) { target = k; break }
                let moved = pool.removeLast()
                drafts[moved].inQPV = true
            }
        }
        let perLandlord = people.indices.map { k in pool.filter { drafts[$0].landlord == k } }
        let split = Apportionment.split(target, weights: people.indices.map { k in
            Double(perLandlord[k].count) * Double(people[k].outsideShare ?? 1_700)
        }, caps: perLandlord.map(\.count))
        for k in people.indices {
            var mine = perLandlord[k]
            shuffle(&mine)
            for i in mine.prefix(split[k]) { drafts[i].numerator = true }
        }
    }

    /// The smallest count whose share of `denominator` rounds to `share` exactly, if any.
    static func exactNumerator(_ share: Percentage, of denominator: Int) -> Int? {
        guard denominator > 0 else { return nil }
        let guess = share.basisPoints * denominator / 10_000
        return (max(0, guess - 2)...(guess + 2)).first { Percentage.ratio($0, of: denominator) == share }
    }

    /// ANRU rehousings: outside QPV among the allocations already counted in the numerator (an
    /// ANRU household counts whatever its resources), in QPV among any; the two landlords of the
    /// PNRU first.
    mutating func markANRU(_ drafts: inout [Draft], people: [Participant], outside: Int, inside: Int) {
        func pick(_ filter: (Draft) -> Bool, _ count: Int) -> [Int] {
            var preferred = drafts.indices.filter { filter(drafts[$0]) && DemoAllocations.anruLandlords.contains(people[drafts[$0].landlord].id) }
            var rest = drafts.indices.filter { filter(drafts[$0]) && !DemoAllocations.anruLandlords.contains(people[drafts[$0].landlord].id) }
            shuffle(&preferred)
            shuffle(&rest)
            return Array((preferred + rest).prefix(count))
        }
        for i in pick({ $0.numerator && !$0.state }, outside) { drafts[i].anru = true }
        for i in pick({ $0.inQPV == true && !$0.state }, inside) { drafts[i].anru = true }
    }

    // MARK: Rows

    static let communes: [(name: String, weight: Int, qpv: Bool)] = [
        ("Béthune", 25, true), ("Bruay-la-Buissière", 22, true), ("Noeux-les-Mines", 12, true), ("Auchel", 10, true),
        ("Lillers", 10, true), ("Isbergues", 9, false), ("Beuvry", 9, false), ("Houdain", 7, true), ("Barlin", 7, true),
        ("Divion", 7, true), ("Calonne-Ricouart", 6, true), ("Annezin", 6, false), ("Marles-les-Mines", 5, true),
        ("Haillicourt", 5, false), ("Vermelles", 5, false), ("Douvrin", 4, false), ("Billy-Berclau", 3, false),
    ]

    mutating func commune(inQPV: Bool?) -> String {
        let list = inQPV == true ? Self.communes.filter(\.qpv) : Self.communes
        var r = rng.int(1...list.reduce(0) { $0 + $1.weight })
        for c in list {
            r -= c.weight
            if r <= 0 { return c.name }
        }
        return list[0].name
    }

    mutating func holder(_ d: Draft, commune: String) -> ReservationHolder {
        if d.state { return ReservationHolder(kind: .state) }
        switch rng.int(1...100) {
        case 1...35: return ReservationHolder(kind: .commune, name: commune)
        case 36...70: return ReservationHolder(kind: .landlord)
        case 71...90: return ReservationHolder(kind: .actionLogement)
        case 91...95: return ReservationHolder(kind: .epci)
        default: return ReservationHolder(kind: .departement)
        }
    }

    mutating func labels(_ d: Draft) -> [PriorityLabel] {
        guard d.priority else { return [] }
        let statutory = source.categories.filter { $0.kind == .statutory && $0.id != "dalo" }
        let local = source.categories.filter { $0.kind != .statutory }
        if rng.chance(8) { return [PriorityLabel(basis: .dalo, categoryId: "dalo", text: "DALO")] }
        if d.state || local.isEmpty || rng.chance(60) {
            guard !statutory.isEmpty else { return [PriorityLabel(basis: .syplo)] }
            let c = rng.pick(statutory)
            return [PriorityLabel(basis: .syplo, categoryId: c.id, text: c.label)]
        }
        let c = rng.pick(local)
        return [PriorityLabel(basis: .cia, categoryId: c.id, text: c.label)]
    }

    /// Resources per UC on the chosen side of the year's threshold, never on it (the boundary is
    /// a rule of the profile, not something the demo should depend on); some rows give only the
    /// quartile, a few nothing.
    mutating func resources(firstQuartile: Bool, year: Int, mayBeUnknown: Bool) -> (Money?, Int?) {
        if mayBeUnknown && rng.chance(1) { return (nil, nil) }
        if rng.chance(7) { return (nil, firstQuartile ? 1 : rng.int(2...4)) }
        guard let threshold = source.counter.threshold(for: year)?.perUc.cents else { return (nil, firstQuartile ? 1 : 3) }
        let euros = Int(threshold / 100)
        let value = firstQuartile ? rng.int(max(1, euros / 5)...(euros - 1)) : rng.int((euros + 1)...(euros * 3))
        return (Money(euros: Int64(value)), nil)
    }

    mutating func dates(year: Int) -> (cal: CalendarDate, lease: CalendarDate) {
        let start = CalendarDate(year: year, month: 1, day: 1)!.dayNumber
        let end = CalendarDate(year: year, month: 12, day: 31)!.dayNumber
        let lease = rng.int(start...end)
        return (CalendarDate(dayNumber: lease - rng.int(7...60)), CalendarDate(dayNumber: lease))
    }

    mutating func household() -> (Typology, Int) {
        let r = rng.int(1...100)
        switch r {
        case 1...8: return (.t1, 1)
        case 9...30: return (.t2, rng.int(1...2))
        case 31...68: return (.t3, rng.int(2...4))
        case 69...92: return (.t4, rng.int(3...5))
        default: return (.t5Plus, rng.int(4...7))
        }
    }

    mutating func sneNumber(calYear: Int) -> String {
        sequence += 1
        let yy = calYear % 100
        let digits = String(sequence)
        return "062" + (yy < 10 ? "0" : "") + String(yy) + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    mutating func allocation(_ d: Draft, year: Int, landlord p: Participant) -> Allocation {
        let (cal, lease) = dates(year: year)
        let commune = commune(inQPV: d.inQPV)
        let (typology, size) = household()
        let firstQuartile: Bool
        switch d.inQPV {
        case false?: firstQuartile = d.numerator && !d.anru ? true : (d.anru ? rng.chance(40) : false)
        case true?: firstQuartile = rng.chance(35)
        case nil: firstQuartile = rng.chance(30)
        }
        let (perUC, quartile) = resources(firstQuartile: firstQuartile, year: year, mayBeUnknown: !(d.numerator && !d.anru))
        return Allocation(
            sneNumber: sneNumber(calYear: cal.year), calDecisionDate: cal, leaseDate: lease,
            landlordId: p.id, landlordName: p.name, reservationHolder: holder(d, commune: commune),
            commune: commune, inQPV: d.inQPV, qpvName: d.inQPV == true ? "QPV de démonstration – \(commune)" : nil,
            typology: typology, householdSize: size, resourcesPerUC: perUC, quartile: quartile,
            priority: d.unknownPriority ? nil : d.priority, priorityLabels: labels(d), transfer: d.transfer,
            anruRehousing: d.anru)
    }

    /// CAL decisions of the last December whose lease is not signed yet.
    mutating func awaitingLease(year: Int) {
        let people = participants(year)
        guard !people.isEmpty else { return }
        for k in 0..<DemoAllocations.awaitingLease {
            let p = people[k % people.count]
            let cal = CalendarDate(year: year, month: 12, day: rng.int(10...22))!
            let (typology, size) = household()
            let c = commune(inQPV: false)
            let (perUC, quartile) = resources(firstQuartile: rng.chance(25), year: year, mayBeUnknown: false)
            rows.append(Allocation(sneNumber: sneNumber(calYear: year), calDecisionDate: cal, leaseDate: nil,
                                   landlordId: p.id, landlordName: p.name, reservationHolder: ReservationHolder(kind: .landlord),
                                   commune: c, inQPV: false, typology: typology, householdSize: size, resourcesPerUC: perUC,
                                   quartile: quartile, priority: false, transfer: false))
        }
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, rng.int(0...i)) }
    }
}
