import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct RequestsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Liste les demandes classées par cotation (la plus ancienne d'abord à points égaux).")

    @Option(name: .long, help: "Commune souhaitée (code INSEE ou nom).")
    var commune: String?

    @Option(name: .long, help: "Typologie souhaitée (T1, T2, T3, T4, T5+).")
    var typology: String?

    @Flag(name: .long, help: "Seulement les ménages prioritaires.")
    var priority = false

    @Option(name: .long, help: "Recherche dans le numéro de demande, le numéro unique et les communes.")
    var text: String?

    @Flag(name: .customLong("include-struck-off"), help: "Inclut les demandes radiées.")
    var includeStruckOff = false

    @Option(name: .long, help: "Nombre maximal de demandes affichées.")
    var limit: Int = 50

    @Option(name: .long, help: "Nombre de demandes sautées en tête de classement (pagination).")
    var offset: Int = 0

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Output: Encodable { var count: Int; var offset: Int; var requests: [Entry] }
    struct Entry: Encodable {
        var position: Int, id: String, sneNumber: String?, requestDate: CalendarDate
        var score: Int?, gridVersion: String?, computedOn: CalendarDate?, isPriorityHousehold: Bool
        var wishedCommunes: [WishedCommune], wishedTypologies: [Typology], struckOffOn: CalendarDate?
    }

    func validate() throws {
        guard limit >= 0, offset >= 0 else { throw ArgumentParser.ValidationError("--limit et --offset doivent être positifs") }
    }

    func run() async throws {
        let query = RequestQuery(text: text, commune: commune, typology: try RequestText.typology(typology), priorityOnly: priority,
                                 includeStruckOff: includeStruckOff, offset: offset, limit: limit)
        let (count, page) = try await GlobalOptions.openGuichet().requests(query)
        let entries = page.enumerated().map { i, s in
            Entry(position: offset + i + 1, id: s.id, sneNumber: s.request.sneNumber, requestDate: s.request.requestDate,
                  score: s.score?.total, gridVersion: s.score?.gridVersion, computedOn: s.score?.computedOn,
                  isPriorityHousehold: s.score?.isPriorityHousehold ?? false, wishedCommunes: s.request.wishedCommunes,
                  wishedTypologies: s.request.wishedTypologies, struckOffOn: s.request.struckOffOn)
        }
        if json { try Console.json(Output(count: count, offset: offset, requests: entries)); return }
        Console.table(["Rang", "Demande", "N° unique", "Déposée le", "Points", "Prioritaire", "Communes souhaitées", "Typologies"],
                      zip(entries, page).map { e, s in
                          [FrenchFormat.integer(e.position), e.id + (e.struckOffOn == nil ? "" : " (radiée)"), e.sneNumber ?? "—",
                           FrenchFormat.date(e.requestDate), e.score.map(RequestText.points) ?? "—",
                           RequestText.yesNo(e.isPriorityHousehold), RequestText.communes(s.request), RequestText.typologies(s.request)]
                      }, right: [0, 4])
        Console.line()
        Console.line("\(FrenchFormat.integer(entries.count)) demande(s) affichée(s) sur \(FrenchFormat.integer(count)).")
    }
}
