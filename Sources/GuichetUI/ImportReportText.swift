import GuichetCore

/// The import report as the confirmation dialog and the status line write it.
enum ImportReportText {
    /// "43 ligne(s) lue(s) : 43 nouvelle(s), 0 mise(s) à jour, 0 inchangée(s) ; 5 ligne(s) ignorée(s)".
    static func counts(_ run: ProgrammeImportRun.Result) -> String {
        let o = run.outcome, r = run.report
        guard !r.failed else { return "Rien ne peut être importé ; \(o.skipped) ligne(s) ignorée(s)." }
        var text = "\(r.importedCount) ligne(s) lue(s) : \(o.imported) nouvelle(s), \(o.updated) mise(s) à jour, "
            + "\(o.unchanged) inchangée(s) ; \(o.skipped) ligne(s) ignorée(s)."
        if o.notInFile > 0 { text += " \(o.notInFile) programme(s) en base absent(s) du fichier (conservés)." }
        return text
    }

    /// Counts, then every error and warning with its line and column.
    static func detail(_ run: ProgrammeImportRun.Result) -> String {
        let r = run.report
        var lines = ["Tableau de \(r.kind.label)." + (r.headerLine.map { " En-têtes en ligne \($0)." } ?? ""), counts(run)]
        let errors = r.errors, warnings = r.warnings
        if !errors.isEmpty {
            lines.append("")
            lines.append("\(errors.count) erreur(s) :")
            lines += errors.map { "• \($0.description)" }
        }
        if !warnings.isEmpty {
            lines.append("")
            lines.append("\(warnings.count) avertissement(s) :")
            lines += warnings.map { "• \($0.description)" }
        }
        if errors.isEmpty && warnings.isEmpty { lines.append("Aucune erreur ni aucun avertissement.") }
        return lines.joined(separator: "\n")
    }
}
