/// Storage of the commitments on PLH budget lines (`BudgetCommitment`); implemented by
/// GuichetStorage. Saves keep a history line, like dossiers.
public protocol CommitmentStore {
    /// Stores a new commitment at version 1; refused when the number exists.
    func insertCommitment(_ commitment: BudgetCommitment) throws -> BudgetCommitment
    /// Saves a commitment read at `expectedVersion` (optimistic locking, as for dossiers).
    func updateCommitment(_ commitment: BudgetCommitment, expectedVersion: Int) throws -> BudgetCommitment
    func commitment(number: CommitmentNumber) throws -> BudgetCommitment?
    /// Commitments of a line and/or a budget year (nil: all), by number.
    func commitments(lineID: String?, year: Int?) throws -> [BudgetCommitment]
    /// 1 + the highest sequence of `year`.
    func nextCommitmentSequence(year: Int) throws -> Int
    /// Committed and paid per (line, year); `years` nil: all.
    func lineFigures(years: ClosedRange<Int>?) throws -> [LineFigures]
}

/// Committed and paid on one PLH budget line in one year (the shape storage aggregates).
public struct LineFigures: Codable, Sendable, Equatable {
    public var line: String
    public var year: Int
    /// Amounts of the year's commitments minus what cancellations released.
    public var committed: Money
    public var paid: Money
    public var commitments: Int

    public init(line: String, year: Int, committed: Money = .zero, paid: Money = .zero, commitments: Int = 0) {
        self.line = line; self.year = year; self.committed = committed; self.paid = paid; self.commitments = commitments
    }

    public mutating func add(_ c: BudgetCommitment) {
        committed += c.committed; paid += c.paid; commitments += 1
    }

    public static func + (a: LineFigures, b: LineFigures) -> LineFigures {
        LineFigures(line: a.line, year: a.year, committed: a.committed + b.committed, paid: a.paid + b.paid,
                    commitments: a.commitments + b.commitments)
    }

    public static func aggregate<S: Sequence>(_ commitments: S) -> [LineFigures] where S.Element == BudgetCommitment {
        var out: [String: LineFigures] = [:]
        for c in commitments {
            let key = "\(c.lineID)\u{1F}\(c.year)"
            out[key, default: LineFigures(line: c.lineID, year: c.year)].add(c)
        }
        return out.values.sorted { ($0.line, $0.year) < ($1.line, $1.year) }
    }
}
