import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Crée une base vide pour un territoire (capso, cabbalr, demo…).")

    @Option(name: .long, help: "Identifiant du territoire (dossier de data/territories).")
    var territory: String

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() throws {
        let profile = try ProfileDirectory.load(territory: territory)
        let url = GlobalOptions.databaseURL
        let store = try SQLiteStore.create(url, territory: profile.id, clock: GlobalOptions.clock)
        try Seeding.seed(profile: profile, into: store, on: GlobalOptions.clock.today())
        if json {
            try Console.json(["database": url.path, "territory": profile.id, "name": profile.name])
        } else {
            Console.line("Base créée : \(url.path)")
            Console.line("Territoire : \(profile.name) (\(profile.id))")
        }
    }
}

struct TerritoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "territoires", abstract: "Liste les profils de territoire disponibles, les valide et dit ce qui reste à fixer.",
        discussion: """
        Chaque paramètre d'un profil dit sa source : les mots du PLH (citation vérifiée dans son texte), une décision \
        locale (référence et date de la délibération) ou un texte national. Sont listés ici les valeurs par défaut à \
        confirmer (proposées, jamais appliquées comme règle) et les conditions sans seuil fixé, que les agents \
        vérifient dossier par dossier (« guichet dossiers check ») jusqu'à ce que le service fixe une valeur.
        """)

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Entry: Encodable {
        var id: String; var name: String?; var valid: Bool; var problems: [String]
        /// Values that are defaults of the product, still to be confirmed by the service.
        var defaultsToConfirm: [DefaultToConfirm] = []
    }

    func run() throws {
        var entries: [Entry] = []
        for id in ProfileDirectory.available() {
            do {
                let p = try ProfileDirectory.load(territory: id)
                entries.append(Entry(id: id, name: p.name, valid: true, problems: [], defaultsToConfirm: p.defaultsToConfirm))
            } catch {
                entries.append(Entry(id: id, name: nil, valid: false, problems: "\(error)".split(separator: "\n").map(String.init)))
            }
        }
        if json { try Console.json(entries); return }
        for e in entries {
            Console.line("\(e.id) : \(e.name ?? "invalide")")
            e.problems.forEach { Console.line("  ✗ \($0)") }
            if !e.defaultsToConfirm.isEmpty {
                Console.line("  À fixer par le service (valeurs par défaut du produit, conditions vérifiées par les agents) :")
                e.defaultsToConfirm.forEach { Console.line("  ? \($0.part) › \($0.key) : \($0.text)") }
            }
        }
        if entries.contains(where: { !$0.valid }) { throw CLIFailure("Au moins un profil est invalide.", code: 3) }
    }
}
