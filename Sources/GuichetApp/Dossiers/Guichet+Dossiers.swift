import Foundation
import GuichetCore

/// Aid dossiers: reading lists and sheets, creating, editing, and every step of the lifecycle.
/// Each write is one transaction that reads the dossier, applies the change through
/// `DossierLifecycle`, and saves it at the version the agent saw (optimistic locking; storage
/// records the field history).
extension Guichet {
    /// The territory's schemes; a profile without any cannot instruct dossiers.
    public func catalog() throws -> SchemeCatalog {
        guard let c = profile.schemes else {
            throw Unavailable("Le profil du territoire « \(profile.id) » ne définit aucun dispositif d'aide.")
        }
        return c
    }

    public func scheme(_ code: String) throws -> AidScheme {
        let catalog = try catalog()
        guard let s = catalog.scheme(code: code) else {
            throw ValidationError(field: "dispositif", "dispositif inconnu « \(code) » (attendu : \(catalog.schemes.map(\.code).joined(separator: ", ")))")
        }
        return s
    }

    // MARK: Reading

    /// The rows of a list page and the number of all matches, read together.
    public func dossierRowPage(_ query: DossierQuery) async throws -> DossierRowPage {
        try await storage.read { try $0.dossierRowPage(query) }
    }

    /// Whole dossiers of a query and the number of all matches (the command line's list).
    public func dossiers(_ query: DossierQuery) async throws -> (total: Int, dossiers: [AidDossier]) {
        try await storage.read { s in (try s.countDossiers(query), try s.dossiers(query)) }
    }

    public func dossier(_ number: DossierNumber) async throws -> AidDossier? {
        try await storage.read { try $0.dossier(number: number) }
    }

    /// A dossier with its scheme and its history, as its sheet shows it.
    public func dossierSheet(_ number: DossierNumber) async throws -> DossierSheet {
        let catalog = profile.schemes
        return try await storage.read { s in
            let d = try Self.load(number, in: s)
            return DossierSheet(dossier: d, scheme: catalog?.scheme(code: d.schemeCode),
                                history: try s.history(entity: "dossier", key: number.formatted))
        }
    }

    // MARK: Creating

    /// Opens a new draft dossier from a file's draft (`guichet dossiers new`).
    public func createDossier(_ draft: DossierDraft, scheme code: String, on date: CalendarDate? = nil) async throws -> AidDossier {
        let scheme = try scheme(code.uppercased())
        let day = date ?? today
        return try await storage.write { s in try Self.insert(draft, documents: [], scheme: scheme, on: day, in: s) }
    }

    /// Opens a new draft dossier from the form: the same dossier, initial "brouillon" line and
    /// computed amount as from a file.
    public func createDossier(from form: DossierFormInput, on date: CalendarDate? = nil) async throws -> AidDossier {
        let scheme = try scheme(form.schemeCode)
        let day = date ?? today
        let result = form.result(over: DossierFormModel.blank(scheme: scheme, kind: form.applicantKind, year: day.year, createdAt: clock.now()), scheme: scheme)
        guard result.isValid else { throw InvalidForm(result) }
        let d = result.dossier
        let draft = DossierDraft(plhAction: d.plhAction, applicant: d.applicant, property: d.property, facts: d.facts,
                                 requestedAmount: d.requestedAmount)
        return try await storage.write { s in try Self.insert(draft, documents: d.documents, scheme: scheme, on: day, in: s) }
    }

    /// The next free number of (year, scheme), the draft's checks, then the insert.
    static func insert(_ draft: DossierDraft, documents: [SupportingDocument], scheme: AidScheme, on day: CalendarDate,
                       in s: any StoreSession) throws -> AidDossier {
        let number = try s.nextDossierNumber(year: day.year, scheme: scheme.code)
        var d = try draft.makeDossier(number: number, scheme: scheme, on: day, agent: s.agent, createdAt: s.clock.now())
        d.documents = documents
        return try s.insertDossier(d)
    }

    // MARK: Editing

    /// Saves what the agent changed in the form over the dossier read at `expectedVersion`;
    /// nothing is written when nothing changed.
    public func saveDossier(_ number: DossierNumber, expectedVersion: Int, form: DossierFormInput) async throws -> Saved<AidDossier> {
        let catalog = try catalog()
        return try await storage.write { s in
            let stored = try Self.load(number, in: s)
            let scheme = try Self.scheme(of: stored, in: catalog)
            let result = form.result(over: stored, scheme: scheme)
            guard result.isValid else { throw InvalidForm(result) }
            if result.dossier == stored { return Saved(stored, changed: false) }
            return Saved(try s.updateDossier(result.dossier, expectedVersion: expectedVersion), changed: true)
        }
    }

