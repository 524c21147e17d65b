import Foundation

/// The writes an agent makes on a dossier, shared by the window and the command line: each reads
/// the dossier, applies the change through `DossierLifecycle`, and saves it at the version read
/// (optimistic locking; storage records the field history). Call inside `store.write`.
public enum DossierActions {
    /// Applies a transition. `expectedVersion` is the version the agent saw (defaults to the stored one);
    /// a grant is checked against the envelope of the decision's year.
    public static func apply(_ t: DossierTransition, to number: DossierNumber, catalog: SchemeCatalog, on date: CalendarDate,
                             expectedVersion: Int? = nil, in s: any StoreSession) throws -> AidDossier {
        let d = try load(number, in: s)
        let scheme = try scheme(of: d, catalog: catalog)
        var ledger: BudgetLedger?
        if case .grant = t {
            // A total over the PLH period is checked against every year's commitments.
            let owner = catalog.scheme(code: catalog.scheme(code: d.schemeCode)?.envelope.fromScheme ?? d.schemeCode)
            let years: ClosedRange<Int>? = owner?.envelope.period != nil ? nil : date.year...date.year
            ledger = BudgetLedger(catalog: catalog, figures: try s.budgetFigures(years: years))
        }
        let next = try DossierLifecycle(scheme: scheme, budget: ledger).apply(t, to: d, on: date, agent: s.agent)
        return try s.updateDossier(next, expectedVersion: expectedVersion ?? d.version)
    }

    /// Marks a supporting document of the scheme's checklist received, valid or invalid.
    public static func recordDocument(_ id: String, state: SupportingDocument.State, comment: String?, number: DossierNumber,
                                      catalog: SchemeCatalog, on date: CalendarDate, expectedVersion: Int? = nil,
                                      in s: any StoreSession) throws -> AidDossier {
        var d = try load(number, in: s)
        let scheme = try scheme(of: d, catalog: catalog)
        guard scheme.documents.contains(where: { $0.id == id }) else {
            throw ValidationError(field: "piece", "pièce « \(id) » inconnue pour le dispositif \(scheme.code) (attendu : \(scheme.documents.map(\.id).joined(separator: ", ")))")
        }
        guard !d.status.isClosed else {
            throw ValidationError(field: "piece", "le dossier \(number) est « \(d.status.label) » : ses pièces ne changent plus")
        }
        let version = d.version
        d.record(document: SupportingDocument(id: id, state: state, date: date, comment: comment))
        return try s.updateDossier(d, expectedVersion: expectedVersion ?? version)
    }

    /// Records the agent's finding on a condition the product does not check itself (no binding
    /// figure): met or not, with a note. Refused for a condition checked from the dossier's facts.
    public static func recordCheck(_ condition: String, met: Bool, note: String?, number: DossierNumber, catalog: SchemeCatalog,
                                   on date: CalendarDate, expectedVersion: Int? = nil, in s: any StoreSession) throws -> AidDossier {
        var d = try load(number, in: s)
        let scheme = try scheme(of: d, catalog: catalog)
        guard let c = scheme.conditions.first(where: { $0.conditionID == condition }) else {
            throw ValidationError(field: "condition", "condition « \(condition) » inconnue pour le dispositif \(scheme.code) (attendu : \(scheme.conditions.map(\.conditionID).joined(separator: ", ")))")
        }
        guard !c.isCheckedByProduct else {
            throw ValidationError(field: "condition", "« \(c.text) » est contrôlée à partir du dossier (seuil fixé par : \(c.thresholdSource.orDefault.label)) : renseignez le dossier")
        }
        guard !d.status.isClosed, d.grant == nil else {
            throw ValidationError(field: "condition", "le dossier \(number) est « \(d.status.label) » : ses conditions ne se vérifient plus")
        }
        let version = d.version
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        d.record(check: RecordedCheck(condition: condition, met: met, note: text?.isEmpty == true ? nil : text, date: date, agent: s.agent))
        return try s.updateDossier(d, expectedVersion: expectedVersion ?? version)
    }

    /// Opens a new draft dossier with the next free number of (year, scheme).
    public static func create(_ draft: DossierDraft, scheme: AidScheme, on date: CalendarDate, in s: any StoreSession) throws -> AidDossier {
        let number = try s.nextDossierNumber(year: date.year, scheme: scheme.code)
        return try s.insertDossier(try draft.makeDossier(number: number, scheme: scheme, on: date, agent: s.agent, createdAt: s.clock.now()))
    }

    public static func load(_ number: DossierNumber, in s: any StoreSession) throws -> AidDossier {
        guard let d = try s.dossier(number: number) else { throw StoreError.notFound(entity: "dossier", key: number.formatted) }
        return d
    }

    static func scheme(of d: AidDossier, catalog: SchemeCatalog) throws -> AidScheme {
        guard let sc = catalog.scheme(code: d.schemeCode) else {
            throw ValidationError(field: "schemeCode", "dispositif « \(d.schemeCode) » absent du profil du territoire")
        }
        return sc
    }
}
