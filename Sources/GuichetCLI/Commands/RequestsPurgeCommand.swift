import ArgumentParser
import Foundation
import GuichetCore

struct RequestsPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Supprime les demandes radiées depuis plus longtemps que la durée de conservation du profil (RGPD).",
        discussion: "La durée est le paramètre retention.struckOffRequestYears du territoire (1 an par défaut, règle nationale).")

    @Option(name: .long, help: "Date de référence (par défaut aujourd'hui).")
    var date: String?

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Output: Encodable { var purged: Int; var struckOffBefore: CalendarDate; var retentionYears: Int }

    func run() throws {
        let today = try RequestText.date(date, option: "--date")
        let ws = try GlobalOptions.openWorkspace()
        let rules = ws.profile.manifest.retention
        let limit = rules.struckOffPurgeLimit(today: today)
        let purged = try ws.store.write { try $0.purgeStruckOffRequests(before: limit) }
        if purged > 0 { _ = try ws.store.eraseRemovedData() }
        if json { try Console.json(Output(purged: purged, struckOffBefore: limit, retentionYears: rules.struckOffRequestYears)); return }
        Console.line("\(FrenchFormat.integer(purged)) demande(s) radiée(s) avant le \(FrenchFormat.date(limit)) supprimée(s) "
                     + "(conservation : \(rules.struckOffRequestYears) an(s) après la radiation).")
    }
}
