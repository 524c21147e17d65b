import Foundation
import GRDB
import GuichetCore

/// One kind of programme in its document table: `ProgrammeQuery` becomes SQL reproducing
/// `ProgrammeQuery.matches` and `precedes` (same filters, same order, tie-break by key).
struct ProgrammeTable<P: ProgrammeListFields & Hashable & Sendable & Codable>: Sendable {
    let documents: DocumentTable<ProgrammeRecord<P>>

    init(table: String) {
        documents = DocumentTable(table: table, entity: "programme", projections: [
            ("year", { $0.programme.financingYear.value }),
            ("landlordId", { $0.programme.landlordId }),
            ("landlordFold", { ProgrammeQuery.fold($0.programme.landlordName) }),
            ("communeKey", { LooseName.key($0.programme.commune) }),
            ("communeFold", { ProgrammeQuery.fold($0.programme.commune) }),
            ("nameFold", { ProgrammeQuery.fold($0.programme.name) }),
            ("dwellings", { $0.programme.dwellingCount }),
            ("stateCents", { $0.programme.stateSubsidy.value?.cents }),
            ("epciCents", { $0.programme.epciSubsidy.value?.cents }),
            ("search", { ProgrammeQuery.fold([$0.programme.name, $0.programme.commune, $0.programme.landlordName].joined(separator: "\u{1F}")) }),
        ])
    }

    /// A programme entered by hand (imports insert in batches, see `applyImport`).
    func insert(_ record: ProgrammeRecord<P>, in s: SQLiteSession) throws -> ProgrammeRecord<P> {
        try s.requireLandlord(record.programme.landlordId)
        var r = record
        r.version = 1
        try documents.insert(r, key: r.key, in: s)
        return r
    }

    func update(_ record: ProgrammeRecord<P>, expectedVersion: Int, in s: SQLiteSession,
                action: String = "modification", comment: String? = nil) throws -> ProgrammeRecord<P> {
        try s.requireLandlord(record.programme.landlordId)
        var r = record
        r.version = expectedVersion + 1
        try documents.update(r, key: r.key, expectedVersion: expectedVersion, in: s, action: action, comment: comment)
        return r
    }

    func fetch(_ key: String, in s: SQLiteSession) throws -> ProgrammeRecord<P>? { try documents.fetch(key, in: s)?.0 }

    /// Matching records in order, then the findings filter and the page (in memory when findings
    /// filter: they depend on commune facts and rules, not on stored columns).
    func page(_ q: ProgrammeQuery, in s: SQLiteSession, findings: (P) -> [RuleFinding]) throws -> ProgrammePage<P> {
        let (condition, args) = sqlFilter(q)
        if q.findingSeverities.isEmpty {
            let total = try documents.count(where: condition, arguments: args, in: s)
            let records = try documents.fetchAll(where: condition, arguments: args, orderBy: sqlOrder(q),
                                                 limit: q.limit, offset: q.offset, in: s)
            return ProgrammePage(total: total, rows: records.map { ProgrammeRow(record: $0, findings: findings($0.programme)) })
        }
        var rows: [ProgrammeRow<P>] = []
        try documents.forEach(where: condition, arguments: args, orderBy: sqlOrder(q), in: s) { r in
            let f = findings(r.programme)
            if q.matches(findings: f) { rows.append(ProgrammeRow(record: r, findings: f)) }
        }
        let start = min(max(0, q.offset), rows.count)
        let end = q.limit.map { min(rows.count, start + max(0, $0)) } ?? rows.count
        return ProgrammePage(total: rows.count, rows: Array(rows[start..<end]))
    }

    func count(_ q: ProgrammeQuery, in s: SQLiteSession, findings: (P) -> [RuleFinding]) throws -> Int {
        if q.findingSeverities.isEmpty {
            let (condition, args) = sqlFilter(q)
            return try documents.count(where: condition, arguments: args, in: s)
        }
        var unpaged = q; unpaged.offset = 0; unpaged.limit = nil
        return try page(unpaged, in: s, findings: findings).total
    }

    /// Keys of every stored programme of this table.
    func keys(in s: SQLiteSession) throws -> Set<String> {
        Set(try String.fetchAll(s.db, sql: "SELECT key FROM \(documents.table)"))
    }

    func sqlFilter(_ q: ProgrammeQuery) -> (String, StatementArguments) {
        var parts: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let y = q.year { parts.append("year = ?"); args.append(y) }
        if let l = q.landlordId { parts.append("landlordId = ?"); args.append(l) }
        if let c = q.commune { parts.append("communeKey = ?"); args.append(LooseName.key(c)) }
        if !q.text.isEmpty {
            let (condition, values) = documents.searchCondition(q.text)
            parts.append(condition)
            args += values
        }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), StatementArguments(args))
    }

    /// NULLs sort first ascending and last descending in SQLite, as `precedes` puts unknown first.
    func sqlOrder(_ q: ProgrammeQuery) -> String {
        let dir = q.ascending ? "ASC" : "DESC"
        let column: String
        switch q.sort {
        case .key: return "key \(dir)"
        case .commune: column = "communeFold"
        case .year: column = "year"
        case .landlord: column = "landlordFold"
        case .name: column = "nameFold"
        case .dwellings: column = "dwellings"
        case .stateSubsidy: column = "stateCents"
        case .epciSubsidy: column = "epciCents"
        }
        return "\(column) \(dir), key ASC"
    }
}
