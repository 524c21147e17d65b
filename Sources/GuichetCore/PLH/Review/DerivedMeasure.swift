/// How a measure is computed from the product's data, for one year:
/// - `dossiers`: aid dossiers of `schemes` (every scheme when empty) at `stage` — granted
///   (decision that year, aids since cancelled left out) or received (complete application that
///   year) — counting dossiers, their dwellings, their households (household applicants), their
///   adapted dwellings or the amounts granted;
/// - `construction` / `rehabilitation`: programmes financed that year (forecasts left out),
///   counting dwellings (by product for construction) or the PLAI share of PLUS + PLAI;
///   `sruDeficit` keeps the communes under article 55 of the SRU law that are catching up;
/// - `allocations`: the CIA register (leases signed that year), all or to priority households;
/// - `conventions`: agreements with landlords signed by the end of the year, or dwellings sold
///   that year according to their results;
/// - `requests`: social-housing requests registered that year;
/// - `territorialTargets`: attainment of the production targets entered per commune.
/// `breakdowns` split the figure ("dont propriétaires occupants…"); every figure keeps the
/// dossiers or programmes it is made of.
public struct DerivedMeasure: Codable, Sendable, Equatable {
    public var from: DerivedSource
    public var quantity: DerivedQuantity
    public var schemes: [String]?
    public var stage: DossierStage?
    public var sruDeficit: Bool?
    public var breakdowns: [Breakdown]?

    public init(from: DerivedSource, quantity: DerivedQuantity, schemes: [String]? = nil, stage: DossierStage? = nil,
                sruDeficit: Bool? = nil, breakdowns: [Breakdown]? = nil) {
        self.from = from; self.quantity = quantity; self.schemes = schemes; self.stage = stage
        self.sruDeficit = sruDeficit; self.breakdowns = breakdowns
    }

    public var allSchemes: [String] { schemes ?? [] }
    public var effectiveStage: DossierStage { stage ?? .granted }
    public var allBreakdowns: [Breakdown] { breakdowns ?? [] }

    /// The quantities each source can count, and the kind of value they give.
    static let quantities: [DerivedSource: [DerivedQuantity: MeasureKind]] = [
        .dossiers: [.count: .count, .dwellings: .count, .households: .count, .adaptedDwellings: .count, .grantedAmount: .money],
        .construction: [.dwellings: .count, .plus: .count, .plai: .count, .plaiAdapte: .count, .pls: .count, .plaiShare: .percent],
        .rehabilitation: [.dwellings: .count],
        .allocations: [.count: .count, .priority: .count, .priorityShare: .percent],
        .conventions: [.signed: .count, .sales: .count],
        .requests: [.registered: .count],
        .territorialTargets: [.attainment: .percent],
    ]
    static let breakdownsBySource: [DerivedSource: Set<Breakdown>] = [
        .dossiers: [.scheme, .ownerStatus, .commune, .communeGroup, .applicant],
        .construction: [.product, .typology, .commune, .communeGroup, .landlord, .projectManagement, .worksKind],
        .rehabilitation: [.operationType, .commune, .communeGroup, .landlord],
        .allocations: [.landlord, .commune],
        .conventions: [.landlord],
        .requests: [],
        .territorialTargets: [.commune],
    ]

    func validate(kind: MeasureKind) -> [ValidationError] {
        var v = ValidationCollector()
        if let e = from.unknownError(field: "from", what: "source") { v.add(e); return v.errors }
        if let e = quantity.unknownError(field: "quantity", what: "grandeur") { v.add(e); return v.errors }
        guard let expected = Self.quantities[from]?[quantity] else {
            let list = (Self.quantities[from] ?? [:]).keys.map(\.rawValue).sorted()
            v.add(ValidationError(field: "quantity", "« \(quantity.rawValue) » ne se compte pas sur « \(from.rawValue) » (attendu \(frenchAlternatives(list)))"))
            return v.errors
        }
        v.check(kind == expected, "quantity", "« \(quantity.rawValue) » donne une valeur « \(expected.rawValue) », la mesure est « \(kind.rawValue) »")
        if from != .dossiers {
            v.check(schemes == nil && stage == nil, "schemes", "dispositifs et étape ne concernent que les dossiers")
        }
        if let s = stage, let e = s.unknownError(field: "stage", what: "étape") { v.add(e) }
        if sruDeficit != nil { v.check(from == .construction, "sruDeficit", "seuls les programmes de construction se filtrent par commune SRU") }
        for (i, b) in allBreakdowns.enumerated() {
            if let e = b.unknownError(field: "breakdowns[\(i)]", what: "répartition") { v.add(e); continue }
            v.check(Self.breakdownsBySource[from]?.contains(b) ?? false, "breakdowns[\(i)]",
                    "« \(b.rawValue) » ne répartit pas « \(from.rawValue) »")
        }
        return v.errors
    }

