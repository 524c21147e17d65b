/// Storage of the allocation register. Implemented by GuichetStorage; every call runs inside a
/// `StoreSession` (an import applied in a write session is stored whole or not at all).
public protocol AllocationStore {
    /// The register, narrowed to a landlord and to years of lease when given, in key order.
    func allocations(landlordId: String?, years: ClosedRange<Int>?) throws -> [AllocationRecord]
    func allocationCount() throws -> Int
    /// Allocations per year of lease, and those whose lease is not signed yet.
    func allocationCounts() throws -> AllocationCounts
    /// Adds an allocation entered by hand, keyed as an import of the same row would be; refused
    /// (`StoreError.constraint`) when its SNE number is already in the register.
    func insertAllocation(_ allocation: Allocation) throws -> AllocationRecord
    /// Applies an extract: new keys are added (one history line for the batch), known ones are
    /// completed with the facts the extract gives (one history line each, with the changes),
    /// identical ones left alone. A row naming a landlord the base does not hold is refused whole.
    func applyAllocationImport(_ rows: [ImportedAllocation], sourceName: String) throws -> AllocationImportOutcome
}

extension AllocationStore {
    public func allAllocations() throws -> [Allocation] { try allocations(landlordId: nil, years: nil).map(\.allocation) }
}

/// What the register holds, counted without reading the allocations.
public struct AllocationCounts: Hashable, Sendable, Codable {
    public var byYear: [Int: Int]
    /// CAL decisions without a signed lease.
    public var awaitingLease: Int
    public var total: Int { byYear.values.reduce(0, +) + awaitingLease }

    public init(byYear: [Int: Int] = [:], awaitingLease: Int = 0) { self.byYear = byYear; self.awaitingLease = awaitingLease }
}

/// A stored allocation: its key, its version, where it was last read from.
public struct AllocationRecord: Hashable, Sendable, Codable {
    public var key: String
    public var version: Int
    public var allocation: Allocation
    /// File and line of the last import that wrote it; nil when entered by hand.
    public var sourceName: String?
    public var sourceLine: Int?

    public init(key: String, version: Int = 0, allocation: Allocation, sourceName: String? = nil, sourceLine: Int? = nil) {
        self.key = key; self.version = version; self.allocation = allocation
        self.sourceName = sourceName; self.sourceLine = sourceLine
    }
}

/// An allocation read from a line of an extract, with the facts its columns gave.
public struct ImportedAllocation: Hashable, Sendable, Codable {
    public var line: Int
    public var key: String
    public var allocation: Allocation
    /// Facts the extract gave for this row (a blank cell gives nothing): only these may change
    /// a stored allocation of the same key.
    public var fields: Set<AllocationField>

    public init(line: Int, key: String, allocation: Allocation, fields: Set<AllocationField>) {
        self.line = line; self.key = key; self.allocation = allocation; self.fields = fields
    }
}

/// What applying an extract changed (or would change, for a dry run).
public struct AllocationImportOutcome: Hashable, Sendable, Codable {
    public var sourceName: String
    public var imported: Int
    public var updated: Int
    public var unchanged: Int

    public init(sourceName: String, imported: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.sourceName = sourceName; self.imported = imported; self.updated = updated; self.unchanged = unchanged
    }
}

/// Keys of the register: the SNE number when there is one (an allocation read from two
/// extracts is one allocation), else the row's facts with its rank among identical rows, so that
/// re-reading the same extract finds the same keys.
public enum AllocationKey {
    public static func sne(_ number: String) -> String? {
        let compact = number.uppercased().filter { $0.isLetter || $0.isNumber }
        return compact.isEmpty ? nil : "sne:" + compact
    }

    /// The facts of a row without SNE number, in a stable text.
    public static func fingerprint(_ a: Allocation) -> String {
        func text<T>(_ v: T?) -> String { v.map { "\($0)" } ?? "" }
        let holder = a.reservationHolder.map { $0.kind.rawValue + ($0.name.map { ":" + LooseName.key($0) } ?? "") } ?? ""
        return ["row", LooseName.key(a.landlordName), text(a.calDecisionDate), text(a.leaseDate), LooseName.key(a.commune),
                text(a.inQPV), text(a.typology?.rawValue), text(a.householdSize), text(a.resourcesPerUC?.cents), text(a.quartile),
                holder, text(a.priority), text(a.transfer), a.anruRehousing ? "anru" : ""].joined(separator: "|")
    }

    /// The key of a row: its SNE number, or its fingerprint and rank ("#2" for the second
    /// identical row of a file).
    public static func natural(_ a: Allocation, rank: Int = 1) -> String {
        if let n = a.sneNumber, let k = sne(n) { return k }
        return fingerprint(a) + "#\(rank)"
    }
}
