import GtkKit
import GuichetCore

/// The request form: every field of a `SocialHousingRequest` the counter edits, checked as it
/// is typed. `onChange` fires after each edit with the request the fields describe (nil while
/// a field cannot be read), so the screen can score it live and enable saving.
@MainActor
final class RequestForm {
    let root = Box(vertical: true, spacing: 6)
    let grid: CotationGrid
    var onChange: (@MainActor () -> Void)?

    let requestDate = formEntry("Date de la demande", placeholder: "JJ/MM/AAAA")
    let sneNumber = formEntry("Numéro unique SNE", placeholder: "facultatif")
    let resources = formEntry("Ressources annuelles du ménage", placeholder: "en euros, ex. 1 234,56")
    let homeStatus = DropDown(items: ["Aucun logement à payer"]
        + CurrentHome.Status.allCases.map { capitalizedFirst($0.frenchLabel) })
    let rent = formEntry("Loyer mensuel", placeholder: "en euros, ex. 1 234,56")
    let charges = formEntry("Charges mensuelles", placeholder: "en euros, ex. 1 234,56")
    let benefit = formEntry("Aide au logement mensuelle", placeholder: "en euros, ex. 1 234,56")
    let communes = formEntry("Communes souhaitées", placeholder: "noms ou codes INSEE, séparés par des virgules")
    let typologies: [CheckButton] = Typology.allCases.map { CheckButton(label: $0.rawValue) }
    let general = Label.fieldError()
    /// Shown as soon as two situations the grid declares exclusive are ticked.
    let exclusiveWarning = Label.fieldError()

    private var fields: [String: FieldBlock] = [:]
    private let membersBox = Box(vertical: true, spacing: 4)
    private let membersError = Label.fieldError()
    private(set) var memberRows: [MemberRow] = []
    private let calBox = Box(vertical: true, spacing: 4)
    private(set) var calRows: [CalRow] = []
    private(set) var claimRows: [ClaimRow] = []
    /// The priority categories the agent declares: only those no data of the request can show
    /// (the others are derived by the cotation and shown with the score).
    private var priorityChecks: [(PriorityCategory, CheckButton)] = []
    /// The declared categories, collapsed while none is ticked (wrapping labels measured for
    /// nothing were a large part of the section's opening).
    private(set) var priorityList: Expander!
    /// The request being edited as loaded (nil for a new one): its id, and what the form keeps.
    private(set) var loaded: SocialHousingRequest?
    private var loading = false

    /// `today`: the date a new request starts with.
    init(grid: CotationGrid, today: CalendarDate) {
        self.grid = grid
        root.append(general)
        root.append(formHeading("Demande"))
        addField("requestDate", "Date de la demande", requestDate)
        addField("sneNumber", "Numéro unique (SNE)", sneNumber)

        root.append(formHeading("Composition du ménage"))
        root.append(membersBox)
        root.append(membersError)
        let addMember = Button(label: "Ajouter une personne")
        addMember.onClicked { [weak self] in self?.appendMember(nil); self?.changed() }
        addMember.alignAtStart()
        root.append(addMember)

        root.append(formHeading("Ressources et logement actuel"))
        addField("annualResources", "Ressources annuelles du ménage", resources)
        homeStatus.setAccessibleLabel("Logement actuel")
        addField("home.status", "Logement actuel", homeStatus)
        addField("home.monthlyRent", "Loyer mensuel", rent)
        addField("home.monthlyCharges", "Charges mensuelles", charges)
        addField("home.monthlyHousingBenefit", "Aide au logement mensuelle", benefit)

        root.append(formHeading("Souhaits"))
        addField("wishedCommunes", "Communes souhaitées", communes)
        let typologyLine = Box(vertical: false, spacing: 8)
        for (typology, check) in zip(Typology.allCases, typologies) {
            check.setAccessibleLabel("Typologie \(typology.rawValue)")
            typologyLine.append(check)
        }
        root.append(typologyLine)

        root.append(formHeading("Situations déclarées"))
        exclusiveWarning.setAccessibleLabel("Avertissement : situations exclusives")
        root.append(exclusiveWarning)
        for criterion in grid.criteria where criterion.basis == .declared {
            let row = ClaimRow(criterion, grid: grid)
            claimRows.append(row)
            root.append(row.box)
        }

        root.append(formHeading("Propositions en commission d’attribution (CAL)"))
        root.append(calBox)
        let addProposal = Button(label: "Ajouter une proposition")
        addProposal.onClicked { [weak self] in self?.appendProposal(nil); self?.changed() }
        addProposal.alignAtStart()
        root.append(addProposal)

        root.append(formHeading("Publics prioritaires déclarés"))
        let derivedNote = Label("Les autres publics prioritaires se déduisent de la demande (critères justifiés, âges, "
                                + "ancienneté, propositions en CAL) : ils figurent avec le score.")
        derivedNote.xAlign = 0
        derivedNote.wraps = true
        derivedNote.addCSSClass("dim-label")
        root.append(derivedNote)
        let categories = Box(vertical: true, spacing: 6)
        for category in grid.priorityCategories where category.isDeclaredOnly {
            let (line, check) = wrappedCheck(category.label)
            priorityChecks.append((category, check))
            categories.append(line)
        }
        priorityList = Expander(label: "", child: categories)
        priorityList.setAccessibleLabel("Publics prioritaires déclarés")
        root.append(priorityList)
        connect()
        startNew(on: today)
    }

