import Foundation

/// Storage of landlords, programmes, commune facts and conventions, as the screens and the
/// command line need it. Implemented by GuichetStorage; every call runs inside a `StoreSession`
/// (a read snapshot or one write transaction: an import applied in a write session is stored
/// whole or not at all).
public protocol ProgrammeStore {
    // MARK: Landlords
    /// Every stored landlord, by name.
    func landlords() throws -> [Landlord]
    func landlord(id: String) throws -> Landlord?
    /// Stores a landlord, creating it or replacing the stored one; true when something changed
    /// (no history line otherwise).
    @discardableResult func upsertLandlord(_ landlord: Landlord) throws -> Bool
    /// Adds a spelling to a landlord; refused (`StoreError.constraint`) when the spelling already
    /// names another landlord, `notFound` for an unknown id.
    func addLandlordAlias(_ alias: String, landlordId: String) throws -> Landlord

    // MARK: Programmes
    /// Stores a new programme at version 1 (the record's key must be free).
    func insertConstruction(_ record: ConstructionRecord) throws -> ConstructionRecord
    func insertRehabilitation(_ record: RehabilitationRecord) throws -> RehabilitationRecord
    /// Saves a programme read at `expectedVersion`: `StoreError.conflict` when another agent saved
    /// it since, `notFound` for an unknown key. Returns it with version + 1.
    func updateConstruction(_ record: ConstructionRecord, expectedVersion: Int) throws -> ConstructionRecord
    func updateRehabilitation(_ record: RehabilitationRecord, expectedVersion: Int) throws -> RehabilitationRecord
    func construction(key: String) throws -> ConstructionRecord?
    func rehabilitation(key: String) throws -> RehabilitationRecord?
    /// Filtered, sorted, paged as `ProgrammeQuery` states; findings computed with `rules` (none
    /// when nil) against the stored commune facts.
    func constructionPage(_ query: ProgrammeQuery, rules: ProgrammeRules?) throws -> ProgrammePage<ConstructionProgramme>
    func rehabilitationPage(_ query: ProgrammeQuery) throws -> ProgrammePage<RehabilitationProgramme>
    /// Programmes of `query.kind` matching the filters (offset and limit ignored).
    func countProgrammes(_ query: ProgrammeQuery, rules: ProgrammeRules?) throws -> Int

    // MARK: Commune facts
    func communeFacts() throws -> [CommuneFacts]
    /// Creates or replaces the facts of a commune (same loose name); validated first.
    @discardableResult func upsertCommuneFacts(_ facts: CommuneFacts) throws -> Bool

    // MARK: Conventions
    func conventions() throws -> [Convention]
    func convention(landlordId: String) throws -> Convention?
    /// Creates or replaces a landlord's agreement; refused when the landlord is not stored.
    @discardableResult func upsertConvention(_ convention: Convention) throws -> Bool
    func agglomerationResults() throws -> AgglomerationResults?
    func setAgglomerationResults(_ results: AgglomerationResults) throws

    // MARK: Import
    /// Applies the report's programmes as `ImportPlan` decides: new ones inserted (one history
    /// line for the batch), unambiguous matches updated (one history line each, with the
    /// changes; held when their figures differ widely unless `acceptWideDifferences`), identical
    /// ones left alone (no write, no history). A failed report, or a row naming a landlord the database
    /// does not hold, is refused whole. Run it in the caller's write session: the import is one
    /// transaction (throwing afterwards in the same session rolls it back, as `--dry-run` does).
    func applyImport(_ report: ImportReport, sourceName: String, acceptWideDifferences: Bool) throws -> ImportOutcome

    /// The agent's column choices remembered for a header signature (`ColumnChoices.signature`).
    func columnChoices(signature: String) throws -> ColumnChoices?
    /// Remembers (or, when empty, forgets) the agent's column choices for a header signature.
    func saveColumnChoices(_ choices: ColumnChoices, signature: String) throws
}

extension ProgrammeStore {
    /// Applies an import; updates whose figures differ widely are held (see `ImportPlan`).
    public func applyImport(_ report: ImportReport, sourceName: String) throws -> ImportOutcome {
        try applyImport(report, sourceName: sourceName, acceptWideDifferences: false)
    }
}

public typealias ConstructionRecord = ProgrammeRecord<ConstructionProgramme>
public typealias RehabilitationRecord = ProgrammeRecord<RehabilitationProgramme>

/// A stored programme: its natural key, version for optimistic locking, where it was read.
public struct ProgrammeRecord<P: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// `ProgrammeKey.natural(...)`: kind, year, commune, name (stable across re-imports).
    public var key: String
    public var version: Int
    public var programme: P
    /// File and line of the last import that wrote it; nil when entered by hand.
    public var sourceName: String?
    public var sourceLine: Int?

    public init(key: String, version: Int = 0, programme: P, sourceName: String? = nil, sourceLine: Int? = nil) {
        self.key = key; self.version = version; self.programme = programme
        self.sourceName = sourceName; self.sourceLine = sourceLine
    }
}

