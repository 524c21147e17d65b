import Foundation
import GRDB
import GuichetCore

/// Social-housing requests in SQLite: `RequestQuery` becomes SQL that reproduces
/// `RequestQuery.matches` and `precedes` exactly; scores are appended to `request_score` and the
/// latest one is projected on the request row.
extension SQLiteSession: RequestStore {
    /// Lists of keys stored as "␟a␟b␟" so that `instr` finds a whole key, never part of one.
    static func keyList(_ keys: [String]) -> String { "\u{1F}" + keys.joined(separator: "\u{1F}") + "\u{1F}" }

    static let requests = DocumentTable<SocialHousingRequest>(table: "request", entity: SocialHousingRequest.historyEntity, projections: [
        ("sne", { $0.sneNumber }), ("requestDate", { $0.requestDate.iso }), ("struckOffOn", { $0.struckOffOn?.iso }),
        ("search", { keyList(RequestQuery.searchedTexts($0)) }),
        ("communeKeys", { keyList($0.wishedCommunes.map(\.matchKey)) }),
        ("typologyKeys", { keyList($0.wishedTypologies.map(\.rawValue)) }),
        ("applicantName", { $0.applicantName }),
    ])

    /// The request row with its latest score; conditions and orders name request columns only.
    static let selectStored = """
        SELECT d.data AS data, r.version AS version, s.requestKey AS sKey, s.total AS sTotal, s.gridVersion AS sGrid,
               s.computedOn AS sOn, s.priority AS sPriority, s.lines AS sLines, s.recordedAt AS sAt,
               s.priorityFindings AS sFindings
        FROM request r JOIN request_data d ON d.ref = r.key LEFT JOIN request_score s ON s.id = r.scoreId
        """
    static let rankingOrder = "coalesce(scoreTotal, -1) DESC, requestDate, sne IS NULL, sne, key"

    func insertRequest(_ request: SocialHousingRequest, score: CotationResult) throws -> StoredRequest {
        let now = clock.now()
        try Self.requests.insert(request, key: request.id, in: self, now: now)
        try appendScore(StoredScore(requestId: request.id, result: score), stamp: Timestamp.string(now))
        return try stored(request.id)
    }

    func updateRequest(_ request: SocialHousingRequest, expectedVersion: Int, score: CotationResult?) throws -> StoredRequest {
        let now = clock.now()
        try Self.requests.update(request, key: request.id, expectedVersion: expectedVersion, in: self, now: now)
        if let score { try appendScore(StoredScore(requestId: request.id, result: score), stamp: Timestamp.string(now)) }
        return try stored(request.id)
    }

    func bulkInsertRequests(_ scored: [ScoredRequest], historyNote: String) throws {
        let now = clock.now()
        // JSON encoding is most of the work: done on every core before the rows are written.
        let encoded = scored.concurrentMap { s -> (SocialHousingRequest, String?, StoredScore, String?) in
            let encoder = DocumentTable<SocialHousingRequest>.encoder
            let score = StoredScore(requestId: s.request.id, result: s.result)
            return (s.request, try? String(decoding: encoder.encode(s.request), as: UTF8.self), score,
                    try? String(decoding: encoder.encode(score.lines), as: UTF8.self))
        }
        try Self.requests.bulkInsert(encoded: encoded.lazy.map { ($0.0, $0.1) }, key: { $0.id }, in: self, now: now)
        let stamp = Timestamp.string(now)
        for e in encoded { try appendScore(e.2, linesJSON: e.3, stamp: stamp) }
        try append(HistoryEvent(at: now, agent: agent, entity: SocialHousingRequest.historyEntity, entityKey: "*",
                                action: "import", changes: [], comment: "\(historyNote) : \(scored.count) demande(s)"))
    }

    func recordScore(_ score: CotationResult, requestId: String) throws {
        guard try Self.requests.exists(requestId, in: self) else {
            throw StoreError.notFound(entity: SocialHousingRequest.historyEntity, key: requestId)
        }
        try appendScore(StoredScore(requestId: requestId, result: score), stamp: Timestamp.string(clock.now()))
    }

