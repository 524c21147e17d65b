import Foundation
import GRDB
import GuichetCore

/// Aid dossiers in SQLite: `DossierQuery` becomes SQL that reproduces `DossierQuery.matches`
/// and `precedes` exactly (same filters, same order, same tie-break by number).
extension SQLiteSession: DossierStore {
    static let dossiers = DocumentTable<AidDossier>(table: "dossier", entity: "dossier", projections: [
        ("year", { $0.number.year }), ("scheme", { $0.number.scheme }), ("sequence", { $0.number.sequence }),
        ("status", { $0.status.rawValue }), ("statusRank", { DossierStatus.allCases.firstIndex(of: $0.status) }),
        ("applicant", { $0.applicant.displayName }), ("applicantFold", { DossierQuery.fold($0.applicant.displayName) }),
        ("commune", { $0.property.commune }), ("communeFold", { DossierQuery.fold($0.property.commune) }),
        ("search", { DossierQuery.fold([$0.applicant.displayName, $0.number.formatted, $0.property.commune].joined(separator: "\u{1F}")) }),
        ("requestedCents", { $0.requestedAmount?.cents ?? 0 }), ("grantedCents", { $0.grantedAmount.cents }),
        ("paidCents", { $0.paidAmount.cents }), ("releasedCents", { $0.closure?.released?.cents ?? 0 }),
        ("receivedOn", { $0.receivedOn?.iso }), ("budgetYear", { BudgetFigures.budgetYear(of: $0) }),
        ("plhAction", { $0.plhAction }), ("lastChange", { Timestamp.string($0.updatedAt) }),
        ("dwellings", { $0.property.dwellings }),
    ])

    func insertDossier(_ dossier: AidDossier) throws -> AidDossier {
        try Self.dossiers.insertFirstVersion(dossier, key: dossier.number.formatted, in: self)
    }

    func bulkInsertDossiers(_ dossiers: [AidDossier], historyNote: String) throws {
        try Self.dossiers.bulkInsert(dossiers.map { var d = $0; d.version = 1; return d }, key: { $0.number.formatted }, in: self)
        try append(HistoryEvent(at: clock.now(), agent: agent, entity: "dossier", entityKey: "*", action: "import",
                                changes: [], comment: "\(historyNote) : \(dossiers.count) dossier(s)"))
    }

    func updateDossier(_ dossier: AidDossier, expectedVersion: Int) throws -> AidDossier {
        try Self.dossiers.saveNextVersion(dossier, key: dossier.number.formatted, expectedVersion: expectedVersion, in: self)
    }

    func dossier(number: DossierNumber) throws -> AidDossier? {
        try Self.dossiers.fetch(number.formatted, in: self)?.0
    }

    func nextDossierSequence(year: Int, scheme: String) throws -> Int {
        1 + (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM dossier WHERE year = ? AND scheme = ?", arguments: [year, scheme]) ?? 0)
    }

    func dossiers(_ query: DossierQuery) throws -> [AidDossier] {
        let (condition, args) = Self.sqlFilter(query)
        return try Self.dossiers.fetchAll(where: condition, arguments: args, orderBy: Self.sqlOrder(query),
                                          limit: query.limit, offset: query.offset, in: self)
    }

    /// Counts first (cheap: the trigram index, or one scan of the narrow table), then chooses how to
    /// read the page: with many matches, walking the ordering index finds the first rows at once;
    /// with few, scanning and sorting the matches beats visiting every row through the index.
    func dossierPage(_ query: DossierQuery) throws -> DossierPage {
        let total = try countDossiers(query)
        let (condition, args) = Self.sqlFilter(query)
        let records = try Self.dossiers.fetchAll(where: condition, arguments: args, orderBy: Self.pageOrder(query, total: total),
                                                 limit: query.limit ?? 200, offset: query.offset, in: self)
        return DossierPage(total: total, dossiers: records)
    }

    func countDossiers(_ query: DossierQuery) throws -> Int {
        if let text = query.text, query.statuses.isEmpty, query.schemes.isEmpty, query.year == nil,
           let n = try Self.dossiers.searchCount(DossierQuery.fold(text), in: self) {
            return n
        }
        let (condition, args) = Self.sqlFilter(query)
        return try Self.dossiers.count(where: condition, arguments: args, in: self)
    }

    func budgetFigures(years: ClosedRange<Int>?) throws -> [BudgetFigures] {
        var sql = """
            SELECT scheme, budgetYear, status, COUNT(*) AS n, SUM(grantedCents) AS granted, SUM(paidCents) AS paid,
                   SUM(releasedCents) AS released, SUM(dwellings) AS dwellings FROM dossier
            """
        var args: StatementArguments = []
        if let y = years { sql += " WHERE budgetYear BETWEEN ? AND ?"; args = [y.lowerBound, y.upperBound] }
        sql += " GROUP BY scheme, budgetYear, status"
        var out: [BudgetKey: BudgetFigures] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: args) {
            let key = BudgetKey(scheme: row["scheme"], year: row["budgetYear"])
            guard let status = DossierStatus(rawValue: row["status"]) else { continue }
            var f = out[key] ?? BudgetFigures(scheme: key.scheme, year: key.year)
            f.counts[status, default: 0] += row["n"] as Int
            f.granted += Money(cents: row["granted"] ?? 0)
            f.paid += Money(cents: row["paid"] ?? 0)
            f.released += Money(cents: row["released"] ?? 0)
            if BudgetFigures.grantHolding.contains(status) {
                f.grantsHeld += Money(cents: row["granted"] ?? 0)
                f.dwellingsHeld += row["dwellings"] ?? 0
            }
            out[key] = f
        }
        return out.values.sorted { ($0.scheme, $0.year) < ($1.scheme, $1.year) }
    }

