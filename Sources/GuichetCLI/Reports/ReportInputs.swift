import Foundation
import GuichetCore
import GuichetStorage

/// Domain inputs of the reports whose storage is built on other branches (programmes, landlord
/// conventions, social-housing requests). Until then they are read from files named on the
/// command line; the integrator replaces each body with a storage read (see the comments), and
/// the report builders do not change.
enum ReportInputs {
    /// Construction and rehabilitation programmes.
    /// Integrator: read them from the programme store, e.g.
    /// `ws.store.read { ($0.constructionProgrammes(...), $0.rehabilitationProgrammes(...)) }`, falling back to the files.
    static func programmes(_ ws: Workspace, construction: String?, rehabilitation: String?) throws
        -> (construction: [ConstructionProgramme], rehabilitation: [RehabilitationProgramme]) {
        guard construction != nil || rehabilitation != nil else {
            throw CLIFailure("report programmes : indiquez le tableau source avec --construction FICHIER.csv et/ou --rehabilitation FICHIER.csv "
                             + "(les programmes ne sont pas encore enregistrés dans la base).", code: 64)
        }
        let importer = ProgrammeTableImporter(directory: ws.profile.landlords?.directory ?? LandlordDirectory([]))
        func load(_ path: String?, _ kind: ProgrammeTableKind) throws -> ImportReport? {
            guard let path else { return nil }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw CLIFailure("Impossible de lire « \(path) » : \(error.localizedDescription)", code: 66)
            }
            let report = importer.importTable(data, kind: kind)
            if report.failed { throw CLIFailure("Import de « \(path) » impossible :\n" + report.issues.map(\.description).joined(separator: "\n"), code: 65) }
            return report
        }
        let c = try load(construction, .construction), r = try load(rehabilitation, .rehabilitation)
        return (c?.construction.map(\.programme) ?? [], r?.rehabilitation.map(\.programme) ?? [])
    }

    /// Review lines of the landlord conventions and landlord names by id.
    /// Integrator: replace the results file by the conventions store
    /// (`ConventionReview.review(storedConventions, construction: storedProgrammes, rehabilitation: ...)`).
    static func conventions(_ ws: Workspace, results: String?) throws -> (lines: [ReviewLine], names: [String: String]) {
        guard let landlords = ws.profile.landlords else {
            throw CLIFailure("Le profil « \(ws.profile.id) » ne définit pas de bailleurs (partie « landlords »).", code: 3)
        }
        guard let results, let objectives = landlords.allocationObjectives else {
            throw CLIFailure("report conventions : indiquez les résultats publiés avec --results FICHIER.json "
                             + "(par exemple data/territories/cabbalr/cia-results-2020-2023.json).", code: 64)
        }
        let seed: AllocationResults
        do { seed = try AllocationResults.decode(try Data(contentsOf: URL(fileURLWithPath: results))) } catch {
            throw CLIFailure("Résultats « \(results) » illisibles : \(error)", code: 65)
        }
        let names = Dictionary(landlords.landlords.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return (ConventionReview.review(seed.conventions(objectives: objectives)), names)
    }

    /// Requests ranked by cotation.
    /// Integrator: read the stored requests and their latest scores
    /// (`forEachRequest(RequestQuery(...))` → `ScoredRequest`) instead of the file, then rank.
    static func rankedRequests(_ ws: Workspace, file: String?, filter: RankingFilter, on date: CalendarDate) throws -> [RankedRequest] {
        guard let grid = ws.profile.cotation else {
            throw CLIFailure("Le profil « \(ws.profile.id) » ne définit pas de grille de cotation.", code: 3)
        }
        guard let file else {
            throw CLIFailure("report requests : indiquez les demandes avec --requests FICHIER.json "
                             + "(les demandes ne sont pas encore enregistrées dans la base).", code: 64)
        }
        let requests: [SocialHousingRequest]
        do { requests = try JSONDecoder().decode([SocialHousingRequest].self, from: Data(contentsOf: URL(fileURLWithPath: file))) } catch {
            throw CLIFailure("Demandes « \(file) » illisibles : \(error)", code: 65)
        }
        return CotationRanking.rank(requests.map { ScoredRequest(request: $0, result: CotationEngine.score($0, grid: grid, on: date)) },
                                    filter: filter)
    }
}
