/// What the review counts in an aid dossier, without personal data: storage reads it from its
/// columns and JSON without decoding whole records; `init(_:)` says what each field means.
public struct DossierReviewFacts: Codable, Sendable, Equatable {
    public var number: String
    public var scheme: String
    public var plhAction: Int
    public var status: DossierStatus
    /// Date of the grant decision; nil when never granted.
    public var grantedOn: CalendarDate?
    public var receivedOn: CalendarDate?
    public var dwellings: Int
    public var adaptedDwellings: Int
    /// The applicant is a household (household or private owner), not an organisation.
    public var householdApplicant: Bool
    /// "occupant" or "landlord" for a private owner who said so; nil otherwise.
    public var ownerStatus: String?
    public var commune: String
    public var inseeCode: String
    /// An organisation's name (landlord, commune, association); nil for a household.
    public var organisation: String?
    public var grantedAmount: Money

    public init(number: String, scheme: String, plhAction: Int, status: DossierStatus, grantedOn: CalendarDate?, receivedOn: CalendarDate?,
                dwellings: Int, adaptedDwellings: Int, householdApplicant: Bool, ownerStatus: String? = nil, commune: String,
                inseeCode: String, organisation: String?, grantedAmount: Money) {
        self.number = number; self.scheme = scheme; self.plhAction = plhAction; self.status = status
        self.grantedOn = grantedOn; self.receivedOn = receivedOn; self.dwellings = dwellings; self.adaptedDwellings = adaptedDwellings
        self.householdApplicant = householdApplicant; self.ownerStatus = ownerStatus; self.commune = commune; self.inseeCode = inseeCode
        self.organisation = organisation; self.grantedAmount = grantedAmount
    }

    public init(_ d: AidDossier) {
        self.init(number: d.number.description, scheme: d.schemeCode, plhAction: d.plhAction, status: d.status,
                  grantedOn: d.grant?.date, receivedOn: d.receivedOn, dwellings: d.property.dwellings,
                  adaptedDwellings: d.property.adaptedDwellings, householdApplicant: !d.applicant.kind.isOrganisation, ownerStatus: d.applicant.ownerStatus?.rawValue,
                  commune: d.property.commune, inseeCode: d.property.inseeCode, organisation: d.applicant.organisation?.name,
                  grantedAmount: d.grantedAmount)
    }

    /// Counts in `year` at `stage`: a grant decided that year and not cancelled since, or an
    /// application received complete that year.
    public func counts(in year: Int, at stage: DossierStage) -> Bool {
        if stage == .received { return receivedOn?.year == year }
        guard let g = grantedOn, g.year == year else { return false }
        return status != .cancelled
    }
}

/// Everything the yearly review reads from the database, for the years asked.
public struct PLHReviewData: Sendable {
    public var dossiers: [DossierReviewFacts]
    public var constructions: [ConstructionRecord]
    public var rehabilitations: [RehabilitationRecord]
    public var allocations: [AllocationRecord]
    public var conventions: [Convention]
    public var landlordNames: [String: String]
    /// Social-housing requests registered per year (date of the request).
    public var requestsByYear: [Int: Int]
    public var communeFacts: [CommuneFacts]
    public var entered: [EnteredIndicatorValue]
    public var levers: [LeverProgress]
    public var targets: [TerritorialTarget]

    public init(dossiers: [DossierReviewFacts] = [], constructions: [ConstructionRecord] = [], rehabilitations: [RehabilitationRecord] = [],
                allocations: [AllocationRecord] = [], conventions: [Convention] = [], landlordNames: [String: String] = [:],
                requestsByYear: [Int: Int] = [:], communeFacts: [CommuneFacts] = [], entered: [EnteredIndicatorValue] = [],
                levers: [LeverProgress] = [], targets: [TerritorialTarget] = []) {
        self.dossiers = dossiers; self.constructions = constructions; self.rehabilitations = rehabilitations
        self.allocations = allocations; self.conventions = conventions; self.landlordNames = landlordNames
        self.requestsByYear = requestsByYear; self.communeFacts = communeFacts; self.entered = entered
        self.levers = levers; self.targets = targets
    }
}

/// Storage of what the service enters for the review, and the light reads the review needs.
/// Implemented by GuichetStorage; every save that changes something writes a history line
/// (entity `indicateur du PLH`, `levier du PLH`, `objectif territorialisé`), and a save without
/// a change writes nothing.
public protocol PLHReviewStore {
    func enteredIndicatorValues(years: ClosedRange<Int>?) throws -> [EnteredIndicatorValue]
    /// True when something changed.
    @discardableResult func saveIndicatorValue(_ value: EnteredIndicatorValue) throws -> Bool
    func leverProgress(years: ClosedRange<Int>?) throws -> [LeverProgress]
    @discardableResult func saveLeverProgress(_ progress: LeverProgress) throws -> Bool
    func territorialTargets(years: ClosedRange<Int>?) throws -> [TerritorialTarget]
    @discardableResult func saveTerritorialTarget(_ target: TerritorialTarget) throws -> Bool
    /// Removes a target (history keeps it); false when there was none.
    @discardableResult func removeTerritorialTarget(key: String) throws -> Bool
    /// The review facts of every dossier granted or received in `years`, without personal data.
    func dossierReviewFacts(years: ClosedRange<Int>) throws -> [DossierReviewFacts]
    /// Social-housing requests registered per year.
    func requestsRegisteredByYear(years: ClosedRange<Int>) throws -> [Int: Int]
}

/// History entity names of the review's records.
public enum PLHReviewEntity {
    public static let indicator = "indicateur du PLH"
    public static let lever = "levier du PLH"
    public static let target = "objectif territorialisé"
}

extension PLHReviewData {
    /// Reads what the review of `years` needs, in one session (one consistent snapshot).
    public static func read(_ s: any StoreSession, years: ClosedRange<Int>) throws -> PLHReviewData {
        let constructions = try s.constructionPage(ProgrammeQuery(kind: .construction), rules: nil).rows.map(\.record)
        let rehabilitations = try s.rehabilitationPage(ProgrammeQuery(kind: .rehabilitation)).rows.map(\.record)
        let landlords = try s.landlords()
        return PLHReviewData(
            dossiers: try s.dossierReviewFacts(years: years),
            constructions: constructions, rehabilitations: rehabilitations,
            allocations: try s.allocations(landlordId: nil, years: years),
            conventions: try s.conventions(),
            landlordNames: Dictionary(landlords.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            requestsByYear: try s.requestsRegisteredByYear(years: years),
            communeFacts: try s.communeFacts(),
            entered: try s.enteredIndicatorValues(years: years),
            levers: try s.leverProgress(years: years),
            targets: try s.territorialTargets(years: years))
    }
}

extension PLHActionSheets {
    /// Schemes whose granted dossiers count as assisted ownership against territorialised targets.
    public var accessionSchemeCodes: [String] { territorialTargets?.accessionSchemes ?? [] }
}

/// How the sheets' territorialised targets are attained by dossiers (`plh-actions.json`).
public struct TerritorialTargetRules: Codable, Sendable, Equatable {
    /// Assisted-ownership schemes: their households granted count against "accession" targets.
    public var accessionSchemes: [String]
    public var source: ParameterSource
    public init(accessionSchemes: [String], source: ParameterSource) { self.accessionSchemes = accessionSchemes; self.source = source }
}
