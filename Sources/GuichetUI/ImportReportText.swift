import GuichetCore

/// The import report as the confirmation dialog and the status line write it.
enum ImportReportText {
    /// "43 ligne(s) lue(s) : 43 nouvelle(s), 0 mise(s) à jour, 0 inchangée(s) ; 5 ligne(s) ignorée(s)".
    static func counts(_ run: ProgrammeImportRun.Result) -> String {
        let o = run.outcome, r = run.report
        guard !r.failed else { return "Rien ne peut être importé ; \(o.skipped) ligne(s) ignorée(s)." }
        var text = "\(r.importedCount) ligne(s) lue(s) : \(o.imported) nouvelle(s), \(o.updated) mise(s) à jour, "
            + "\(o.unchanged) inchangée(s) ; \(o.skipped) ligne(s) ignorée(s)."
        text += " \(r.rowCount(.financed)) financé(s), \(r.rowCount(.forecast)) en prévision."
        if o.notInFile > 0 { text += " \(o.notInFile) programme(s) en base absent(s) du fichier (conservés)." }
        if o.held > 0 { text += " \(o.held) mise(s) à jour en attente : chiffres très différents de ceux en base." }
        return text
    }

    /// Counts, then every error and warning with its line and column.
    static func detail(_ run: ProgrammeImportRun.Result) -> String {
        let r = run.report
        var lines = ["Tableau de \(r.kind.label)." + (r.headerLine.map { " En-têtes en ligne \($0)." } ?? ""), counts(run)]
        let explained = r.columnExplanations
        if !explained.isEmpty {
            lines.append("")
            lines.append("Colonnes comprises ainsi :")
            lines += explained.prefix(40).map { "• \($0)" }
            if explained.count > 40 { lines.append("• … et \(explained.count - 40) autre(s) colonne(s)") }
        }
        if !run.outcome.reviews.isEmpty {
            lines.append("")
            lines.append("À vérifier avant d'importer :")
            lines += run.outcome.reviews.map { "• ligne \($0.line) : \($0.message)" }
        }
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
