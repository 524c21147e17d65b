import ArgumentParser

struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests", abstract: "Demandes de logement social : liste classée, fiche, enregistrement, recotation.",
        subcommands: [RequestsListCommand.self, RequestsShowCommand.self, RequestsAddCommand.self,
                      RequestsRescoreCommand.self, RequestsPurgeCommand.self])
}
