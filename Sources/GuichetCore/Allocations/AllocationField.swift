/// A fact of an allocation as an extract gives it in one column: what imports recognise in
/// headers, and what a later extract may complete or change in a stored allocation.
public enum AllocationField: String, Hashable, Sendable, Codable, CaseIterable {
    case sneNumber, calDecisionDate, leaseDate, landlord, reservationHolder, reservationHolderName
    case commune, inseeCode, inQPV, qpvName, typology, householdSize, resourcesPerUC, quartile
    case priority, dalo, syploLabel, ciaCategory, transfer, anruRehousing

    /// French name used in messages and in the window.
    public var label: String {
        switch self {
        case .sneNumber: "numéro unique (SNE)"
        case .calDecisionDate: "date de décision de la CAL"
        case .leaseDate: "date de signature du bail"
        case .landlord: "bailleur"
        case .reservationHolder: "réservataire"
        case .reservationHolderName: "nom du réservataire"
        case .commune: "commune"
        case .inseeCode: "code INSEE"
        case .inQPV: "logement en QPV"
        case .qpvName: "nom du QPV"
        case .typology: "typologie"
        case .householdSize: "taille du ménage"
        case .resourcesPerUC: "ressources par UC"
        case .quartile: "quartile de ressources"
        case .priority: "ménage prioritaire"
        case .dalo: "DALO"
        case .syploLabel: "label SYPLO / PDALHPD"
        case .ciaCategory: "catégorie prioritaire de la CIA"
        case .transfer: "mutation"
        case .anruRehousing: "relogement ANRU"
        }
    }
}

extension Allocation {
    /// This allocation completed by a later reading of the same one: the facts `fields` names
    /// come from `newer`, every other fact stays as stored (an extract that lacks a column never
    /// erases what another gave).
    public func merging(_ newer: Allocation, fields: Set<AllocationField>) -> Allocation {
        var m = self
        for field in fields {
            switch field {
            case .sneNumber: m.sneNumber = newer.sneNumber
            case .calDecisionDate: m.calDecisionDate = newer.calDecisionDate
            case .leaseDate: m.leaseDate = newer.leaseDate
            case .landlord: m.landlordId = newer.landlordId; m.landlordName = newer.landlordName
            case .reservationHolder, .reservationHolderName: m.reservationHolder = newer.reservationHolder
            case .commune: m.commune = newer.commune
            case .inseeCode: m.inseeCode = newer.inseeCode
            case .inQPV: m.inQPV = newer.inQPV
            case .qpvName: m.qpvName = newer.qpvName
            case .typology: m.typology = newer.typology
            case .householdSize: m.householdSize = newer.householdSize
            case .resourcesPerUC: m.resourcesPerUC = newer.resourcesPerUC
            case .quartile: m.quartile = newer.quartile
            case .priority: m.priority = newer.priority
            case .dalo, .syploLabel, .ciaCategory: break // below, once for every basis given
            case .transfer: m.transfer = newer.transfer
            case .anruRehousing: m.anruRehousing = newer.anruRehousing
            }
        }
        // Labels of a basis the newer reading gives replace those of the same basis.
        let bases = Set(fields.compactMap(Self.basis))
        if !bases.isEmpty {
            m.priorityLabels = priorityLabels.filter { !bases.contains($0.basis) } + newer.priorityLabels.filter { bases.contains($0.basis) }
        }
        return m
    }

    private static func basis(_ field: AllocationField) -> PriorityLabel.Basis? {
        switch field {
        case .dalo: .dalo
        case .syploLabel: .syplo
        case .ciaCategory: .cia
        default: nil
        }
    }
}
