import Foundation
import GtkKit
import GuichetCore
import GuichetStorage

/// Tells agents, in the Dossiers section, what the RGPD retention periods make due now and
/// within the profile's `warningDays` (brief §9). The count decodes every closed dossier, so it
/// runs on a background thread a few seconds after the window opened, out of the way of the
/// opening and of the first searches.
@MainActor
enum RetentionCheck {
    /// Shows the notice in `label` once counted (hidden when nothing is due or on failure), if
    /// the label is still in a window by then.
    static func start(workspace: Workspace, label: Label, today: CalendarDate,
                      after delay: Duration = .seconds(3)) {
        let schedule = RetentionSchedule(rules: workspace.profile.manifest.retention, today: today)
        Task { @MainActor [weak label] in
            try? await Task.sleep(for: delay)
            // Closed meanwhile (or never shown): nothing to tell, nothing to read.
            guard label?.rootWindow != nil else { return }
            let notice = await Task.detached(priority: .utility) { () -> RetentionNotice? in
                try? workspace.store.read { s in
                    RetentionNotice(schedule: schedule,
                                    dossiers: try s.dossiersDueForAnonymisation(closedBefore: schedule.closedDossierWarningLimit),
                                    requests: try s.struckOffRequests(before: schedule.struckOffRequestWarningLimit))
                }
            }.value
            label?.show(notice?.text)
        }
    }
}