    /// How the figure is made, in French, for the review and the window
    /// ("Logements des dossiers PSV accordés dans l'année (aides annulées exclues)").
    public func definition(schemeNames: [String: String] = [:]) -> String {
        switch from {
        case .dossiers:
            let what: String = switch quantity {
            case .count: "Nombre de dossiers"
            case .dwellings: "Logements des dossiers"
            case .households: "Ménages demandeurs des dossiers"
            case .adaptedDwellings: "Logements adaptés (seniors, PMR) des dossiers"
            case .grantedAmount: "Montant accordé aux dossiers"
            default: quantity.rawValue
            }
            let which = allSchemes.isEmpty ? "de tous les dispositifs" : allSchemes.map { c in schemeNames[c].map { "\(c) (\($0))" } ?? c }.joined(separator: ", ")
            let when = effectiveStage == .granted
                ? "accordés dans l'année (date de la décision ; aides annulées depuis exclues)"
                : "déposés dans l'année (date de réception du dossier complet)"
            return "\(what) \(allSchemes.isEmpty ? which : which) \(when)."
        case .construction:
            let what: String = switch quantity {
            case .dwellings: "Logements (PLUS + PLAI + PLS, ou total indiqué)"
            case .plus: "Logements PLUS"
            case .plai: "Logements PLAI"
            case .plaiAdapte: "Logements PLAI adaptés"
            case .pls: "Logements PLS"
            case .plaiShare: "Part des PLAI dans les PLUS + PLAI"
            default: quantity.rawValue
            }
            let sru = sruDeficit == true ? " dans les communes de plus de 3 500 habitants sous le taux de logements sociaux de l'article 55 de la loi SRU (données des communes)" : ""
            return "\(what) des programmes de construction financés dans l'année (prévisions exclues)\(sru)."
        case .rehabilitation:
            return "Logements des programmes de réhabilitation financés dans l'année (prévisions exclues)."
        case .allocations:
            return quantity == .priorityShare
                ? "Part des attributions de l'année (bail signé) aux ménages prioritaires, registre des attributions de la CIA."
                : quantity == .priority ? "Attributions de l'année (bail signé) aux ménages prioritaires, registre de la CIA."
                : "Attributions de l'année (bail signé) au registre des attributions de la CIA."
        case .conventions:
            return quantity == .signed
                ? "Conventions d'objectifs signées avec les bailleurs au 31 décembre de l'année (cumul)."
                : "Logements vendus dans l'année selon les résultats des conventions avec les bailleurs."
        case .requests:
            return "Demandes de logement social enregistrées dans l'année."
        case .territorialTargets:
            return "Logements financés (programmes) ou aidés (accession) dans l'année, rapportés aux objectifs territorialisés saisis pour l'année."
        default:
            return from.rawValue
        }
    }
}

public struct DerivedSource: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let dossiers = Self(rawValue: "dossiers")
    public static let construction = Self(rawValue: "construction")
    public static let rehabilitation = Self(rawValue: "rehabilitation")
    public static let allocations = Self(rawValue: "allocations")
    public static let conventions = Self(rawValue: "conventions")
    public static let requests = Self(rawValue: "requests")
    public static let territorialTargets = Self(rawValue: "territorialTargets")
    public static let known = [dossiers, construction, rehabilitation, allocations, conventions, requests, territorialTargets]
}

public struct DerivedQuantity: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let count = Self(rawValue: "count")
    public static let dwellings = Self(rawValue: "dwellings")
    public static let households = Self(rawValue: "households")
    public static let adaptedDwellings = Self(rawValue: "adaptedDwellings")
    public static let grantedAmount = Self(rawValue: "grantedAmount")
    public static let plus = Self(rawValue: "plus")
    public static let plai = Self(rawValue: "plai")
    public static let plaiAdapte = Self(rawValue: "plaiAdapte")
    public static let pls = Self(rawValue: "pls")
    public static let plaiShare = Self(rawValue: "plaiShare")
    public static let priority = Self(rawValue: "priority")
    public static let priorityShare = Self(rawValue: "priorityShare")
    public static let signed = Self(rawValue: "signed")
    public static let sales = Self(rawValue: "sales")
    public static let registered = Self(rawValue: "registered")
    public static let attainment = Self(rawValue: "attainment")
    public static let known = [count, dwellings, households, adaptedDwellings, grantedAmount, plus, plai, plaiAdapte, pls, plaiShare,
                               priority, priorityShare, signed, sales, registered, attainment]
}

/// When a dossier counts in a year.
public struct DossierStage: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The decision's year; an aid cancelled since no longer counts.
    public static let granted = Self(rawValue: "granted")
    /// The year the complete application was received.
    public static let received = Self(rawValue: "received")
    public static let known = [granted, received]
}

/// How a derived figure is split.
public struct Breakdown: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let scheme = Self(rawValue: "scheme")
    public static let ownerStatus = Self(rawValue: "ownerStatus")
    public static let commune = Self(rawValue: "commune")
    public static let communeGroup = Self(rawValue: "communeGroup")
    public static let applicant = Self(rawValue: "applicant")
    public static let product = Self(rawValue: "product")
    public static let typology = Self(rawValue: "typology")
    public static let landlord = Self(rawValue: "landlord")
    public static let projectManagement = Self(rawValue: "projectManagement")
    public static let worksKind = Self(rawValue: "worksKind")
    public static let operationType = Self(rawValue: "operationType")
    public static let known = [scheme, ownerStatus, commune, communeGroup, applicant, product, typology, landlord, projectManagement, worksKind, operationType]

    /// "par dispositif", "propriétaires occupants / bailleurs"…
    public var label: String {
        switch self {
        case .scheme: "par dispositif"
        case .ownerStatus: "propriétaires occupants / propriétaires bailleurs"
        case .commune: "par commune"
        case .communeGroup: "par groupe de communes"
        case .applicant: "par bénéficiaire"
        case .product: "par financement"
        case .typology: "par typologie"
        case .landlord: "par bailleur"
        case .projectManagement: "MOD / VEFA"
        case .worksKind: "construction neuve / acquisition-amélioration"
        case .operationType: "par type d'opération"
        default: rawValue
        }
    }
}
