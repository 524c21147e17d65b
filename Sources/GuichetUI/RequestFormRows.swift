import GtkKit
import GuichetCore

/// Small building blocks of the request form, built in code because their number depends on
/// the household (members, CAL proposals) or on the territory's grid (criteria, categories).

/// A caption, an input and the French error shown under it when the value is wrong.
@MainActor
final class FieldBlock {
    let box = Box(vertical: true, spacing: 2)
    let error = Label.fieldError()

    init(caption: String, input: Widget) {
        let title = Label(caption)
        title.xAlign = 0
        title.addCSSClass("dim-label")
        box.append(title)
        box.append(input)
        box.append(error)
    }

}

/// A section heading of the form.
@MainActor
func formHeading(_ text: String) -> Label {
    let label = Label(text)
    label.xAlign = 0
    label.addCSSClass("heading")
    label.setEdgeMargins(top: 14, bottom: 4)
    return label
}

/// A check box with a label that wraps (a GtkCheckButton's own label never wraps, and grid
/// labels are long). The label is also the box's accessible name.
@MainActor
func wrappedCheck(_ text: String, accessibleName: String? = nil) -> (line: Box, check: CheckButton) {
    let line = Box(vertical: false, spacing: 6)
    let check = CheckButton.unlabelled()
    check.setAccessibleLabel(accessibleName ?? text)
    check.alignAtTop()
    let label = Label(text)
    label.xAlign = 0
    label.wraps = true
    label.setExpand(horizontal: true, vertical: false)
    line.append(check)
    line.append(label)
    return (line, check)
}

/// An entry with its accessible name and placeholder.
@MainActor
func formEntry(_ accessibleName: String, placeholder: String? = nil) -> Entry {
    let entry = Entry(placeholder: placeholder)
    entry.setAccessibleLabel(accessibleName)
    return entry
}

/// One person of the household: role, birth date, a remove button, an error line.
@MainActor
final class MemberRow {
    let box = Box(vertical: true, spacing: 2)
    let role = DropDown(items: RequestMember.Role.allCases.map { capitalizedFirst($0.frenchLabel) })
    let birthDate = Entry(placeholder: "JJ/MM/AAAA")
    let remove = Button(label: "Retirer")
    let error = Label.fieldError()

    init(_ member: RequestMember?) {
        let line = Box(vertical: false, spacing: 6)
        role.selectedIndex = member.flatMap { RequestMember.Role.allCases.firstIndex(of: $0.role) } ?? 0
        birthDate.text = member.map { FrenchFormat.date($0.birthDate) } ?? ""
        birthDate.setExpand(horizontal: true, vertical: false)
        line.append(role)
        line.append(birthDate)
        line.append(remove)
        box.append(line)
        box.append(error)
    }

    func number(_ index: Int) {
        role.setAccessibleLabel("Rôle de la personne \(index + 1)")
        birthDate.setAccessibleLabel("Date de naissance de la personne \(index + 1)")
        remove.setAccessibleLabel("Retirer la personne \(index + 1)")
    }

    var selectedRole: RequestMember.Role { RequestMember.Role.allCases[role.selectedIndex ?? 0] }
}

/// One presentation in an allocation committee: date, rank, landlord.
@MainActor
final class CalRow {
    let box = Box(vertical: true, spacing: 2)
    let date = Entry(placeholder: "JJ/MM/AAAA")
    let rank = DropDown(items: ["Rang 1", "Rang 2", "Rang 3"])
    let landlord = Entry(placeholder: "Bailleur")
    let remove = Button(label: "Retirer")
    let error = Label.fieldError()

    init(_ proposal: CalProposal?) {
        let line = Box(vertical: false, spacing: 6)
        date.text = proposal.map { FrenchFormat.date($0.date) } ?? ""
        rank.selectedIndex = proposal.map { min(max($0.rank, 1), 3) - 1 } ?? 1
        landlord.text = proposal?.landlord ?? ""
        date.setExpand(horizontal: true, vertical: false)
        landlord.setExpand(horizontal: true, vertical: false)
        line.append(date)
        line.append(rank)
        line.append(landlord)
        line.append(remove)
        box.append(line)
        box.append(error)
    }

    func number(_ index: Int) {
        date.setAccessibleLabel("Date de la proposition en CAL \(index + 1)")
        rank.setAccessibleLabel("Rang de la proposition en CAL \(index + 1)")
        landlord.setAccessibleLabel("Bailleur de la proposition en CAL \(index + 1)")
        remove.setAccessibleLabel("Retirer la proposition en CAL \(index + 1)")
    }
}

/// A declared criterion of the grid: "situation déclarée" and, once declared, the state of its
/// document. Keeps what the form does not edit (dates of the document, detail) from the stored
/// claim. The document's drop-down is built the first time the situation is declared: a
/// drop-down per criterion of the grid, built up front, was a third of the section's opening.
@MainActor
final class ClaimRow {
    static let statuses: [ClaimDocument.Status] = [.missing, .received, .valid, .rejected]
    static let statusLabels = ["manquant", "reçu", "valide", "refusé"]

    let criterion: CotationCriterion
    let box = Box(vertical: true, spacing: 2)
    let declared: CheckButton
    /// The document state, nil until the situation is first declared.
    private(set) var document: DropDown?
    private var documentLine: Box?
    private var kept: CriterionClaim?
    /// Declared, undeclared, or document state changed.
    var onChanged: (@MainActor () -> Void)?

    init(_ criterion: CotationCriterion) {
        self.criterion = criterion
        let (head, check) = wrappedCheck("\(criterion.label) (\(criterion.awardedPoints) pts)",
                                         accessibleName: criterion.label)
        declared = check
        declared.tooltip = "Justificatif : \(criterion.supportingDocument)"
        box.append(head)
        declared.onToggled { [weak self] in
            guard let self else { return }
            self.showDocument(status: self.kept?.document.status ?? .missing)
            self.onChanged?()
        }
    }

    func load(_ claim: CriterionClaim?) {
        kept = claim
        declared.isActive = claim != nil
        showDocument(status: claim?.document.status ?? .missing)
    }

    /// Shows the document line with `status` when declared, hides it otherwise.
    private func showDocument(status: ClaimDocument.Status) {
        guard declared.isActive else { documentLine?.isVisible = false; return }
        let drop = document ?? makeDocumentLine()
        drop.selectedIndex = Self.statuses.firstIndex(of: status)
        documentLine?.isVisible = true
    }

    private func makeDocumentLine() -> DropDown {
        let drop = DropDown(items: Self.statusLabels)
        drop.setAccessibleLabel("Justificatif : \(criterion.label)")
        drop.tooltip = criterion.supportingDocument
        let caption = Label("Justificatif")
        caption.addCSSClass("dim-label")
        caption.xAlign = 0
        caption.setExpand(horizontal: true, vertical: false)
        let line = Box(vertical: false, spacing: 6)
        line.append(caption)
        line.append(drop)
        line.setEdgeMargins(start: 28)
        box.append(line)
        drop.onSelectionChanged { [weak self] in self?.onChanged?() }
        document = drop
        documentLine = line
        return drop
    }

    /// The claim as the form shows it, nil when the situation is not declared.
    var claim: CriterionClaim? {
        guard declared.isActive else { return nil }
        var claim = kept ?? CriterionClaim(criterionId: criterion.id, document: .missing)
        claim.document.status = Self.statuses[document?.selectedIndex ?? 0]
        return claim
    }
}

func capitalizedFirst(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
}
