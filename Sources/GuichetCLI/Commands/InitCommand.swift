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
        let store = try SQLiteStore.create(url, territory: profile.id)
        try Seeding.seed(profile: profile, into: store)
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

    struct Pending: Encodable { var subject: String; var value: String?; var status: String; var file: String; var path: String }
    struct Entry: Encodable { var id: String; var name: String?; var valid: Bool; var problems: [String]; var pending: [Pending] }

    func run() throws {
        var entries: [Entry] = []
        for id in ProfileDirectory.available() {
            do {
                let p = try ProfileDirectory.load(territory: id)
                let pending = p.pendingParameters.map { x in
                    Pending(subject: x.subject, value: x.value,
                            status: x.status == .agentCheck ? "vérification par l'agent" : ParameterSource.defaultLabel,
                            file: p.manifest.parts[x.part] ?? x.part, path: x.path)
                }
                entries.append(Entry(id: id, name: p.name, valid: true, problems: [], pending: pending))
            } catch {
                entries.append(Entry(id: id, name: nil, valid: false, problems: "\(error)".split(separator: "\n").map(String.init), pending: []))
            }
        }
        if json { try Console.json(entries); return }
        for e in entries {
            Console.line("\(e.id) : \(e.name ?? "invalide")")
            e.problems.forEach { Console.line("  ✗ \($0)") }
            if !e.pending.isEmpty { Console.line("  Reste à fixer par le service (\(e.pending.count)) :") }
            for x in e.pending {
                Console.line("  ? \(x.subject)\(x.value.map { " : \($0)" } ?? "") — \(x.status) (\(x.file) : \(x.path))")
            }
        }
        if entries.contains(where: { !$0.valid }) { throw CLIFailure("Au moins un profil est invalide.", code: 3) }
    }
}
