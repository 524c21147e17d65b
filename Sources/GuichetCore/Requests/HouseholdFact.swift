/// A fact about the household that the grid file asks the engine to check, with the words of
/// the source it comes from. The same vocabulary serves two places of the file:
/// - a criterion's `conditions` (« Sur occupation avec au moins un mineur »: a member under 18);
/// - a priority category's `establishedBy` (« Demandeurs en attente d'une attribution depuis plus
///   de 18 mois »: the request is more than 18 months old).
/// Kinds are a fixed list the engine knows; every figure (ages, months, ranks) is in the file.
public struct HouseholdFact: Codable, Sendable, Equatable {
    public var kind: HouseholdFactKind
    /// `age`: whose age is checked.
    public var who: FactPersons?
    /// `age`: strictly under this age on the computation date (the birthday itself no longer counts)…
    public var below: Int?
    /// …or this age or more (the birthday itself counts).
    public var atLeast: Int?
    /// `criterion`: the criterion of the grid that establishes the fact (declared with a valid
    /// document and its conditions met, or computed and applying).
    public var criterion: String?
    /// `waitingBeyondMonths`: the request is strictly older than this many months.
    public var months: Int?
    /// `calRankCount`: proposals in CAL at this rank…
    public var rank: Int?
    /// …strictly more than this many times.
    public var moreThan: Int?
    /// The words the fact comes from.
    public var source: ParameterSource

    public init(kind: HouseholdFactKind, who: FactPersons? = nil, below: Int? = nil, atLeast: Int? = nil,
                criterion: String? = nil, months: Int? = nil, rank: Int? = nil, moreThan: Int? = nil,
                source: ParameterSource) {
        self.kind = kind; self.who = who; self.below = below; self.atLeast = atLeast
        self.criterion = criterion; self.months = months; self.rank = rank; self.moreThan = moreThan
        self.source = source
    }
}

public struct HouseholdFactKind: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A person's age on the computation date (`who`, `below` or `atLeast`).
    public static let age = Self(rawValue: "age")
    /// The claim names an occupation of the grid's `essentialWorkerGroups` (claims only).
    public static let essentialOccupation = Self(rawValue: "essentialOccupation")
    /// A criterion of the grid is established (priority categories only).
    public static let criterion = Self(rawValue: "criterion")
    /// The request's age (priority categories only).
    public static let waitingBeyondMonths = Self(rawValue: "waitingBeyondMonths")
    /// CAL proposals at a rank (priority categories only).
    public static let calRankCount = Self(rawValue: "calRankCount")
    public static let known = [age, essentialOccupation, criterion, waitingBeyondMonths, calRankCount]
    /// Kinds a criterion's condition may use (they speak of the household or of the claim).
    static let forConditions = [age, essentialOccupation]
}

/// Whose age an `age` fact looks at.
public struct FactPersons: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Any member of the household (« au moins un mineur »).
    public static let household = Self(rawValue: "household")
    /// The requester or the co-requester.
    public static let applicants = Self(rawValue: "applicants")
    /// The person the claim names (`member` of the claim); when it names none, any member.
    public static let concerned = Self(rawValue: "concerned")
    public static let known = [household, applicants, concerned]
}

/// What checking a fact found: whether it holds, and why in French.
public struct FactCheck: Sendable, Equatable {
    public var holds: Bool
    public var text: String
}

/// What a fact is checked against: the request on a date, the claim being scored (conditions),
/// the criteria established (priority categories).
struct FactContext {
    let request: SocialHousingRequest
    let grid: CotationGrid
    let date: CalendarDate
    var claim: CriterionClaim?
    var established: [String: String] = [:]

    func check(_ fact: HouseholdFact) -> FactCheck {
        switch fact.kind {
        case .age: return age(fact)
        case .essentialOccupation: return occupation()
        case .criterion: return criterion(fact.criterion ?? "")
        case .waitingBeyondMonths: return waiting(months: fact.months ?? 0)
        case .calRankCount: return calRank(fact.rank ?? 2, moreThan: fact.moreThan ?? 0)
        default: return FactCheck(holds: false, text: "fait inconnu « \(fact.kind.rawValue) »")
        }
    }

    private var day: String { FrenchFormat.date(date) }

    /// The members whose age counts, each with a description ("demandeur, 64 ans").
    private func persons(_ who: FactPersons) -> (noun: String, members: [(RequestMember, String)]) {
        let all = request.members.enumerated().map { i, m in
            (m, "\(m.role.frenchLabel) \(m.birthDate.age(on: date)) ans", i)
        }
        switch who {
        case .applicants:
            return ("demandeur ou co-demandeur", all.filter { $0.0.isApplicant }.map { ($0.0, $0.1) })
        case .concerned:
            if let index = claim?.member, request.members.indices.contains(index) {
                return ("personne concernée", all.filter { $0.2 == index }.map { ($0.0, "personne \(index + 1), \($0.1)") })
            }
            return ("personne du ménage", all.map { ($0.0, $0.1) })
        default:
            return ("personne du ménage", all.map { ($0.0, $0.1) })
        }
    }

