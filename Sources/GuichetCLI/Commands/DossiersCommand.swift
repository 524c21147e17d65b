import ArgumentParser

/// `guichet dossiers …`: aid dossiers, from the list to every step of their life.
struct DossiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossiers", abstract: "Dossiers d'aide : liste, fiche, création, pièces, vérifications, décisions, versements.",
        subcommands: [DossiersListCommand.self, DossiersShowCommand.self, DossiersNewCommand.self, DossiersDocumentCommand.self, DossiersCheckCommand.self,
                      DossiersTransitionCommand.self, DossiersPayCommand.self, DossiersSettleCommand.self, DossiersSaleCommand.self],
        defaultSubcommand: DossiersListCommand.self)
}
