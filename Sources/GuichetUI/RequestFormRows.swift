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

/// One person of the household: role, birth date, a remove button, an error line; the names of
/// the requester and the co-requester (the only names a request keeps).
@MainActor
final class MemberRow {
    let box = Box(vertical: true, spacing: 2)
    let role = DropDown(items: RequestMember.Role.allCases.map { capitalizedFirst($0.frenchLabel) })
    let birthDate = Entry(placeholder: "JJ/MM/AAAA")
    let lastName = Entry(placeholder: "Nom")
    let firstName = Entry(placeholder: "Prénom")
    let remove = Button(label: "Retirer")
    let error = Label.fieldError()
    private let names = Box(vertical: false, spacing: 6)

    init(_ member: RequestMember?) {
        let line = Box(vertical: false, spacing: 6)
        role.selectedIndex = member.flatMap { RequestMember.Role.allCases.firstIndex(of: $0.role) } ?? 0
        birthDate.text = member.map { FrenchFormat.date($0.birthDate) } ?? ""
        lastName.text = member?.lastName ?? ""
        firstName.text = member?.firstName ?? ""
        birthDate.setExpand(horizontal: true, vertical: false)
        line.append(role)
        line.append(birthDate)
        line.append(remove)
        for (entry, tip) in [(lastName, "Nom"), (firstName, "Prénom")] {
            entry.tooltip = tip
            entry.setExpand(horizontal: true, vertical: false)
            names.append(entry)
        }
        box.append(line)
        box.append(names)
        box.append(error)
        showNames()
        role.onSelectionChanged { [weak self] in self?.showNames() }
    }

    /// Names are asked for the requester and the co-requester only.
    private func showNames() { names.isVisible = selectedRole == .requester || selectedRole == .coRequester }

    func number(_ index: Int) {
        role.setAccessibleLabel("Rôle de la personne \(index + 1)")
        birthDate.setAccessibleLabel("Date de naissance de la personne \(index + 1)")
        lastName.setAccessibleLabel("Nom de la personne \(index + 1)")
        firstName.setAccessibleLabel("Prénom de la personne \(index + 1)")
        remove.setAccessibleLabel("Retirer la personne \(index + 1)")
    }

    var selectedRole: RequestMember.Role { RequestMember.Role.allCases[role.selectedIndex ?? 0] }

    /// The member the row describes once its birth date is read; names only where they are kept.
    func member(born birth: CalendarDate) -> RequestMember {
        let named = selectedRole == .requester || selectedRole == .coRequester
        return RequestMember(role: selectedRole, birthDate: birth,
                             lastName: named ? lastName.typedText : nil, firstName: named ? firstName.typedText : nil)
    }

    var fingerprint: String { "\(role.selectedIndex ?? -1)|\(birthDate.text)|\(lastName.text)|\(firstName.text)" }
}

/// One presentation in an allocation committee: date, rank, landlord, outcome.
@MainActor
final class CalRow {
    /// First item: no outcome recorded (older proposals), which the grid counts as not retained.
    static let outcomes: [CalOutcome?] = [nil] + CalOutcome.known
    static let outcomeLabels = ["Issue non renseignée"] + CalOutcome.known.map { capitalizedFirst($0.frenchLabel) }

    let box = Box(vertical: true, spacing: 2)
    let date = Entry(placeholder: "JJ/MM/AAAA")
    let rank = DropDown(items: ["Rang 1", "Rang 2", "Rang 3"])
    let landlord = Entry(placeholder: "Bailleur")
    let outcome = DropDown(items: CalRow.outcomeLabels)
    let remove = Button(label: "Retirer")
    let error = Label.fieldError()

    init(_ proposal: CalProposal?) {
        let line = Box(vertical: false, spacing: 6)
        date.text = proposal.map { FrenchFormat.date($0.date) } ?? ""
        rank.selectedIndex = proposal.map { min(max($0.rank, 1), 3) - 1 } ?? 1
        landlord.text = proposal?.landlord ?? ""
        // A new proposal starts as not retained; a stored one shows what it holds.
        outcome.selectedIndex = proposal.map { Self.outcomes.firstIndex(of: $0.outcome) ?? 0 } ?? 1
        date.setExpand(horizontal: true, vertical: false)
        landlord.setExpand(horizontal: true, vertical: false)
        line.append(date)
        line.append(rank)
        line.append(landlord)
        line.append(remove)
        box.append(line)
        let second = Box(vertical: false, spacing: 6)
        second.append(outcome)
        box.append(second)
        box.append(error)
    }

