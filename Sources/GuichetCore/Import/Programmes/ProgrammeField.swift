/// Kind of table being imported.
public enum ProgrammeTableKind: String, Hashable, Sendable, Codable {
    case construction, rehabilitation
    public var label: String { self == .construction ? "construction" : "réhabilitation" }
}

/// A canonical column of a programme table, with the headers that mean it.
public enum ProgrammeField: String, Hashable, Sendable, Codable, CaseIterable {
    case commune, inseeCode, financingYear, programme, landlord, stateSubsidy, epciSubsidy
    case plus, plai, plaiAdapte, pls, total, projectManagement, worksKind
    case t1, t2, t3, t4, t5Plus, status
    case operationType, dwellings, labelBefore, labelAfter

    /// French name used in messages.
    public var label: String {
        switch self {
        case .commune: "commune"
        case .inseeCode: "code INSEE"
        case .financingYear: "année de financement"
        case .programme: "programme"
        case .landlord: "bailleur"
        case .stateSubsidy: "subvention État"
        case .epciSubsidy: "subvention agglomération"
        case .plus: "PLUS"
        case .plai: "PLAI"
        case .plaiAdapte: "PLAI adapté"
        case .pls: "PLS"
        case .total: "total de logements"
        case .projectManagement: "MOD / VEFA"
        case .worksKind: "neuf / acquisition-amélioration"
        case .t1: "T1"
        case .t2: "T2"
        case .t3: "T3"
        case .t4: "T4"
        case .t5Plus: "T5 et plus"
        case .status: "statut"
        case .operationType: "type d'opération"
        case .dwellings: "nombre de logements"
        case .labelBefore: "étiquette avant travaux"
        case .labelAfter: "étiquette après travaux"
        }
    }

    public static func fields(for kind: ProgrammeTableKind) -> [ProgrammeField] {
        let common: [ProgrammeField] = [.commune, .inseeCode, .financingYear, .programme, .landlord,
                                        .stateSubsidy, .epciSubsidy, .status]
        switch kind {
        case .construction:
            return common + [.plus, .plai, .plaiAdapte, .pls, .total, .projectManagement, .worksKind, .t1, .t2, .t3, .t4, .t5Plus]
        case .rehabilitation:
            return common + [.operationType, .dwellings, .labelBefore, .labelAfter]
        }
    }

    /// Columns without which a row means nothing.
    public static func required(for kind: ProgrammeTableKind) -> [ProgrammeField] {
        kind == .construction ? [.commune, .financingYear, .programme, .landlord]
                              : [.commune, .financingYear, .programme, .landlord, .dwellings]
    }

    /// Phrases of canonical header words meaning this field (see `HeaderVocabulary`): the source's
    /// own headers ("nbre de logts réhabilités", "Etat opération", "SUB AGGLO", "baillleurs") and
    /// the usual variants. A header matches the field of its longest fitting phrase.
    public var headerPatterns: [String] {
        switch self {
        case .commune: ["commune", "nom commune"]
        case .inseeCode: ["insee", "code commune", "code insee"]
        case .financingYear: ["annee", "annee financement", "annee programmation", "annee agrement", "agrement"]
        case .programme: ["programme", "operation", "nom operation", "nom programme", "adresse", "residence", "nom",
                          "adresse programme", "nom residence"]
        case .landlord: ["bailleur", "maitre ouvrage", "bailleur social"]
        case .stateSubsidy: ["subvention etat", "montant etat", "financement etat", "etat subvention", "subvention etat financement"]
        case .epciSubsidy: ["subvention agglo", "montant agglo", "financement agglo", "agglo"]
        case .plus: ["plus"]
        case .plai: ["plai"]
        case .plaiAdapte: ["plai adapte", "adapte"]
        case .pls: ["pls"]
        case .total: ["total", "logement", "nombre logement", "total logement", "nombre total", "nombre total logement"]
        case .projectManagement: ["mod", "vefa", "mod vefa", "mode realisation", "mode production"]
        case .worksKind: ["neuf", "acquisition", "neuf acquisition", "nature", "type production", "nature operation"]
        case .t1: ["t1", "type 1"]
        case .t2: ["t2", "type 2"]
        case .t3: ["t3", "type 3"]
        case .t4: ["t4", "type 4"]
        case .t5Plus: ["t5", "type 5", "t5 plus"]
        case .status: ["statut", "etat", "etat operation", "statut operation", "etat statut"]
        case .operationType: ["type operation", "type", "dispositif", "type rehabilitation", "nature travaux", "nature",
                              "type travaux"]
        case .dwellings: ["logement", "nombre logement", "total logement", "nombre logement rehabilitation",
                          "logement rehabilitation"]
        case .labelBefore: ["etiquette avant", "avant", "energie avant", "etiquette energie avant"]
        case .labelAfter: ["etiquette apres", "apres", "energie apres", "etiquette energie apres"]
        }
    }

    /// Words that rule the field out: "année PC" is not the financing year, "type d'opération"
    /// not the programme's name, "subvention État par logement" not a count.
    public var excludedWords: Set<String> {
        switch self {
        case .financingYear: ["permis", "livraison", "depot", "service", "achevement", "ouverture", "naissance", "travaux"]
        case .programme: ["type", "etat", "statut", "nombre", "subvention", "montant", "annee", "commune", "bailleur",
                          "code", "insee", "date", "nature", "dispositif"]
        case .commune: ["code", "insee", "nombre"]
        case .total, .dwellings: ["subvention", "montant", "etat", "agglo", "t1", "t2", "t3", "t4", "t5", "plus", "plai", "pls"]
        case .status: ["subvention", "montant", "financement"]
        case .epciSubsidy, .stateSubsidy: ["nombre"]
        case .plai: ["adapte"]
        case .operationType: ["t1", "t2", "t3", "t4", "t5"]
        default: []
        }
    }

    public var cellKind: CellKind {
        switch self {
        case .stateSubsidy, .epciSubsidy: .money
        case .plus, .plai, .plaiAdapte, .pls, .total, .t1, .t2, .t3, .t4, .t5Plus, .dwellings: .count
        case .financingYear: .year
        default: .text
        }
    }
}

extension ProgrammeField: ImportField {}
