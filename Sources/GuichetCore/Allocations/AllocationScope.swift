/// The perimeter an indicator is computed on.
public enum AllocationScope: Hashable, Sendable, Comparable {
    case agglomeration
    /// A landlord the directory knows.
    case landlord(String)
    /// A landlord spelling no directory entry matches (kept apart, never merged into another).
    case unresolvedLandlord(String)
    /// A reservation holder; nil gathers allocations whose holder the extract does not give.
    case holder(ReservationHolder?)
    /// A commune, by its loose key (`LooseName.key`).
    case commune(String)

    /// Every perimeter an allocation counts in.
    static func scopes(of a: Allocation) -> [AllocationScope] {
        [.agglomeration,
         a.landlordId.map { .landlord($0) } ?? .unresolvedLandlord(a.landlordName.trimmingCharacters(in: .whitespaces)),
         .holder(a.reservationHolder),
         .commune(LooseName.key(a.commune))]
    }

    private var order: Int {
        switch self {
        case .agglomeration: 0
        case .landlord: 1
        case .unresolvedLandlord: 2
        case .holder: 3
        case .commune: 4
        }
    }

    public static func < (a: AllocationScope, b: AllocationScope) -> Bool {
        if a.order != b.order { return a.order < b.order }
        switch (a, b) {
        case let (.landlord(x), .landlord(y)), let (.unresolvedLandlord(x), .unresolvedLandlord(y)), let (.commune(x), .commune(y)):
            return x < y
        case let (.holder(x), .holder(y)):
            switch (x, y) {
            case let (x?, y?): return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return false
            }
        default: return false
        }
    }

    /// A stable text key ("landlord:sia-habitat", "holder:commune:bethune") for JSON and tests.
    public var key: String {
        switch self {
        case .agglomeration: "agglomeration"
        case .landlord(let id): "landlord:\(id)"
        case .unresolvedLandlord(let name): "unresolved-landlord:\(LooseName.key(name))"
        case .holder(let h?): "holder:\(h.kind.rawValue)" + (h.name.map { ":\(LooseName.key($0))" } ?? "")
        case .holder(nil): "holder:unknown"
        case .commune(let key): "commune:\(key)"
        }
    }
}
