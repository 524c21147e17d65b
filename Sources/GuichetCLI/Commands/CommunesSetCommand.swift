import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct CommunesSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Enregistre la population et le taux de logements sociaux d'une commune.")

    @Argument(help: "Nom de la commune.")
    var name: String
    @Option(name: .long, help: "Population (habitants).")
    var population: Int?
    @Option(name: .customLong("social-share"), help: "Taux de logements sociaux en % (« 27,5 »).")
    var socialShare: String?
    @Option(name: .long, help: "Code INSEE.")
    var insee: String?
    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() throws {
        var share: Percentage?
        if let socialShare {
            guard let p = Percentage(parsing: socialShare) else {
                throw CLIFailure("--social-share : pourcentage illisible « \(socialShare) » (exemple : 27,5)", code: 64)
            }
            share = p
        }
        let code: InseeCode? = try insee.map { try InseeCode($0) }
        let ws = try GlobalOptions.openWorkspace()
        let stored: CommuneFacts = try ws.store.write { s in
            let key = LooseName.key(name)
            var facts = try s.communeFacts().first { LooseName.key($0.name) == key } ?? CommuneFacts(name: name)
            if let population { facts.population = population }
            if let share { facts.socialHousingShare = share }
            if let code { facts.inseeCode = code }
            try s.upsertCommuneFacts(facts)
            return facts
        }
        if json { return try Console.json(stored) }
        Console.line("\(stored.name) : \(stored.population.map { FrenchFormat.integer($0) + " habitants" } ?? "population inconnue"), "
                     + "\(stored.socialHousingShare.map { FrenchFormat.percent($0) + " de logements sociaux" } ?? "taux inconnu")")
    }
}