    private func addField(_ key: String, _ caption: String, _ input: Widget) {
        let block = FieldBlock(caption: caption, input: input)
        fields[key] = block
        root.append(block.box)
    }

    private func connect() {
        for entry in [requestDate, sneNumber, resources, rent, charges, benefit, communes] {
            entry.onChanged { [weak self] in self?.changed() }
        }
        homeStatus.onSelectionChanged { [weak self] in self?.changed() }
        for check in typologies { check.onToggled { [weak self] in self?.changed() } }
        for check in priorityChecks.map(\.1) {
            check.onToggled { [weak self] in
                self?.showPriorityCount()
                self?.changed()
            }
        }
        for row in claimRows {
            row.onChanged = { [weak self] in
                self?.showExclusiveWarning()
                self?.changed()
            }
        }
    }

    /// "« A » et « B » ne se cumulent pas…" as soon as a second exclusive situation is ticked.
    private func showExclusiveWarning() {
        let ticked = claimRows.filter { $0.declared.isActive }.map(\.criterion.id)
        let conflicts = grid.exclusiveConflicts(ticked)
        exclusiveWarning.show(conflicts.isEmpty ? nil : conflicts.map { conflict in
            let labels = conflict.criteria.compactMap { grid.criterion(id: $0)?.label }.map { "« \($0) »" }
            return "Situations exclusives : \(frenchList(labels)) ne se cumulent pas ; seule la plus favorable comptera."
        }.joined(separator: "\n"))
    }

    private func changed() {
        guard !loading else { return }
        onChange?()
    }

    // MARK: Dynamic rows

    private func appendMember(_ member: RequestMember?) {
        let row = MemberRow(member)
        memberRows.append(row)
        membersBox.append(row.box)
        row.role.onSelectionChanged { [weak self] in
            self?.showMembersToClaims()
            self?.changed()
        }
        for entry in [row.birthDate, row.lastName, row.firstName] { entry.onChanged { [weak self] in self?.changed() } }
        row.remove.onClicked { [weak self, unowned row] in
            guard let self, let index = self.memberRows.firstIndex(where: { $0 === row }) else { return }
            self.memberRows.remove(at: index)
            self.membersBox.remove(row.box)
            for claim in self.claimRows where claim.asksForPerson { claim.memberRemoved(at: index) }
            self.numberRows()
            self.changed()
        }
        numberRows()
    }

    private func appendProposal(_ proposal: CalProposal?) {
        let row = CalRow(proposal)
        calRows.append(row)
        calBox.append(row.box)
        row.date.onChanged { [weak self] in self?.changed() }
        row.rank.onSelectionChanged { [weak self] in self?.changed() }
        row.landlord.onChanged { [weak self] in self?.changed() }
        row.outcome.onSelectionChanged { [weak self] in self?.changed() }
        row.remove.onClicked { [weak self, unowned row] in
            guard let self, let index = self.calRows.firstIndex(where: { $0 === row }) else { return }
            self.calRows.remove(at: index)
            self.calBox.remove(row.box)
            self.numberRows()
            self.changed()
        }
        numberRows()
    }

    private func numberRows() {
        for (i, row) in memberRows.enumerated() { row.number(i) }
        for (i, row) in calRows.enumerated() { row.number(i) }
        showMembersToClaims()
    }

    /// "Personne 2 (enfant)": the household as the situations' "person concerned" lists it.
    private func showMembersToClaims() {
        let labels = memberRows.enumerated().map { "Personne \($0.offset + 1) (\($0.element.selectedRole.frenchLabel))" }
        for claim in claimRows where claim.asksForPerson { claim.setMembers(labels) }
    }

