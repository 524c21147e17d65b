import ArgumentParser
import Foundation
import GuichetCore

struct RequestsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Enregistre une demande décrite dans un fichier JSON (même format que « cotation score ») et sa cotation.")

    @Argument(help: "Fichier JSON de la demande.")
    var file: String

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() throws {
        let ws = try GlobalOptions.openWorkspace()
        let grid = try GridChoice.of(ws)
        var (request, date) = try InputFile.request(path: file, grid: grid)
        let stored = try ws.store.write { s in
            request.id = try s.nextRequestId(year: request.requestDate.year)
            return try s.insertRequest(request, grid: grid, on: date)
        }
        if json { try Console.json(RequestView(stored)); return }
        Console.line("Demande \(stored.id) enregistrée : \(RequestText.points(stored.score?.total ?? 0)) points au "
                     + "\(FrenchFormat.date(date)) (grille \(grid.version)).")
    }
}
