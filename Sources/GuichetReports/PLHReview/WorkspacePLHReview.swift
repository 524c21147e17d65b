import GuichetCore
import GuichetStorage

/// The PLH review's use cases on an open workspace, written once for the command line and the
/// window (they move to the application layer with the others): read the review of a year,
/// enter an indicator's value, a lever's progress, a territorialised target, read their history.
/// Each change is one write transaction; a change that changes nothing writes nothing.
public enum WorkspacePLHReview {
    public static func sheets(_ ws: Workspace) throws -> (plh: PLHProgramme, sheets: PLHActionSheets) {
        guard let plh = ws.profile.plh, let sheets = ws.profile.plhActions else {
            throw WorkspaceReports.Unavailable("Le profil « \(ws.profile.id) » ne contient pas les fiches actions du PLH (partie « plhActions »).")
        }
        return (plh, sheets)
    }

    /// The review of `year` (default: this year, inside the PLH), read in one snapshot.
    public static func review(_ ws: Workspace, year: Int?, kind: PLHReview.Kind = .annual) throws -> PLHReview {
        let (plh, _) = try sheets(ws)
        let years = PLHReview.years(of: year ?? ws.clock.today().year, plh: plh)
        let (data, ledger) = try ws.store.read { s in
            (try PLHReviewData.read(s, years: years), try ws.profile.schemes.map { try BudgetLedger.read(in: s, catalog: $0, plh: plh) })
        }
        do { return try PLHReview.build(profile: ws.profile, data: data, ledger: ledger, year: years.upperBound, kind: kind) } catch {
            throw WorkspaceReports.Unavailable(error.description)
        }
    }

    static func sheet(_ ws: Workspace, action: Int) throws -> (PLHProgramme, PLHActionSheet) {
        let (plh, sheets) = try sheets(ws)
        guard let sheet = sheets.sheet(action) else {
            throw WorkspaceReports.Unavailable("Le PLH n'a pas d'action \(action) (actions \(plh.actions.map(\.number).min() ?? 1) à \(plh.actions.map(\.number).max() ?? 1)).")
        }
        return (plh, sheet)
    }

    /// What a change did: the record as stored, and whether anything was written.
    public struct Saved<Value: Sendable>: Sendable {
        public var value: Value
        public var changed: Bool
    }

    /// Records a measure's value for a year: typed text for the figure (or some of its categories)
    /// and a comment. What is not given is kept as stored: the other categories, the comment
    /// (nil keeps it, an empty text clears it).
    public static func setIndicator(_ ws: Workspace, action: Int, measure: String, year: Int, value: String?,
                                    parts: [(id: String, value: String)] = [], comment: String?) throws -> Saved<EnteredIndicatorValue> {
        let (plh, sheet) = try sheet(ws, action: action)
        return try ws.store.write { s in
            let stored = try s.enteredIndicatorValues(years: year...year).first { $0.action == action && $0.measure == measure }
            var allParts = parts
            if !parts.isEmpty, let kept = stored?.parts, let m = sheet.measure(measure) {
                let given = Set(parts.map { m.part(matching: $0.id)?.id ?? $0.id })
                allParts += kept.filter { !given.contains($0.key) }.sorted { $0.key < $1.key }
                    .map { (id: $0.key, value: IndicatorValue.format($0.value, m.kind)) }
            }
            let entry = try EnteredIndicatorValue.make(sheet: sheet, measureId: measure, year: year, years: plh.years, value: value,
                                                       parts: allParts, comment: comment ?? stored?.comment, agent: s.agent, on: s.clock.today())
            return Saved(value: entry, changed: try s.saveIndicatorValue(entry))
        }
    }

    /// Records where a lever stands in a year; a nil note keeps the stored one, an empty one clears it.
    public static func setLever(_ ws: Workspace, action: Int, lever: String, year: Int, state: String, note: String?) throws -> Saved<LeverProgress> {
        let (plh, sheet) = try sheet(ws, action: action)
        return try ws.store.write { s in
            let stored = try s.leverProgress(years: year...year).first { $0.action == action && $0.lever == lever }
            let p = try LeverProgress.make(sheet: sheet, leverId: lever, year: year, years: plh.years, state: state, note: note ?? stored?.note,
                                           agent: s.agent, on: s.clock.today())
            return Saved(value: p, changed: try s.saveLeverProgress(p))
        }
    }

    /// The communes the product knows (commune data, groups, programmes, dossiers of the PLH's
    /// years), by name and INSEE code, to read a target's territory.
    public static func knownCommunes(_ ws: Workspace) throws -> [(name: String, inseeCode: String)] {
        let (plh, _) = try sheets(ws)
        return try ws.store.read { s in
            var seen: [String: String] = [:]
            for c in try s.communeFacts() { if let code = c.inseeCode { seen[code.value] = c.name } }
            for g in ws.profile.communeGroups?.groups ?? [] { for c in g.communes { seen[c.inseeCode] = seen[c.inseeCode] ?? c.name } }
            for r in try s.constructionPage(ProgrammeQuery(kind: .construction), rules: nil).rows {
                if let code = r.record.programme.inseeCode { seen[code.value] = seen[code.value] ?? r.record.programme.commune }
            }
            for f in try s.dossierReviewFacts(years: plh.years) where !f.inseeCode.isEmpty { seen[f.inseeCode] = seen[f.inseeCode] ?? f.commune }
            return seen.map { (name: $0.value, inseeCode: $0.key) }.sorted { $0.name < $1.name }
        }
    }

    /// Records (or, with `remove`, deletes) a production target for a commune or a group.
    public static func setTarget(_ ws: Workspace, territory: String, year: Int, product: String, dwellings: String?,
                                 comment: String?, remove: Bool = false) throws -> Saved<TerritorialTarget?> {
        let (plh, _) = try sheets(ws)
        let communes = try knownCommunes(ws)
        let scope: TargetScope
        do { scope = try TargetScope.resolve(territory, groups: ws.profile.communeGroups, communes: communes) } catch {
            throw ValidationErrors([error])
        }
        if remove {
            guard let p = HousingProduct(parsing: product) else {
                throw ValidationErrors([ValidationError(field: "produit", "produit inconnu « \(product) » (attendu : PLUS, PLAI, PLS ou accession)")])
            }
            let changed = try ws.store.write { try $0.removeTerritorialTarget(key: TerritorialTarget.key(scope: scope, year: year, product: p)) }
            return Saved(value: nil, changed: changed)
        }
        return try ws.store.write { s in
            let stored = try s.territorialTargets(years: year...year).first { $0.scope.key == scope.key && HousingProduct(parsing: product) == $0.product }
            let t = try TerritorialTarget.make(scope: scope, year: year, years: plh.years, product: product, dwellings: dwellings ?? "",
                                               comment: comment ?? stored?.comment, agent: s.agent, on: s.clock.today())
            return Saved(value: t, changed: try s.saveTerritorialTarget(t))
        }
    }

    /// The history of an entered value, a lever's year or a target, oldest first.
    public static func history(_ ws: Workspace, entity: String, key: String) throws -> [HistoryEvent] {
        try ws.store.read { try $0.history(entity: entity, key: key) }
    }
}
