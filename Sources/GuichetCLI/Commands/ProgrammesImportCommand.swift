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
    }

    struct Issue: Encodable {
        var line: Int?
        var column: String?
        var header: String?
        var message: String
        var text: String
        init(_ i: ImportIssue) {
            line = i.line; column = i.column?.letter; header = i.column?.header; message = i.message; text = i.description
        }
    }

    /// A "TOTAL" row of the file against the rows it covers (counts in units, amounts in cents).
    struct TotalRow: Encodable {
        struct Comparison: Encodable { var field: ProgrammeField; var given: Int64; var computed: Int64; var matches: Bool }
        var line: Int
        var label: String
        /// "year", "section" (rows since the previous total row) or "allRowsAbove".
        var scope: String
        var year: Int?
        var matches: Bool
        var comparisons: [Comparison]
        init(_ t: TotalRowCheck) {
            line = t.line; label = t.label; matches = t.matches
            switch t.scope {
            case .year(let y): scope = "year"; year = y
            case .section: scope = "section"
            case .allRowsAbove: scope = "allRowsAbove"
            }
            comparisons = t.comparisons.map { Comparison(field: $0.field, given: $0.given, computed: $0.computed, matches: $0.matches) }
        }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CLIFailure("Fichier illisible : \(file)", code: 66) }
        let run = try await GlobalOptions.openGuichet().importProgrammes(data, kind: kind, strict: strict,
                                                                         sourceName: url.lastPathComponent, dryRun: dryRun)
        let r = run.report, outcome = run.outcome
        let out = Output(file: file, kind: kind, dryRun: dryRun, strict: strict, failed: r.failed,
                         encoding: r.encoding?.rawValue, separator: r.separator, headerLine: r.headerLine,
                         rowsRead: r.failed ? 0 : r.importedCount,
                         imported: r.failed ? 0 : outcome.imported, updated: r.failed ? 0 : outcome.updated,
                         unchanged: r.failed ? 0 : outcome.unchanged, skipped: outcome.skipped, notInFile: outcome.notInFile,
                         errors: r.errors.map(Issue.init), warnings: r.warnings.map(Issue.init), totalRows: r.totalRows.map(TotalRow.init))
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
            if o.notInFile > 0 { Console.line("  \(o.notInFile) programme(s) en base absent(s) du fichier (conservés)") }
        }
        for issue in r.issues { Console.line("  \(issue.description)") }
    }
}
