import Foundation
import GuichetCore

/// What the retention schedule names on a day, read in one session: closed dossiers to anonymise
/// and struck-off requests to delete, due now or within the warning window. Numbers and dates
/// only: the list itself must not spread the personal data it is about to remove.
struct RGPDRetentionList: Encodable {
    struct Item: Encodable { var key: String; var since: CalendarDate; var dueOn: CalendarDate }
    struct Part: Encodable {
        var retentionYears: Int
        /// Records whose retention started strictly before this date are due.
        var before: CalendarDate
        var dueCount: Int
        var dueSoonCount: Int
        var due: [Item]
        var dueSoon: [Item]
    }
    var date: CalendarDate
    var warningDays: Int
    var warningEnd: CalendarDate
    var dossiers: Part
    var requests: Part

    init(schedule: RetentionSchedule, in s: any StoreSession) throws {
        let rules = schedule.rules
        date = schedule.today; warningDays = rules.warningDays; warningEnd = schedule.warningEnd
        dossiers = Self.part(years: rules.closedDossierYears, now: schedule.closedDossierLimit,
                             soon: try s.dossiersDueForAnonymisation(closedBefore: schedule.closedDossierWarningLimit),
                             dueOn: { schedule.dossierDueDate(retentionStart: $0) })
        requests = Self.part(years: rules.struckOffRequestYears, now: schedule.struckOffRequestLimit,
                             soon: try s.struckOffRequests(before: schedule.struckOffRequestWarningLimit),
                             dueOn: { schedule.requestDueDate(struckOffOn: $0) })
    }

    /// Splits what is due by the end of the window into due now and due later.
    private static func part(years: Int, now limit: CalendarDate, soon: [RetentionDue],
                             dueOn: (CalendarDate) -> CalendarDate) -> Part {
        let items = soon.map { Item(key: $0.key, since: $0.since, dueOn: dueOn($0.since)) }
        let due = items.filter { $0.since < limit }, later = items.filter { $0.since >= limit }
        return Part(retentionYears: years, before: limit, dueCount: due.count, dueSoonCount: later.count, due: due, dueSoon: later)
    }

    func printText() {
        Console.line("Échéances RGPD au \(FrenchFormat.date(date)) (alerte \(warningDays) jour(s) avant, jusqu'au \(FrenchFormat.date(warningEnd))) :")
        Self.print(dossiers, what: "dossier(s) clos à anonymiser", start: "délai compté depuis le",
                   rule: "\(dossiers.retentionYears) an(s) après la clôture")
        Self.print(requests, what: "demande(s) radiée(s) à supprimer", start: "radiée le",
                   rule: "\(requests.retentionYears) an(s) après la radiation")
    }

    private static func print(_ p: Part, what: String, start: String, rule: String) {
        Console.line("- \(FrenchFormat.integer(p.dueCount)) \(what) maintenant (conservation : \(rule)), "
                     + "\(FrenchFormat.integer(p.dueSoonCount)) de plus dans le délai d'alerte")
        for i in p.due { Console.line("    \(i.key)  \(start) \(FrenchFormat.date(i.since))  échu") }
        for i in p.dueSoon { Console.line("    \(i.key)  \(start) \(FrenchFormat.date(i.since))  échéance le \(FrenchFormat.date(i.dueOn))") }
    }
}
