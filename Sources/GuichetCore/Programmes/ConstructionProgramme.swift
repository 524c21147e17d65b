/// A new-supply social-housing operation: a commune, a landlord, a financing year, counts by
/// State product and subsidies. Figures are kept as the source gives them (see `SourceValue`).
public struct ConstructionProgramme: Hashable, Sendable, Codable {
    public var commune: String
    public var inseeCode: InseeCode?
    /// Name or address of the operation ("ZAC du Petit Bois tr3").
    public var name: String
    /// Resolved landlord; nil when the directory does not know `landlordName`.
    public var landlordId: String?
    /// The landlord as the source spells it.
    public var landlordName: String
    public var financingYear: SourceValue<Int>
    public var plus: SourceValue<Int>
    public var plai: SourceValue<Int>
    /// Part of `plai` (not in addition to it).
    public var plaiAdapte: SourceValue<Int>
    public var pls: SourceValue<Int>
    /// Total as given by the source; may disagree with the parts.
    public var totalAsGiven: SourceValue<Int>
    public var stateSubsidy: SourceValue<Money>
    public var epciSubsidy: SourceValue<Money>
    public var projectManagement: SourceValue<ProjectManagement>
    public var worksKind: SourceValue<WorksKind>
    public var typologies: Typologies
    /// The operation status as the source writes it.
    public var status: String?
    /// Financed or forecast; nil (programmes stored before periods existed) reads as financed.
    public var period: ProgrammePeriod?

    public init(commune: String, inseeCode: InseeCode? = nil, name: String, landlordId: String?,
                landlordName: String, financingYear: SourceValue<Int>,
                plus: SourceValue<Int> = .notProvided, plai: SourceValue<Int> = .notProvided,
                plaiAdapte: SourceValue<Int> = .notProvided, pls: SourceValue<Int> = .notProvided,
                totalAsGiven: SourceValue<Int> = .notProvided,
                stateSubsidy: SourceValue<Money> = .notProvided, epciSubsidy: SourceValue<Money> = .notProvided,
                projectManagement: SourceValue<ProjectManagement> = .notProvided,
                worksKind: SourceValue<WorksKind> = .notProvided,
                typologies: Typologies = Typologies(), status: String? = nil, period: ProgrammePeriod? = nil) {
        self.commune = commune; self.inseeCode = inseeCode; self.name = name
        self.landlordId = landlordId; self.landlordName = landlordName
        self.financingYear = financingYear
        self.plus = plus; self.plai = plai; self.plaiAdapte = plaiAdapte; self.pls = pls
        self.totalAsGiven = totalAsGiven
        self.stateSubsidy = stateSubsidy; self.epciSubsidy = epciSubsidy
        self.projectManagement = projectManagement; self.worksKind = worksKind
        self.typologies = typologies; self.status = status; self.period = period
    }

    /// PLUS + PLAI + PLS from the known parts; nil when none is known.
    public var sumOfParts: Int? {
        let known = [plus, plai, pls].compactMap(\.value)
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    /// Dwellings of the programme: the source's total when it gives one, else the sum of parts.
    public var dwellings: Int? { totalAsGiven.value ?? sumOfParts }

    /// The source's total disagrees with PLUS + PLAI + PLS (all of them known or blank).
    public var totalDisagreesWithParts: Bool {
        guard let given = totalAsGiven.value, let parts = sumOfParts else { return false }
        guard ![plus, plai, pls].contains(where: \.isUnreadable) else { return false }
        return given != parts
    }

    /// A count for the rules: its value, or 0 when the cell is blank and the source's total equals
    /// the sum of the known parts (the total then vouches that the blank means none). Nil otherwise.
    public func confirmedCount(_ value: SourceValue<Int>) -> Int? {
        if let v = value.value { return v }
        guard value.isBlank, let given = totalAsGiven.value, let parts = sumOfParts,
              ![plus, plai, pls].contains(where: \.isUnreadable), given == parts else { return nil }
        return 0
    }
}
