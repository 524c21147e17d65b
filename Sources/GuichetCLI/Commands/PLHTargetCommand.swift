import ArgumentParser
import GuichetCore
import GuichetApp

/// `guichet plh target TERRITOIRE --year A --product PLUS|PLAI|PLS|accession --dwellings N [--comment C] [--remove]`.
struct PLHTargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "Saisit un objectif territorialisé de production (commune ou groupe, année, produit).",
        discussion: "TERRITOIRE : nom ou code INSEE d'une commune, ou « groupe:ID » (groupes de communes du profil).")

    @Argument(help: "Commune (nom ou code INSEE) ou groupe (« groupe:ID »).") var territory: String
    @Option(name: .long, help: "Année.") var year: Int
    @Option(name: .long, help: "Produit : PLUS, PLAI, PLS ou accession.") var product: String
    @Option(name: .long, help: "Nombre de logements.") var dwellings: String?
    @Option(name: .long, help: "Commentaire.") var comment: String?
    @Flag(name: .long, help: "Supprime l'objectif (l'historique le garde).") var remove = false
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        try PLHCommand.checkYear(year)
        if !remove && dwellings == nil { throw CLIFailure("--dwellings : indiquez le nombre de logements (ou --remove)", code: 64) }
        let guichet = try GlobalOptions.openGuichet()
        let saved = try await guichet.setTarget(territory: territory, year: year, product: product, dwellings: dwellings, comment: comment, remove: remove)
        if json { return try Console.json(saved.value) }
        if remove { return Console.line(saved.changed ? "Objectif supprimé." : "Aucun objectif à supprimer.") }
        Console.line(saved.changed ? "Enregistré : \(saved.value!.scope.label), \(year), \(saved.value!.product.label) : \(saved.value!.dwellings) logements." : "Aucun changement.")
    }
}

/// `guichet plh targets [--year A] [--json]`: the year's targets and what was produced against them.
struct PLHTargetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets", abstract: "Objectifs territorialisés d'une année et leur atteinte (programmes financés, ménages aidés en accession).")

    @Option(name: .long, help: "Année (défaut : l'année en cours).") var year: Int?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() async throws {
        try PLHCommand.checkYear(year)
        let guichet = try GlobalOptions.openGuichet()
        let review = try await guichet.plhReview(year: year)
        if json { return try Console.json(review.territorial) }
        guard !review.territorial.isEmpty else { return Console.line("Aucun objectif territorialisé pour \(review.year).") }
        Console.table(["Territoire", "Produit", "Objectif", "Réalisé", "Atteinte", "Écart"], review.territorial.map {
            [$0.target.scope.label, $0.target.product.label, FrenchFormat.integer($0.target.dwellings), FrenchFormat.integer($0.produced),
             $0.share.map { FrenchFormat.percent($0) } ?? "—", ($0.gap > 0 ? "+" : "") + FrenchFormat.integer($0.gap)]
        }, right: [2, 3, 4, 5])
    }
}
