import GuichetCore

/// An allocation extract's import as the confirmation dialog and the status line write it.
enum AllocationImportText {
    /// "9 608 attribution(s) lue(s) : 9 608 nouvelle(s), 0 complétée(s), 0 inchangée(s) ; 0 ligne(s) ignorée(s)."
    static func counts(_ run: AllocationImportRun.Result) -> String {
        let r = run.report, o = run.outcome
        guard !r.failed else { return "Rien ne peut être importé ; \(r.skipped.count) ligne(s) ignorée(s)." }
        return "\(FrenchFormat.integer(r.rows.count)) attribution(s) lue(s) : \(FrenchFormat.integer(o.imported)) nouvelle(s), "
            + "\(FrenchFormat.integer(o.updated)) complétée(s), \(FrenchFormat.integer(o.unchanged)) inchangée(s) ; "
            + "\(r.skipped.count) ligne(s) ignorée(s)."
    }

    /// What the file is, the counts, the columns as understood, then the problems (the first
    /// fifty of each kind: a dialog stays readable; the command line lists them all).
    static func detail(_ run: AllocationImportRun.Result) -> String {
        let r = run.report
        var lines = [r.kind.label.prefix(1).uppercased() + r.kind.label.dropFirst() + "."
                     + (r.headerLine.map { " En-têtes en ligne \($0)." } ?? ""), counts(run)]
        lines += ImportReportText.columns(r.columnExplanations)
        lines += ImportReportText.issues(errors: r.errors, warnings: r.warnings, limit: 50)
        return lines.joined(separator: "\n")
    }
}
