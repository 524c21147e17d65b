import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct CommunesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les données des communes.")

    @Flag(name: .long, help: "Sortie JSON (taux en points de base).")
    var json = false

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        let facts = try ws.store.read { try $0.communeFacts() }
        if json { return try Console.json(facts) }
        Console.table(["Commune", "INSEE", "Population", "Logements sociaux"], facts.map { f in
            [f.name, f.inseeCode.map { "\($0)" } ?? "", f.population.map(FrenchFormat.integer) ?? "?",
             f.socialHousingShare.map { FrenchFormat.percent($0) } ?? "?"]
        }, right: [2, 3])
    }
}
