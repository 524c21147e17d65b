/// Renovation of existing social dwellings (thermal, accessibility, restructuring).
public struct RehabilitationProgramme: Hashable, Sendable, Codable {
    public var commune: String
    public var inseeCode: InseeCode?
    public var name: String
    public var landlordId: String?
    public var landlordName: String
    /// Open list as the sources write it: ERBM, PNRU/ANRU, PR, agglo, "réha lourde", "AAP REHA 2024"…
    public var operationType: String?
    public var financingYear: SourceValue<Int>
    public var dwellings: SourceValue<Int>
    public var status: SourceValue<RehabilitationStatus>
    public var stateSubsidy: SourceValue<Money>
    public var epciSubsidy: SourceValue<Money>
    public var labelBefore: SourceValue<EnergyLabel>
    public var labelAfter: SourceValue<EnergyLabel>
    /// Financed or forecast; nil (programmes stored before periods existed) reads as financed.
    public var period: ProgrammePeriod?

    public init(commune: String, inseeCode: InseeCode? = nil, name: String, landlordId: String?,
                landlordName: String, operationType: String? = nil, financingYear: SourceValue<Int>,
                dwellings: SourceValue<Int> = .notProvided,
                status: SourceValue<RehabilitationStatus> = .notProvided,
                stateSubsidy: SourceValue<Money> = .notProvided, epciSubsidy: SourceValue<Money> = .notProvided,
                labelBefore: SourceValue<EnergyLabel> = .notProvided,
                labelAfter: SourceValue<EnergyLabel> = .notProvided, period: ProgrammePeriod? = nil) {
        self.commune = commune; self.inseeCode = inseeCode; self.name = name
        self.landlordId = landlordId; self.landlordName = landlordName
        self.operationType = operationType; self.financingYear = financingYear
        self.dwellings = dwellings; self.status = status
        self.stateSubsidy = stateSubsidy; self.epciSubsidy = epciSubsidy
        self.labelBefore = labelBefore; self.labelAfter = labelAfter; self.period = period
    }
}
