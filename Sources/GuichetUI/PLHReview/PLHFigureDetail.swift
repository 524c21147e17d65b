import GtkKit
import GuichetCore

/// "Détail…" of a derived figure: how it is computed, its splits, and every dossier, programme,
/// allocation or agreement it counts, with what each one brings.
@MainActor
enum PLHFigureDetail {
    /// Past this many rows the list says how many more there are (the CLI's `plh detail --json`
    /// and the spreadsheet give them all).
    static let shownMembers = 1_000

    static func present(parent: Window?, action: PLHActionReview, measure m: MeasureReview, year: Int) throws {
        let figure = m.values[year]?.figure
        let dialog = try PLHReviewDialog(
            parent: parent, heading: "\(m.label) — \(year) : \(m.text(year))\(m.unitText.isEmpty ? "" : " \(m.unitText)")",
            intro: "Action \(action.number) — indicateur : « \(m.indicator.text) ». \(m.definition ?? "")"
                + (m.measure.target.map { " Objectif du PLH : \(m.targetText ?? "") (« \($0.source.text) »)." } ?? ""),
            accessibleName: "Détail : \(m.label)")
        if let note = figure?.note { dialog.body.append(PLHReviewDialog.text(note.prefix(1).uppercased() + note.dropFirst() + ".", classes: ["dim-label"])) }
        for split in figure?.splits ?? [] where !split.items.isEmpty {
            dialog.body.append(PLHReviewDialog.text("Répartition \(split.breakdown.label)", classes: ["heading"]))
            let grid = Grid.make(rowSpacing: 2, columnSpacing: 16)
            var table = FigureGrid(grid: grid, columns: [.init("", trailing: false, maxWidthChars: 50), .init("Valeur"), .init("Éléments")])
            for item in split.items {
                table.addRow([.text(item.label), .text(m.format(item.value)), .text(FrenchFormat.integer(item.members.count))])
            }
            grid.setAccessibleLabel("Répartition \(split.breakdown.label)")
            dialog.body.append(grid)
        }
        let members = figure?.members ?? []
        dialog.body.append(PLHReviewDialog.text(members.isEmpty ? "Aucun élément compté." : "\(FrenchFormat.integer(members.count)) élément(s) compté(s)",
                                                classes: ["heading"]))
        if !members.isEmpty {
            let grid = Grid.make(rowSpacing: 2, columnSpacing: 16)
            var table = FigureGrid(grid: grid, columns: [.init("Élément", trailing: false, maxWidthChars: 70), .init("Apport")])
            for member in members.prefix(shownMembers) { table.addRow([.text(member.label), .text(m.format(member.contribution))]) }
            grid.setAccessibleLabel("Éléments comptés")
            dialog.body.append(grid)
            if members.count > shownMembers {
                dialog.body.append(PLHReviewDialog.text("… et \(FrenchFormat.integer(members.count - shownMembers)) autres : la liste complète est dans "
                                                        + "« guichet plh detail \(action.number) \(m.measure.id) --year \(year) » et dans le bilan en tableur.",
                                                        classes: ["dim-label"]))
            }
        }
        dialog.present()
    }
}