    private func age(_ fact: HouseholdFact) -> FactCheck {
        let (noun, members) = persons(fact.who ?? .household)
        let phrase: String
        let qualifies: (Int) -> Bool
        if let below = fact.below {
            phrase = "moins de \(below) ans"
            qualifies = { $0 < below }
        } else {
            let atLeast = fact.atLeast ?? 0
            phrase = "\(atLeast) ans ou plus"
            qualifies = { $0 >= atLeast }
        }
        let matching = members.filter { qualifies($0.0.birthDate.age(on: date)) }.map(\.1)
        if !matching.isEmpty {
            return FactCheck(holds: true, text: "\(noun) de \(phrase) le \(day) (\(matching.joined(separator: ", ")))")
        }
        let ages = members.isEmpty ? "personne à examiner" : members.map(\.1).joined(separator: ", ")
        return FactCheck(holds: false, text: "aucune \(noun) n'a \(phrase) le \(day) (\(ages))")
    }

    private func occupation() -> FactCheck {
        guard let typed = claim?.detail, !typed.allSatisfy(\.isWhitespace) else {
            return FactCheck(holds: false, text: "aucune profession indiquée")
        }
        guard let match = grid.essentialOccupation(matching: typed) else {
            return FactCheck(holds: false, text: "profession « \(typed) » absente de la liste de l'annexe 2")
        }
        return FactCheck(holds: true, text: "profession « \(typed) » : « \(match.occupation) » (\(match.group.label))")
    }

    private func criterion(_ id: String) -> FactCheck {
        let label = grid.criterion(id: id)?.label ?? id
        if let why = established[id] { return FactCheck(holds: true, text: "critère « \(label) » établi : \(why)") }
        return FactCheck(holds: false, text: "critère « \(label) » non établi")
    }

    private func waiting(months: Int) -> FactCheck {
        let holds = date > request.requestDate.adding(months: months)
        let elapsed = request.requestDate.wholeMonths(until: date)
        return FactCheck(holds: holds, text: "demande du \(FrenchFormat.date(request.requestDate)), \(elapsed) mois révolus le \(day)"
                         + (holds ? " : plus de \(months) mois" : " : pas plus de \(months) mois"))
    }

    private func calRank(_ rank: Int, moreThan: Int) -> FactCheck {
        let count = request.calProposals.filter { $0.rank == rank && $0.date <= date }.count
        let text = "\(count) proposition\(count > 1 ? "s" : "") en CAL au rang \(rank) au \(day) (plus de \(moreThan) requise\(moreThan > 1 ? "s" : ""))"
        return FactCheck(holds: count > moreThan, text: text)
    }
}

extension HouseholdFact {
    /// Checks of the fact's fields; `allowed` says which kinds the place in the file accepts.
    func validate(allowed: [HouseholdFactKind], grid: CotationGrid) -> [ValidationError] {
        var errors: [ValidationError] = []
        if let e = kind.unknownError(field: "kind", what: "nature de fait") {
            return [e]
        }
        if !allowed.contains(kind) {
            errors.append(ValidationError(field: "kind", "« \(kind.rawValue) » n'est pas accepté ici (attendu \(frenchAlternatives(allowed.map(\.rawValue))))"))
        }
        errors += source.validate().map { $0.prefixed("source") }
        switch kind {
        case .age:
            if let who, let e = who.unknownError(field: "who", what: "personne") { errors.append(e) }
            if who == nil { errors.append(ValidationError(field: "who", "indiquer household, applicants ou concerned")) }
            if (below == nil) == (atLeast == nil) {
                errors.append(ValidationError(field: "below", "indiquer soit below, soit atLeast"))
            }
            for (value, key) in [(below, "below"), (atLeast, "atLeast")] {
                if let value, !(0...150).contains(value) { errors.append(ValidationError(field: key, "âge attendu entre 0 et 150")) }
            }
        case .criterion:
            if grid.criterion(id: criterion ?? "") == nil {
                errors.append(ValidationError(field: "criterion", "critère inconnu « \(criterion ?? "") »"))
            }
        case .waitingBeyondMonths:
            if (months ?? -1) < 0 { errors.append(ValidationError(field: "months", "doit être ≥ 0")) }
        case .calRankCount:
            if !(1...3).contains(rank ?? 0) { errors.append(ValidationError(field: "rank", "rang attendu parmi 1, 2 et 3")) }
            if (moreThan ?? -1) < 0 { errors.append(ValidationError(field: "moreThan", "doit être ≥ 0")) }
        default:
            break
        }
        return errors
    }
}
