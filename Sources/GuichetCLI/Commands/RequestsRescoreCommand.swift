import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct RequestsRescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Recalcule la cotation de toutes les demandes non radiées avec la grille actuelle du territoire.",
        discussion: "À lancer après un changement de grille : les scores précédents restent dans l'historique de chaque demande.")

    @Option(name: .long, help: "Date du calcul (AAAA-MM-JJ ou JJ/MM/AAAA ; par défaut aujourd'hui).")
    var date: String?

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() async throws {
        let on = try RequestText.date(date, option: "--date")
        let guichet = try GlobalOptions.openGuichet()
        let grid = try guichet.grid()
        let summary = try await guichet.rescoreRequests(on: on)
        if json { try Console.json(summary); return }
        Console.line("Recotation avec la grille \(grid.version) au \(FrenchFormat.date(on)) : "
                     + "\(FrenchFormat.integer(summary.rescored)) demande(s) recotée(s) sur \(FrenchFormat.integer(summary.examined)), "
                     + "\(FrenchFormat.integer(summary.changedTotal)) score(s) modifié(s).")
    }
}
