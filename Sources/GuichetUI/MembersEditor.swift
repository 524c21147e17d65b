import GtkKit
import GuichetApp
import GuichetCore

/// The household besides the applicant, in the fiche's « Demandeur » section: one row per person
/// (role, name, first name, birth date with a calendar), « Ajouter une personne », « Retirer ».
/// The rows are what the form sends (`MemberText`); the use case writes them only when changed.
@MainActor
final class MembersEditor {
    let root: Box
    private let rowsBox: Box
    private let addButton: Button
    private var rows: [Row] = []
    private var editable = true
    /// A row was typed in, added or removed.
    var onChanged: (@MainActor () -> Void)?

    @MainActor
    private final class Row {
        let root = Box(vertical: true, spacing: 4)
        let role: DropDown
        let lastName: FieldRow
        let firstName: FieldRow
        let birthDate: FieldRow
        let remove: Button
        let message = Label.fieldError()

        init(number: Int) {
            role = DropDown(items: MemberText.roles.map(\.label))
            role.setAccessibleLabel("Rôle de la personne \(number)")
            lastName = FieldRow(label: "Nom", input: .text)
            firstName = FieldRow(label: "Prénom", input: .text)
            birthDate = FieldRow(label: "Date de naissance", input: .date)
            lastName.entry.setAccessibleLabel("Nom de la personne \(number)")
            firstName.entry.setAccessibleLabel("Prénom de la personne \(number)")
            birthDate.entry.setAccessibleLabel("Date de naissance de la personne \(number)")
            remove = Button(label: "Retirer")
            remove.setAccessibleLabel("Retirer la personne \(number)")
            remove.addCSSClass("flat")
            let top = Box(vertical: false, spacing: 6)
            role.setExpand(horizontal: true, vertical: false)
            top.append(role)
            top.append(remove)
            let names = Box(vertical: false, spacing: 6)
            names.append(lastName.root)
            names.append(firstName.root)
            lastName.root.setExpand(horizontal: true, vertical: false)
            firstName.root.setExpand(horizontal: true, vertical: false)
            root.append(top)
            root.append(names)
            root.append(birthDate.root)
            root.append(message)
            root.setEdgeMargins(bottom: 8)
        }

        var text: MemberText {
            MemberText(role: MemberText.roles[role.selectedIndex ?? 0], lastName: lastName.entry.text,
                       firstName: firstName.entry.text, birthDate: birthDate.entry.text)
        }
    }

    init() {
        root = Box(vertical: true, spacing: 6)
        let heading = Label("Autres personnes du ménage")
        heading.xAlign = 0
        heading.addCSSClass("dim-label")
        rowsBox = Box(vertical: true, spacing: 4)
        addButton = Button(label: "Ajouter une personne")
        addButton.alignAtStart()
        root.append(heading)
        root.append(rowsBox)
        root.append(addButton)
        root.setAccessibleLabel("Ménage")
        addButton.onClicked { [weak self] in
            guard let self else { return }
            self.addRow(MemberText(role: .child))
            self.rows.last?.lastName.entry.grabFocus()
            self.onChanged?()
        }
    }

    /// The rows as typed.
    var members: [MemberText] { rows.map(\.text) }

    /// Shows these members (replacing the rows).
    func show(_ members: [MemberText]) {
        rowsBox.removeAll()
        rows = []
        for member in members { addRow(member) }
    }

    /// Messages under the rows (by row index).
    func show(errors: [Int: String]) {
        for (index, row) in rows.enumerated() { row.message.show(errors[index]) }
    }

    var isEditable: Bool {
        get { editable }
        set {
            editable = newValue
            addButton.isVisible = newValue
            for row in rows { apply(editable: newValue, to: row) }
        }
    }

    private func apply(editable: Bool, to row: Row) {
        row.role.isSensitive = editable
        row.remove.isVisible = editable
        for field in [row.lastName, row.firstName, row.birthDate] { field.isEditable = editable }
    }

    private func addRow(_ member: MemberText) {
        let row = Row(number: rows.count + 2)
        row.role.selectedIndex = MemberText.roles.firstIndex(of: member.role) ?? 0
        row.lastName.entry.text = member.lastName
        row.firstName.entry.text = member.firstName
        row.birthDate.entry.text = member.birthDate
        for field in [row.lastName, row.firstName, row.birthDate] {
            field.entry.onChanged { [weak self] in self?.onChanged?() }
        }
        row.role.onSelectionChanged { [weak self] in self?.onChanged?() }
        row.remove.onClicked { [weak self, weak row] in
            guard let self, let row, let index = self.rows.firstIndex(where: { $0 === row }) else { return }
            self.rowsBox.remove(row.root)
            self.rows.remove(at: index)
            self.onChanged?()
        }
        apply(editable: editable, to: row)
        rows.append(row)
        rowsBox.append(row.root)
    }
}
