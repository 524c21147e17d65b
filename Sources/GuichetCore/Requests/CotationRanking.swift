/// A request with its cotation, ready to be ranked.
public struct ScoredRequest: Sendable, Equatable {
    public var request: SocialHousingRequest
    public var result: CotationResult

    public init(request: SocialHousingRequest, result: CotationResult) {
        self.request = request
        self.result = result
    }
}

/// Which requests a ranking keeps: those wishing a commune (INSEE code or name) and/or a typology.
public struct RankingFilter: Sendable, Equatable {
    public var commune: String?
    public var typology: Typology?

    public init(commune: String? = nil, typology: Typology? = nil) {
        self.commune = commune
        self.typology = typology
    }

    public func accepts(_ request: SocialHousingRequest) -> Bool {
        if let commune, !request.wishedCommunes.contains(where: { $0.matches(commune) }) { return false }
        if let typology, !request.wishedTypologies.contains(typology) { return false }
        return true
    }
}

public struct RankedRequest: Sendable, Equatable {
    /// 1 for the first; every position is distinct (ties are broken deterministically).
    public var position: Int
    public var request: SocialHousingRequest
    public var result: CotationResult
    public var isPriorityHousehold: Bool { result.isPriorityHousehold }
}

public enum CotationRanking {
    /// Requests that pass `filter` and are not struck off on their computation date, by score
    /// (highest first); ties go to the older request, then to the SNE number (a registered
    /// request before an unregistered one), then to the local id, so the order never depends
    /// on the input order.
    public static func rank(_ scored: [ScoredRequest], filter: RankingFilter = RankingFilter()) -> [RankedRequest] {
        scored
            .filter { filter.accepts($0.request) && !$0.request.isStruckOff(on: $0.result.computedOn) }
            .sorted(by: precedes)
            .enumerated()
            .map { RankedRequest(position: $0.offset + 1, request: $0.element.request, result: $0.element.result) }
    }

    static func precedes(_ a: ScoredRequest, _ b: ScoredRequest) -> Bool {
        if a.result.total != b.result.total { return a.result.total > b.result.total }
        if a.request.requestDate != b.request.requestDate { return a.request.requestDate < b.request.requestDate }
        switch (a.request.sneNumber, b.request.sneNumber) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.request.id < b.request.id
        }
    }
}
