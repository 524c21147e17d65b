import ArgumentParser
import Foundation
import GuichetCore

/// `guichet rgpd echeances [--date AAAA-MM-JJ] [--json]`: what the retention periods make due.
struct RGPDScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echeances",
        abstract: "Liste les dossiers clos à anonymiser et les demandes radiées à supprimer, maintenant et dans le délai d'alerte.",
        discussion: "Durées du profil du territoire : retention.closedDossierYears, retention.struckOffRequestYears, "
            + "retention.warningDays. Seuls les numéros et les dates sont affichés, jamais les noms.")

    @Option(name: .long, help: "Date de référence (AAAA-MM-JJ, défaut : aujourd'hui).") var date: String?
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    func run() throws {
        let today = try DossierArguments.date(date)
        let ws = try GlobalOptions.openWorkspace()
        let schedule = RetentionSchedule(rules: ws.profile.manifest.retention, today: today)
        let list = try ws.store.read { try RGPDRetentionList(schedule: schedule, in: $0) }
        if json { try Console.json(list) } else { list.printText() }
    }
}
