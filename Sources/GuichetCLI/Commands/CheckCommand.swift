import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Vérifie l'intégrité de la base et les invariants du domaine.")

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() async throws {
        let r = try await GlobalOptions.openGuichet().consistencyReport()
        if json { try Console.json(r) } else {
            Console.line("Base : \(r.database) — territoire \(r.territory)")
            for (k, v) in r.counts.sorted(by: { $0.key < $1.key }) { Console.line("  \(k) : \(FrenchFormat.integer(v))") }
            if r.ok { Console.line("✓ Aucun problème détecté.") } else { r.problems.forEach { Console.line("✗ \($0)") } }
            r.warnings.forEach { Console.line("! \($0)") }
        }
        if !r.ok { throw CLIFailure("\(r.problems.count) problème(s) détecté(s).", code: 1) }
    }
}
