/// A social landlord ("bailleur social"), with the names it goes by in real tables.
public struct Landlord: Hashable, Sendable, Codable, Identifiable {
    /// Stable slug ("pas-de-calais-habitat"): what programmes and conventions refer to.
    public var id: String
    public var name: String
    public var siren: Siren?
    /// Short names and spellings found in sources ("PDCH", "Pas de Calais Habitat").
    public var aliases: [String]
    /// Stock at the signature of the allocation agreement, as given.
    public var stock: LandlordStock?
    /// Allocations of 2017, as given.
    public var allocations2017: Allocations2017?
    public var note: String?

    public init(id: String, name: String, siren: Siren? = nil, aliases: [String] = [],
                stock: LandlordStock? = nil, allocations2017: Allocations2017? = nil, note: String? = nil) {
        self.id = id; self.name = name; self.siren = siren; self.aliases = aliases
        self.stock = stock; self.allocations2017 = allocations2017; self.note = note
    }

    enum CodingKeys: String, CodingKey { case id, name, siren, aliases, stock, allocations2017, note }
    /// `aliases` may be left out of the file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        siren = try c.decodeIfPresent(Siren.self, forKey: .siren)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        stock = try c.decodeIfPresent(LandlordStock.self, forKey: .stock)
        allocations2017 = try c.decodeIfPresent(Allocations2017.self, forKey: .allocations2017)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// Dwellings outside QPV / in QPV / total, each optional and kept as the source prints them.
public struct LandlordStock: Hashable, Sendable, Codable {
    public var outsideQPV: Int?
    public var inQPV: Int?
    public var total: Int?

    public init(outsideQPV: Int?, inQPV: Int?, total: Int?) {
        self.outsideQPV = outsideQPV; self.inQPV = inQPV; self.total = total
    }

    /// French sentence when the printed total is not the sum of its parts (never corrected).
    public var inconsistency: String? {
        guard let a = outsideQPV, let b = inQPV, let t = total, a + b != t else { return nil }
        return "patrimoine incohérent dans la source : \(FrenchFormat.integer(a)) hors QPV + "
            + "\(FrenchFormat.integer(b)) en QPV = \(FrenchFormat.integer(a + b)), "
            + "total indiqué \(FrenchFormat.integer(t))"
    }
}

/// Allocations of the reference year and those to priority households, as given.
public struct Allocations2017: Hashable, Sendable, Codable {
    public var total: Int?
    public var toPriority: Int?
    /// The share printed by the source (rounded to the unit there).
    public var priorityShare: Percentage?

    public init(total: Int?, toPriority: Int?, priorityShare: Percentage?) {
        self.total = total; self.toPriority = toPriority; self.priorityShare = priorityShare
    }

    /// The share recomputed from the counts.
    public var computedShare: Percentage? {
        guard let t = total, let p = toPriority else { return nil }
        return Percentage.ratio(p, of: t)
    }
}
