import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// Tells agents, in the Dossiers section, what the RGPD retention periods make due now and
/// within the profile's `warningDays` (brief §9). The count decodes every closed dossier, so it
/// is read a few seconds after the window opened, out of the way of the opening and of the first
/// searches.
@MainActor
enum RetentionCheck {
    /// Shows the notice in `label` once counted (hidden when nothing is due or on failure), if
    /// the label is still in a window by then.
    static func start(guichet: Guichet, label: Label, today: CalendarDate? = nil, after delay: Duration = .seconds(3)) {
        Task { @MainActor [weak label] in
            try? await Task.sleep(for: delay)
            // Closed meanwhile (or never shown): nothing to tell, nothing to read.
            guard label?.rootWindow != nil else { return }
            let notice = try? await guichet.retentionNotice(on: today)
            label?.show(notice?.text)
        }
    }
}
