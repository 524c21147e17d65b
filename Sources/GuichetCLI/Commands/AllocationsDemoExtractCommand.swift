import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

/// `guichet allocations demo-extract`: the demonstration's allocation extract as a file, to try
/// the import on (the same one `guichet demo` imports).
struct AllocationsDemoExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-extract",
        abstract: "Écrit l'extrait d'attributions fictif de la démonstration (CSV ; comptes de l'agglomération du bilan publié).",
        discussion: "Mêmes --date et --seed que « guichet demo » : même extrait. Profil « demo » par défaut.")

    @Option(name: .long, help: "Fichier CSV à écrire.")
    var output: String
    @Option(name: .long, help: "Jour de la démonstration (AAAA-MM-JJ, défaut : aujourd'hui) : rien de plus récent n'est écrit.")
    var date: String?
    @Option(name: .long, help: "Graine du générateur.")
    var seed: UInt64 = DemoSettings.defaultSeed
    @Option(name: .long, help: "Territoire (profil) dont le bilan publié sert de modèle.")
    var territory: String = "demo"

    func run() throws {
        let profile = try ProfileDirectory.load(territory: territory)
        let demo = DemoSettings(date: try DossierArguments.date(date), seed: seed, size: 0)
        guard let csv = try AllocationDemo.extract(profile: profile, demo: demo) else {
            throw CLIFailure("Le profil « \(territory) » n'a pas de CIA avec des résultats publiés : pas d'extrait de démonstration.", code: 3)
        }
        let url = URL(fileURLWithPath: output)
        do { try Data(csv.utf8).write(to: url, options: .atomic) } catch {
            throw CLIFailure("Écriture impossible : \(output)", code: 7)
        }
        Console.line("Extrait écrit : \(output) (\(FrenchFormat.integer(csv.split(separator: "\r\n").count - 1)) attributions)")
    }
}
