import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Vérifie l'intégrité de la base et les invariants du domaine.")

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Report: Encodable {
        var database: String
        var territory: String
        var ok: Bool
        var problems: [String]
        /// Points to examine that do not make the base unsound (envelopes against the PLH's lines).
        var warnings: [String]
        var counts: [String: Int]
    }

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        let report = try ws.store.read { s in
            let domain = try DomainInvariants.check(in: s, profile: ws.profile)
            return Report(database: ws.store.location, territory: ws.profile.id,
                          ok: false, problems: try s.integrityProblems() + domain.problems, warnings: DomainInvariants.warnings(profile: ws.profile),
                          counts: domain.counts)
        }
        var r = report
        r.ok = r.problems.isEmpty
        if json { try Console.json(r) } else {
            Console.line("Base : \(r.database) — territoire \(r.territory)")
            for (k, v) in r.counts.sorted(by: { $0.key < $1.key }) { Console.line("  \(k) : \(FrenchFormat.integer(v))") }
            if r.ok { Console.line("✓ Aucun problème détecté.") } else { r.problems.forEach { Console.line("✗ \($0)") } }
            r.warnings.forEach { Console.line("! \($0)") }
        }
        if !r.ok { throw CLIFailure("\(r.problems.count) problème(s) détecté(s).", code: 1) }
    }
}

/// The domain's own invariants, checked by `guichet check`; each area adds its checks here.
enum DomainInvariants {
    static func check(in s: any StoreSession, profile: TerritoryProfile) throws -> (problems: [String], counts: [String: Int]) {
        var problems: [String] = []
        var counts: [String: Int] = [:]
        try checkDossiers(in: s, profile: profile, problems: &problems, counts: &counts)
        problems += try RequestInvariants.problems(in: s, profile: profile)
        counts.merge(try RequestInvariants.counts(in: s)) { a, _ in a }
        problems += try ProgrammeInvariants.problems(in: s)
        counts.merge(try ProgrammeInvariants.counts(in: s)) { a, _ in a }
        try checkCommitments(in: s, profile: profile, problems: &problems, counts: &counts)
        return (problems, counts)
    }

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

    /// Streams every dossier once: invariants of each (DossierAudit), counts per status.
    static func checkDossiers(in s: any StoreSession, profile: TerritoryProfile, problems: inout [String], counts: inout [String: Int]) throws {
        var audit = DossierAudit(catalog: profile.schemes)
        try s.forEachDossier(DossierQuery()) { audit.inspect($0) }
        problems += audit.report
        counts["dossiers"] = audit.inspected
        for (status, n) in audit.counts { counts["dossiers.\(status.rawValue)"] = n }
    }
}
