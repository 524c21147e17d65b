import Foundation
import GRDB
import GuichetCore

/// Commitments on the PLH's budget lines: each record as JSON, with the columns the ledger
/// aggregates (line, year, committed, paid) and the history of every save.
extension SQLiteSession: CommitmentStore {
    static let commitments = DocumentTable<BudgetCommitment>(table: "budget_commitment", entity: "engagement", projections: [
        ("year", { $0.number.year }), ("sequence", { $0.number.sequence }), ("lineId", { $0.lineID }),
        ("committedCents", { $0.committed.cents }), ("paidCents", { $0.paid.cents }),
    ])

    func insertCommitment(_ commitment: BudgetCommitment) throws -> BudgetCommitment {
        try Self.commitments.insertFirstVersion(commitment, key: commitment.number.formatted, in: self)
    }

    func updateCommitment(_ commitment: BudgetCommitment, expectedVersion: Int) throws -> BudgetCommitment {
        try Self.commitments.saveNextVersion(commitment, key: commitment.number.formatted, expectedVersion: expectedVersion, in: self)
    }

    func commitment(number: CommitmentNumber) throws -> BudgetCommitment? {
        try Self.commitments.fetch(number.formatted, in: self)?.0
    }

    func commitments(lineID: String?, year: Int?) throws -> [BudgetCommitment] {
        var parts: [String] = [], args: [(any DatabaseValueConvertible)?] = []
        if let lineID { parts.append("lineId = ?"); args.append(lineID) }
        if let year { parts.append("year = ?"); args.append(year) }
        return try Self.commitments.fetchAll(where: parts.isEmpty ? "1" : parts.joined(separator: " AND "),
                                             arguments: StatementArguments(args), orderBy: "year, sequence", in: self)
    }

    func nextCommitmentSequence(year: Int) throws -> Int {
        1 + (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM budget_commitment WHERE year = ?", arguments: [year]) ?? 0)
    }

    func lineFigures(years: ClosedRange<Int>?) throws -> [LineFigures] {
        var sql = "SELECT lineId, year, COUNT(*) AS n, SUM(committedCents) AS committed, SUM(paidCents) AS paid FROM budget_commitment"
        var args: StatementArguments = []
        if let y = years { sql += " WHERE year BETWEEN ? AND ?"; args = [y.lowerBound, y.upperBound] }
        sql += " GROUP BY lineId, year ORDER BY lineId, year"
        return try Row.fetchAll(db, sql: sql, arguments: args).map { row in
            LineFigures(line: row["lineId"], year: row["year"], committed: Money(cents: row["committed"] ?? 0),
                        paid: Money(cents: row["paid"] ?? 0), commitments: row["n"])
        }
    }
}