    // MARK: Loading

    /// Empties the form for a new request dated `date`, with one requester row.
    func startNew(on date: CalendarDate) {
        load(SocialHousingRequest(id: "", requestDate: date, members: [], annualResources: .zero), isNew: true)
        loading = true
        appendMember(nil)
        loading = false
    }

    /// Shows a stored request.
    func show(_ request: SocialHousingRequest) {
        load(request, isNew: false)
    }

    private func load(_ request: SocialHousingRequest, isNew: Bool) {
        revealsMissing = false
        loading = true
        defer { loading = false }
        loaded = isNew ? nil : request
        requestDate.text = FrenchFormat.date(request.requestDate)
        sneNumber.text = request.sneNumber ?? ""
        resources.text = isNew ? "" : FrenchFormat.money(request.annualResources)
        if let home = request.home {
            homeStatus.selectedIndex = (CurrentHome.Status.allCases.firstIndex(of: home.status) ?? 0) + 1
            rent.text = FrenchFormat.money(home.monthlyRent)
            charges.text = FrenchFormat.money(home.monthlyCharges)
            benefit.text = FrenchFormat.money(home.monthlyHousingBenefit)
        } else {
            homeStatus.selectedIndex = 0
            for entry in [rent, charges, benefit] { entry.text = "" }
        }
        communes.text = request.wishedCommunes.map(\.description).joined(separator: ", ")
        for (typology, check) in zip(Typology.allCases, typologies) {
            check.isActive = request.wishedTypologies.contains(typology)
        }
        for row in memberRows { membersBox.remove(row.box) }
        memberRows.removeAll()
        for member in request.members { appendMember(member) }
        for row in calRows { calBox.remove(row.box) }
        calRows.removeAll()
        for proposal in request.calProposals { appendProposal(proposal) }
        for row in claimRows { row.load(request.claim(for: row.criterion.id)) }
        showExclusiveWarning()
        for (category, check) in priorityChecks { check.isActive = request.priorityCategories.contains(category.id) }
        priorityList.isExpanded = priorityChecks.contains { $0.1.isActive }
        showPriorityCount()
    }

    /// "Aucune catégorie cochée (22)" / "2 catégories cochées sur 22".
    private func showPriorityCount() {
        let ticked = priorityChecks.filter { $0.1.isActive }.count
        let all = priorityChecks.count
        priorityList.label = switch ticked {
        case 0: "Aucune catégorie cochée (\(all))"
        case 1: "1 catégorie cochée sur \(all)"
        default: "\(ticked) catégories cochées sur \(all)"
        }
    }

    // MARK: Reading

    /// What the fields say: the request when every field can be read, and the French errors
    /// keyed by field (parse errors, then the request's own checks and the grid's).
    func draft() -> (request: SocialHousingRequest?, errors: [ValidationError]) {
        var errors: [ValidationError] = []
        func money(_ entry: Entry, _ field: String, optional: Bool) -> Money? {
            let text = entry.trimmedText
            if text.isEmpty {
                if optional { return .zero }
                errors.append(ValidationError(field: field, Self.requiredMessage))
                return nil
            }
            guard let amount = FrenchNumber.parseMoney(text) else {
                errors.append(ValidationError(field: field, "montant invalide « \(text) » (exemple : 1 234,56)"))
                return nil
            }
            return amount
        }
        func date(_ entry: Entry, _ field: String) -> CalendarDate? {
            if entry.typedText == nil {
                errors.append(ValidationError(field: field, Self.requiredMessage))
                return nil
            }
            do { return try CalendarDate.parse(entry.text, field: field) } catch {
                errors.append(error)
                return nil
            }
        }
        let requested = date(requestDate, "requestDate")
        let sne = sneNumber.trimmedText
        var members: [RequestMember] = []
        for (i, row) in memberRows.enumerated() {
            if let birth = date(row.birthDate, "members[\(i)].birthDate") {
                members.append(row.member(born: birth))
            }
        }
        let annual = money(resources, "annualResources", optional: false)
        var home: CurrentHome?
        if let index = homeStatus.selectedIndex, index > 0 {
            let r = money(rent, "home.monthlyRent", optional: true)
            let c = money(charges, "home.monthlyCharges", optional: true)
            let b = money(benefit, "home.monthlyHousingBenefit", optional: true)
            if let r, let c, let b {
                home = CurrentHome(status: CurrentHome.Status.allCases[index - 1], monthlyRent: r,
                                   monthlyCharges: c, monthlyHousingBenefit: b)
            }
        }
        var proposals: [CalProposal] = []
        for (i, row) in calRows.enumerated() {
            if let d = date(row.date, "calProposals[\(i)].date") {
                proposals.append(CalProposal(date: d, landlord: row.landlord.typedText,
                                             rank: (row.rank.selectedIndex ?? 0) + 1, outcome: row.selectedOutcome))
            }
        }
        let wished = communes.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map(WishedCommune.init)
        guard errors.isEmpty, let requested, let annual else { return (nil, errors) }
        var request = loaded ?? SocialHousingRequest(id: "", requestDate: requested, members: [], annualResources: .zero)
        request.requestDate = requested
        request.sneNumber = sne.isEmpty ? nil : sne
        request.members = members
        request.annualResources = annual
        request.home = home
        request.wishedCommunes = wished
        request.wishedTypologies = zip(Typology.allCases, typologies).filter { $0.1.isActive }.map(\.0)
        request.criteria = Self.claims(claimRows.compactMap(\.claim), shown: Set(claimRows.map(\.criterion.id)), over: loaded?.criteria ?? [])
        request.calProposals = proposals
        // Categories the form does not show (ticked by an older version, now derived) stay as they were.
        let shown = Set(priorityChecks.map(\.0.id))
        request.priorityCategories = request.priorityCategories.filter { !shown.contains($0) }
            + priorityChecks.filter { $0.1.isActive }.map(\.0.id)
        return (request, request.validate() + request.validate(against: grid))
    }

