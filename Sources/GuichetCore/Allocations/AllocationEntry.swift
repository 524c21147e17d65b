/// One allocation as an agent types it in the window: text as typed, choices as picked. Turned
/// into an `Allocation` only when every field reads, else every problem is named by its field.
public struct AllocationEntry: Sendable, Equatable {
    public var sneNumber = ""
    public var calDecisionDate = ""
    public var leaseDate = ""
    public var landlordId: String?
    public var holderKind: ReservationHolder.Kind?
    /// Which commune (or other holder), for those kinds.
    public var holderName = ""
    public var commune = ""
    public var inQPV: Bool?
    public var qpvName = ""
    public var typology: Typology?
    public var householdSize = ""
    /// Yearly resources per UC, in euros as typed ("7 500", "7 500,50 €").
    public var resourcesPerUC = ""
    public var quartile: Int?
    public var priority: Bool?
    public var priorityBasis: PriorityLabel.Basis?
    /// A priority category of the profile (its id).
    public var priorityCategoryId: String?
    public var transfer: Bool?
    public var anruRehousing = false

    public init() {}

    /// The allocation, or the problems of the entry by field (French labels).
    public func allocation(landlords: [Landlord], categories: [PriorityCategory]) -> Result<Allocation, ValidationErrors> {
        var errors: [ValidationError] = []
        func date(_ text: String, _ field: AllocationField, required: Bool) -> CalendarDate? {
            let t = text.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else {
                if required { errors.append(ValidationError(field: field.label, "obligatoire")) }
                return nil
            }
            switch TypedDate.parse(t) {
            case .success(let d): return d
            case .failure(let problem):
                errors.append(ValidationError(field: field.label, problem.message))
                return nil
            }
        }
        let cal = date(calDecisionDate, .calDecisionDate, required: true)
        let lease = date(leaseDate, .leaseDate, required: false)
        if let cal, let lease, lease < cal {
            errors.append(ValidationError(field: AllocationField.leaseDate.label,
                                          "le bail (\(FrenchFormat.date(lease))) ne peut précéder la décision de la CAL (\(FrenchFormat.date(cal)))"))
        }
        let landlord = landlordId.flatMap { id in landlords.first { $0.id == id } }
        if landlord == nil { errors.append(ValidationError(field: AllocationField.landlord.label, "choisir le bailleur")) }
        let communeName = commune.trimmingCharacters(in: .whitespaces)
        if communeName.isEmpty { errors.append(ValidationError(field: AllocationField.commune.label, "obligatoire")) }
        let qpv = qpvName.trimmingCharacters(in: .whitespaces)
        if !qpv.isEmpty && inQPV != true {
            errors.append(ValidationError(field: AllocationField.qpvName.label, "un nom de QPV suppose un logement en QPV"))
        }
        var size: Int?
        let sizeText = householdSize.trimmingCharacters(in: .whitespaces)
        if !sizeText.isEmpty {
            if let n = Int(sizeText), (1...20).contains(n) { size = n } else {
                errors.append(ValidationError(field: AllocationField.householdSize.label, "nombre de personnes entre 1 et 20 attendu"))
            }
        }
        var resources: Money?
        let resourcesText = resourcesPerUC.trimmingCharacters(in: .whitespaces)
        if !resourcesText.isEmpty {
            if let m = FrenchNumber.parseMoney(resourcesText), !m.isNegative { resources = m } else {
                errors.append(ValidationError(field: AllocationField.resourcesPerUC.label,
                                              "montant en euros par an et par UC attendu (ex. 7 500,00)"))
            }
        }
        if let q = quartile, !(1...4).contains(q) {
            errors.append(ValidationError(field: AllocationField.quartile.label, "quartile de 1 à 4"))
        }
        var labels: [PriorityLabel] = []
        if let basis = priorityBasis {
            if priority == false {
                errors.append(ValidationError(field: AllocationField.priority.label,
                                              "« non » avec un motif de priorité (\(basis.label)) : choisir l'un ou l'autre"))
            }
            let category = priorityCategoryId.flatMap { id in categories.first { $0.id == id } }
            labels = [PriorityLabel(basis: basis, categoryId: category?.id ?? (basis == .dalo ? "dalo" : nil),
                                    text: category?.label ?? (basis == .dalo ? "DALO" : nil))]
        } else if priorityCategoryId != nil {
            errors.append(ValidationError(field: AllocationField.priority.label,
                                          "une catégorie prioritaire suppose son fondement (DALO, SYPLO / PDALHPD ou CIA)"))
        }
        guard errors.isEmpty, let cal, let landlord else { return .failure(ValidationErrors(errors)) }
        let holderText = holderName.trimmingCharacters(in: .whitespaces)
        let holder = holderKind.map { kind in
            ReservationHolder(kind: kind, name: holderText.isEmpty && kind == .commune ? communeName : holderText)
        }
        let sne = sneNumber.trimmingCharacters(in: .whitespaces)
        return .success(Allocation(
            sneNumber: sne.isEmpty ? nil : sne, calDecisionDate: cal, leaseDate: lease, landlordId: landlord.id,
            landlordName: landlord.name, reservationHolder: holder, commune: communeName, inQPV: inQPV,
            qpvName: qpv.isEmpty ? nil : qpv, typology: typology, householdSize: size, resourcesPerUC: resources,
            quartile: quartile, priority: labels.isEmpty ? priority : true, priorityLabels: labels, transfer: transfer,
            anruRehousing: anruRehousing))
    }
}