extension ProgrammeRecord where P == ConstructionProgramme {
    /// A programme entered by hand, keyed as an import of the same row would be.
    public init(_ p: ConstructionProgramme) {
        self.init(key: ProgrammeKey.natural(kind: .construction, year: p.financingYear, commune: p.commune, name: p.name,
                                            period: p.effectivePeriod), programme: p)
    }
}

extension ProgrammeRecord where P == RehabilitationProgramme {
    public init(_ p: RehabilitationProgramme) {
        self.init(key: ProgrammeKey.natural(kind: .rehabilitation, year: p.financingYear, commune: p.commune, name: p.name,
                                            period: p.effectivePeriod), programme: p)
    }
}

/// The natural key of a programme row: shared by the importer and hand entry.
public enum ProgrammeKey {
    /// A forecast is keyed apart from a financed programme of the same name and year (the
    /// review lists "Anatole France" 2024 in both); financed keys are those stored before periods existed.
    public static func natural(kind: ProgrammeTableKind, year: SourceValue<Int>, commune: String, name: String,
                               period: ProgrammePeriod = .financed) -> String {
        let yearKey = year.value.map(String.init) ?? LooseName.key(year.raw ?? "")
        let parts = [kind.rawValue, yearKey, LooseName.key(commune), LooseName.key(name)]
        return (period == .forecast ? parts + ["prevision"] : parts).joined(separator: "|")
    }

    /// The key without its "#2" repetition suffix: rows sharing it are one family.
    public static func family(_ key: String) -> String {
        guard let hash = key.lastIndex(of: "#"), key[key.index(after: hash)...].allSatisfy(\.isNumber),
              key.index(after: hash) < key.endIndex else { return key }
        return String(key[..<hash])
    }
}

/// What an import changed in storage.
public struct ImportOutcome: Hashable, Sendable, Codable {
    public var sourceName: String
    public var kind: ProgrammeTableKind
    /// New natural keys stored.
    public var imported: Int
    /// Known keys whose figures changed.
    public var updated: Int
    /// Known keys with identical figures: nothing written.
    public var unchanged: Int
    /// Rows of the file left out (blank, title, total, invalid).
    public var skipped: Int
    /// Stored programmes of this kind whose key the file no longer holds (kept, not deleted).
    public var notInFile: Int
    /// Rows matching a stored programme with figures far apart, not written without the agent's consent.
    public var held: Int = 0
    /// Rows to look at: wide differences (held or accepted) and ambiguous matches.
    public var reviews: [ImportReview] = []

    public init(sourceName: String, kind: ProgrammeTableKind, imported: Int = 0, updated: Int = 0, unchanged: Int = 0,
                skipped: Int = 0, notInFile: Int = 0) {
        self.sourceName = sourceName; self.kind = kind; self.imported = imported; self.updated = updated
        self.unchanged = unchanged; self.skipped = skipped; self.notInFile = notInFile
    }
}

/// The fields lists filter and sort on, common to both kinds of programme.
public protocol ProgrammeListFields {
    var commune: String { get }
    var name: String { get }
    var landlordId: String? { get }
    var landlordName: String { get }
    var financingYear: SourceValue<Int> { get }
    var stateSubsidy: SourceValue<Money> { get }
    var epciSubsidy: SourceValue<Money> { get }
    /// Dwellings of the programme when known.
    var dwellingCount: Int? { get }
    /// Financed or forecast (nil: financed, as stored before periods existed).
    var period: ProgrammePeriod? { get }
    /// The operation status as the source writes it, when it gives one.
    var statusText: String? { get }
}

extension ConstructionProgramme: ProgrammeListFields {
    public var dwellingCount: Int? { dwellings }
    public var statusText: String? { status }
}

extension RehabilitationProgramme: ProgrammeListFields {
    public var dwellingCount: Int? { dwellings.value }
    public var statusText: String? { status.value?.label ?? status.raw.flatMap { $0.isEmpty ? nil : $0 } }
}

/// A list request: kind, filters, sort, page. `matches` and `precedes` state the semantics the
/// storage's SQL reproduces.
public struct ProgrammeQuery: Sendable, Equatable {
    public enum Column: String, Sendable, CaseIterable {
        case key, commune, year, landlord, name, dwellings, stateSubsidy, epciSubsidy
    }
    public var kind: ProgrammeTableKind
    /// Financing year (known years only).
    public var year: Int?
    public var landlordId: String?
    /// Loosely compared commune name ("BRUAY LA BUISSIÈRE" = "Bruay-la-Buissière").
    public var commune: String?
    /// Words searched in the programme's name, commune and landlord as spelled (`SearchText`).
    public var text: SearchText
    /// Keep programmes with at least one finding of these severities (empty: no filter).
    /// Construction only; needs rules.
    public var findingSeverities: Set<RuleFinding.Severity>
    public var sort: Column
    public var ascending: Bool
    public var offset: Int
    public var limit: Int?

