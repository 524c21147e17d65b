import Foundation

/// A list of requests from a screen or the command line: filters, then the ranking of
/// `CotationRanking` on the latest stored score, then a page. `matches` and `precedes` state the
/// semantics an SQL implementation must reproduce.
public struct RequestQuery: Sendable, Equatable {
    /// Case- and accent-insensitive, over the local id, the SNE number, the names of the requester
    /// and co-requester and the wished communes; every word must be found, in any order, and
    /// hyphens separate words ("theo lecomte" finds LECOMTE Théo, "saint omer" Saint-Omer).
    public var text: SearchText
    /// A wished commune, as `WishedCommune.matches` compares them (INSEE code or name).
    public var commune: String?
    public var typology: Typology?
    /// Only requests whose latest score says priority household (§7.6).
    public var priorityOnly: Bool
    /// Struck-off requests (any `struckOffOn`) are left out unless this is set.
    public var includeStruckOff: Bool
    public var offset: Int
    public var limit: Int?

    public init(text: SearchText = .none, commune: String? = nil, typology: Typology? = nil, priorityOnly: Bool = false,
                includeStruckOff: Bool = false, offset: Int = 0, limit: Int? = nil) {
        self.text = text; self.commune = commune; self.typology = typology; self.priorityOnly = priorityOnly
        self.includeStruckOff = includeStruckOff; self.offset = offset; self.limit = limit
    }

    public static func fold(_ s: String) -> String { SearchText.fold(s) }

    /// The texts `text` searches in, folded.
    public static func searchedTexts(_ r: SocialHousingRequest) -> [String] {
        ([r.id] + (r.sneNumber.map { [$0] } ?? []) + r.applicantNames + r.wishedCommunes.map(\.description)).map(fold)
    }

    public func matches(_ s: StoredRequest) -> Bool {
        let r = s.request
        if !includeStruckOff && r.struckOffOn != nil { return false }
        if priorityOnly && s.score?.isPriorityHousehold != true { return false }
        if let commune, !r.wishedCommunes.contains(where: { $0.matches(commune) }) { return false }
        if let typology, !r.wishedTypologies.contains(typology) { return false }
        return text.isEmpty || text.matches(folded: Self.searchedTexts(r))
    }

    /// The ranking order of `CotationRanking` (score highest first, older request, SNE number,
    /// local id) on the latest stored score; a request without a score comes last.
    public static func precedes(_ a: StoredRequest, _ b: StoredRequest) -> Bool {
        switch (a.score?.total, b.score?.total) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.request.requestDate != b.request.requestDate { return a.request.requestDate < b.request.requestDate }
        switch (a.request.sneNumber, b.request.sneNumber) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.request.id < b.request.id
        }
    }

    /// Filter, rank and page an in-memory array (tests, small data sets).
    public func apply<S: Sequence>(to requests: S) -> [StoredRequest] where S.Element == StoredRequest {
        let sorted = requests.filter(matches).sorted(by: Self.precedes)
        let start = min(max(0, offset), sorted.count)
        let end = limit.map { min(sorted.count, start + max(0, $0)) } ?? sorted.count
        return Array(sorted[start..<end])
    }
}
