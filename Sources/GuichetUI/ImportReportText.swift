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
        lines += columns(r.columnExplanations)
        if !run.outcome.reviews.isEmpty {
            lines.append("")
            lines.append("À vérifier avant d'importer :")
            lines += run.outcome.reviews.map { "• ligne \($0.line) : \($0.message)" }
        }
        lines += issues(errors: r.errors, warnings: r.warnings)
        return lines.joined(separator: "\n")
    }

    /// "How each column was understood", for any kind of table.
    static func columns(_ explained: [String]) -> [String] {
        guard !explained.isEmpty else { return [] }
        var lines = ["", "Colonnes comprises ainsi :"] + explained.prefix(40).map { "• \($0)" }
        if explained.count > 40 { lines.append("• … et \(explained.count - 40) autre(s) colonne(s)") }
        return lines
    }

    /// Every error, then every warning, with its line and column; `limit` caps each list.
    static func issues(errors: [ImportIssue], warnings: [ImportIssue], limit: Int = .max) -> [String] {
        var lines: [String] = []
        for (list, title) in [(errors, "erreur(s)"), (warnings, "avertissement(s)")] where !list.isEmpty {
            lines.append("")
            lines.append("\(list.count) \(title) :")
            lines += list.prefix(limit).map { "• \($0.description)" }
            if list.count > limit { lines.append("• … et \(list.count - limit) autre(s)") }
        }
        if errors.isEmpty && warnings.isEmpty { lines.append("Aucune erreur ni aucun avertissement.") }
        return lines
    }
}
