import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore
import GuichetStorage

struct ProgrammesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe un tableau de programmes (CSV) : ajoute les nouveaux, met à jour les modifiés.",
        discussion: "Réimporter le même fichier ne change rien. Les bailleurs sont reconnus par leur nom ou leurs alias.")

    @Argument(help: "Fichier CSV ou texte exporté du tableur.")
    var file: String

    @Option(name: .long, help: "construction (défaut) ou rehabilitation.")
    var kind: ProgrammeTableKind = .construction

    @Flag(name: .customLong("dry-run"), help: "Montre ce que l'import ferait, sans rien enregistrer.")
    var dryRun = false

    @Flag(name: .long, help: "Refuse tout l'import à la moindre erreur.")
    var strict = false

    @Option(name: .long, help: "financed ou forecast : toutes les lignes financées, ou toutes en prévision (par défaut : d'après le statut, la ligne TOTAL ou le titre du bloc, sinon financées).")
    var period: ProgrammePeriod?

    @Option(name: .customLong("column"), help: ArgumentHelp(
        "Attribue une colonne : LETTRE=champ (ex. F=dwellings) ou LETTRE=ignore ; répétable. Retenu pour les prochains fichiers aux mêmes en-têtes.",
        valueName: "LETTRE=champ"))
    var columns: [String] = []

    @Flag(name: .customLong("accept-differences"), help: "Met aussi à jour les programmes dont les chiffres diffèrent fortement de ceux en base.")
    var acceptDifferences = false

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Output: Encodable {
        var file: String
        var kind: ProgrammeTableKind
        var dryRun: Bool
        var strict: Bool
        var failed: Bool
        var encoding: String?
        var separator: String?
        var headerLine: Int?
        var rowsRead: Int
        var imported: Int
        var updated: Int
        var unchanged: Int
        var skipped: Int
        var notInFile: Int
        var errors: [Issue]
        var warnings: [Issue]
        var totalRows: [TotalRow]
        /// Rows read as financed and as forecast.
        var financed: Int
        var forecast: Int
        /// Updates not written because their figures differ widely (see `reviews`).
        var held: Int
        var reviews: [ImportReview]
        var columns: [Column]
    }

    typealias Column = ImportArguments.Column
    typealias Issue = ImportArguments.Issue

    /// A "TOTAL" row of the file against the rows of the block it closes (counts in units, amounts in cents).
    struct TotalRow: Encodable {
        struct Comparison: Encodable { var field: ProgrammeField; var given: Int64; var computed: Int64?; var matches: Bool }
        var line: Int
        var label: String
        /// "block" (rows since the previous TOTAL row or the header) or "allRowsAbove" (a TOTAL right after another).
        var scope: String
        var rows: Int
        var firstLine: Int?
        var lastLine: Int?
        /// The rows' one financing year, when they share one.
        var year: Int?
        var matches: Bool
        var comparisons: [Comparison]
        init(_ t: ProgrammeTotalCheck) {
            line = t.line; label = t.label; matches = t.matches; rows = t.rows; firstLine = t.firstLine; lastLine = t.lastLine
            year = t.year
            scope = t.scope == .block ? "block" : "allRowsAbove"
            comparisons = t.comparisons.map { Comparison(field: $0.field, given: $0.given, computed: $0.computed, matches: $0.matches) }
        }
    }

    /// "F=dwellings", "K=ignore" → the agent's choices (letters or 1-based numbers).
    static func choices(_ specs: [String], kind: ProgrammeTableKind) throws -> ColumnChoices? {
        try ImportArguments.choices(specs, allowed: ProgrammeField.fields(for: kind), example: "F=dwellings",
                                    tableName: "un tableau de \(kind.label)")
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CLIFailure("Fichier illisible : \(file)", code: 66) }
        let guichet = try GlobalOptions.openGuichet()
        let options = ProgrammeImportOptions(strict: strict, period: period, choices: try Self.choices(columns, kind: kind),
                                             rules: guichet.profile.programmeRules)
        let run = try await guichet.importProgrammes(data, kind: kind, options: options, sourceName: url.lastPathComponent,
                                                     dryRun: dryRun, acceptWideDifferences: acceptDifferences)
        let r = run.report, outcome = run.outcome
        let out = Output(file: file, kind: kind, dryRun: dryRun, strict: strict, failed: r.failed,
                         encoding: r.encoding?.rawValue, separator: r.separator, headerLine: r.headerLine,
                         rowsRead: r.failed ? 0 : r.importedCount,
                         imported: r.failed ? 0 : outcome.imported, updated: r.failed ? 0 : outcome.updated,
                         unchanged: r.failed ? 0 : outcome.unchanged, skipped: outcome.skipped, notInFile: outcome.notInFile,
                         errors: r.errors.map(Issue.init), warnings: r.warnings.map(Issue.init), totalRows: r.totalRows.map(TotalRow.init),
                         financed: r.failed ? 0 : r.rowCount(.financed), forecast: r.failed ? 0 : r.rowCount(.forecast),
                         held: r.failed ? 0 : outcome.held, reviews: r.failed ? [] : outcome.reviews,
                         columns: r.columns.filter { $0.reading.how != .empty }.prefix(200).map(Column.init))
        if json { try Console.json(out) } else { printText(out, report: r) }
        if r.failed {
            throw CLIFailure("Import refusé : \(r.errors.count) erreur(s)\(strict ? " (mode strict)" : "") ; rien n'a été enregistré.")
        }
    }

    private func printText(_ o: Output, report r: ImportReport) {
        let mode = dryRun ? " (simulation : rien n'est enregistré)" : ""
        Console.line("Import de \(file) (\(kind.label))\(mode)")
        if !o.failed {
            Console.line("  \(o.rowsRead) ligne(s) lue(s) : \(o.imported) importée(s), \(o.updated) mise(s) à jour, "
                         + "\(o.unchanged) inchangée(s) ; \(o.skipped) ligne(s) ignorée(s)")
            Console.line("  \(o.financed) financé(s), \(o.forecast) en prévision")
            if o.notInFile > 0 { Console.line("  \(o.notInFile) programme(s) en base absent(s) du fichier (conservés)") }
            if o.held > 0 {
                Console.line("  \(o.held) mise(s) à jour en attente (chiffres très différents) : relancer avec --accept-differences pour les enregistrer")
            }
            for review in o.reviews { Console.line("  À vérifier, ligne \(review.line) : \(review.message)") }
        }
        Console.line("  Colonnes :")
        for c in r.columns where c.reading.how != .empty { Console.line("    \(c.explanation)") }
        for issue in r.issues { Console.line("  \(issue.description)") }
    }
}
