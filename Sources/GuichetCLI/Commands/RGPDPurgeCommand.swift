import ArgumentParser
import Foundation
import GuichetCore

/// `guichet rgpd purge [--date AAAA-MM-JJ] [--dry-run] [--json]`: anonymises the closed dossiers and
/// deletes the struck-off requests whose retention period ended, by short transactions (`RGPDPurge`).
struct RGPDPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Anonymise les dossiers clos et supprime les demandes radiées dont la durée de conservation est échue.",
        discussion: "Les montants des dossiers anonymisés restent dans les chiffres du budget ; leur historique est remplacé "
            + "par une ligne « anonymisation RGPD ». Les dossiers sont traités par lots de \(RGPDPurge.chunk), chacun entier ou pas "
            + "du tout, pour ne jamais bloquer les autres postes : une purge interrompue se termine en la relançant.")

    @Option(name: .long, help: "Date de référence (AAAA-MM-JJ, défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Affiche ce qui serait fait, sans rien modifier.") var dryRun = false
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    struct Output: Encodable {
        var date: CalendarDate
        var dryRun: Bool
        var anonymisedDossiers: Int
        var closedBefore: CalendarDate
        var purgedRequests: Int
        var struckOffBefore: CalendarDate
        var dossiers: [String]?
        /// False when the storage could not yet wipe the old copies of what was removed.
        var oldCopiesErased: Bool?
    }

    func run() throws {
        let today = try DossierArguments.date(date)
        let ws = try GlobalOptions.openWorkspace()
        let schedule = RetentionSchedule(rules: ws.profile.manifest.retention, today: today)
        let dossierLimit = schedule.closedDossierLimit, requestLimit = schedule.struckOffRequestLimit
        var out: Output
        if dryRun {
            out = try ws.store.read { s in
                let due = try s.dossiersDueForAnonymisation(closedBefore: dossierLimit)
                return Output(date: today, dryRun: true, anonymisedDossiers: due.count, closedBefore: dossierLimit,
                              purgedRequests: try s.struckOffRequests(before: requestLimit).count, struckOffBefore: requestLimit,
                              dossiers: due.map(\.key))
            }
        } else {
            let done = try RGPDPurge.run(ws.store, dossiersClosedBefore: dossierLimit, requestsStruckOffBefore: requestLimit, on: today)
            out = Output(date: today, dryRun: false, anonymisedDossiers: done.anonymisedDossiers, closedBefore: dossierLimit,
                         purgedRequests: done.purgedRequests, struckOffBefore: requestLimit, dossiers: nil)
            // Also when nothing was due: a rerun wipes what an earlier run could not.
            out.oldCopiesErased = try ws.store.eraseRemovedData()
        }
        if out.oldCopiesErased == false {
            Console.error("Attention : la base est ouverte sur un autre poste ; son journal (fichier -wal) garde une copie des "
                          + "données effacées. Relancez « guichet rgpd purge » quand plus personne ne l'a ouverte.")
        }
        if json { try Console.json(out); return }
        let verb = dryRun ? "seraient" : "ont été"
        Console.line("\(FrenchFormat.integer(out.anonymisedDossiers)) dossier(s) clos avant le \(FrenchFormat.date(dossierLimit)) \(verb) anonymisé(s) ; "
                     + "\(FrenchFormat.integer(out.purgedRequests)) demande(s) radiée(s) avant le \(FrenchFormat.date(requestLimit)) \(verb) supprimée(s).")
        if let numbers = out.dossiers, !numbers.isEmpty { Console.line("Dossiers : " + numbers.joined(separator: ", ")) }
    }
}