    /// Visits every dossier matching a query in its order, without holding them all (exports).
    func forEachDossier(_ query: DossierQuery, _ body: (AidDossier) throws -> Void) throws {
        let (condition, args) = Self.sqlFilter(query)
        try Self.dossiers.forEach(where: condition, arguments: args, orderBy: Self.sqlOrder(query), in: self, body)
    }

    static func sqlFilter(_ q: DossierQuery) -> (String, StatementArguments) {
        var parts: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if !q.statuses.isEmpty {
            parts.append("status IN (\(q.statuses.map { _ in "?" }.joined(separator: ",")))")
            args += q.statuses.sorted().map(\.rawValue)
        }
        if !q.schemes.isEmpty {
            parts.append("scheme IN (\(q.schemes.map { _ in "?" }.joined(separator: ",")))")
            args += q.schemes.sorted()
        }
        if let y = q.year { parts.append("year = ?"); args.append(y) }
        if let t = q.text?.trimmingCharacters(in: .whitespaces), !t.isEmpty {
            let (condition, values) = dossiers.searchCondition(DossierQuery.fold(t))
            parts.append(condition)
            args += values
        }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), StatementArguments(args))
    }

    /// The order for one page of a query whose matches were counted: with many matches, walking
    /// the ordering index finds the first rows at once; with few, scanning and sorting wins.
    static func pageOrder(_ q: DossierQuery, total: Int) -> String {
        total > 5_000 ? plainOrder(q) : sqlOrder(q)
    }

    /// The ORDER BY of a query. With a filter, the leading `+` keeps SQLite from walking an
    /// ordering index and visiting every row through it: a scan of the narrow table and a sort of
    /// the matches is much faster. Without a filter, the index gives the page directly.
    static func sqlOrder(_ q: DossierQuery) -> String {
        let filtered = !(q.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty || !q.statuses.isEmpty || !q.schemes.isEmpty || q.year != nil
        let order = plainOrder(q)
        return filtered ? "+" + order : order
    }

    static func plainOrder(_ q: DossierQuery) -> String {
        let dir = q.ascending ? "ASC" : "DESC"
        let number = "year \(dir), scheme \(dir), sequence \(dir)"
        let tieBreak = "year, scheme, sequence"
        switch q.sort {
        case .number: return number
        case .applicant: return "applicantFold \(dir), \(tieBreak)"
        case .commune: return "communeFold \(dir), \(tieBreak)"
        case .scheme: return "scheme \(dir), \(tieBreak)"
        case .status: return "statusRank \(dir), \(tieBreak)"
        case .requested: return "requestedCents \(dir), \(tieBreak)"
        case .granted: return "grantedCents \(dir), \(tieBreak)"
        case .paid: return "paidCents \(dir), \(tieBreak)"
        case .receivedOn: return "receivedOn \(dir) NULLS FIRST, \(tieBreak)".replacingOccurrences(of: "DESC NULLS FIRST", with: "DESC NULLS LAST")
        case .updatedAt: return "lastChange \(dir), \(tieBreak)"
        }
    }
}
