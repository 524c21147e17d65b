import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore
import GuichetStorage

struct AllocationsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe un extrait d'attributions (bailleur, SNE ou SYPLO, CSV) dans le registre.",
        discussion: """
        Les en-têtes sont lus par leur sens ; une ligne est toujours importée, une cellule illisible laissée \
        inconnue et signalée (ligne et colonne). Une attribution déjà au registre (même numéro unique) est \
        complétée par les faits que l'extrait donne, les autres restent ; réimporter le même fichier ne change rien. \
        Un extrait SYPLO (colonne de label, pas de réservataire) est compté sur le contingent de l'État.
        """)

    @Argument(help: "Fichier CSV ou texte exporté du tableur.")
    var file: String

    @Option(name: .long, help: "Bailleur de toutes les lignes (extrait d'un bailleur sans colonne « bailleur ») : identifiant, nom ou alias.")
    var landlord: String?

    @Option(name: .customLong("column"), help: ArgumentHelp(
        "Attribue une colonne : LETTRE=champ (ex. E=reservationHolder) ou LETTRE=ignore ; répétable. Retenu pour les prochains fichiers aux mêmes en-têtes.",
        valueName: "LETTRE=champ"))
    var columns: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Montre ce que l'import ferait, sans rien enregistrer.")
    var dryRun = false

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Output: Encodable {
        var file: String
        /// "register" or "syplo".
        var kind: String
        var dryRun: Bool
        var failed: Bool
        var encoding: String?
        var separator: String?
        var headerLine: Int?
        var rowsRead: Int
        var imported: Int
        var updated: Int
        var unchanged: Int
        var skipped: Int
        /// Rows read without SNE number (a second extract of the same allocations would count them twice).
        var withoutSNENumber: Int
        var errors: [ImportArguments.Issue]
        var warnings: [ImportArguments.Issue]
        var columns: [ImportArguments.Column]
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CLIFailure("Fichier illisible : \(file)", code: 66) }
        let guichet = try GlobalOptions.openGuichet()
        let landlordId = try landlord.map { name in try guichet.workspace.store.read { try LandlordArgument.resolve(name, in: $0) } }
        let choices = try ImportArguments.choices(columns, allowed: Array(AllocationField.allCases), example: "E=reservationHolder",
                                                  tableName: "un extrait d'attributions")
        let run = try await guichet.importAllocations(data, options: AllocationImportOptions(landlordId: landlordId, choices: choices),
                                                      sourceName: url.lastPathComponent, dryRun: dryRun)
        let r = run.report, o = run.outcome
        let out = Output(file: file, kind: r.kind.rawValue, dryRun: dryRun, failed: r.failed, encoding: r.encoding?.rawValue,
                         separator: r.separator, headerLine: r.headerLine, rowsRead: r.failed ? 0 : r.rows.count,
                         imported: o.imported, updated: o.updated, unchanged: o.unchanged, skipped: r.skipped.count,
                         withoutSNENumber: r.rows.filter { $0.allocation.sneNumber == nil }.count,
                         errors: r.errors.map { ImportArguments.Issue($0) }, warnings: r.warnings.map { ImportArguments.Issue($0) },
                         columns: r.columns.filter { $0.reading.how != .empty }.prefix(200).map { ImportArguments.Column($0) })
        if json { try Console.json(out) } else { printText(out, report: r) }
        if r.failed { throw CLIFailure("Import refusé : \(r.errors.count) erreur(s) ; rien n'a été enregistré.") }
    }

    private func printText(_ o: Output, report r: AllocationImportReport) {
        Console.line("Import de \(file) (\(r.kind.label))" + (dryRun ? " (simulation : rien n'est enregistré)" : ""))
        if !o.failed {
            Console.line("  \(o.rowsRead) attribution(s) lue(s) : \(o.imported) ajoutée(s), \(o.updated) complétée(s), "
                         + "\(o.unchanged) inchangée(s) ; \(o.skipped) ligne(s) ignorée(s)")
        }
        Console.line("  Colonnes :")
        for c in r.columns where c.reading.how != .empty { Console.line("    \(c.explanation)") }
        for issue in r.issues { Console.line("  \(issue.description)") }
    }
}