    func number(_ index: Int) {
        date.setAccessibleLabel("Date de la proposition en CAL \(index + 1)")
        rank.setAccessibleLabel("Rang de la proposition en CAL \(index + 1)")
        landlord.setAccessibleLabel("Bailleur de la proposition en CAL \(index + 1)")
        outcome.setAccessibleLabel("Issue de la proposition en CAL \(index + 1)")
        remove.setAccessibleLabel("Retirer la proposition en CAL \(index + 1)")
    }

    var selectedOutcome: CalOutcome? { Self.outcomes[outcome.selectedIndex ?? 0] }

    var fingerprint: String { "\(date.text)|\(rank.selectedIndex ?? -1)|\(landlord.text)|\(outcome.selectedIndex ?? -1)" }
}

/// A declared criterion of the grid: "situation déclarée" and, once declared, the state of its
/// document. Keeps what the form does not edit (dates of the document, detail) from the stored
/// claim. The document's drop-down is built the first time the situation is declared: a
/// drop-down per criterion of the grid, built up front, was a third of the section's opening.
@MainActor
final class ClaimRow {
    static let statuses: [ClaimDocument.Status] = [.missing, .received, .valid, .rejected]
    /// The same words as a dossier's checklist (`DocumentStateWords`).
    static let statusLabels = statuses.map(DocumentStateWords.label)

    let criterion: CotationCriterion
    let box = Box(vertical: true, spacing: 2)
    let declared: CheckButton
    /// For a criterion that asks for an occupation of the essential-worker list: the searchable choice.
    private(set) var occupation: OccupationChooser?
    /// The document state, nil until the situation is first declared.
    private(set) var document: DropDown?
    private var documentLine: Box?
    /// Who the situation concerns, for a criterion whose condition looks at "the person
    /// concerned"; built with the document line.
    private(set) var person: DropDown?
    private var memberLabels: [String] = []
    /// The member chosen (position in the household), nil for "any member".
    private var personIndex: Int?
    private var updatingPerson = false
    private var kept: CriterionClaim?
    /// Declared, undeclared, or document state changed.
    var onChanged: (@MainActor () -> Void)?

    init(_ criterion: CotationCriterion, grid: CotationGrid) {
        self.criterion = criterion
        let (head, check) = wrappedCheck("\(criterion.label) (\(criterion.awardedPoints) pts)",
                                         accessibleName: criterion.label)
        declared = check
        declared.tooltip = "Justificatif : \(criterion.supportingDocument)"
        box.append(head)
        if criterion.conditions?.contains(where: { $0.kind == .essentialOccupation }) == true {
            let chooser = OccupationChooser(grid: grid, criterionLabel: criterion.label)
            chooser.box.setEdgeMargins(start: 28)
            chooser.box.isVisible = false
            chooser.onChanged = { [weak self] in self?.onChanged?() }
            box.append(chooser.box)
            occupation = chooser
        }
        declared.onToggled { [weak self] in
            guard let self else { return }
            self.showDocument(status: self.kept?.document.status ?? .missing)
            self.onChanged?()
        }
    }

    var asksForPerson: Bool { criterion.conditions?.contains { $0.who == .concerned } == true }

    /// The household as the form lists it ("Personne 2 (enfant)"), for the person concerned.
    func setMembers(_ labels: [String]) {
        memberLabels = labels
        if let index = personIndex, index >= labels.count { personIndex = nil }
        showPersonChoices()
    }

    /// A member was removed: the choice follows the person, or goes back to "any member".
    func memberRemoved(at index: Int) {
        guard let chosen = personIndex else { return }
        personIndex = chosen == index ? nil : (chosen > index ? chosen - 1 : chosen)
    }

    private func showPersonChoices() {
        guard let person else { return }
        updatingPerson = true
        person.items = ["Toute personne du ménage"] + memberLabels
        person.selectedIndex = personIndex.map { $0 + 1 } ?? 0
        updatingPerson = false
    }

    func load(_ claim: CriterionClaim?) {
        kept = claim
        personIndex = claim?.member
        occupation?.load(claim?.detail)
        declared.isActive = claim != nil
        showDocument(status: claim?.document.status ?? .missing)
    }

    /// Shows the document line with `status` when declared, hides it otherwise.
    private func showDocument(status: ClaimDocument.Status) {
        occupation?.box.isVisible = declared.isActive
        guard declared.isActive else { documentLine?.isVisible = false; return }
        let drop = document ?? makeDocumentLine()
        drop.selectedIndex = Self.statuses.firstIndex(of: status)
        showPersonChoices()
        documentLine?.isVisible = true
    }

