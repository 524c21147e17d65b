import GtkKit
import GuichetCore

/// The sections of a dossier's fiche, in reading order: the first three in the first column,
/// the others in the second where the fiche is wide enough.
enum FicheSectionID: String, CaseIterable {
    case demandeur, logement, dispositif, pieces, decision, courriers, historique

    var title: String {
        switch self {
        case .demandeur: "Demandeur"
        case .logement: "Logement"
        case .dispositif: "Éléments du dispositif"
        case .pieces: "Pièces justificatives"
        case .decision: "Décision et versements"
        case .courriers: "Courriers"
        case .historique: "Historique"
        }
    }

    /// In the second column when there are two.
    var isSecondColumn: Bool { [.pieces, .decision, .courriers, .historique].contains(self) }

    /// The form fields of the section, in order (those the scheme does not use are hidden).
    var fields: [DossierField] {
        switch self {
        case .demandeur: [.lastName, .firstName, .birthDate, .ownerStatus, .orgName, .siret, .contactName, .contactRole, .mailStreet, .mailComplement, .mailPostcode, .mailTown,
                          .phone, .email, .householdSize, .income, .incomeYear]
        case .logement: [.address, .commune, .postcode, .insee, .buildYear, .vacantSince, .dwellings, .adapted]
        case .dispositif: [.works, .communeCoFunding, .epciDate, .purchaseDate, .requested]
        case .decision: [.accountHolder, .iban]
        case .pieces, .courriers, .historique: []
        }
    }
}

/// One titled section of the fiche: a frame whose content other parts append to.
@MainActor
final class FicheSection {
    let id: FicheSectionID
    let root: Frame
    let content: Box

    init(_ id: FicheSectionID) {
        self.id = id
        content = Box(vertical: true, spacing: 8)
        content.setMargins(12)
        root = Frame(title: id.title, child: content)
        root.setAccessibleLabel(id.title)
    }

    func append(_ widget: Widget) { content.append(widget) }
}
