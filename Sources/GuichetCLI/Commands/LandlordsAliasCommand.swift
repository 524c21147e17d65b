import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct LandlordsAliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias", abstract: "Ajoute une écriture du nom d'un bailleur (reconnue aux imports suivants).")

    @Argument(help: "Identifiant du bailleur (voir « guichet landlords list »).")
    var landlord: String
    @Argument(help: "Nom tel que l'écrit le tableau importé.")
    var alias: String
    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        let l = try ws.store.write { try $0.addLandlordAlias(alias, landlordId: landlord) }
        if json { return try Console.json(l) }
        Console.line("\(l.name) : alias \(l.aliases.map { "« \($0) »" }.joined(separator: ", "))")
    }
}
