import Foundation
import GuichetCore

/// A dossier as its sheet shows it (window, `guichet dossiers show`): the record, its scheme,
/// and its history in French.
public struct DossierSheet: Sendable {
    public var dossier: AidDossier
    /// Nil when the profile no longer has the dossier's scheme.
    public var scheme: AidScheme?
    public var history: [HistoryEvent]

    public init(dossier: AidDossier, scheme: AidScheme?, history: [HistoryEvent]) {
        self.dossier = dossier; self.scheme = scheme; self.history = history
    }

    /// The history as agents read it, most recent first: what changed, with the labels of the
    /// form and values in French ("Revenu fiscal de référence : 36 480,00 € → vide").
    public var historyLines: [String] { DossierHistoryText.lines(history) }
}

/// History events of a dossier in French, for the sheet and the command line.
public enum DossierHistoryText {
    /// Changes shown per event before "… et N autre(s) modification(s)".
    public static let changesPerEvent = 8

    public static func lines(_ events: [HistoryEvent], limit: Int = changesPerEvent) -> [String] {
        events.reversed().map { line($0, limit: limit) }
    }

    /// "22/11/2026 · modification (dupont) : Commune : Arques → Longuenesse ; …". A creation
    /// lists no fields (the dossier is all new); the status timeline, shown apart, is left out.
    public static func line(_ event: HistoryEvent, limit: Int = changesPerEvent) -> String {
        var head = "\(FrenchFormat.date(CalendarDate(dayOf: event.at))) · \(event.action) (\(event.agent))"
        if let comment = event.comment, !comment.isEmpty { head += " — \(comment)" }
        guard event.action != "création" else { return head }
        let shown = event.changes.filter { DossierFieldLabels.isShown($0) && !$0.field.hasPrefix("timeline") }
        guard !shown.isEmpty else { return head }
        var parts = shown.prefix(limit).map(DossierFieldLabels.sentence)
        if shown.count > limit { parts.append("… et \(shown.count - limit) autre(s) modification(s)") }
        return head + " : " + parts.joined(separator: " ; ")
    }
}
