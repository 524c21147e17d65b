import Foundation

/// A list request from a screen or the command line: filters, sort, page.
/// `matches` and `sort` state the semantics an SQL implementation must reproduce.
public struct DossierQuery: Sendable, Equatable {
    public enum Column: String, Sendable, CaseIterable {
        case number, applicant, commune, scheme, status, requested, granted, paid, receivedOn, updatedAt
    }
    /// Words searched in the applicant's name, the dossier number and the commune (`SearchText`).
    public var text: SearchText
    public var statuses: Set<DossierStatus>
    public var schemes: Set<String>
    /// The year of the dossier number.
    public var year: Int?
    /// Only dossiers received (date of « déposé ») on or before this day: « déposés depuis plus
    /// de 30 jours ».
    public var receivedOnOrBefore: CalendarDate?
    /// « En attente de pièces »: dossiers not yet decided (brouillon, déposé, en instruction)
    /// missing a mandatory document still to be made valid, by scheme: code → ids of the
    /// scheme's mandatory documents (the application layer reads them from the profile).
    public var awaitingDocuments: [String: [String]]?
    public var sort: Column
    public var ascending: Bool
    public var offset: Int
    public var limit: Int?

    public init(text: SearchText = .none, statuses: Set<DossierStatus> = [], schemes: Set<String> = [], year: Int? = nil,
                sort: Column = .number, ascending: Bool = true, offset: Int = 0, limit: Int? = nil) {
        self.text = text; self.statuses = statuses; self.schemes = schemes; self.year = year
        self.sort = sort; self.ascending = ascending; self.offset = offset; self.limit = limit
    }

    public static func fold(_ s: String) -> String { SearchText.fold(s) }

    /// The texts the search looks in, folded: the stored `search` column holds them joined.
    public static func searchedTexts(_ d: AidDossier) -> [String] {
        [d.applicant.displayName, d.number.formatted, d.property.commune].map(fold)
    }

    public func matches(_ d: AidDossier) -> Bool {
        if !statuses.isEmpty && !statuses.contains(d.status) { return false }
        if !schemes.isEmpty && !schemes.contains(d.schemeCode) { return false }
        if let y = year, d.number.year != y { return false }
        if let day = receivedOnOrBefore {
            guard let received = d.receivedOn, received <= day else { return false }
        }
        if let awaited = awaitingDocuments, !Self.awaits(d, awaited) { return false }
        return text.isEmpty || text.matches(folded: Self.searchedTexts(d))
    }

    /// Statuses in which a dossier can still be waiting for documents.
    public static let awaitingStatuses: [DossierStatus] = [.draft, .submitted, .underReview]

    /// Whether the dossier is undecided and one of its scheme's mandatory documents is not valid.
    static func awaits(_ d: AidDossier, _ mandatory: [String: [String]]) -> Bool {
        guard awaitingStatuses.contains(d.status), let ids = mandatory[d.schemeCode] else { return false }
        return ids.contains { d.document($0)?.state != .valid }
    }

    /// The ids of the documents recorded valid, as the stored column holds them (",a,b,").
    public static func validDocumentKeys(_ d: AidDossier) -> String {
        "," + d.documents.filter { d.document($0.id)?.state == .valid }.map(\.id).joined(separator: ",") + ","
    }

    /// Whether no filter is set (every dossier is listed).
    public var isUnfiltered: Bool { text.isEmpty && isTextOnly }

    /// Whether the text is the only filter that may be set.
    public var isTextOnly: Bool {
        statuses.isEmpty && schemes.isEmpty && year == nil && receivedOnOrBefore == nil && awaitingDocuments == nil
    }

    /// Whether `a` comes before `b`; ties are broken by number so pages are stable.
    public func precedes(_ a: AidDossier, _ b: AidDossier) -> Bool {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (y < x ? 1 : 0) }
        let c: Int
        switch sort {
        case .number: c = cmp(a.number, b.number)
        case .applicant: c = cmp(Self.fold(a.applicant.displayName), Self.fold(b.applicant.displayName))
        case .commune: c = cmp(Self.fold(a.property.commune), Self.fold(b.property.commune))
        case .scheme: c = cmp(a.schemeCode, b.schemeCode)
        case .status: c = cmp(a.status, b.status)
        case .requested: c = cmp(a.requestedAmount ?? .zero, b.requestedAmount ?? .zero)
        case .granted: c = cmp(a.grantedAmount, b.grantedAmount)
        case .paid: c = cmp(a.paidAmount, b.paidAmount)
        case .receivedOn: c = cmp(a.receivedOn?.dayNumber ?? Int.min, b.receivedOn?.dayNumber ?? Int.min)
        case .updatedAt: c = cmp(a.updatedAt, b.updatedAt)
        }
        if c != 0 { return ascending ? c < 0 : c > 0 }
        return a.number < b.number
    }

    /// Filter, sort and page an in-memory array (tests, small data sets).
    public func apply<S: Sequence>(to dossiers: S) -> [AidDossier] where S.Element == AidDossier {
        let sorted = dossiers.filter(matches).sorted(by: precedes)
        let start = min(max(0, offset), sorted.count)
        let end = limit.map { min(sorted.count, start + max(0, $0)) } ?? sorted.count
        return Array(sorted[start..<end])
    }
}
