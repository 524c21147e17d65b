import GtkKit
import GuichetCore

/// The fields of one allocation typed in the window, built from one table of fields: each row a
/// label (the field's French name, as imports and errors say it) and its widget. Reads into an
/// `AllocationEntry`, which the core validates.
@MainActor
final class AllocationEntryForm {
    let root: Widget
    let sneNumber = Entry(placeholder: "facultatif")
    let calDecisionDate = Entry(placeholder: "JJ/MM/AAAA")
    let leaseDate = Entry(placeholder: "JJ/MM/AAAA, vide tant que le bail n'est pas signé")
    let landlord = DropDown(items: [])
    let holderKind = DropDown(items: ["Non renseigné"] + ReservationHolder.Kind.allCases.map(\.label))
    let holderName = Entry(placeholder: "commune ou autre réservataire ; vide : commune du logement")
    let commune = Entry()
    let inQPV = DropDown(items: ["Non renseigné", "Hors QPV", "En QPV"])
    let qpvName = Entry(placeholder: "facultatif")
    let typology = DropDown(items: ["Non renseignée"] + Typology.allCases.map(\.rawValue))
    let householdSize = Entry(placeholder: "personnes")
    let resourcesPerUC = Entry(placeholder: "€ par an et par UC")
    let quartile = DropDown(items: ["Non renseigné", "1er quartile", "2e quartile", "3e quartile", "4e quartile"])
    let priority = DropDown(items: ["Non renseigné", "Oui", "Non"])
    let priorityBasis = DropDown(items: ["—"] + PriorityLabel.Basis.allCases.map(\.label))
    let priorityCategory = DropDown(items: ["—"])
    let transfer = DropDown(items: ["Non renseigné", "Première attribution", "Mutation"])
    let anru = CheckButton(label: "Relogement dans le cadre de l'ANRU")
    private(set) var landlords: [Landlord] = []
    private(set) var categories: [PriorityCategory] = []

    init() {
        let grid = Grid.make(rowSpacing: 6, columnSpacing: 12)
        let rows: [(AllocationField?, String, Widget)] = [
            (.sneNumber, AllocationField.sneNumber.label, sneNumber),
            (.calDecisionDate, AllocationField.calDecisionDate.label, calDecisionDate),
            (.leaseDate, AllocationField.leaseDate.label, leaseDate),
            (.landlord, AllocationField.landlord.label, landlord),
            (.reservationHolder, AllocationField.reservationHolder.label, holderKind),
            (.reservationHolderName, AllocationField.reservationHolderName.label, holderName),
            (.commune, AllocationField.commune.label, commune),
            (.inQPV, AllocationField.inQPV.label, inQPV),
            (.qpvName, AllocationField.qpvName.label, qpvName),
            (.typology, AllocationField.typology.label, typology),
            (.householdSize, AllocationField.householdSize.label, householdSize),
            (.resourcesPerUC, AllocationField.resourcesPerUC.label + " (€ par an)", resourcesPerUC),
            (.quartile, AllocationField.quartile.label, quartile),
            (.priority, AllocationField.priority.label, priority),
            (nil, "fondement de la priorité", priorityBasis),
            (nil, "catégorie prioritaire", priorityCategory),
            (.transfer, "première attribution ou mutation", transfer),
            (.anruRehousing, AllocationField.anruRehousing.label, anru),
        ]
        for (r, (_, title, widget)) in rows.enumerated() {
            let label = Label(title.prefix(1).uppercased() + title.dropFirst())
            label.xAlign = 1
            grid.attach(label, column: 0, row: r)
            widget.setAccessibleLabel(title.prefix(1).uppercased() + title.dropFirst())
            widget.setExpand(horizontal: true, vertical: false)
            grid.attach(widget, column: 1, row: r)
        }
        root = grid
        clear()
    }

    /// The landlords and priority categories the choices offer (read at each reload).
    func configure(landlords: [Landlord], categories: [PriorityCategory]) {
        let chosen = selectedLandlordId
        self.landlords = landlords
        self.categories = categories
        landlord.items = ["Choisir le bailleur…"] + landlords.map(\.name)
        landlord.selectedIndex = chosen.flatMap { id in landlords.firstIndex { $0.id == id }.map { $0 + 1 } } ?? 0
        priorityCategory.items = ["—"] + categories.map(\.label)
        priorityCategory.selectedIndex = 0
    }

    private var selectedLandlordId: String? {
        landlord.selectedIndex.flatMap { $0 > 0 && $0 - 1 < landlords.count ? landlords[$0 - 1].id : nil }
    }

    /// What the agent typed and chose.
    var entry: AllocationEntry {
        var e = AllocationEntry()
        e.sneNumber = sneNumber.text
        e.calDecisionDate = calDecisionDate.text
        e.leaseDate = leaseDate.text
        e.landlordId = selectedLandlordId
        e.holderKind = index(holderKind).map { ReservationHolder.Kind.allCases[$0] }
        e.holderName = holderName.text
        e.commune = commune.text
        e.inQPV = index(inQPV).map { $0 == 1 }
        e.qpvName = qpvName.text
        e.typology = index(typology).map { Typology.allCases[$0] }
        e.householdSize = householdSize.text
        e.resourcesPerUC = resourcesPerUC.text
        e.quartile = index(quartile).map { $0 + 1 }
        e.priority = index(priority).map { $0 == 0 }
        e.priorityBasis = index(priorityBasis).map { PriorityLabel.Basis.allCases[$0] }
        e.priorityCategoryId = index(priorityCategory).flatMap { $0 < categories.count ? categories[$0].id : nil }
        e.transfer = index(transfer).map { $0 == 1 }
        e.anruRehousing = anru.isActive
        return e
    }

    /// The choice's position after the first ("non renseigné") item, nil for that one.
    private func index(_ d: DropDown) -> Int? { d.selectedIndex.flatMap { $0 > 0 ? $0 - 1 : nil } }

    /// Empties every field (after a save, or on demand).
    func clear() {
        for e in [sneNumber, calDecisionDate, leaseDate, holderName, commune, qpvName, householdSize, resourcesPerUC] { e.text = "" }
        for d in [landlord, holderKind, inQPV, typology, quartile, priority, priorityBasis, priorityCategory, transfer] { d.selectedIndex = 0 }
        anru.isActive = false
    }
}
