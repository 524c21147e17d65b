/// What the window tells agents about the retention schedule (brief §9): how many closed
/// dossiers and struck-off requests are due now, and how many more by the end of the warning
/// window (`warningDays`). Counts and a date only: never a name.
public struct RetentionNotice: Sendable, Equatable {
    public var dossiersDue: Int
    public var dossiersDueSoon: Int
    public var requestsDue: Int
    public var requestsDueSoon: Int
    public var warningEnd: CalendarDate

    /// From what is due by the end of the warning window (`closedDossierWarningLimit`,
    /// `struckOffRequestWarningLimit`), split at today's limits.
    public init(schedule: RetentionSchedule, dossiers: [RetentionDue], requests: [RetentionDue]) {
        dossiersDue = dossiers.filter { $0.since < schedule.closedDossierLimit }.count
        dossiersDueSoon = dossiers.count - dossiersDue
        requestsDue = requests.filter { $0.since < schedule.struckOffRequestLimit }.count
        requestsDueSoon = requests.count - requestsDue
        warningEnd = schedule.warningEnd
    }

    /// The sentence shown, nil when nothing is due by the end of the warning window.
    public var text: String? {
        var parts: [String] = []
        let now = Self.list(dossiersDue, requestsDue)
        if !now.isEmpty { parts.append("à traiter maintenant : " + now) }
        let soon = Self.list(dossiersDueSoon, requestsDueSoon)
        if !soon.isEmpty { parts.append("d’ici le \(FrenchFormat.date(warningEnd)) : " + soon) }
        guard !parts.isEmpty else { return nil }
        return "Durées de conservation (RGPD) échues — " + parts.joined(separator: " ; ")
            + ". Les dossiers clos sont anonymisés et les demandes radiées supprimées par « guichet rgpd purge »."
    }

    private static func list(_ dossiers: Int, _ requests: Int) -> String {
        var items: [String] = []
        if dossiers > 0 { items.append("\(FrenchFormat.integer(dossiers)) dossier\(dossiers > 1 ? "s" : "") clos") }
        if requests > 0 { items.append("\(FrenchFormat.integer(requests)) demande\(requests > 1 ? "s" : "") radiée\(requests > 1 ? "s" : "")") }
        return items.joined(separator: " et ")
    }
}