    /// Appends a score and projects it on its request row, with cached statements (bulk inserts,
    /// re-scoring); `stamp` is `Timestamp.string` of the time, made once per batch (formatters are slow).
    func appendScore(_ score: StoredScore, linesJSON: String? = nil, stamp: String) throws {
        let lines = try linesJSON ?? String(decoding: DocumentTable<[CotationLine]>.encoder.encode(score.lines), as: UTF8.self)
        // Most requests are not priority: an empty list is stored as NULL, read back as [].
        let findings = try score.priority.flatMap { $0.isEmpty ? nil : $0 }
            .map { String(decoding: try DocumentTable<[PriorityFinding]>.encoder.encode($0), as: UTF8.self) }
        try db.cachedStatement(sql: """
            INSERT INTO request_score(requestKey, total, gridVersion, computedOn, priority, lines, recordedAt, priorityFindings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [score.requestId, score.total, score.gridVersion, score.computedOn.iso,
                                     score.isPriorityHousehold, lines, stamp, findings])
        try db.cachedStatement(sql: "UPDATE request SET scoreId = ?, scoreTotal = ?, isPriority = ? WHERE key = ?")
            .execute(arguments: [db.lastInsertedRowID, score.total, score.isPriorityHousehold, score.requestId])
    }

    func request(id: String) throws -> StoredRequest? {
        try Row.fetchOne(db, sql: Self.selectStored + " WHERE r.key = ?", arguments: [id]).map(Self.storedRequest)
    }

    private func stored(_ id: String) throws -> StoredRequest {
        guard let s = try request(id: id) else { throw StoreError.notFound(entity: SocialHousingRequest.historyEntity, key: id) }
        return s
    }

    func scoreHistory(requestId: String) throws -> [StoredScore] {
        try Row.fetchAll(db, sql: """
            SELECT requestKey AS sKey, total AS sTotal, gridVersion AS sGrid, computedOn AS sOn, priority AS sPriority,
                   lines AS sLines, recordedAt AS sAt, priorityFindings AS sFindings FROM request_score WHERE requestKey = ? ORDER BY id
            """, arguments: [requestId]).compactMap(Self.storedScore)
    }

    func requests(_ query: RequestQuery) throws -> [StoredRequest] {
        let (condition, args) = Self.sqlFilter(query, forPage: query.limit != nil)
        var sql = Self.selectStored + " WHERE \(condition) ORDER BY \(Self.rankingOrder)"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit)) OFFSET \(max(0, query.offset))" }
        else if query.offset > 0 { sql += " LIMIT -1 OFFSET \(query.offset)" }
        return try Row.fetchAll(db, sql: sql, arguments: args).map(Self.storedRequest)
    }

    /// The list's page: the ranking columns of the narrow table and the two wish lists taken out
    /// of the record by SQLite, without decoding whole requests or their score lines (both
    /// were most of the list's cost).
    func requestListRows(_ query: RequestQuery) throws -> [RequestListRow] {
        let (condition, args) = Self.sqlFilter(query, forPage: query.limit != nil)
        var sql = """
            SELECT r.key AS key, r.requestDate AS requestDate, r.scoreTotal AS total, r.isPriority AS priority,
                   r.applicantName AS applicantName,
                   json_extract(d.data, '$.wishedTypologies') AS typologies, json_extract(d.data, '$.wishedCommunes') AS communes
            FROM request r JOIN request_data d ON d.ref = r.key WHERE \(condition) ORDER BY \(Self.rankingOrder)
            """
        if let limit = query.limit { sql += " LIMIT \(max(0, limit)) OFFSET \(max(0, query.offset))" }
        else if query.offset > 0 { sql += " LIMIT -1 OFFSET \(query.offset)" }
        return try Row.fetchAll(db, sql: sql, arguments: args).map { row in
            guard let date = CalendarDate(parsing: row["requestDate"]) else {
                throw StoreError.constraint("demande « \(row["key"] as String? ?? "?") » : date de demande illisible dans la base")
            }
            return RequestListRow(id: row["key"], applicantName: row["applicantName"], requestDate: date, scoreTotal: row["total"],
                                  isPriorityHousehold: (row["priority"] as Bool?) ?? false,
                                  wishedTypologies: Self.strings(row["typologies"]).compactMap(Typology.init(rawValue:)),
                                  wishedCommunes: Self.strings(row["communes"]).map(WishedCommune.init))
        }
    }

    /// A JSON array of strings as SQLite's json_extract returns it; empty when absent.
    static func strings(_ json: String?) -> [String] {
        guard let json, let array = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else { return [] }
        return array
    }

    func countRequests(_ query: RequestQuery) throws -> Int {
        let (condition, args) = Self.sqlFilter(query)
        return try Self.requests.count(where: condition, arguments: args, in: self)
    }

    func forEachRequest(_ query: RequestQuery, _ body: (StoredRequest) throws -> Void) throws {
        let (condition, args) = Self.sqlFilter(query)
        let rows = try Row.fetchCursor(db, sql: Self.selectStored + " WHERE \(condition) ORDER BY \(Self.rankingOrder)", arguments: args)
        while let row = try rows.next() { try body(try Self.storedRequest(row)) }
    }

    func nextRequestId(year: Int) throws -> String {
        let prefix = DemoRequests.requestId(year: year, sequence: 0).dropLast(6)
        let last = try String.fetchOne(db, sql: "SELECT MAX(key) FROM request WHERE key LIKE ? || '%' AND length(key) = ?",
                                       arguments: [String(prefix), prefix.count + 6])
        let sequence = last.flatMap { Int($0.suffix(6)) } ?? 0
        return DemoRequests.requestId(year: year, sequence: sequence + 1)
    }

    func openRequestIds() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT key FROM request WHERE struckOffOn IS NULL ORDER BY key")
    }

    func rescore(_ ids: [String], grid: CotationGrid, on date: CalendarDate) throws -> RescoreSummary {
        // Read the chunk first: the rows are then updated while no cursor is open on them.
        let list = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.data AS data, s.total AS sTotal, s.gridVersion AS sGrid, s.computedOn AS sOn, s.priority AS sPriority
            FROM request r JOIN request_data d ON d.ref = r.key LEFT JOIN request_score s ON s.id = r.scoreId
            WHERE r.struckOffOn IS NULL AND r.key IN (SELECT value FROM json_each(?)) ORDER BY r.key
            """, arguments: [list])
        var summary = RescoreSummary(gridVersion: grid.version, computedOn: date, examined: rows.count, rescored: 0, changedTotal: 0)
        let now = clock.now()
        let stamp = Timestamp.string(now)
        let previous = try rows.map { row -> (SocialHousingRequest, Int?, Bool, Bool?) in
            (try Self.requests.decode(row["data"]), row["sTotal"], row["sGrid"] == grid.version && row["sOn"] == date.iso,
             row["sPriority"])
        }
        // Scoring and encoding on every core; the writes follow in order. A score is kept when the
        // same grid and date give the same total and the same priority status.
        let fresh = previous.concurrentMap { request, total, sameBasis, priority -> (StoredScore, String?)? in
            let result = CotationEngine.score(request, grid: grid, on: date)
            if sameBasis && total == result.total && priority == result.isPriorityHousehold { return nil }
            let score = StoredScore(requestId: request.id, result: result)
            return (score, try? String(decoding: DocumentTable<[CotationLine]>.encoder.encode(score.lines), as: UTF8.self))
        }
        for (old, new) in zip(previous, fresh) {
            guard let (score, lines) = new else { continue }
            try appendScore(score, linesJSON: lines, stamp: stamp)
            summary.rescored += 1
            if old.1 != score.total { summary.changedTotal += 1 }
        }
        return summary
    }

