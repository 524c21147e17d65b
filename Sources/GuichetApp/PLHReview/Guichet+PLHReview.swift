import GuichetCore
import GuichetReports

/// The PLH's yearly review by action (issue 20): the review of a year (or the mid-term review of
/// the years so far), a measure's value entered by the service, a lever's progress, a
/// territorialised target, and their history. The computation is the core's (`PLHReview`,
/// `PLHIndicatorEngine`); each change is one write transaction, and one that changes nothing
/// writes nothing. Everything runs off the caller's thread.
extension Guichet {
    /// The PLH and its action sheets, or why this profile cannot review them.
    public func plhSheets() throws -> (plh: PLHProgramme, sheets: PLHActionSheets) {
        guard let plh = profile.plh, let sheets = profile.plhActions else {
            throw Unavailable("Le profil « \(profile.id) » ne contient pas les fiches actions du PLH (partie « plhActions »).")
        }
        return (plh, sheets)
    }

    /// The review of `year` (default: this year, inside the PLH), read in one snapshot.
    public func plhReview(year: Int? = nil, kind: PLHReview.Kind = .annual) async throws -> PLHReview {
        let (store, profile, year) = (storage.store, profile, year ?? today.year)
        _ = try plhSheets()
        return try await storage.detached { try Self.plhReview(store: store, profile: profile, year: year, kind: kind) }
    }

    /// The same, on the calling thread (report building, which runs detached already).
    static func plhReview(store: any GuichetStore, profile: TerritoryProfile, year: Int, kind: PLHReview.Kind) throws -> PLHReview {
        guard let plh = profile.plh else { throw Unavailable("Le profil « \(profile.id) » ne définit pas de PLH.") }
        let years = PLHReview.years(of: year, plh: plh)
        let (data, ledger) = try store.read { s in
            (try PLHReviewData.read(s, years: years), try profile.schemes.map { try BudgetLedger.read(in: s, catalog: $0, plh: plh) })
        }
        do { return try PLHReview.build(profile: profile, data: data, ledger: ledger, year: years.upperBound, kind: kind) } catch {
            throw Unavailable(error.description)
        }
    }

    func plhSheet(action: Int) throws -> (PLHProgramme, PLHActionSheet) {
        let (plh, sheets) = try plhSheets()
        guard let sheet = sheets.sheet(action) else {
            let numbers = plh.actions.map(\.number)
            throw Unavailable("Le PLH n'a pas d'action \(action) (actions \(numbers.min() ?? 1) à \(numbers.max() ?? 1)).")
        }
        return (plh, sheet)
    }

    /// Records a measure's value for a year: typed text for the figure (or some of its categories)
    /// and a comment. What is not given is kept as stored: the other categories, the comment
    /// (nil keeps it, an empty text clears it).
    public func setIndicator(action: Int, measure: String, year: Int, value: String?, parts: [(id: String, value: String)] = [],
                             comment: String?) async throws -> Saved<EnteredIndicatorValue> {
        let (plh, sheet) = try plhSheet(action: action)
        return try await storage.write { s in
            let stored = try s.enteredIndicatorValues(years: year...year).first { $0.action == action && $0.measure == measure }
            var allParts = parts
            if !parts.isEmpty, let kept = stored?.parts, let m = sheet.measure(measure) {
                let given = Set(parts.map { m.part(matching: $0.id)?.id ?? $0.id })
                allParts += kept.filter { !given.contains($0.key) }.sorted { $0.key < $1.key }
                    .map { (id: $0.key, value: IndicatorValue.format($0.value, m.kind)) }
            }
            let entry = try EnteredIndicatorValue.make(sheet: sheet, measureId: measure, year: year, years: plh.years, value: value,
                                                       parts: allParts, comment: comment ?? stored?.comment, agent: s.agent, on: s.clock.today())
            return Saved(entry, changed: try s.saveIndicatorValue(entry))
        }
    }

    /// Records where a lever stands in a year; a nil note keeps the stored one, an empty one clears it.
    public func setLever(action: Int, lever: String, year: Int, state: String, note: String?) async throws -> Saved<LeverProgress> {
        let (plh, sheet) = try plhSheet(action: action)
        return try await storage.write { s in
            let stored = try s.leverProgress(years: year...year).first { $0.action == action && $0.lever == lever }
            let p = try LeverProgress.make(sheet: sheet, leverId: lever, year: year, years: plh.years, state: state, note: note ?? stored?.note,
                                           agent: s.agent, on: s.clock.today())
            return Saved(p, changed: try s.saveLeverProgress(p))
        }
    }

    /// The communes the product knows (commune data, groups, programmes, dossiers of the PLH's
    /// years), by name and INSEE code, to read a target's territory.
    public func knownCommunes() async throws -> [(name: String, inseeCode: String)] {
        let (plh, _) = try plhSheets()
        let groups = profile.communeGroups?.groups ?? []
        let found: [String: String] = try await storage.read { s in
            var seen: [String: String] = [:]
            for c in try s.communeFacts() { if let code = c.inseeCode { seen[code.value] = c.name } }
            for g in groups { for c in g.communes { seen[c.inseeCode] = seen[c.inseeCode] ?? c.name } }
            for p in try s.allConstruction() { if let code = p.inseeCode { seen[code.value] = seen[code.value] ?? p.commune } }
            for f in try s.dossierReviewFacts(years: plh.years) where !f.inseeCode.isEmpty { seen[f.inseeCode] = seen[f.inseeCode] ?? f.commune }
            return seen
        }
        return found.map { (name: $0.value, inseeCode: $0.key) }.sorted { $0.name < $1.name }
    }

    /// Records (or, with `remove`, deletes) a production target for a commune or a group; a nil
    /// comment keeps the stored one.
    public func setTarget(territory: String, year: Int, product: String, dwellings: String?, comment: String?,
                          remove: Bool = false) async throws -> Saved<TerritorialTarget?> {
        let (plh, _) = try plhSheets()
        let communes = try await knownCommunes()
        let scope: TargetScope
        do { scope = try TargetScope.resolve(territory, groups: profile.communeGroups, communes: communes) } catch { throw ValidationErrors([error]) }
        guard let p = HousingProduct(parsing: product) else {
            throw ValidationErrors([ValidationError(field: "produit", "produit inconnu « \(InputLimits.quoted(product)) » (attendu : PLUS, PLAI, PLS ou accession)")])
        }
        let key = TerritorialTarget.key(scope: scope, year: year, product: p)
        if remove {
            return Saved(nil, changed: try await storage.write { try $0.removeTerritorialTarget(key: key) })
        }
        return try await storage.write { s in
            let stored = try s.territorialTargets(years: year...year).first { $0.key == key }
            let t = try TerritorialTarget.make(scope: scope, year: year, years: plh.years, product: product, dwellings: dwellings ?? "",
                                               comment: comment ?? stored?.comment, agent: s.agent, on: s.clock.today())
            return Saved(t, changed: try s.saveTerritorialTarget(t))
        }
    }

    /// The history of an entered value, a lever's year or a target, oldest first.
    public func plhHistory(entity: String, key: String) async throws -> [HistoryEvent] {
        try await storage.read { try $0.history(entity: entity, key: key) }
    }
}
