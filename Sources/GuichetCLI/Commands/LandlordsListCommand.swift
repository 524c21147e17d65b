import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct LandlordsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Liste les bailleurs, leurs chiffres à la signature de la CIA et les incohérences de la source.")

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Item: Encodable {
        var id: String
        var name: String
        var aliases: [String]
        var stock: LandlordStock?
        var allocations2017: Allocations2017?
        var note: String?
        var constructionProgrammes: Int
        var rehabilitationProgrammes: Int
        var hasConvention: Bool
        /// Figures of the source that do not add up (kept as given).
        var inconsistencies: [String]
    }

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        let items: [Item] = try ws.store.read { s in
            let conventions = Set(try s.conventions().map(\.landlordId))
            return try s.landlords().map { l in
                Item(id: l.id, name: l.name, aliases: l.aliases, stock: l.stock, allocations2017: l.allocations2017, note: l.note,
                     constructionProgrammes: try s.countProgrammes(ProgrammeQuery(kind: .construction, landlordId: l.id), rules: nil),
                     rehabilitationProgrammes: try s.countProgrammes(ProgrammeQuery(kind: .rehabilitation, landlordId: l.id), rules: nil),
                     hasConvention: conventions.contains(l.id), inconsistencies: l.sourceInconsistencies)
            }
        }
        if json { return try Console.json(items) }
        Console.table(["Identifiant", "Nom", "Patrimoine", "Constr.", "Réha.", "Convention", "Incohérences"], items.map { i in
            [i.id, i.name, i.stock?.total.map(FrenchFormat.integer) ?? "—", "\(i.constructionProgrammes)", "\(i.rehabilitationProgrammes)",
             i.hasConvention ? "oui" : "non", i.inconsistencies.isEmpty ? "" : "⚠ \(i.inconsistencies.count)"]
        }, right: [2, 3, 4])
        for i in items where !i.inconsistencies.isEmpty {
            Console.line("\(i.name) :")
            i.inconsistencies.forEach { Console.line("  ⚠ \($0)") }
        }
    }
}
