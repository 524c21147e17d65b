import Foundation

/// The landlords part of a territory profile (`landlords.json`): landlords with their initial
/// figures, the source's printed totals, and the allocation objectives.
public struct LandlordsProfile: Hashable, Sendable, Codable {
    public var source: String?
    public var landlords: [Landlord]
    /// The source's own total row (stock and 2017 allocations), kept to compare with the sum.
    public var publishedTotals: PublishedTotals?
    public var allocationObjectives: AllocationObjectives?
    public var reservataireObjectives: [ReservataireObjective]
    /// How the allocation obligations are counted; nil: every rule at its default (to confirm).
    public var allocationRules: AllocationRules?

    enum CodingKeys: String, CodingKey {
        case source, landlords, publishedTotals, allocationObjectives, reservataireObjectives, allocationRules
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        landlords = try c.decode([Landlord].self, forKey: .landlords)
        publishedTotals = try c.decodeIfPresent(PublishedTotals.self, forKey: .publishedTotals)
        allocationObjectives = try c.decodeIfPresent(AllocationObjectives.self, forKey: .allocationObjectives)
        reservataireObjectives = try c.decodeIfPresent([ReservataireObjective].self, forKey: .reservataireObjectives) ?? []
        allocationRules = try c.decodeIfPresent(AllocationRules.self, forKey: .allocationRules)
    }

    public struct PublishedTotals: Hashable, Sendable, Codable {
        public var stock: LandlordStock?
        public var allocations2017: Allocations2017?
    }

    public init(source: String? = nil, landlords: [Landlord], publishedTotals: PublishedTotals? = nil,
                allocationObjectives: AllocationObjectives? = nil, reservataireObjectives: [ReservataireObjective] = [],
                allocationRules: AllocationRules? = nil) {
        self.source = source; self.landlords = landlords; self.publishedTotals = publishedTotals
        self.allocationObjectives = allocationObjectives; self.reservataireObjectives = reservataireObjectives
        self.allocationRules = allocationRules
    }

    /// The priority objective of a reservation holder: its own line of the profile, else the
    /// line "autres" (the CIA's 25 % for every other holder).
    public func reservataireObjective(for kind: ReservationHolder.Kind) -> ReservataireObjective? {
        reservataireObjectives.first { $0.id == kind.rawValue } ?? reservataireObjectives.first { $0.id == "autres" }
    }

    public var directory: LandlordDirectory { LandlordDirectory(landlords) }

    /// Decodes `landlords.json` and checks it: unique ids, no name claimed by two landlords.
    public static func decode(_ data: Data) throws(ValidationErrors) -> LandlordsProfile {
        let profile: LandlordsProfile
        do { profile = try JSONFileDecoding.decode(LandlordsProfile.self, from: data, file: "landlords.json") }
        catch { throw ValidationErrors([error]) }
        let errors = profile.validate()
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return profile
    }

    /// Unique ids, no name claimed by two landlords.
    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        var seen = Set<String>()
        for (i, l) in landlords.enumerated() where !seen.insert(l.id).inserted {
            errors.append(ValidationError(field: "landlords[\(i)].id", "identifiant « \(l.id) » en double"))
        }
        for name in directory.ambiguousNames {
            errors.append(ValidationError(field: "landlords", "le nom « \(name) » désigne deux bailleurs"))
        }
        return errors
    }

    /// Figures of the source that do not add up, in French, never corrected.
    public var inconsistencies: [String] {
        landlords.compactMap { l in l.stock?.inconsistency.map { "\(l.name) : \($0)" } } + totalRowInconsistencies
    }

    /// The source's total row against the sums of the landlords' rows, and against itself.
    public var totalRowInconsistencies: [String] {
        var out: [String] = []
        if let printed = publishedTotals?.stock {
            if let s = printed.inconsistency { out.append("Ligne total : \(s)") }
            let sums = [\LandlordStock.outsideQPV, \.inQPV, \.total].map { path in
                landlords.compactMap { $0.stock?[keyPath: path] }.reduce(0, +)
            }
            let labels = ["hors QPV", "en QPV", "total"]
            for (i, path) in [\LandlordStock.outsideQPV, \.inQPV, \.total].enumerated() {
                if let p = printed[keyPath: path], p != sums[i] {
                    out.append("Total du patrimoine \(labels[i]) : somme des bailleurs \(FrenchFormat.integer(sums[i])), "
                        + "total imprimé \(FrenchFormat.integer(p))")
                }
            }
        }
        if let printed = publishedTotals?.allocations2017 {
            let pairs: [(String, Int?, Int)] = [
                ("attributions 2017", printed.total, landlords.compactMap { $0.allocations2017?.total }.reduce(0, +)),
                ("attributions 2017 aux publics prioritaires", printed.toPriority,
                 landlords.compactMap { $0.allocations2017?.toPriority }.reduce(0, +)),
            ]
            for (label, p, s) in pairs {
                if let p, p != s {
                    out.append("Total des \(label) : somme des bailleurs \(FrenchFormat.integer(s)), total imprimé \(FrenchFormat.integer(p))")
                }
            }
        }
        return out
    }
}
