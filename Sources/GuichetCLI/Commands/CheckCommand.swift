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
        var counts: [String: Int]
    }

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        let report = try ws.store.read { s in
            Report(database: ws.store.location, territory: ws.profile.id,
                   ok: false, problems: try s.integrityProblems() + DomainInvariants.problems(in: s, profile: ws.profile),
                   counts: try DomainInvariants.counts(in: s))
        }
        var r = report
        r.ok = r.problems.isEmpty
        if json { try Console.json(r) } else {
            Console.line("Base : \(r.database) — territoire \(r.territory)")
            for (k, v) in r.counts.sorted(by: { $0.key < $1.key }) { Console.line("  \(k) : \(FrenchFormat.integer(v))") }
            if r.ok { Console.line("✓ Aucun problème détecté.") } else { r.problems.forEach { Console.line("✗ \($0)") } }
        }
        if !r.ok { throw CLIFailure("\(r.problems.count) problème(s) détecté(s).", code: 1) }
    }
}

/// The domain's own invariants, checked by `guichet check`; each area adds its checks here.
enum DomainInvariants {
    static func problems(in s: any StoreSession, profile: TerritoryProfile) throws -> [String] {
        var out: [String] = []
        out += try RequestInvariants.problems(in: s, profile: profile)
        out += try ProgrammeInvariants.problems(in: s)
        return out
    }
    static func counts(in s: any StoreSession) throws -> [String: Int] {
        var out: [String: Int] = [:]
        out.merge(try RequestInvariants.counts(in: s)) { a, _ in a }
        out.merge(try ProgrammeInvariants.counts(in: s)) { a, _ in a }
        return out
    }
}