    /// Marks a supporting document of the scheme's checklist received, valid or invalid.
    public func recordDocument(_ id: String, state: SupportingDocument.State, comment: String? = nil, on number: DossierNumber,
                               date: CalendarDate? = nil, expectedVersion: Int? = nil) async throws -> AidDossier {
        let catalog = try catalog()
        let day = date ?? today
        return try await storage.write { s in
            var d = try Self.load(number, in: s)
            let scheme = try Self.scheme(of: d, in: catalog)
            guard scheme.documents.contains(where: { $0.id == id }) else {
                throw ValidationError(field: "piece", "pièce « \(id) » inconnue pour le dispositif \(scheme.code) (attendu : \(scheme.documents.map(\.id).joined(separator: ", ")))")
            }
            guard !d.status.isClosed else {
                throw ValidationError(field: "piece", "le dossier \(number) est « \(d.status.label) » : ses pièces ne changent plus")
            }
            let version = d.version
            d.record(document: SupportingDocument(id: id, state: state, date: day, comment: comment))
            return try s.updateDossier(d, expectedVersion: expectedVersion ?? version)
        }
    }

    /// Records the agent's finding on a condition the product does not check itself (no binding
    /// figure): met or not, with a note. Refused for a condition checked from the dossier's facts.
    public func recordCheck(_ condition: String, met: Bool, note: String?, on number: DossierNumber, date: CalendarDate? = nil,
                            expectedVersion: Int? = nil) async throws -> AidDossier {
        let catalog = try catalog()
        let day = date ?? today
        return try await storage.write { s in
            var d = try Self.load(number, in: s)
            let scheme = try Self.scheme(of: d, in: catalog)
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
            d.record(check: RecordedCheck(condition: condition, met: met, note: text?.isEmpty == true ? nil : text, date: day, agent: s.agent))
            return try s.updateDossier(d, expectedVersion: expectedVersion ?? version)
        }
    }

    // MARK: Lifecycle

    /// Performs an agent's action on a dossier in one write transaction: the form's changes when
    /// given, then the step; a grant is checked against its envelope in the same transaction
    /// (two agents granting at once cannot both pass the check) and needs every mandatory
    /// document valid. `expectedVersion`: the version the agent saw (default: the stored one).
    public func perform(_ action: DossierAction, on number: DossierNumber, expectedVersion: Int? = nil,
                        form: DossierFormInput? = nil, date: CalendarDate? = nil) async throws -> AidDossier {
        let catalog = try catalog()
        let day = date ?? today
        return try await storage.write { s in
            let stored = try Self.load(number, in: s)
            let scheme = try Self.scheme(of: stored, in: catalog)
            var d = stored
            if let form {
                let result = form.result(over: stored, scheme: scheme)
                guard result.isValid else { throw InvalidForm(result) }
                d = result.dossier
            }
            let transition = try action.transition(for: d, scheme: scheme, on: day)
            var ledger: BudgetLedger?
            if case .grant = transition {
                // A total over the PLH period is checked against every year's commitments.
                let owner = catalog.scheme(code: scheme.envelope.fromScheme ?? scheme.code)
                let years: ClosedRange<Int>? = owner?.envelope.period != nil ? nil : day.year...day.year
                ledger = BudgetLedger(catalog: catalog, figures: try s.budgetFigures(years: years))
            }
            let next = try DossierLifecycle(scheme: scheme, budget: ledger).apply(transition, to: d, on: day, agent: s.agent)
            return try s.updateDossier(next, expectedVersion: expectedVersion ?? stored.version)
        }
    }

    /// Refuses at once, with the lifecycle's French message, an action the dossier as shown cannot
    /// take (missing documents, amount above the cap, no reason…): no question is asked for an
    /// action that would be refused. The envelope is checked by `perform`, in its transaction.
    public func precheck(_ action: DossierAction, on d: AidDossier, date: CalendarDate? = nil) throws {
        let scheme = try scheme(d.schemeCode)
        let day = date ?? today
        _ = try DossierLifecycle(scheme: scheme).apply(try action.transition(for: d, scheme: scheme, on: day), to: d, on: day, agent: "")
    }

    /// The question to ask before `action` (nil when none is needed), from the dossier as shown.
    public func confirmation(for action: DossierAction, on d: AidDossier, date: CalendarDate? = nil) -> Confirmation? {
        guard let scheme = profile.schemes?.scheme(code: d.schemeCode) else { return nil }
        return action.confirmation(for: d, scheme: scheme, on: date ?? today)
    }

    // MARK: Helpers

    static func load(_ number: DossierNumber, in s: any StoreSession) throws -> AidDossier {
        guard let d = try s.dossier(number: number) else { throw StoreError.notFound(entity: "dossier", key: number.formatted) }
        return d
    }

    static func scheme(of d: AidDossier, in catalog: SchemeCatalog) throws -> AidScheme {
        guard let sc = catalog.scheme(code: d.schemeCode) else {
            throw ValidationError(field: "schemeCode", "dispositif « \(d.schemeCode) » absent du profil du territoire")
        }
        return sc
    }
}
