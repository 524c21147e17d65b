import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct ConventionsImportResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-results",
        abstract: "Importe des résultats d'attribution publiés (ex. data/territories/cabbalr/cia-results-2020-2023.json).",
        discussion: "Les résultats remplacent ceux des mêmes années ; les objectifs du profil sont ajoutés pour ces années. Réimporter ne change rien.")

    @Argument(help: "Fichier JSON des résultats.")
    var file: String
    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw CLIFailure("Fichier illisible : \(file)", code: 66) }
        let ws = try GlobalOptions.openWorkspace()
        let (changed, unresolved) = try ws.store.write { try ProgrammeSeeding.importResults(data, profile: ws.profile, in: $0) }
        if json {
            struct Output: Encodable { var file: String; var conventionsChanged: Int; var unresolvedNames: [String] }
            return try Console.json(Output(file: file, conventionsChanged: changed, unresolvedNames: unresolved))
        }
        Console.line("Résultats importés de \(file) : \(changed) convention(s) modifiée(s).")
        for n in unresolved { Console.line("  Attention : « \(n) » ne désigne pas le bailleur indiqué dans le fichier.") }
    }
}
