import ArgumentParser

/// `guichet landlords …`: the social landlords of the territory.
struct LandlordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landlords", abstract: "Bailleurs sociaux : liste, alias.",
        subcommands: [LandlordsListCommand.self, LandlordsAliasCommand.self])
}
