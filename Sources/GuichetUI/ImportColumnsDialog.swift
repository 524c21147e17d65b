import GtkKit
import GuichetCore

/// The columns of an imported table as the import understood them (`ui/import-columns-dialog.ui`):
/// a drop-down per column to assign a field or ignore the column. "Continuer" gives the agent's
/// choices back (remembered with the import for the next file with the same headers).
@MainActor
enum ImportColumnsDialog {
    static func present(parent: Window?, report: ImportReport, fileName: String,
                        completion: @escaping @MainActor (ColumnChoices?) -> Void) throws {
        let builder = try Builder(uiFile: "import-columns-dialog.ui")
        let dialog = try builder.get("dialog", as: Window.self)
        dialog.setTransientFor(parent)
        let model = ImportColumnsModel(report: report)
        let unresolved = report.columnsToResolve.count
        try builder.get("intro", as: Label.self).text =
            "« \(fileName) » : voici comment chaque colonne a été comprise. "
            + (unresolved > 0 ? "\(unresolved) colonne(s) restent à attribuer ou à ignorer. " : "")
            + (model.missingRequired.isEmpty ? ""
               : "Colonne(s) obligatoire(s) non trouvée(s) : \(model.missingRequired.map(\.label).joined(separator: ", ")). ")
            + "Vos choix seront retenus pour les prochains fichiers aux mêmes en-têtes."
        let grid = try builder.get("grid", as: Grid.self)
        var drops: [DropDown] = []
        for (i, row) in model.rows.prefix(500).enumerated() {
            let title = Label(row.title)
            title.xAlign = 0
            let understood = Label(row.understanding)
            understood.xAlign = 0
            understood.wraps = true
            understood.setExpand(horizontal: true, vertical: false)
            let drop = DropDown(items: model.items)
            drop.selectedIndex = row.selected
            drop.setAccessibleLabel("Colonne \(row.column.letter)")
            grid.attach(title, column: 0, row: i)
            grid.attach(understood, column: 1, row: i)
            grid.attach(drop, column: 2, row: i)
            drops.append(drop)
        }
        var answered = false
        func finish(_ choices: ColumnChoices?) {
            guard !answered else { return }
            answered = true
            dialog.destroy()
            completion(choices)
        }
        try builder.get("cancelButton", as: Button.self).onClicked { finish(nil) }
        try builder.get("continueButton", as: Button.self).onClicked {
            let selections = drops.map { $0.selectedIndex ?? 0 } + model.rows.dropFirst(drops.count).map(\.selected)
            finish(model.choices(selections: selections))
        }
        dialog.onCloseRequest { finish(nil); return false }
        dialog.keepAlive(builder)
        dialog.present()
    }
}