    private func makeDocumentLine() -> DropDown {
        let drop = DropDown(items: Self.statusLabels)
        drop.setAccessibleLabel("Justificatif : \(criterion.label)")
        drop.tooltip = criterion.supportingDocument
        let caption = Label("Pièce justificative")
        caption.addCSSClass("dim-label")
        caption.xAlign = 0
        caption.setExpand(horizontal: true, vertical: false)
        let line = Box(vertical: true, spacing: 2)
        let documentRow = Box(vertical: false, spacing: 6)
        documentRow.append(caption)
        documentRow.append(drop)
        line.append(documentRow)
        line.setEdgeMargins(start: 28)
        box.append(line)
        drop.onSelectionChanged { [weak self] in self?.onChanged?() }
        document = drop
        documentLine = line
        if asksForPerson {
            let choice = DropDown(items: [])
            choice.setAccessibleLabel("Personne concernée : \(criterion.label)")
            let personCaption = Label("Personne concernée")
            personCaption.addCSSClass("dim-label")
            personCaption.xAlign = 0
            personCaption.setExpand(horizontal: true, vertical: false)
            let personRow = Box(vertical: false, spacing: 6)
            personRow.append(personCaption)
            personRow.append(choice)
            line.append(personRow)
            person = choice
            choice.onSelectionChanged { [weak self] in
                guard let self, !self.updatingPerson else { return }
                let selected = choice.selectedIndex ?? 0
                self.personIndex = selected == 0 ? nil : selected - 1
                self.onChanged?()
            }
        }
        return drop
    }

    /// The claim as the form shows it, nil when the situation is not declared.
    var claim: CriterionClaim? {
        guard declared.isActive else { return nil }
        var claim = kept ?? CriterionClaim(criterionId: criterion.id, document: .missing)
        claim.document.status = Self.statuses[document?.selectedIndex ?? 0]
        if let occupation { claim.detail = occupation.entry.typedText }
        if asksForPerson { claim.member = personIndex }
        return claim
    }

    var fingerprint: String { claim.map { "\($0.document.status)|\($0.detail ?? "")|\($0.member ?? -1)" } ?? "-" }
}

/// The occupation of an essential worker: typed freely, with the lines of annex 2 that match
/// what is typed offered as buttons (any word order, without accents or plurals), and whether
/// the cotation recognises it.
@MainActor
final class OccupationChooser {
    static let shownChoices = 6
    let box = Box(vertical: true, spacing: 2)
    let entry = Entry(placeholder: "Profession (liste de l’annexe 2)")
    let status = Label()
    private let choices = Box(vertical: true, spacing: 0)
    private var shown: [Widget] = []
    private let grid: CotationGrid
    var onChanged: (@MainActor () -> Void)?

    init(grid: CotationGrid, criterionLabel: String) {
        self.grid = grid
        entry.setAccessibleLabel("Profession : \(criterionLabel)")
        status.xAlign = 0
        status.wraps = true
        status.addCSSClass("dim-label")
        box.append(entry)
        box.append(status)
        box.append(choices)
        entry.onChanged { [weak self] in
            self?.refresh()
            self?.onChanged?()
        }
        refresh()
    }

    func load(_ detail: String?) { entry.text = detail ?? "" }

    /// The recognised line, and the lines matching the text as buttons.
    private func refresh() {
        let typed = entry.text
        if let match = grid.essentialOccupation(matching: typed) {
            status.text = "Profession reconnue : « \(match.occupation) » (\(match.group.label))"
        } else {
            status.text = typed.allSatisfy(\.isWhitespace) ? "Choisissez une profession de la liste :"
                : "Profession absente de la liste de l’annexe 2 : le critère ne rapportera aucun point. Professions proches :"
        }
        for widget in shown { choices.remove(widget) }
        shown.removeAll()
        let matching = typed.allSatisfy(\.isWhitespace) ? grid.essentialOccupations : grid.essentialOccupations(containing: typed)
        guard grid.essentialOccupation(matching: typed) == nil else { return }
        for match in matching.prefix(Self.shownChoices) {
            let button = Button(label: match.occupation)
            button.addCSSClass("flat")
            button.setAccessibleLabel("Choisir la profession « \(match.occupation) »")
            button.onClicked { [weak self] in self?.entry.text = match.occupation }
            choices.append(button)
            shown.append(button)
        }
        if matching.count > Self.shownChoices {
            let more = Label("… et \(matching.count - Self.shownChoices) autre(s) : précisez la saisie.")
            more.xAlign = 0
            more.addCSSClass("dim-label")
            choices.append(more)
            shown.append(more)
        }
    }
}

func capitalizedFirst(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
}
