import GuichetCore
import GuichetStorage

/// Reports built straight from an open workspace: the one place the CLI (`guichet report`,
/// `guichet rgpd export`) and the window (Budget and Exports sections) get them and their stored
/// inputs from.
public enum WorkspaceReports {
    /// Why a report cannot be built from this workspace, in French.
    public struct Unavailable: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    // MARK: Documents

    /// `bilan-plh`: one year of the PLH, or its whole period when `year` is nil; with the
    /// profile's action sheets, followed by the review by action of that year (of the current
    /// year for the whole period; the mid-term review of the years so far when `midTerm`).
    public static func bilanPLH(_ ws: Workspace, context: ReportContext, year: Int?, midTerm: Bool = false) throws -> ReportDocument {
        guard let plh = ws.profile.plh, let catalog = ws.profile.schemes else {
            throw Unavailable("Le profil « \(ws.profile.id) » ne définit pas de PLH ou de dispositifs : pas de bilan possible.")
        }
        let period: BudgetPeriod = (midTerm ? nil : year).map { .year($0) } ?? .whole
        let overview = try ws.store.read {
            try BudgetOverview.read(in: $0, catalog: catalog, plh: plh, period: period, on: context.producedOn)
        }
        var review: PLHReview?
        if ws.profile.plhActions != nil {
            review = try WorkspacePLHReview.review(ws, year: year ?? context.producedOn.year, kind: midTerm ? .midTerm : .annual)
        } else if midTerm {
            throw Unavailable("Le profil « \(ws.profile.id) » ne contient pas les fiches actions du PLH : pas de bilan à mi-parcours.")
        }
        return BilanPLHReport.document(context: context, plh: plh, overview: overview, review: review)
    }

    /// `dossiers`: the dossiers matching `query`, anonymised for committees when asked.
    public static func dossiers(_ ws: Workspace, context: ReportContext, query: DossierQuery, anonymised: Bool) throws -> ReportDocument {
        try DossierListReport.document(context: context, store: ws.store, query: query, anonymised: anonymised,
                                       catalog: ws.profile.schemes)
    }

    /// `programmes`: the stored programmes (financed in `year` when given).
    public static func programmes(_ ws: Workspace, context: ReportContext, year: Int?) throws -> ReportDocument {
        let p = try storedProgrammes(ws, year: year)
        guard !p.construction.isEmpty || !p.rehabilitation.isEmpty else {
            throw Unavailable("Aucun programme\(year.map { " financé en \($0)" } ?? "") dans la base : importez d’abord les tableaux des programmes.")
        }
        return ProgrammesReport.document(context: context, construction: p.construction, rehabilitation: p.rehabilitation,
                                         period: year.map { "financement \($0)" })
    }

    /// `conventions`: objective / result / gap per landlord from the stored conventions.
    public static func conventions(_ ws: Workspace, context: ReportContext, year: Int?) throws -> ReportDocument {
        let c = try storedConventions(ws)
        guard !c.lines.isEmpty else { throw Unavailable("Aucune convention avec les bailleurs n’est enregistrée dans la base.") }
        return ConventionsReport.document(context: context, lines: c.lines, landlordNames: c.names, year: year)
    }

    /// `requests`: the stored requests in ranked order, for a commune and a typology when given.
    public static func requests(_ ws: Workspace, context: ReportContext, filter: RankingFilter, anonymised: Bool) throws -> ReportDocument {
        let entries = try storedRequests(ws, filter: filter, on: context.producedOn)
        let label = [filter.commune.map { "commune \($0)" }, filter.typology.map { "typologie \($0.rawValue)" }].compactMap { $0 }
        return RequestsReport.document(context: context, entries: entries, anonymised: anonymised,
                                       filterLabel: label.isEmpty ? nil : label.joined(separator: ", "))
    }

    /// RGPD access export: everything stored about a person named `name`.
    public static func rgpd(_ ws: Workspace, context: ReportContext, name: String) throws -> (export: RGPDExport, document: ReportDocument) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw Unavailable("Indiquez le nom et le prénom de la personne.") }
        let export = try ws.store.read { try RGPDReport.collect(name: trimmed, in: $0, context: context) }
        return (export, RGPDReport.document(export, context: context))
    }

    // MARK: Stored inputs

    /// Every stored construction and rehabilitation programme, financed in `year` when given.
    public static func storedProgrammes(_ ws: Workspace, year: Int?) throws
        -> (construction: [ConstructionProgramme], rehabilitation: [RehabilitationProgramme]) {
        var (built, renovated) = try ws.store.read { s in (try s.allConstruction(), try s.allRehabilitation()) }
        if let year {
            built = built.filter { $0.financingYear.value == year }
            renovated = renovated.filter { $0.financingYear.value == year }
        }
        return (built, renovated)
    }

    /// Review lines of the stored conventions (results derived from stored programmes when not
    /// entered) and landlord names by id.
    public static func storedConventions(_ ws: Workspace) throws -> (lines: [ReviewLine], names: [String: String]) {
        try ws.store.read { s in
            let names = Dictionary(try s.landlords().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return (ConventionReview.review(try s.conventions(), construction: try s.allConstruction(),
                                            rehabilitation: try s.allRehabilitation()), names)
        }
    }

    /// Stored requests in ranked order with their latest score.
    public static func storedRequests(_ ws: Workspace, filter: RankingFilter, on date: CalendarDate) throws -> [RequestsReport.Entry] {
        let stored = try ws.store.read { try $0.requests(RequestQuery(commune: filter.commune, typology: filter.typology)) }
        return stored.enumerated().map { RequestsReport.Entry(position: $0.offset + 1, stored: $0.element, on: date) }
    }
}
