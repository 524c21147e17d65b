import ArgumentParser

/// `guichet conventions …`: agreements with landlords (objectives, results, review).
struct ConventionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conventions", abstract: "Conventions avec les bailleurs : bilan objectifs / résultats, import des résultats publiés.",
        subcommands: [ConventionsReviewCommand.self, ConventionsImportResultsCommand.self])
}
