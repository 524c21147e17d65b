import GuichetCore

/// The list's ready-made views: what a counter agent looks for each morning. A view sets the
/// status filter (and, for two of them, a filter of its own); ticking statuses by hand makes
/// the view « Personnalisée ».
enum DossierView: CaseIterable, Equatable {
    case all, toProcess, awaitingDocuments, submittedLongAgo, custom

    var title: String {
        switch self {
        case .all: "Tous les dossiers"
        case .toProcess: "À traiter"
        case .awaitingDocuments: "En attente de pièces"
        case .submittedLongAgo: "Déposés depuis plus de 30 jours"
        case .custom: "Personnalisée"
        }
    }

    /// The statuses the view ticks (none: every status).
    var statuses: Set<DossierStatus> {
        switch self {
        case .all, .custom: []
        case .toProcess: [.submitted, .underReview]
        case .awaitingDocuments: Set(DossierQuery.awaitingStatuses)
        case .submittedLongAgo: [.submitted]
        }
    }

    /// What the status button says: « Tous », « Déposé », « Déposé, En instruction », « 4 statuts ».
    static func statusesText(_ statuses: Set<DossierStatus>) -> String {
        switch statuses.count {
        case 0: "Tous"
        case 1...2: DossierStatus.allCases.filter(statuses.contains).map(\.label).joined(separator: ", ")
        default: "\(statuses.count) statuts"
        }
    }
}
