import ArgumentParser
import Foundation
import GuichetCore
import GuichetReports
import GuichetStorage

/// `guichet report NAME --format pdf|csv|ods --output FICHIER`: the reports of brief §8.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Produit un rapport en PDF, CSV ou ODS (bilan-plh, programmes, conventions, cia, dossiers, requests).",
        discussion: """
        bilan-plh     bilan du PLH (--year A, sinon toute la période), suivi du bilan par action de l'année :
                      leviers, indicateurs de résultat, moyens ; --mid-term : bilan à mi-parcours (années jusqu'à --year).
                      En PDF une partie par action (pour le conseil), en ODS / CSV des tableaux à filtrer (pour le service).
        programmes    tableaux des programmes enregistrés (--year A ; ou --construction / --rehabilitation FICHIER.csv)
        conventions   objectifs / résultats / écarts par bailleur (--year A ; ou --results FICHIER.json)
        cia           bilan de la CIA calculé sur le registre des attributions (--year A, sinon toutes les années)
        dossiers      liste des dossiers suivant les filtres (--status, --scheme, --search, --year, --anonymised)
        requests      demandes enregistrées classées par cotation (--commune, --typology, --anonymised ; ou --requests FICHIER.json)
        Le fichier est écrit sous un nom temporaire puis renommé : en cas d'échec, rien n'est modifié.
        En CSV, un rapport de plusieurs tableaux donne un fichier par tableau à côté de --output.
        """)

    enum Name: String, ExpressibleByArgument, CaseIterable {
        case bilanPLH = "bilan-plh", programmes, conventions, cia, dossiers, requests
    }

    @Argument(help: "Rapport : bilan-plh, programmes, conventions, cia, dossiers ou requests.") var name: Name
    @Option(name: .long, help: "Format : pdf, csv ou ods.") var format: String = "pdf"
    @Option(name: .long, help: "Fichier à écrire.") var output: String
    @Option(name: .long, help: "Année (bilan-plh, conventions, dossiers : année du numéro).") var year: Int?
    @Flag(name: [.customLong("anonymised"), .customLong("anonymise")], help: "Variante anonymisée pour les commissions (dossiers, requests).")
    var anonymised = false
    @Option(name: .long, help: "dossiers : état (répétable), ex. accorde, « en instruction ».") var status: [String] = []
    @Option(name: .long, help: "dossiers : code du dispositif (répétable), ex. ACC.") var scheme: [String] = []
    @Option(name: .long, help: "dossiers : recherche dans le nom, le numéro et la commune.") var search: String?
    @Option(name: .long, help: "programmes : tableau des programmes de construction (CSV).") var construction: String?
    @Option(name: .long, help: "programmes : tableau des réhabilitations (CSV).") var rehabilitation: String?
    @Option(name: .long, help: "conventions : résultats publiés (JSON).") var results: String?
    @Option(name: .long, help: "requests : demandes (JSON).") var requests: String?
    @Option(name: .long, help: "requests : commune souhaitée (code INSEE ou nom).") var commune: String?
    @Option(name: .long, help: "requests : typologie souhaitée (T1 … T5+).") var typology: String?
    @Option(name: .long, help: "Date d'édition (AAAA-MM-JJ, défaut : aujourd'hui).") var date: String?
    @Flag(name: .customLong("mid-term"), help: "bilan-plh : bilan à mi-parcours (de la première année du PLH à --year).") var midTerm = false

    func run() throws {
        guard let format = ReportFormat(rawValue: format.lowercased()) else {
            throw CLIFailure("--format : format inconnu « \(self.format) » (attendu : pdf, csv ou ods)", code: 64)
        }
        let ws = try GlobalOptions.openWorkspace()
        let context = ReportContext(profile: ws.profile, producedOn: try DossierArguments.date(date))
        let document = try build(ws, context)
        let files = try ReportArguments.write(document, format: format, to: output)
        for f in files { Console.line("Rapport écrit : \(f.path)") }
    }

    func build(_ ws: Workspace, _ context: ReportContext) throws -> ReportDocument {
        switch name {
        case .bilanPLH:
            do {
                return try WorkspaceReports.bilanPLH(ws, context: context, year: year, midTerm: midTerm)
            } catch let e as WorkspaceReports.Unavailable {
                throw CLIFailure(e.description, code: 3)
            }
        case .programmes:
            let p = try ReportInputs.programmes(ws, construction: construction, rehabilitation: rehabilitation, year: year)
            return ProgrammesReport.document(context: context, construction: p.construction, rehabilitation: p.rehabilitation,
                                            period: year.map { "financement \($0)" })
        case .conventions:
            let c = try ReportInputs.conventions(ws, results: results)
            return ConventionsReport.document(context: context, lines: c.lines, landlordNames: c.names, year: year)
        case .cia:
            do { return try WorkspaceAllocations.report(ws, context: context, year: year) } catch let e as WorkspaceReports.Unavailable {
                throw CLIFailure(e.description, code: 3)
            }
        case .dossiers:
            return try WorkspaceReports.dossiers(ws, context: context, query: try query(), anonymised: anonymised)
        case .requests:
            var filter = RankingFilter(commune: commune)
            if let typology {
                guard let t = Typology(rawValue: typology.uppercased()) else {
                    throw CLIFailure("--typology : typologie inconnue « \(typology) » (attendu : T1, T2, T3, T4 ou T5+)", code: 64)
                }
                filter.typology = t
            }
            let ranked = try ReportInputs.rankedRequests(ws, file: requests, filter: filter, on: context.producedOn)
            let label = [commune.map { "commune \($0)" }, filter.typology.map { "typologie \($0.rawValue)" }].compactMap { $0 }
            return RequestsReport.document(context: context, entries: ranked, anonymised: anonymised,
                                           filterLabel: label.isEmpty ? nil : label.joined(separator: ", "))
        }
    }

    func query() throws -> DossierQuery {
        var q = DossierQuery(text: search, year: year)
        for s in status {
            guard let st = DossierStatus(parsing: s) else {
                throw CLIFailure("--status : état inconnu « \(s) » (attendu : \(DossierStatus.allCases.map(\.rawValue).joined(separator: ", ")))", code: 64)
            }
            q.statuses.insert(st)
        }
        for s in scheme {
            let code = s.uppercased()
            guard AidScheme.isValidCode(code) else { throw CLIFailure("--scheme : code de dispositif invalide « \(s) »", code: 64) }
            q.schemes.insert(code)
        }
        return q
    }
}

/// Parsing and writing shared by the report, document and RGPD commands.
enum ReportArguments {
    static func url(_ path: String) -> URL { URL(fileURLWithPath: path) }

    /// Writes through the engine (atomic) and turns its errors into French failures (exit 7).
    static func write(_ document: ReportDocument, format: ReportFormat, to path: String) throws -> [URL] {
        do { return try ReportWriter.write(document, format: format, to: url(path)) } catch {
            throw CLIFailure(error.description, code: 7)
        }
    }
}
