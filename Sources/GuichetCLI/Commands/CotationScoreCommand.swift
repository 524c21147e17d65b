import ArgumentParser
import Foundation
import GuichetCore

struct CotationScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Calcule la cotation d'une demande décrite dans un fichier JSON, sans l'enregistrer.",
        discussion: """
        Le fichier donne la date du calcul (computedOn), la date de la demande, les membres du ménage (rôle et
        date de naissance), les ressources annuelles en centimes, le logement actuel, les critères déclarés
        (id de la grille, justificatif valide ou non), les propositions en CAL et, au besoin, les communes et
        typologies souhaitées. Facultatifs : les noms du demandeur et du co-demandeur (lastName, firstName),
        la personne concernée par un critère (member, rang dans members à partir de 0) et l'issue d'une
        proposition en CAL (outcome : notRetained par défaut, allocated, refusedJustified, refusedUnjustified).
        """)

    @Argument(help: "Fichier JSON de la demande.")
    var file: String

    @Option(name: .long, help: "Territoire dont la grille est utilisée (sinon celui de la base, sinon « demo »).")
    var territory: String?

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() throws {
        let choice = try GridChoice.resolve(territory: territory)
        let (request, date) = try InputFile.request(path: file, grid: choice.grid)
        let result = CotationEngine.score(request, grid: choice.grid, on: date)
        if json { try Console.json(result); return }
        Console.line("Cotation au \(FrenchFormat.date(date)) — grille \(result.gridVersion) (\(choice.origin))")
        Console.line()
        RequestText.linesTable(result.lines)
        Console.line()
        Console.line("Total : \(RequestText.points(result.total)) points")
        var figures = ["UC : \(FrenchFormat.integer(result.ucTenths / 10)),\(result.ucTenths % 10)"]
        if let perUc = result.incomePerUc { figures.append("ressources par UC : \(FrenchFormat.money(perUc))") }
        if let t = result.quartileThreshold { figures.append("seuil \(t.year) du 1er quartile : \(FrenchFormat.money(t.perUc))") }
        if let e = result.tauxEffort { figures.append("taux d'effort : \(FrenchFormat.percent(e, decimals: 2))") }
        if let rav = result.ravPerPersonPerDay { figures.append("reste à vivre : \(FrenchFormat.money(rav)) par personne et par jour") }
        Console.line(figures.joined(separator: " — "))
        Console.line("Ménage prioritaire : \(RequestText.yesNo(result.isPriorityHousehold))")
        RequestText.priorityFindings(result.priority)
    }
}
