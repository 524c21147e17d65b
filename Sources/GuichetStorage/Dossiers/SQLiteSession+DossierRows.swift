import Foundation
import GRDB
import GuichetCore

/// List exports read the narrow `dossier` table only: no JSON is read or decoded, so exporting
/// 100,000 dossiers costs about what `sqlite3 -csv` costs on the same columns.
extension SQLiteSession {
    func forEachDossierRow(_ query: DossierQuery, _ body: (DossierListRow) throws -> Void) throws {
        try forEachDossierRow(query, orderBy: Self.sqlOrder(query), body)
    }

    /// Count first, then the page's rows in the order that suits the count (see `dossierPage`).
    func dossierRowPage(_ query: DossierQuery) throws -> DossierRowPage {
        var q = query
        q.limit = q.limit ?? 200
        let total = try countDossiers(q)
        var rows: [DossierListRow] = []
        try forEachDossierRow(q, orderBy: Self.pageOrder(q, total: total)) { rows.append($0) }
        return DossierRowPage(total: total, rows: rows)
    }

    private func forEachDossierRow(_ query: DossierQuery, orderBy: String, _ body: (DossierListRow) throws -> Void) throws {
        let (condition, args) = Self.sqlFilter(query)
        var sql = """
            SELECT year, scheme, sequence, applicant, commune, status, requestedCents, grantedCents, paidCents,
                   receivedOn, lastChange FROM dossier WHERE \(condition) ORDER BY \(orderBy)
            """
        if let limit = query.limit { sql += " LIMIT \(limit) OFFSET \(query.offset)" } else if query.offset > 0 { sql += " LIMIT -1 OFFSET \(query.offset)" }
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: args)
        while let row = try cursor.next() {
            let requested: Int64 = row[6]
            let received: String? = row[9]
            try body(DossierListRow(
                number: DossierNumber(year: row[0], scheme: row[1], sequence: row[2]),
                applicant: row[3], commune: row[4],
                status: DossierStatus(rawValue: row[5]) ?? .draft,
                requested: requested == 0 ? nil : Money(cents: requested),
                granted: Money(cents: row[7]), paid: Money(cents: row[8]),
                receivedOn: received.flatMap(CalendarDate.init(parsing:)),
                lastChange: Self.fastTimestamp(row[10]) ?? Date(timeIntervalSince1970: 0)))
        }
    }

    /// Reads "2026-11-23T10:04:05.123Z" as `Timestamp.string` writes it, without a formatter per
    /// row (ISO8601DateFormatter costs more than the rest of the row); other shapes fall back to it.
    static func fastTimestamp(_ text: String?) -> Date? {
        guard let text else { return nil }
        let u = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= u.count else { return nil }
            var n = 0
            for b in u[from..<(from + count)] { guard b >= 48 && b <= 57 else { return nil }; n = n * 10 + Int(b - 48) }
            return n
        }
        guard u.count >= 20, u.last == UInt8(ascii: "Z"), let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2), let day = CalendarDate(year: y, month: mo, day: d)
        else { return Timestamp.date(text) }
        var fraction = 0.0
        if u.count > 21, u[19] == UInt8(ascii: "."), let f = num(20, u.count - 21) {
            fraction = Double(f) / pow(10, Double(u.count - 21))
        }
        return Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + h * 3_600 + mi * 60 + s) + fraction)
    }
}
