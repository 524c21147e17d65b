import ArgumentParser

struct CotationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cotation", abstract: "Grille de cotation des demandes de logement social : critères et calcul d'un score.",
        discussion: """
        La grille utilisée est celle du territoire donné par --territory, sinon celle du profil de la base
        (--database, ou la base par défaut si elle existe), sinon celle du profil « demo ».
        """,
        subcommands: [CotationScoreCommand.self, CotationCriteriaCommand.self])
}
