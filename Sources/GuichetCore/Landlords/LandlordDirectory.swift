/// Finds a landlord from a name as a table spells it. Unknown names give nil: a landlord is
/// never invented from a spelling.
public struct LandlordDirectory: Sendable {
    public let landlords: [Landlord]
    private let byKey: [String: Int]
    /// Two landlords claiming the same name or alias (a data error of the profile).
    public let ambiguousNames: [String]

    public init(_ landlords: [Landlord]) {
        self.landlords = landlords
        var map: [String: Int] = [:]
        var clashes: [String] = []
        for (i, l) in landlords.enumerated() {
            for name in [l.name, l.id] + l.aliases {
                let k = LooseName.key(name)
                guard !k.isEmpty else { continue }
                if let j = map[k], j != i { clashes.append(name) } else { map[k] = i }
            }
        }
        byKey = map
        ambiguousNames = clashes
    }

    public func match(_ name: String) -> Landlord? {
        byKey[LooseName.key(name)].map { landlords[$0] }
    }

    public func landlord(id: String) -> Landlord? { landlords.first { $0.id == id } }
}
