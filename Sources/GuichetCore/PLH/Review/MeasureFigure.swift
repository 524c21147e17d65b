/// A derived figure for one year, with what makes it: the dossiers, programmes, allocations or
/// agreements counted (so the window can open the list behind any figure) and its splits.
public struct MeasureFigure: Codable, Sendable, Equatable {
    /// Hundredths of the measure's unit; nil when the product holds no data to count from
    /// (no programme recorded, an empty allocation register, no target entered).
    public var value: Int64?
    public var members: [FigureMember]
    public var splits: [FigureSplit]
    /// Why there is no figure, or what it leaves out ("2 programmes au nombre de logements inconnu").
    public var note: String?

    public init(value: Int64?, members: [FigureMember] = [], splits: [FigureSplit] = [], note: String? = nil) {
        self.value = value; self.members = members; self.splits = splits; self.note = note
    }

    public static func noData(_ note: String) -> MeasureFigure { MeasureFigure(value: nil, note: note) }
}

/// One record counted in a figure, and what it contributed (hundredths of the unit).
public struct FigureMember: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case dossier, construction, rehabilitation, allocation, convention
    }
    public var kind: Kind
    /// Dossier number, programme key, allocation key, landlord id.
    public var key: String
    /// What a list shows: "2025-PLV-0003 — Pas-de-Calais Habitat — Arques".
    public var label: String
    public var contribution: Int64

    public init(kind: Kind, key: String, label: String, contribution: Int64) {
        self.kind = kind; self.key = key; self.label = label; self.contribution = contribution
    }
}

/// A figure split by one dimension ("propriétaires occupants : 12, propriétaires bailleurs : 5").
public struct FigureSplit: Codable, Sendable, Equatable {
    public var breakdown: Breakdown
    public var items: [Item]

    public struct Item: Codable, Sendable, Equatable {
        public var label: String
        public var value: Int64
        /// Keys of the members in this item.
        public var members: [String]
        public init(label: String, value: Int64, members: [String]) { self.label = label; self.value = value; self.members = members }
    }

    public init(breakdown: Breakdown, items: [Item]) { self.breakdown = breakdown; self.items = items }

    public func item(_ label: String) -> Item? { items.first { $0.label == label } }
}

extension FigureSplit {
    /// Groups contributions by label, largest first (ties by label), as the review lists them.
    static func grouping(_ breakdown: Breakdown, _ entries: [(label: String, value: Int64, key: String)]) -> FigureSplit {
        var sums: [String: (Int64, [String])] = [:]
        var order: [String] = []
        for e in entries {
            if sums[e.label] == nil { order.append(e.label); sums[e.label] = (0, []) }
            sums[e.label]!.0 += e.value
            sums[e.label]!.1.append(e.key)
        }
        let items = order.map { Item(label: $0, value: sums[$0]!.0, members: sums[$0]!.1) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }
        return FigureSplit(breakdown: breakdown, items: items)
    }
}
