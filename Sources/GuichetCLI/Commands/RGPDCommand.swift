import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore
import GuichetReports

/// `guichet rgpd export --applicant NOM | --dossier NUMERO --output FICHIER(.pdf|.json)`,
/// `guichet rgpd echeances`, `guichet rgpd purge`.
struct RGPDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rgpd", abstract: "Données personnelles : droit d'accès, durées de conservation.",
        subcommands: [RGPDExportCommand.self, RGPDScheduleCommand.self, RGPDPurgeCommand.self])
}

struct RGPDExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporte tout ce qui est enregistré sur une personne (dossiers et demandes de logement social où elle apparaît, cotations, historique), en PDF ou JSON.")

    @Option(name: .long, help: "Nom et prénom de la personne (dans n'importe quel ordre).") var applicant: String?
    @Option(name: .long, help: "Numéro d'un dossier : exporte ce dossier.") var dossier: String?
    @Option(name: .long, help: "Fichier à écrire : .pdf ou .json.") var output: String
    @Option(name: .long, help: "Date d'édition (AAAA-MM-JJ, défaut : aujourd'hui).") var date: String?

    func run() async throws {
        guard (applicant == nil) != (dossier == nil) else {
            throw CLIFailure("rgpd export : indiquez soit --applicant NOM, soit --dossier NUMERO.", code: 64)
        }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "pdf" || ext == "json" else {
            throw CLIFailure("--output : extension « .\(ext) » non prise en charge (attendu : .pdf ou .json)", code: 64)
        }
        if let a = applicant, a.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIFailure("--applicant : le nom ne peut pas être vide", code: 64)
        }
        var number: DossierNumber?
        if let dossier {
            do { number = try DossierNumber.parse(dossier, field: "--dossier") } catch { throw CLIFailure(error.description, code: 64) }
        }
        let guichet = try GlobalOptions.openGuichet()
        let day = try DossierArguments.date(date)
        let export: RGPDExport
        do { export = try await guichet.personalData(named: applicant, dossier: number, on: day) } catch StoreError.notFound(_, let key) {
            throw CLIFailure("Dossier « \(key) » introuvable.", code: 4)
        }
        if export.dossiers.isEmpty && export.requests.isEmpty {
            Console.error("Aucun dossier ni aucune demande ne mentionne « \(export.subject) » : l'export l'indique.")
        }
        let url = URL(fileURLWithPath: output)
        do {
            if ext == "json" { try RGPDReport.writeJSON(export, to: url) }
            else { try ReportWriter.write(RGPDReport.document(export, context: guichet.reportContext(on: day)), format: .pdf, to: url) }
        } catch let e as ReportError { throw CLIFailure(e.description, code: 7) }
        Console.line("Données de « \(export.subject) » : \(export.dossiers.count) dossier(s), \(export.requests.count) demande(s), écrites dans \(output)")
    }
}