    public init(kind: ProgrammeTableKind, year: Int? = nil, landlordId: String? = nil, commune: String? = nil,
                text: SearchText = .none, findingSeverities: Set<RuleFinding.Severity> = [], sort: Column = .key,
                ascending: Bool = true, offset: Int = 0, limit: Int? = nil) {
        self.kind = kind; self.year = year; self.landlordId = landlordId; self.commune = commune; self.text = text
        self.findingSeverities = findingSeverities; self.sort = sort; self.ascending = ascending
        self.offset = offset; self.limit = limit
    }

    public static func fold(_ s: String) -> String { DossierQuery.fold(s) }

    /// The filters other than findings.
    public func matches<P: ProgrammeListFields>(_ p: P) -> Bool {
        if let y = year, p.financingYear.value != y { return false }
        if let l = landlordId, p.landlordId != l { return false }
        if let c = commune, LooseName.key(c) != LooseName.key(p.commune) { return false }
        return text.matches([p.name, p.commune, p.landlordName])
    }

    /// Whether the findings pass the severity filter.
    public func matches(findings: [RuleFinding]) -> Bool {
        findingSeverities.isEmpty || findings.contains { findingSeverities.contains($0.severity) }
    }

    /// Order of two records; ties broken by key so pages are stable. Unknown values come first.
    public func precedes<P: ProgrammeListFields>(_ a: ProgrammeRecord<P>, _ b: ProgrammeRecord<P>) -> Bool {
        func cmp<T: Comparable>(_ x: T?, _ y: T?) -> Int {
            switch (x, y) {
            case let (x?, y?): return x < y ? -1 : (y < x ? 1 : 0)
            case (nil, nil): return 0
            case (nil, _): return -1
            default: return 1
            }
        }
        let x = a.programme, y = b.programme
        let c: Int
        switch sort {
        case .key: c = 0
        case .commune: c = cmp(Self.fold(x.commune), Self.fold(y.commune))
        case .year: c = cmp(x.financingYear.value, y.financingYear.value)
        case .landlord: c = cmp(Self.fold(x.landlordName), Self.fold(y.landlordName))
        case .name: c = cmp(Self.fold(x.name), Self.fold(y.name))
        case .dwellings: c = cmp(x.dwellingCount, y.dwellingCount)
        case .stateSubsidy: c = cmp(x.stateSubsidy.value, y.stateSubsidy.value)
        case .epciSubsidy: c = cmp(x.epciSubsidy.value, y.epciSubsidy.value)
        }
        if c != 0 { return ascending ? c < 0 : c > 0 }
        return sort == .key && !ascending ? a.key > b.key : a.key < b.key
    }
}

/// One programme of a list with the review's findings on it.
public struct ProgrammeRow<P: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var record: ProgrammeRecord<P>
    public var findings: [RuleFinding]
    public init(record: ProgrammeRecord<P>, findings: [RuleFinding]) { self.record = record; self.findings = findings }
}

/// A page of a programme list and the number of programmes matching its filters.
public struct ProgrammePage<P: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var total: Int
    public var rows: [ProgrammeRow<P>]
    public init(total: Int, rows: [ProgrammeRow<P>]) { self.total = total; self.rows = rows }
}

extension ProgrammeStore {
    /// The directory of the stored landlords (with the aliases added by agents): what imports use.
    public func landlordDirectory() throws -> LandlordDirectory { LandlordDirectory(try landlords()) }

    /// Every programme of a kind, for summaries and reviews.
    public func allConstruction() throws -> [ConstructionProgramme] {
        try constructionPage(ProgrammeQuery(kind: .construction), rules: nil).rows.map(\.record.programme)
    }
    public func allRehabilitation() throws -> [RehabilitationProgramme] {
        try rehabilitationPage(ProgrammeQuery(kind: .rehabilitation)).rows.map(\.record.programme)
    }

    /// Stores published allocation results: each landlord's results replace those of the same
    /// years, and the objectives are added for those years when the agreement lacks them.
    /// Returns the number of agreements changed.
    @discardableResult
    public func importAllocationResults(_ results: AllocationResults, objectives: AllocationObjectives) throws -> Int {
        var changed = 0
        for l in results.landlords {
            guard try landlord(id: l.landlordId) != nil else {
                throw StoreError.notFound(entity: "bailleur", key: l.landlordId)
            }
            var c = try convention(landlordId: l.landlordId) ?? Convention(landlordId: l.landlordId)
            for r in l.results {
                c.results.removeAll { $0.year == r.year }
                c.results.append(r)
                if !c.objectives.contains(where: { $0.year == r.year }) {
                    c.objectives.append(ConventionYear(year: r.year, allocations: AllocationShares(objectives: objectives)))
                }
            }
            c.results.sort { $0.year < $1.year }
            c.objectives.sort { $0.year < $1.year }
            if try upsertConvention(c) { changed += 1 }
        }
        try setAgglomerationResults(results.agglomeration)
        return changed
    }
}
