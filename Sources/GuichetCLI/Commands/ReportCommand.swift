import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore
import GuichetReports

/// `guichet report NAME --format pdf|csv|ods --output FICHIER`: the reports of brief §8, from
/// the catalogue the window's Exports section offers (`ReportKind`).
struct ReportCommand: AsyncParsableCommand {
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

    /// The catalogue's reports the command produces (the RGPD export has its own command).
    static let names = ReportKind.allCases.filter { $0 != .rgpd }

    @Argument(help: "Rapport : bilan-plh, programmes, conventions, cia, dossiers ou requests.") var name: String
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
    @Flag(name: .long, help: "PDF marqué « Version définitive » (sinon « Document de travail »).") var final = false
    @Flag(name: .customLong("mid-term"), help: "bilan-plh : bilan à mi-parcours (de la première année du PLH à --year).") var midTerm = false

    func run() async throws {
        guard let kind = ReportKind(rawValue: name), Self.names.contains(kind) else {
            throw CLIFailure("Rapport inconnu « \(name) » (attendu : \(Self.names.map(\.rawValue).joined(separator: ", ")))", code: 64)
        }
        guard let format = GuichetReports.ReportFormat(rawValue: format.lowercased()) else {
            throw CLIFailure("--format : format inconnu « \(self.format) » (attendu : pdf, csv ou ods)", code: 64)
        }
        let request = ReportRequest(kind, year: year, anonymised: anonymised, dossiers: try query(),
                                    ranking: RankingFilter(commune: commune, typology: try typologyFilter()),
                                    sources: ReportSources(construction: construction, rehabilitation: rehabilitation,
                                                           results: results, requests: requests),
                                    date: try DossierArguments.date(date), midTerm: midTerm, status: final ? .final : .draft)
        let files = try await GlobalOptions.openGuichet().exportReport(request, format: format, to: URL(fileURLWithPath: output)).files
        for f in files { Console.line("Rapport écrit : \(f.path)") }
    }

    func typologyFilter() throws -> Typology? {
        guard let typology else { return nil }
        guard let t = Typology(rawValue: typology.uppercased()) else {
            throw CLIFailure("--typology : typologie inconnue « \(typology) » (attendu : T1, T2, T3, T4 ou T5+)", code: 64)
        }
        return t
    }

    func query() throws -> DossierQuery {
        var q = DossierQuery(text: SearchText(search))
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