    func recordRescore(_ summary: RescoreSummary) throws {
        try append(HistoryEvent(at: clock.now(), agent: agent, entity: SocialHousingRequest.historyEntity, entityKey: "*",
                                action: "recotation", changes: [],
                                comment: "Grille \(summary.gridVersion), cotation au \(FrenchFormat.date(summary.computedOn)) : \(summary.rescored) demande(s) recotée(s) sur \(summary.examined), \(summary.changedTotal) score(s) modifié(s)"))
    }

    func purgeStruckOffRequests(before date: CalendarDate) throws -> Int {
        let condition = Self.struckOffBefore
        let count = try Self.requests.count(where: condition, arguments: [date.iso], in: self)
        guard count > 0 else { return 0 }
        try duringRGPDPurge(searchIndexes: [Self.requests.ftsTable]) {
            try db.execute(sql: "DELETE FROM history WHERE entity = ? AND entityKey IN (SELECT key FROM request WHERE \(condition))",
                           arguments: [SocialHousingRequest.historyEntity, date.iso])
            try db.execute(sql: "DELETE FROM request WHERE \(condition)", arguments: [date.iso])
        }
        try append(HistoryEvent(at: clock.now(), agent: agent, entity: SocialHousingRequest.historyEntity, entityKey: "*",
                                action: "purge RGPD", changes: [],
                                comment: "\(count) demande(s) radiée(s) avant le \(FrenchFormat.date(date)) supprimée(s) avec leurs cotations et leur historique"))
        return count
    }

    /// The WHERE clause of a query. `forPage`: near the top of the ranking, the leading `+`
    /// keeps SQLite walking the ranking index and stopping after the page, instead of taking the
    /// struck-off index and sorting every open request (30 ms → 1 ms for the first page of
    /// 50,000); deep pages sort, which beats walking tens of thousands of rows.
    static func sqlFilter(_ q: RequestQuery, forPage: Bool = false) -> (String, StatementArguments) {
        var parts: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        let walk = forPage && q.offset < 5_000
        if !q.includeStruckOff { parts.append(walk ? "+struckOffOn IS NULL" : "struckOffOn IS NULL") }
        if q.priorityOnly { parts.append("isPriority = 1") }
        if let c = q.commune { parts.append("instr(communeKeys, ?) > 0"); args.append(keyList([WishedCommune(c).matchKey])) }
        if let t = q.typology { parts.append("instr(typologyKeys, ?) > 0"); args.append(keyList([t.rawValue])) }
        for word in q.needleWords { parts.append("instr(search, ?) > 0"); args.append(word) }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), StatementArguments(args))
    }

    static func storedRequest(_ row: Row) throws -> StoredRequest {
        StoredRequest(request: try requests.decode(row["data"]), version: row["version"], score: storedScore(row))
    }

    static func storedScore(_ row: Row) -> StoredScore? {
        guard let key: String = row["sKey"], let on = CalendarDate(parsing: row["sOn"]) else { return nil }
        let lines = (try? JSONDecoder().decode([CotationLine].self, from: Data((row["sLines"] as String? ?? "[]").utf8))) ?? []
        let findings = (row["sFindings"] as String?).flatMap { try? JSONDecoder().decode([PriorityFinding].self, from: Data($0.utf8)) }
        return StoredScore(requestId: key, total: row["sTotal"], gridVersion: row["sGrid"], computedOn: on,
                           isPriorityHousehold: row["sPriority"], lines: lines, recordedAt: Self.fastTimestamp(row["sAt"]),
                           priority: findings ?? [])
    }
}