    /// The situations declared as the form shows them, over the stored ones: a stored claim keeps
    /// its place (or leaves it when unticked), a claim of a situation the form does not show stays
    /// as stored, new ones follow in the grid's order. So a request saved without change is the
    /// stored one, not a reordered copy.
    static func claims(_ ticked: [CriterionClaim], shown: Set<String>, over stored: [CriterionClaim]) -> [CriterionClaim] {
        let byId = Dictionary(ticked.map { ($0.criterionId, $0) }, uniquingKeysWith: { first, _ in first })
        let storedIds = Set(stored.map(\.criterionId))
        let kept = stored.compactMap { old in shown.contains(old.criterionId) ? byId[old.criterionId] : old }
        return kept + ticked.filter { !storedIds.contains($0.criterionId) }
    }

    static let requiredMessage = "à renseigner"
    /// Whether "à renseigner" errors are shown: not on a fresh form, only after a save attempt.
    var revealsMissing = false

    /// Shows each error next to its field; errors of no shown field go to the top of the form.
    func showErrors(_ allErrors: [ValidationError]) {
        let errors = revealsMissing ? allErrors : allErrors.filter { $0.message != Self.requiredMessage }
        var byField: [String: String] = [:]
        for error in errors where byField[error.field] == nil { byField[error.field] = error.message }
        var shown = Set<String>()
        for (key, block) in fields {
            block.error.show(byField[key])
            if byField[key] != nil { shown.insert(key) }
        }
        membersError.show(byField["members"])
        shown.insert("members")
        for (i, row) in memberRows.enumerated() {
            let key = "members[\(i)].birthDate"
            row.error.show(byField[key])
            shown.insert(key)
        }
        for (i, row) in calRows.enumerated() {
            let keys = ["calProposals[\(i)].date", "calProposals[\(i)].rank"]
            let message = keys.compactMap { byField[$0] }.first
            row.error.show(message)
            shown.formUnion(keys)
        }
        let rest = errors.filter { !shown.contains($0.field) }.map(\.description)
        general.show(rest.joined(separator: "\n"))
    }

    /// Every value the agent can change, for the unsaved-changes check.
    var fingerprint: String {
        var parts = [requestDate.text, sneNumber.text, resources.text, "\(homeStatus.selectedIndex ?? -1)",
                     rent.text, charges.text, benefit.text, communes.text]
        parts += typologies.map { $0.isActive ? "1" : "0" }
        parts += memberRows.map(\.fingerprint)
        parts += calRows.map(\.fingerprint)
        parts += claimRows.map(\.fingerprint)
        parts += priorityChecks.map { $0.1.isActive ? "1" : "0" }
        return parts.joined(separator: "\u{1F}")
    }

    /// The check box of a declared criterion (tests).
    func claimRow(_ criterionId: String) -> ClaimRow? { claimRows.first { $0.criterion.id == criterionId } }
}

/// "« a », « b » et « c »".
func frenchList(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " et " + last
}
