import GtkKit
import GuichetApp
import GuichetCore

/// The Bilan du PLH section's dialog (`ui/plh-review-dialog.ui`): a heading, the PLH's words, a
/// body the caller fills (what makes a figure, the fields of an entry), an error line and the
/// buttons. Work that reads or writes the database runs off the main thread (`run`).
@MainActor
final class PLHReviewDialog {
    let window: Window
    let body: Box
    private let error: Label
    private let save: Button
    private let close: Button
    private var saving = false

    init(parent: Window?, heading: String, intro: String, accessibleName: String) throws {
        let builder = try Builder(uiFile: "plh-review-dialog.ui")
        window = try builder.get("dialog")
        window.setTransientFor(parent)
        window.title = accessibleName
        try builder.get("heading", as: Label.self).text = heading
        try builder.get("intro", as: Label.self).text = intro
        body = try builder.get("body")
        error = try builder.get("error")
        save = try builder.get("save")
        close = try builder.get("cancel")
        close.onClicked { [weak self] in self?.window.destroy() }
        window.keepAlive(builder)
        window.keepAlive(self)
    }

    /// Shows the save button; `action` runs when it is pressed (Enter in a field too).
    func onSave(label: String = "Enregistrer", _ action: @escaping @MainActor () -> Void) {
        save.label = label
        save.isVisible = true
        close.label = "Annuler"
        save.onClicked { action() }
    }

    func showError(_ text: String?) { error.show(text) }

    func present() { window.present() }
    func dismiss() { window.destroy() }

    /// Saves through a use case (off the main thread): closes and calls `saved` when it worked,
    /// says why in the dialog when it did not. The save button stays insensitive meanwhile, so a
    /// double press writes once.
    func submit<T: Sendable>(_ work: @escaping @Sendable () async throws -> T, saved: @escaping @MainActor () -> Void) {
        guard !saving else { return }
        saving = true
        save.isSensitive = false
        Task { [weak self] in
            do {
                _ = try await work()
                self?.dismiss()
                saved()
            } catch {
                self?.saving = false
                self?.save.isSensitive = true
                self?.showError(Self.message(error))
            }
        }
    }

    // MARK: Building blocks

    /// A label that wraps, aligned left.
    static func text(_ s: String, classes: [String] = []) -> Label {
        let l = Label(s)
        l.xAlign = 0
        l.wraps = true
        for c in classes { l.addCSSClass(c) }
        return l
    }

    /// The fields' grid: a label left of each entry, so a form of several categories fits.
    private var fields: Grid?
    private var fieldRows = 0

    /// A titled field: its label beside an entry named for accessibility.
    func field(_ title: String, value: String, placeholder: String? = nil) -> Entry {
        let entry = Entry(placeholder: placeholder)
        entry.text = value
        entry.setExpand(horizontal: true, vertical: false)
        field(title, widget: entry)
        return entry
    }

    /// A titled widget (an entry, a drop-down) in the fields' grid, named for accessibility.
    func field(_ title: String, widget: Widget) {
        let grid = fields ?? {
            let g = Grid.make(rowSpacing: 6, columnSpacing: 12)
            body.append(g)
            fields = g
            return g
        }()
        let label = Self.text(title)
        label.maxWidthChars = 36
        widget.setAccessibleLabel(title)
        grid.attach(label, column: 0, row: fieldRows)
        grid.attach(widget, column: 1, row: fieldRows)
        fieldRows += 1
    }

    /// The history of an entry, read off the main thread, one line per change.
    func showHistory(_ guichet: Guichet, entity: String, key: String, measure: PLHMeasure? = nil) {
        let holder = Box(vertical: true, spacing: 2)
        body.append(Self.text("Historique", classes: ["heading"]))
        body.append(holder)
        // The Swift wrapper is held here: GTK keeps the widget, not this object.
        Task {
            let events = (try? await guichet.plhHistory(entity: entity, key: key)) ?? []
            if events.isEmpty { holder.append(Self.text("Aucune saisie pour l'instant.", classes: ["dim-label"])) }
            for e in events { holder.append(Self.text(PLHReviewHistoryText.line(e, measure: measure), classes: ["caption"])) }
        }
    }

    /// French text of a failed save: each field's problem on its line.
    static func message(_ error: any Error) -> String {
        if let e = error as? ValidationErrors { return e.errors.map(\.description).joined(separator: "\n") }
        return String(describing: error)
    }
}
