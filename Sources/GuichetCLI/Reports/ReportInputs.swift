import Foundation
import GuichetCore
import GuichetReports
import GuichetStorage

/// Domain inputs of the programmes, conventions and requests reports: read from the database,
/// or from a file named on the command line (a table received by mail, published results), so a
/// report can be produced before the data is imported. The report builders take domain values
/// and know nothing of where they came from.
enum ReportInputs {
    /// Construction and rehabilitation programmes: the files when given, else every stored one.
    static func programmes(_ ws: Workspace, construction: String?, rehabilitation: String?, year: Int?) throws
        -> (construction: [ConstructionProgramme], rehabilitation: [RehabilitationProgramme]) {
        var built: [ConstructionProgramme], renovated: [RehabilitationProgramme]
        if construction != nil || rehabilitation != nil {
            let importer = ProgrammeTableImporter(directory: ws.profile.landlords?.directory ?? LandlordDirectory([]))
            built = try load(construction, .construction, importer)?.construction.map(\.programme) ?? []
            renovated = try load(rehabilitation, .rehabilitation, importer)?.rehabilitation.map(\.programme) ?? []
            if let year {
                built = built.filter { $0.financingYear.value == year }
                renovated = renovated.filter { $0.financingYear.value == year }
            }
        } else {
            (built, renovated) = try WorkspaceReports.storedProgrammes(ws, year: year)
        }
        guard !built.isEmpty || !renovated.isEmpty else {
            throw CLIFailure("report programmes : aucun programme\(year.map { " financé en \($0)" } ?? "") dans la base ; "
                             + "importez-les (guichet programmes import) ou indiquez --construction / --rehabilitation FICHIER.csv.", code: 1)
        }
        return (built, renovated)
    }

    private static func load(_ path: String?, _ kind: ProgrammeTableKind, _ importer: ProgrammeTableImporter) throws -> ImportReport? {
        guard let path else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CLIFailure("Impossible de lire « \(path) » : \(error.localizedDescription)", code: 66)
        }
        let report = importer.importTable(data, kind: kind)
        if report.failed { throw CLIFailure("Import de « \(path) » impossible :\n" + report.issues.map(\.description).joined(separator: "\n"), code: 65) }
        return report
    }

    /// Review lines of the landlord conventions and landlord names by id: the stored agreements
    /// (results derived from stored programmes when not entered), or published results from a file
    /// against the profile's objectives.
    static func conventions(_ ws: Workspace, results: String?) throws -> (lines: [ReviewLine], names: [String: String]) {
        if let results {
            guard let landlords = ws.profile.landlords, let objectives = landlords.allocationObjectives else {
                throw CLIFailure("Le profil « \(ws.profile.id) » ne définit pas de bailleurs ni d'objectifs d'attribution.", code: 3)
            }
            let seed: AllocationResults
            do { seed = try AllocationResults.decode(try Data(contentsOf: URL(fileURLWithPath: results))) } catch {
                throw CLIFailure("Résultats « \(results) » illisibles : \(error)", code: 65)
            }
            let names = Dictionary(landlords.landlords.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return (ConventionReview.review(seed.conventions(objectives: objectives)), names)
        }
        let (lines, names) = try WorkspaceReports.storedConventions(ws)
        guard !lines.isEmpty else {
            throw CLIFailure("report conventions : aucune convention enregistrée ; indiquez --results FICHIER.json "
                             + "(par exemple data/territories/cabbalr/cia-results-2020-2023.json).", code: 1)
        }
        return (lines, names)
    }

    /// Requests in ranked order: scored now from a file, or as stored with their latest score.
    static func rankedRequests(_ ws: Workspace, file: String?, filter: RankingFilter, on date: CalendarDate) throws -> [RequestsReport.Entry] {
        guard let file else { return try WorkspaceReports.storedRequests(ws, filter: filter, on: date) }
        guard let grid = ws.profile.cotation else {
            throw CLIFailure("Le profil « \(ws.profile.id) » ne définit pas de grille de cotation.", code: 3)
        }
        let requests = try InputFile.decode([SocialHousingRequest].self, path: file)
        let problems = requests.enumerated().flatMap { i, r in r.validate().map { "\(file) : \($0.prefixed("[\(i)]"))" } }
        guard problems.isEmpty else { throw CLIFailure(problems.joined(separator: "\n"), code: 5) }
        return CotationRanking.rank(requests.map { ScoredRequest(request: $0, result: CotationEngine.score($0, grid: grid, on: date)) },
                                    filter: filter).map(RequestsReport.Entry.init)
    }
}
