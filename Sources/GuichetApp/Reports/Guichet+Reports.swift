import Foundation
import GuichetCore
import GuichetReports

/// Reports and letters: built from the database (or from files named by the agent) and written
/// atomically, off the caller's thread.
extension Guichet {
    /// The context every report of this territory shares (issuer, date).
    public func reportContext(on date: CalendarDate? = nil, status: ReportStatus = .draft) -> ReportContext {
        ReportContext(profile: profile, producedOn: date ?? today, status: status)
    }

    /// Builds a report of the catalogue.
    public func report(_ request: ReportRequest) async throws -> ReportDocument {
        let store = storage.store
        return try await storage.detached { [self] in try build(request, store: store).document }
    }

    /// Builds and writes a report (PDF, CSV — one file per table —, ODS): the files written, and
    /// what the agent should know about its content.
    public func exportReport(_ request: ReportRequest, format: ReportFormat, to url: URL) async throws -> ExportedReport {
        let store = storage.store
        return try await storage.detached { [self] in
            let built = try build(request, store: store)
            return ExportedReport(files: try ReportWriter.write(built.document, format: format, to: url), note: built.note)
        }
    }

    /// Everything stored about a person (`name`) or in one dossier, for the right of access.
    public func personalData(named name: String? = nil, dossier number: DossierNumber? = nil, on date: CalendarDate? = nil) async throws -> RGPDExport {
        let context = reportContext(on: date)
        return try await storage.read { s in
            if let number {
                guard let e = try RGPDReport.collect(dossier: number, in: s, context: context) else {
                    throw StoreError.notFound(entity: "dossier", key: number.formatted)
                }
                return e
            }
            let trimmed = (name ?? "").trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw ValidationError(field: "demandeur", "indiquez le nom et le prénom de la personne") }
            return try RGPDReport.collect(name: trimmed, in: s, context: context)
        }
    }

    // MARK: Building

    /// The document, and for the right of access a word when no dossier names the person.
    private func build(_ request: ReportRequest, store: any GuichetStore) throws -> (document: ReportDocument, note: String?) {
        guard request.kind == .rgpd else { return (try buildDocument(request, store: store), nil) }
        let context = reportContext(on: request.date, status: request.status)
        let name = (request.applicant ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ValidationError(field: "demandeur", "indiquez le nom et le prénom de la personne") }
        let export = try store.read { try RGPDReport.collect(name: name, in: $0, context: context) }
        return (RGPDReport.document(export, context: context),
                export.dossiers.isEmpty ? "Aucun dossier ne mentionne « \(export.subject) » : le document l’indique." : nil)
    }

    private func buildDocument(_ request: ReportRequest, store: any GuichetStore) throws -> ReportDocument {
        let context = reportContext(on: request.date, status: request.status)
        let year = request.year
        switch request.kind {
        case .bilanPLH:
            guard let plh = profile.plh, let catalog = profile.schemes else {
                throw Unavailable("Le profil « \(profile.id) » ne définit pas de PLH ou de dispositifs : pas de bilan possible.")
            }
            // The mid-term review's money covers the whole period; the review by action the years so far.
            let period: BudgetPeriod = (request.midTerm ? nil : year).map { .year($0) } ?? .whole
            let overview = try store.read {
                try BudgetOverview.read(in: $0, catalog: catalog, plh: plh, period: period, on: context.producedOn)
            }
            // With the action sheets, the review by action of the year (this year for the whole period).
            var review: PLHReview?
            if profile.plhActions != nil {
                review = try Self.plhReview(store: store, profile: profile, year: year ?? context.producedOn.year,
                                            kind: request.midTerm ? .midTerm : .annual)
            } else if request.midTerm {
                throw Unavailable("Le profil « \(profile.id) » ne contient pas les fiches actions du PLH : pas de bilan à mi-parcours.")
            }
            return BilanPLHReport.document(context: context, plh: plh, overview: overview, review: review)
        case .programmes:
            let (built, renovated) = try programmes(request, store: store)
            return ProgrammesReport.document(context: context, construction: built, rehabilitation: renovated,
                                             period: year.map { "financement \($0)" })
        case .conventions:
            let (lines, names) = try conventions(request, store: store)
            return ConventionsReport.document(context: context, lines: lines, landlordNames: names, year: year)
        case .cia:
            return try ciaReport(context: context, year: year, store: store)
        case .dossiers:
            var query = request.dossiers
            query.year = year ?? query.year
            return try DossierListReport.document(context: context, store: store, query: query, anonymised: request.anonymised,
                                                  catalog: profile.schemes)
        case .requests:
            let entries = try rankedRequests(request, store: store, on: context.producedOn)
            let f = request.ranking
            let label = [f.commune.map { "commune \($0)" }, f.typology.map { "typologie \($0.rawValue)" }].compactMap { $0 }
            return RequestsReport.document(context: context, entries: entries, anonymised: request.anonymised,
                                           filterLabel: label.isEmpty ? nil : label.joined(separator: ", "))
        case .rgpd:
            return try build(request, store: store).document
        }
    }

    /// Construction and rehabilitation programmes: the files when given, else every stored one.
    private func programmes(_ request: ReportRequest, store: any GuichetStore) throws
        -> (construction: [ConstructionProgramme], rehabilitation: [RehabilitationProgramme]) {
        let sources = request.sources
        var built: [ConstructionProgramme], renovated: [RehabilitationProgramme]
        if sources.construction != nil || sources.rehabilitation != nil {
            let importer = ProgrammeTableImporter(directory: profile.landlords?.directory ?? LandlordDirectory([]))
            built = try Self.table(sources.construction, .construction, importer)?.construction.map(\.programme) ?? []
            renovated = try Self.table(sources.rehabilitation, .rehabilitation, importer)?.rehabilitation.map(\.programme) ?? []
        } else {
            (built, renovated) = try store.read { s in (try s.allConstruction(), try s.allRehabilitation()) }
        }
        if let year = request.year {
            built = built.filter { $0.financingYear.value == year }
            renovated = renovated.filter { $0.financingYear.value == year }
        }
        guard !built.isEmpty || !renovated.isEmpty else {
            throw Unavailable("Aucun programme\(request.year.map { " financé en \($0)" } ?? "") dans la base : "
                              + "importez d’abord les tableaux des programmes (ou indiquez les fichiers à lire).")
        }
        return (built, renovated)
    }

    private static func table(_ path: String?, _ kind: ProgrammeTableKind, _ importer: ProgrammeTableImporter) throws -> ImportReport? {
        guard let path else { return nil }
        let report = importer.importTable(try read(path), kind: kind)
        if report.failed { throw UnreadableInput("Import de « \(path) » impossible :\n" + report.issues.map(\.description).joined(separator: "\n")) }
        return report
    }

    private static func read(_ path: String) throws -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw UnreadableInput("Impossible de lire « \(path) » : \(error.localizedDescription)")
        }
    }

    /// Review lines of the landlord conventions and landlord names by id: the stored agreements
    /// (results derived from stored programmes when not entered), or published results from a
    /// file against the profile's objectives.
    private func conventions(_ request: ReportRequest, store: any GuichetStore) throws -> (lines: [ReviewLine], names: [String: String]) {
        if let results = request.sources.results {
            guard let landlords = profile.landlords, let objectives = landlords.allocationObjectives else {
                throw Unavailable("Le profil « \(profile.id) » ne définit pas de bailleurs ni d’objectifs d’attribution.")
            }
            let seed: AllocationResults
            do { seed = try AllocationResults.decode(try Self.read(results)) } catch let e as UnreadableInput { throw e } catch {
                throw UnreadableInput("Résultats « \(results) » illisibles : \(error)")
            }
            let names = Dictionary(landlords.landlords.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return (ConventionReview.review(seed.conventions(objectives: objectives)), names)
        }
        let stored: (lines: [ReviewLine], names: [String: String]) = try store.read { s in
            let names = Dictionary(try s.landlords().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return (ConventionReview.review(try s.conventions(), construction: try s.allConstruction(),
                                            rehabilitation: try s.allRehabilitation()), names)
        }
        guard !stored.lines.isEmpty else {
            throw Unavailable("Aucune convention avec les bailleurs n’est enregistrée dans la base (ou indiquez le fichier des résultats publiés).")
        }
        return stored
    }

    /// Requests in ranked order: scored now from a file, or as stored with their latest score.
    private func rankedRequests(_ request: ReportRequest, store: any GuichetStore, on date: CalendarDate) throws -> [RequestsReport.Entry] {
        let filter = request.ranking
        guard let file = request.sources.requests else {
            let stored = try store.read { try $0.requests(RequestQuery(commune: filter.commune, typology: filter.typology)) }
            return stored.enumerated().map { RequestsReport.Entry(position: $0.offset + 1, stored: $0.element, on: date) }
        }
        let grid = try grid()
        let requests: [SocialHousingRequest]
        do { requests = try JSONDecoder().decode([SocialHousingRequest].self, from: try Self.read(file)) } catch let e as UnreadableInput { throw e } catch {
            throw UnreadableInput("Demandes « \(file) » illisibles : \(error)")
        }
        // Requests read from a file are checked as a form would check them, each named by its place.
        let problems = requests.enumerated().flatMap { i, r in r.validate().map { $0.prefixed("\(file) : [\(i)]") } }
        guard problems.isEmpty else { throw ValidationErrors(problems) }
        return CotationRanking.rank(requests.map { ScoredRequest(request: $0, result: CotationEngine.score($0, grid: grid, on: date)) },
                                    filter: filter).map(RequestsReport.Entry.init)
    }
}

/// A report written: its files, and a word on its content when the agent should have one.
public struct ExportedReport: Sendable {
    public var files: [URL]
    public var note: String?
}
