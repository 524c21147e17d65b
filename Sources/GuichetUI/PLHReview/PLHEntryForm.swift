import GtkKit
import GuichetCore
import GuichetApp

/// "Saisir…" for a measure the service enters: the year's value (or one field per category),
/// a comment, who entered it and when, and the history. The fields show what is stored; saving
/// sends what they hold, and an unchanged form stores nothing.
@MainActor
enum PLHEntryForm {
    static func present(parent: Window?, guichet: Guichet, action: PLHActionReview, measure m: MeasureReview, year: Int,
                        saved: @escaping @MainActor () -> Void) throws {
        let entry = m.values[year]?.entry
        let target = m.measure.target.map { " Objectif du PLH : \(m.targetText ?? "") (« \($0.source.text) »)." } ?? ""
        let dialog = try PLHReviewDialog(
            parent: parent, heading: "\(m.label) — \(year)",
            intro: "Action \(action.number) — indicateur : « \(m.indicator.text) ».\(target)"
                + (entry.map { " Dernière saisie par \($0.agent) le \(FrenchFormat.date($0.enteredOn))." } ?? " Pas encore saisi pour \(year)."),
            accessibleName: "Saisie : \(m.label)")
        var valueEntry: Entry?
        var partEntries: [(MeasurePart, Entry)] = []
        let unit = m.unitText.isEmpty ? "" : " (\(m.unitText))"
        if m.measure.allParts.isEmpty {
            valueEntry = dialog.field(m.measure.kind == .text ? "Bilan" : "Valeur\(unit)", value: m.value(year).map { $0.formatted(m.measure.kind) } ?? "",
                                      placeholder: m.measure.kind == .text ? "Texte du bilan" : nil)
        } else {
            if let source = m.measure.partsSource, source.isDefaultToConfirm {
                dialog.body.append(PLHReviewDialog.text("Catégories proposées par le produit, à confirmer : \(source.text)", classes: ["dim-label", "caption"]))
            }
            for part in m.measure.allParts {
                let stored = entry?.parts?[part.id].map { IndicatorValue.format($0, m.measure.kind) } ?? ""
                partEntries.append((part, dialog.field("\(part.label)\(unit)", value: stored)))
            }
        }
        let comment = dialog.field("Commentaire", value: entry?.comment ?? "")
        dialog.showHistory(guichet, entity: PLHReviewEntity.indicator, key: EnteredIndicatorValue.key(action: action.number, measure: m.measure.id, year: year),
                           measure: m.measure)
        let shownComment = comment.text
        let submit: @MainActor () -> Void = { [weak dialog] in
            guard let dialog else { return }
            let value = valueEntry?.text
            let parts = partEntries.filter { !$0.1.trimmedText.isEmpty }.map { (id: $0.0.id, value: $0.1.text) }
            let note: String? = comment.text == shownComment ? nil : comment.text
            let (number, id) = (action.number, m.measure.id)
            dialog.submit({ try await guichet.setIndicator(action: number, measure: id, year: year, value: value, parts: parts, comment: note) }, saved: saved)
        }
        dialog.onSave(submit)
        for e in [valueEntry].compactMap({ $0 }) + partEntries.map(\.1) + [comment] { e.onActivate { submit() } }
        dialog.present()
    }
}
