/// The columns of an allocation extract (landlords', the SNE's, SYPLO's), read by meaning:
/// patterns in the canonical header words of `HeaderVocabulary` ("bail" reads "bailleur", so
/// the lease date is told from the landlord by its other words).
extension AllocationField: ImportField {
    public var headerPatterns: [String] {
        switch self {
        case .sneNumber: ["numero unique", "nombre unique", "nud", "sne", "numero sne", "numero demande", "numero unique departemental"]
        case .calDecisionDate: ["date cal", "date decision", "date commission", "date attribution", "date decision cal",
                                "date passage cal", "date commission attribution"]
        case .leaseDate: ["date signature", "date bailleur", "signature bailleur", "date effet", "date entree", "date signature bailleur",
                          "date effet bailleur", "date entree lieux"]
        case .landlord: ["bailleur", "bailleur social", "organisme", "nom bailleur"]
        case .reservationHolder: ["reservataire", "contingent", "type reservataire", "type contingent", "reservation", "contingent reservataire"]
        case .reservationHolderName: ["nom reservataire", "commune reservataire", "reservataire nom"]
        case .commune: ["commune", "commune logement", "localisation"]
        case .inseeCode: ["insee", "code commune", "code insee"]
        case .inQPV: ["qpv", "logement qpv", "quartier prioritaire", "situe qpv", "en qpv"]
        case .qpvName: ["nom qpv", "code qpv", "nom quartier", "quartier"]
        case .typology: ["type", "type logement", "typologie logement"]
        case .householdSize: ["taille menage", "nombre personne", "nombre pers", "composition", "composition menage", "personne"]
        case .resourcesPerUC: ["ressource uc", "revenu uc", "ressource unite consommation", "revenu unite consommation",
                               "revenu fiscal uc", "ressource annuelle uc"]
        case .quartile: ["quartile", "quartile ressource", "1er quartile"]
        case .priority: ["prioritaire", "menage prioritaire", "public prioritaire", "pp", "demandeur prioritaire"]
        case .dalo: ["dalo", "reconnu dalo"]
        case .syploLabel: ["syplo", "label syplo", "labellisation", "pdalhpd", "motif labellisation", "label"]
        case .ciaCategory: ["categorie cia", "priorite cia", "critere cia", "categorie prioritaire", "motif priorite", "critere priorite"]
        case .transfer: ["mutation", "type attribution", "nature attribution", "locataire hlm", "locataire parc social", "deja locataire"]
        case .anruRehousing: ["anru", "relogement anru", "npnru", "pnru", "renouvellement urbain", "relogement ru"]
        }
    }

    public var excludedWords: Set<String> {
        switch self {
        case .landlord: ["date", "signature", "effet", "entree", "contingent", "reservataire"]
        case .commune: ["insee", "code", "reservataire"]
        case .typology: ["reservataire", "contingent", "attribution"]
        case .priority: ["quartier"]
        default: []
        }
    }

    public var cellKind: CellKind {
        switch self {
        case .householdSize: .count
        case .resourcesPerUC: .money
        default: .text
        }
    }
}
