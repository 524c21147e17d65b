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

    /// Headers seen in real tables (compared through `LooseName.headerKey`).
    var synonyms: [String] {
        switch self {
        case .commune: ["commune", "communes", "ville", "nom commune", "nom de la commune"]
        case .inseeCode: ["code insee", "insee", "code commune", "cog", "code insee commune"]
        case .financingYear: ["année financement", "année financé", "année financ", "année de financement", "année",
                              "exercice", "année de programmation", "millésime", "année agrément"]
        case .programme: ["programme", "programmes", "opération", "nom du programme", "nom programme", "adresse",
                          "adresse du programme", "nom de l'opération", "programme adresse", "libellé"]
        case .landlord: ["bailleur", "bailleurs", "bailleur social", "bailleurs sociaux", "organisme", "maître d'ouvrage"]
        case .stateSubsidy: ["sub état", "subvention état", "subventions état", "subv état", "aide état", "aides état",
                             "montant État", "subvention de l'état"]
        case .epciSubsidy: ["sub agglo", "subvention agglo", "subventions agglo", "subv agglo", "sub epci",
                            "subvention epci", "aide agglo", "aides agglo", "subvention agglomération", "montant agglo"]
        case .plus: ["plus", "nb plus", "nombre plus", "nbre plus"]
        case .plai: ["plai", "nb plai", "nombre plai", "nbre plai"]
        case .plaiAdapte: ["plai adapté", "plai adaptés", "dont plai adapté", "dont plai adaptés", "plai a", "pla adapté"]
        case .pls: ["pls", "nb pls", "nombre pls", "nbre pls"]
        case .total: ["nbre total lls", "nombre total lls", "nb total lls", "total lls", "total", "nombre total",
                      "total logements", "nombre de logements", "nb logements", "nbre logements"]
        case .projectManagement: ["mod vefa", "mod / vefa", "vefa mod", "mode de réalisation", "mode de production"]
        case .worksKind: ["neuf aa", "neuf / aa", "neuf acquisition amélioration", "neuf / acquisition-amélioration",
                          "type de production", "nature", "nature de l'opération"]
        case .t1: ["t1", "type 1", "t1 bis"]
        case .t2: ["t2", "type 2"]
        case .t3: ["t3", "type 3"]
        case .t4: ["t4", "type 4"]
        case .t5Plus: ["t5", "t5+", "t5 et plus", "t5 et +", "type 5", "t6"]
        case .status: ["statut", "état d'avancement", "avancement", "état", "statut opération", "état de l'opération"]
        case .operationType: ["type d'opération", "type opération", "type", "dispositif", "type de réhabilitation",
                              "type réhabilitation", "nature des travaux"]
        case .dwellings: ["nombre de logements", "nb logements", "nbre logements", "nbre de logements", "logements",
                          "nb logts", "nbre logts", "nbre de logts", "nombre logements", "total logements", "nbre total lls"]
        case .labelBefore: ["étiquette avant travaux", "étiquette avant", "étiquette énergétique avant", "dpe avant",
                            "étiquette initiale", "étiquette énergétique avant travaux", "classe énergie avant"]
        case .labelAfter: ["étiquette après travaux", "étiquette après", "étiquette énergétique après", "dpe après",
                           "étiquette visée", "étiquette énergétique après travaux", "classe énergie après"]
        }
    }
}

/// Matches a table's headers to canonical fields: exact loose key first, then one typo away.
struct HeaderMatcher {
    struct Match { var field: ProgrammeField; var byTypo: Bool }
    private var table: [String: ProgrammeField] = [:]

    init(kind: ProgrammeTableKind) {
        for field in ProgrammeField.fields(for: kind) {
            for s in field.synonyms { table[LooseName.headerKey(s)] = table[LooseName.headerKey(s)] ?? field }
        }
    }

    func match(_ header: String) -> Match? {
        let key = LooseName.headerKey(header)
        guard !key.isEmpty else { return nil }
        if let f = table[key] { return Match(field: f, byTypo: false) }
        guard key.count >= 5 else { return nil }
        let close = Set(table.filter { $0.key.count >= 5 && LooseName.distance($0.key, key) == 1 }.map(\.value))
        return close.count == 1 ? Match(field: close.first!, byTypo: true) : nil
    }
}
