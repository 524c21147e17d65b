import Foundation
import GuichetCore

/// The consistency checks of the whole base: SQLite's own checks, then the domain's invariants
/// of dossiers, requests and programmes (`guichet check`; the window can run the same).
extension Guichet {
    public func consistencyReport() async throws -> ConsistencyReport {
        let profile = profile
        let location = location
        return try await storage.read { s in
            var problems = try s.integrityProblems()
            var counts: [String: Int] = [:]
            var audit = DossierAudit(catalog: profile.schemes)
            try s.forEachDossier(DossierQuery()) { audit.inspect($0) }
            problems += audit.report
            counts["dossiers"] = audit.inspected
            for (status, n) in audit.counts { counts["dossiers.\(status.rawValue)"] = n }
            problems += try RequestInvariants.problems(in: s, profile: profile)
            counts.merge(try RequestInvariants.counts(in: s)) { a, _ in a }
            problems += try ProgrammeInvariants.problems(in: s)
            counts.merge(try ProgrammeInvariants.counts(in: s)) { a, _ in a }
            try Self.checkCommitments(in: s, profile: profile, problems: &problems, counts: &counts)
            return ConsistencyReport(database: location, territory: profile.id, ok: problems.isEmpty, problems: problems,
                                     warnings: Self.warnings(profile: profile), counts: counts)
        }
    }
}

extension Guichet {
    /// Envelopes of the profile that do not add up to the PLH's lines: shown, never "fixed".
    static func warnings(profile: TerritoryProfile) -> [String] {
        guard let plh = profile.plh, let catalog = profile.schemes else { return [] }
        return ReconciliationRow.warnings(plh: plh, catalog: catalog).map { "Enveloppes et PLH : \($0)." }
    }

    /// Every commitment on a PLH line: a line the PLH knows, a sound record.
    static func checkCommitments(in s: any StoreSession, profile: TerritoryProfile, problems: inout [String], counts: inout [String: Int]) throws {
        let all = try s.commitments(lineID: nil, year: nil)
        counts["engagements"] = all.count
        for c in all {
            if profile.plh?.budgetLine(id: c.lineID) == nil {
                problems.append("engagement \(c.number) : ligne « \(c.lineID) » absente du PLH du profil")
            }
            problems += c.validate().map { "engagement \(c.number) : \($0)" }
        }
    }
}

/// What the checks found: every problem in French, naming its record, points to examine that do
/// not make the base unsound, and counts per kind.
public struct ConsistencyReport: Encodable, Sendable {
    public var database: String
    public var territory: String
    public var ok: Bool
    public var problems: [String]
    public var warnings: [String]
    public var counts: [String: Int]
}
