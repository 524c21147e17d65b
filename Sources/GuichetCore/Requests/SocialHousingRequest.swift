/// A social-housing request registered at the counter (and in the SNE once it has a number):
/// the household, its resources and home, what it wishes, the situations it claims,
/// its history in allocation committees.
public struct SocialHousingRequest: Codable, Sendable, Equatable, Identifiable {
    /// Local id (stable for storage and deterministic ordering).
    public var id: String
    /// SNE unique number, once the request is registered nationally.
    public var sneNumber: String?
    public var requestDate: CalendarDate
    public var members: [RequestMember]
    /// Yearly resources of the whole household.
    public var annualResources: Money
    /// Nil when the household has no home of its own to pay for.
    public var home: CurrentHome?
    public var wishedCommunes: [WishedCommune]
    public var wishedTypologies: [Typology]
    /// Declared situations matching criteria of the grid, each with its document.
    public var criteria: [CriterionClaim]
    public var calProposals: [CalProposal]
    /// Ids of the priority-household categories of the grid (§7.6) the household falls in.
    public var priorityCategories: [String]
    public var struckOffOn: CalendarDate?

    public init(id: String, sneNumber: String? = nil, requestDate: CalendarDate,
                members: [RequestMember], annualResources: Money, home: CurrentHome? = nil,
                wishedCommunes: [WishedCommune] = [], wishedTypologies: [Typology] = [],
                criteria: [CriterionClaim] = [], calProposals: [CalProposal] = [],
                priorityCategories: [String] = [], struckOffOn: CalendarDate? = nil) {
        self.id = id
        self.sneNumber = sneNumber
        self.requestDate = requestDate
        self.members = members
        self.annualResources = annualResources
        self.home = home
        self.wishedCommunes = wishedCommunes
        self.wishedTypologies = wishedTypologies
        self.criteria = criteria
        self.calProposals = calProposals
        self.priorityCategories = priorityCategories
        self.struckOffOn = struckOffOn
    }

    public func claim(for criterionId: String) -> CriterionClaim? {
        criteria.first { $0.criterionId == criterionId }
    }

    public func isStruckOff(on date: CalendarDate) -> Bool {
        struckOffOn.map { $0 <= date } ?? false
    }

    /// Checks the request on its own (no grid): household, amounts, dates.
    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if let sne = sneNumber, sne.allSatisfy(\.isWhitespace) {
            errors.append(ValidationError(field: "sneNumber", "le numéro unique ne peut pas être vide"))
        }
        errors += validateMembers()
        if let e = negativeAmountError(annualResources, field: "annualResources") { errors.append(e) }
        errors += (home?.validate() ?? []).map { $0.prefixed("home") }
        for (i, commune) in wishedCommunes.enumerated() where commune.description.isEmpty {
            errors.append(ValidationError(field: "wishedCommunes[\(i)]", "le nom de la commune est vide"))
        }
        var claimed = Set<String>()  // a set: 50,000 claims are checked in linear time
        for (i, claim) in criteria.enumerated() where !claimed.insert(claim.criterionId).inserted {
            errors.append(ValidationError(field: "criteria[\(i)].criterionId",
                                          "critère « \(claim.criterionId) » déclaré deux fois"))
        }
        for (i, proposal) in calProposals.enumerated() {
            if !(1...3).contains(proposal.rank) {
                errors.append(ValidationError(field: "calProposals[\(i)].rank", "le rang doit être 1, 2 ou 3"))
            }
            if let e = proposal.effectiveOutcome.unknownError(field: "calProposals[\(i)].outcome", what: "issue") {
                errors.append(e)
            }
            if proposal.date < requestDate {
                errors.append(ValidationError(field: "calProposals[\(i)].date",
                                              "la proposition est antérieure à la date de la demande"))
            }
        }
        if let off = struckOffOn, off < requestDate {
            errors.append(ValidationError(field: "struckOffOn", "la radiation est antérieure à la date de la demande"))
        }
        return errors
    }

    private func validateMembers() -> [ValidationError] {
        var errors: [ValidationError] = []
        let requesters = members.filter { $0.role == .requester }.count
        if requesters == 0 {
            errors.append(ValidationError(field: "members", "la demande doit comporter un demandeur"))
        } else if requesters > 1 {
            errors.append(ValidationError(field: "members", "la demande ne peut comporter qu'un seul demandeur"))
        }
        if members.filter({ $0.role == .coRequester }).count > 1 {
            errors.append(ValidationError(field: "members", "la demande ne peut comporter qu'un seul co-demandeur"))
        }
        for (i, member) in members.enumerated() {
            if member.birthDate > requestDate {
                errors.append(ValidationError(field: "members[\(i)].birthDate",
                                              "la date de naissance est postérieure à la date de la demande"))
            }
            if !member.isApplicant && member.hasName {
                errors.append(ValidationError(field: "members[\(i)].lastName",
                                              "le nom n'est enregistré que pour le demandeur et le co-demandeur"))
            }
        }
        return errors
    }

    /// Checks the request against a grid: every claimed criterion and priority category exists,
    /// and no computed criterion is claimed (the engine derives those from the request itself).
    public func validate(against grid: CotationGrid) -> [ValidationError] {
        var errors: [ValidationError] = []
        for (i, claim) in criteria.enumerated() {
            let field = "criteria[\(i)].criterionId"
            guard let criterion = grid.criterion(id: claim.criterionId) else {
                errors.append(ValidationError(field: field,
                    "critère inconnu « \(claim.criterionId) » (grille \(grid.version))"))
                continue
            }
            if criterion.basis == .computed {
                errors.append(ValidationError(field: field,
                    "le critère « \(claim.criterionId) » est calculé à partir de la demande et ne se déclare pas"))
            }
            if let member = claim.member, !members.indices.contains(member) {
                errors.append(ValidationError(field: "criteria[\(i)].member",
                    "personne concernée n° \(member) absente du ménage (\(members.count) personne(s), numérotées à partir de 0)"))
            }
        }
        for (i, id) in priorityCategories.enumerated() where grid.priorityCategory(id: id) == nil {
            errors.append(ValidationError(field: "priorityCategories[\(i)]",
                "catégorie de public prioritaire inconnue « \(id) »"))
        }
        return errors
    }
}
