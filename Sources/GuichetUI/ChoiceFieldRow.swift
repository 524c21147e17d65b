import GtkKit
import GuichetCore

/// What the fiche does with any field's row, typed (`FieldRow`) or chosen from a list
/// (`ChoiceFieldRow`): the form reads and sets each field's text as the form model takes it.
@MainActor
protocol FicheFieldRow: AnyObject {
    var root: Box { get }
    /// The field's value as the form model reads it ("" for nothing typed or chosen).
    var text: String { get set }
    var isVisible: Bool { get set }
    var isEditable: Bool { get set }
    var hasError: Bool { get }
    /// The message under the field (nil hides it).
    func show(error: String?)
    func onChanged(_ handler: @escaping @MainActor () -> Void)
    /// Keyboard to the field, scrolled into view.
    @discardableResult
    func focusAndReveal() -> Bool
}

/// A row of the fiche for a field chosen from a list (`DossierField.choices`, PO / PB): its
/// label, a drop-down of the choices as the field table words them ("Propriétaire bailleur
/// (PB)", "Non précisé"), and its message. Made from the field table like `FieldRow`.
@MainActor
final class ChoiceFieldRow: FicheFieldRow {
    let field: DossierField
    let root: Box
    let drop: DropDown
    private let message: Label
    /// The values as the form's texts hold them, in the drop-down's order.
    private let values: [String]

    init(_ field: DossierField) {
        self.field = field
        values = field.choices ?? [""]
        root = Box(vertical: true, spacing: 3)
        let label = Label(field.label)
        label.xAlign = 0
        label.addCSSClass("dim-label")
        drop = DropDown(items: values.map(field.choiceLabel))
        drop.setAccessibleLabel(field.label)
        message = Label.fieldError()
        root.append(label)
        root.append(drop)
        root.append(message)
    }

    var text: String {
        get { drop.selectedIndex.map { $0 < values.count ? values[$0] : "" } ?? "" }
        set { drop.selectedIndex = values.firstIndex { field.choiceLabel($0) == field.choiceLabel(newValue) } ?? 0 }
    }

    var isVisible: Bool {
        get { root.isVisible }
        set { root.isVisible = newValue }
    }

    var isEditable: Bool {
        get { drop.isSensitive }
        set { drop.isSensitive = newValue }
    }

    var hasError: Bool { message.isVisible }

    func show(error: String?) { message.show(error) }

    func onChanged(_ handler: @escaping @MainActor () -> Void) { drop.onSelectionChanged(handler) }

    @discardableResult
    func focusAndReveal() -> Bool { drop.focusAndReveal() }
}
