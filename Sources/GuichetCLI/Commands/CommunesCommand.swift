import ArgumentParser

/// `guichet communes …`: population and social-housing share per commune (rules of programmes).
struct CommunesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communes", abstract: "Données des communes (population, taux de logements sociaux).",
        subcommands: [CommunesSetCommand.self, CommunesListCommand.self])
}
