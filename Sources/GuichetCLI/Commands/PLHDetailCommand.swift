import ArgumentParser
import GuichetCore
import GuichetApp

/// `guichet plh detail ACTION MESURE --year A [--json]`: what makes a figure: its definition, its
/// splits and the dossiers, programmes or allocations it counts; or the entered value and its history.
struct PLHDetailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detail", abstract: "Détail d'un indicateur pour une année : définition, répartitions, dossiers ou programmes comptés, historique.")

    @Argument(help: "Numéro de l'action.") var action: Int
    @Argument(help: "Identifiant de la mesure (voir « guichet plh indicators »).") var measure: String
    @Option(name: .long, help: "Année (défaut : l'année en cours).") var year: Int?
    @Flag(name: .long, help: "Sortie JSON (la valeur calculée, ses répartitions et ses éléments).") var json = false

    func run() async throws {
        try PLHCommand.checkYear(year)
        let guichet = try GlobalOptions.openGuichet()
        let review = try await guichet.plhReview(year: year)
        guard let a = review.action(action) else { throw CLIFailure("le PLH n'a pas d'action \(action)", code: 64) }
        guard let m = a.measure(measure) else {
            throw CLIFailure("l'action \(action) n'a pas de mesure « \(measure) » (mesures : \(a.measures.map(\.measure.id).joined(separator: ", ")))", code: 64)
        }
        let y = review.year
        if json {
            if let f = m.values[y]?.figure { return try Console.json(f) }
            return try Console.json(m.values[y]?.entry)
        }
        Console.line("Action \(a.number) — \(m.indicator.text)")
        Console.line("\(m.label) (\(m.sourceLabel)), \(y) : \(m.text(y))")
        if let t = m.targetText { Console.line("Objectif : \(t) — PLH, action \(a.number) : « \(m.measure.target!.source.text) »") }
        if let d = m.definition { Console.line("Définition : \(d)") }
        if let f = m.values[y]?.figure {
            if let n = f.note { Console.line("Remarque : \(n)") }
            for s in f.splits {
                Console.line("Répartition \(s.breakdown.label) :")
                Console.table(["", "Valeur", "Éléments"], s.items.map { [$0.label, m.format($0.value), FrenchFormat.integer($0.members.count)] }, right: [1, 2])
            }
            Console.line("\(FrenchFormat.integer(f.members.count)) élément(s) compté(s) :")
            Console.table(["Clé", "Élément", "Apport"], f.members.map { [$0.key, $0.label, m.format($0.contribution)] }, right: [2])
        } else {
            if let e = m.entryText(y) { Console.line(e.prefix(1).uppercased() + e.dropFirst()) }
            let key = EnteredIndicatorValue.key(action: a.number, measure: m.measure.id, year: y)
            PLHHistoryCommand.print(try await guichet.plhHistory(entity: PLHReviewEntity.indicator, key: key), measure: m.measure)
        }
    }
}
