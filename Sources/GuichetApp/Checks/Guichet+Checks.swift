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
            return ConsistencyReport(database: location, territory: profile.id, ok: problems.isEmpty, problems: problems, counts: counts)
        }
    }
}

/// What the checks found: every problem in French, naming its record, and counts per kind.
public struct ConsistencyReport: Encodable, Sendable {
    public var database: String
    public var territory: String
    public var ok: Bool
    public var problems: [String]
    public var counts: [String: Int]
}
