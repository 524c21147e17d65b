import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct RequestsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Enregistre une demande décrite dans un fichier JSON (même format que « cotation score ») et sa cotation.")

    @Argument(help: "Fichier JSON de la demande.")
    var file: String

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() async throws {
        let guichet = try GlobalOptions.openGuichet()
        let grid = try guichet.grid()
        let (request, date) = try InputFile.request(path: file, grid: grid)
        let stored = try await guichet.saveRequest(request, expectedVersion: nil, scoredOn: date).value
        if json { try Console.json(RequestView(stored)); return }
        Console.line("Demande \(stored.id) enregistrée : \(RequestText.points(stored.score?.total ?? 0)) points au "
                     + "\(FrenchFormat.date(date)) (grille \(grid.version)).")
    }
}
