import GuichetCore

/// RGPD retention (brief §9): what the retention periods make due now and within the profile's
/// warning period, by number only.
extension Guichet {
    public func retentionNotice(on date: CalendarDate? = nil) async throws -> RetentionNotice {
        let schedule = RetentionSchedule(rules: profile.manifest.retention, today: date ?? today)
        return try await storage.read { s in
            RetentionNotice(schedule: schedule,
                            dossiers: try s.dossiersDueForAnonymisation(closedBefore: schedule.closedDossierWarningLimit),
                            requests: try s.struckOffRequests(before: schedule.struckOffRequestWarningLimit))
        }
    }
}
