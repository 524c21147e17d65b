import GtkKit
import GuichetCore
import GuichetApp

/// A lever's progress for a year: planned, started, done or dropped, with a note, and the history.
@MainActor
enum PLHLeverForm {
    static let states: [LeverState] = [.planned, .started, .done, .dropped]

    static func present(parent: Window?, guichet: Guichet, action: Int, lever: LeverReview, year: Int,
                        saved: @escaping @MainActor () -> Void) throws {
        let y = lever.years[year]
        let calendar = y?.calendarText.map { $0 == "×" ? "prévu par le calendrier du PLH en \(year)" : "« \($0) » au calendrier du PLH en \(year)" }
            ?? "non prévu par le calendrier du PLH en \(year)"
        let dialog = try PLHReviewDialog(
            parent: parent, heading: "\(lever.lever.label) — \(year)",
            intro: "Action \(action), levier \(lever.lever.id) : \(calendar)." + (lever.lever.reading.map { " \($0)" } ?? "")
                + (y?.progress.map { " Dernier état enregistré par \($0.agent) le \(FrenchFormat.date($0.enteredOn))." } ?? ""),
            accessibleName: "Levier \(lever.lever.id) \(year)")
        let state = DropDown(items: states.map(\.label))
        state.selectedIndex = states.firstIndex(of: y?.state ?? .planned) ?? 0
        state.alignAtStart()
        dialog.field("État du levier", widget: state)
        let note = dialog.field("Note", value: y?.progress?.note ?? "")
        dialog.showHistory(guichet, entity: PLHReviewEntity.lever, key: LeverProgress.key(action: action, lever: lever.lever.id, year: year))
        let shownNote = note.text
        let submit: @MainActor () -> Void = { [weak dialog] in
            guard let dialog else { return }
            let chosen = states[state.selectedIndex ?? 0].rawValue
            let text: String? = note.text == shownNote ? nil : note.text
            let id = lever.lever.id
            dialog.submit({ try await guichet.setLever(action: action, lever: id, year: year, state: chosen, note: text) }, saved: saved)
        }
        dialog.onSave(submit)
        note.onActivate { submit() }
        dialog.present()
    }
}
