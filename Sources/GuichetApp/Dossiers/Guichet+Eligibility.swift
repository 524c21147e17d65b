import GuichetCore

/// The rules of a dossier's scheme as the agent reads them — in the window's eligibility panel
/// and in `guichet dossiers show` — and the agent's own checks of the conditions whose figure no
/// binding text gives (the PLH names « l'ancienneté du bien » without a year: the agent says
/// whether it is met, with a note, until the service fixes a value).
extension Guichet {
    /// Every rule of the dossier's scheme with its state and source, and the computed amount,
    /// for the dossier as shown (the form's typed values included); nil when the profile no
    /// longer has the scheme. Pure: the window calls it on every keystroke.
    public func eligibility(of d: AidDossier, on date: CalendarDate? = nil) -> EligibilityResult? {
        guard let scheme = profile.schemes?.scheme(code: d.schemeCode) else { return nil }
        return EligibilityCheck.evaluate(d, scheme: scheme, on: date ?? today)
    }

    /// Whether the agent may still record findings on the dossier: a stored dossier that is
    /// neither granted, closed nor anonymised (a decision was taken on what was checked then).
    public func acceptsChecks(_ d: AidDossier) -> Bool {
        !d.status.isClosed && d.grant == nil && !d.isAnonymised
    }

    /// Records the agent's finding on a condition the product does not check itself (no binding
    /// figure): met or not, with a note. Refused for a condition checked from the dossier's facts.
    /// `form`: what the window's form shows, applied in the same write transaction (as for an
    /// action), so a finding recorded from the form never drops what the agent typed.
    public func recordCheck(_ condition: String, met: Bool, note: String?, on number: DossierNumber, date: CalendarDate? = nil,
                            expectedVersion: Int? = nil, form: DossierFormInput? = nil) async throws -> AidDossier {
        let catalog = try catalog()
        let day = date ?? today
        return try await storage.write { s in
            let (stored, scheme, edited) = try Self.edited(number, form: form, catalog: catalog, in: s)
            var d = edited
            guard let c = scheme.conditions.first(where: { $0.conditionID == condition }) else {
                throw ValidationError(field: "condition", "condition « \(condition) » inconnue pour le dispositif \(scheme.code) (attendu : \(scheme.conditions.map(\.conditionID).joined(separator: ", ")))")
            }
            guard !c.isCheckedByProduct else {
                throw ValidationError(field: "condition", "« \(c.text) » est contrôlée à partir du dossier (seuil fixé par : \(c.thresholdSource.orDefault.label)) : renseignez le dossier")
            }
            guard self.acceptsChecks(d) else {
                throw ValidationError(field: "condition", "le dossier \(number) est « \(d.status.label) » : ses conditions ne se vérifient plus")
            }
            let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            d.record(check: RecordedCheck(condition: condition, met: met, note: text?.isEmpty == true ? nil : text, date: day, agent: s.agent))
            return try s.updateDossier(d, expectedVersion: expectedVersion ?? stored.version)
        }
    }
}
