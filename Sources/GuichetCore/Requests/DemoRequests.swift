/// Deterministic demonstration requests: fictitious households (a role and a birth date each,
/// names for the requester and co-requester, drawn from common surnames), resources and homes that fit them, wishes among the demo communes, declared
/// criteria that follow from the home and the household with documents in every state, CAL
/// proposals, priority categories, a few struck-off requests. Nothing after `referenceDate`.
/// Same seed, same requests.
public enum DemoRequests {
    typealias R = DemoReferenceData

    public static func generate(count: Int, seed: UInt64, grid: CotationGrid, referenceDate: CalendarDate) -> [SocialHousingRequest] {
        guard count > 0 else { return [] }
        var rng = DemoRandom(seed: seed)
        var sequences: [Int: Int] = [:]
        var out: [SocialHousingRequest] = []
        out.reserveCapacity(count)
        let occupations = grid.essentialWorkerGroups.flatMap(\.occupations)
        let declared = Set(grid.criteria.filter { $0.basis == .declared }.map(\.id))
        let categories = Set(grid.priorityCategories.map(\.id))
        for _ in 0..<count {
            // Requests of the last five years, more of them recent (older ones got housed).
            let age = min(rng.int(0...1_825), rng.int(0...1_825))
            let requestDate = referenceDate.adding(days: -age)
            sequences[requestDate.year, default: 0] += 1
            let id = requestId(year: requestDate.year, sequence: sequences[requestDate.year]!)
            var g = Generator(rng: rng, reference: referenceDate, requestDate: requestDate,
                              occupations: occupations, declared: declared, categories: categories)
            out.append(g.request(id: id))
            rng = g.rng
        }
        return out
    }

    /// The local id format: "DLS-2024-000042" (sorts as text by year then sequence).
    public static func requestId(year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "DLS-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    struct Generator {
        var rng: DemoRandom
        let reference: CalendarDate
        let requestDate: CalendarDate
        let occupations: [String]
        let declared: Set<String>
        let categories: Set<String>

        enum Household { case single, couple, singleParent, family, senior, youngAdult }

        mutating func request(id: String) -> SocialHousingRequest {
            let kind = rng.pick([Household.single, .single, .couple, .singleParent, .singleParent, .family, .family, .senior, .youngAdult])
            let members = named(self.members(kind))
            let persons = members.count
            // Yearly resources: from minimum social benefits to two modest salaries.
            let perAdult = rng.pick([6_500, 7_500, 9_000, 11_000, 13_500, 16_000, 19_000, 23_000])
            let adults = members.filter { $0.role != .child }.count
            let resources = Money(euros: Int64(perAdult * adults + rng.int(0...2_000) * (persons - adults)))
            let home = self.home(persons: persons, resources: resources)
            var r = SocialHousingRequest(id: id, requestDate: requestDate, members: members, annualResources: resources, home: home)
            // Most requests are registered in the SNE; the most recent ones may not be yet.
            if requestDate.days(until: reference) > 30 || rng.chance(50) {
                r.sneNumber = "062" + twoDigits(requestDate.year % 100) + twoDigits(requestDate.month)
                    + String(rng.int(1_000_000...9_999_999)) + String(UnicodeScalar(UInt8(65 + rng.int(0...25))))
            }
            r.wishedCommunes = wishes()
            r.wishedTypologies = typologies(persons: persons)
            r.criteria = claims(r)
            r.calProposals = proposals()
            r.priorityCategories = priorities(r)
            if rng.chance(6) {
                r.struckOffOn = requestDate.adding(days: rng.int(0...max(0, requestDate.days(until: reference))))
            }
            return r
        }

        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

        mutating func birth(age: ClosedRange<Int>) -> CalendarDate {
            requestDate.adding(days: -(rng.int(age) * 365 + rng.int(0...364)))
        }

        mutating func members(_ kind: Household) -> [RequestMember] {
            func children(_ n: Int, parentAge: Int, rng: inout DemoRandom, birth: (inout DemoRandom, ClosedRange<Int>) -> CalendarDate) -> [RequestMember] {
                (0..<n).map { _ in RequestMember(role: .child, birthDate: birth(&rng, 0...max(0, min(17, parentAge - 19)))) }
            }
            let requestDate = self.requestDate
            let birthOf = { (rng: inout DemoRandom, age: ClosedRange<Int>) -> CalendarDate in
                requestDate.adding(days: -(rng.int(age) * 365 + rng.int(0...364)))
            }
            switch kind {
            case .single:
                return [RequestMember(role: .requester, birthDate: birth(age: 25...59))]
            case .youngAdult:
                return [RequestMember(role: .requester, birthDate: birth(age: 18...29))]
            case .senior:
                var m = [RequestMember(role: .requester, birthDate: birth(age: 60...88))]
                if rng.chance(40) { m.append(RequestMember(role: .coRequester, birthDate: birth(age: 58...88))) }
                return m
            case .couple:
                return [RequestMember(role: .requester, birthDate: birth(age: 20...65)),
                        RequestMember(role: .coRequester, birthDate: birth(age: 20...65))]
            case .singleParent:
                let age = rng.int(20...55)
                return [RequestMember(role: .requester, birthDate: birth(age: age...age))]
                    + children(rng.int(1...3), parentAge: age, rng: &rng, birth: birthOf)
            case .family:
                let age = rng.int(22...55)
                var m = [RequestMember(role: .requester, birthDate: birth(age: age...age)),
                         RequestMember(role: .coRequester, birthDate: birth(age: max(18, age - 5)...(age + 5)))]
                m += children(rng.int(1...4), parentAge: age, rng: &rng, birth: birthOf)
                if rng.chance(8) { m.append(RequestMember(role: .otherAdult, birthDate: birth(age: 60...85))) }
                return m
            }
        }

        /// The requester and co-requester get a surname (often the same one) and a first name.
        mutating func named(_ members: [RequestMember]) -> [RequestMember] {
            let family = rng.pick(R.lastNames)
            return members.map { m in
                guard m.isApplicant else { return m }
                var named = m
                named.lastName = m.role == .requester || rng.chance(60) ? family : rng.pick(R.lastNames)
                named.firstName = rng.pick(R.firstNames)
                return named
            }
        }

        mutating func home(persons: Int, resources: Money) -> CurrentHome? {
            let status = rng.pick([CurrentHome.Status.privateTenant, .privateTenant, .privateTenant, .socialTenant, .socialTenant,
                                   .hostedByThirdParty, .hostedByThirdParty, .institution, .withoutHome, .owner, .other])
            switch status {
            case .hostedByThirdParty, .withoutHome, .institution:
                return rng.chance(70) ? nil : CurrentHome(status: status, monthlyRent: .zero)
            default:
                let rent = rng.euros(300...(450 + 60 * persons))
                let charges = rng.euros(30...120, step: 5)
                // Housing benefit for modest households, more for larger ones.
                let benefit = resources.cents < 1_500_000 ? rng.euros(0...(150 + 40 * persons), step: 5) : .zero
                return CurrentHome(status: status, monthlyRent: rent, monthlyCharges: charges, monthlyHousingBenefit: benefit)
            }
        }

        mutating func wishes() -> [WishedCommune] {
            var names: [String] = []
            for _ in 0..<rng.int(1...3) {
                let c = rng.pick(R.communes).name
                if !names.contains(c) { names.append(c) }
            }
            return names.map(WishedCommune.name)
        }

        mutating func typologies(persons: Int) -> [Typology] {
            let base = min(Typology.allCases.count - 1, max(0, persons - 1))
            var t = [Typology.allCases[base]]
            if base + 1 < Typology.allCases.count && rng.chance(40) { t.append(Typology.allCases[base + 1]) }
            return t
        }

        /// A document in one of its states: mostly valid, some waiting, missing, refused or expired.
        mutating func document() -> ClaimDocument {
            let received = requestDate.adding(days: rng.int(0...max(0, requestDate.days(until: reference))))
            switch rng.int(0...99) {
            case 0..<60: return ClaimDocument(status: .valid, receivedOn: received)
            case 60..<72: return ClaimDocument(status: .received, receivedOn: received)
            case 72..<86: return ClaimDocument(status: .missing)
            case 86..<92: return ClaimDocument(status: .rejected, receivedOn: received)
            default:
                // Valid, with an end date: some have expired by the reference date.
                return ClaimDocument(status: .valid, receivedOn: received, validUntil: received.adding(days: rng.int(90...900)))
            }
        }

        mutating func claims(_ r: SocialHousingRequest) -> [CriterionClaim] {
            var ids: [String] = []
            let adultsAge = r.members.filter(\.isApplicant).map { $0.birthDate.age(on: requestDate) }
            let hasMinor = r.members.contains { $0.role == .child }
            switch r.home?.status {
            case .hostedByThirdParty?: ids.append("heberge-tiers")
            case .institution?: ids.append("heberge-structure")
            case .withoutHome?: ids.append("sans-logement")
            case nil: ids.append(rng.pick(["heberge-tiers", "sans-logement", "heberge-structure"]))
            case .privateTenant?, .socialTenant?, .owner?, .other?:
                if rng.chance(5) { ids.append("menace-expulsion") }
                if rng.chance(4) { ids.append("logement-indigne") }
                if hasMinor && rng.chance(10) { ids.append("suroccupation-mineur") }
                if hasMinor && rng.chance(4) { ids.append("logement-non-decent-mineur") }
                if r.members.count == 1 && rng.chance(6) { ids.append("sous-occupation") }
                if r.home?.status == .socialTenant && rng.chance(15) { ids.append("parcours-residentiel") }
                if r.home?.status == .privateTenant && rng.chance(3) { ids.append("logement-mis-en-vente") }
            }
            if rng.chance(3) { ids.append("dalo") }
            if rng.chance(9) { ids.append("handicap") }
            if rng.chance(3) { ids.append("violences") }
            if rng.chance(3) { ids.append("chomage-longue-duree") }
            if rng.chance(12) { ids.append("cdd-interim") }
            if adultsAge.contains(where: { $0 < 26 }) && rng.chance(30) { ids.append("etudiant-apprenti") }
            if adultsAge.contains(where: { $0 >= 60 }) && rng.chance(20) { ids.append("senior-logement-inadapte") }
            if adultsAge.contains(where: { $0 < 60 }) && rng.chance(4) { ids.append("logement-inadapte-handicap") }
            if rng.chance(7) { ids.append("eloigne-travail") }
            if rng.chance(1) { ids.append("pompier-volontaire") }
            if adultsAge.contains(where: { $0 < 21 }) && rng.chance(25) { ids.append("sortant-ase") }
            var claims: [CriterionClaim] = []
            for id in ids where declared.contains(id) && !claims.contains(where: { $0.criterionId == id }) {
                claims.append(CriterionClaim(criterionId: id, document: document()))
            }
            if !occupations.isEmpty && declared.contains(CotationGrid.essentialWorkerCriterionId) && rng.chance(6) {
                claims.append(CriterionClaim(criterionId: CotationGrid.essentialWorkerCriterionId, document: document(),
                                             detail: rng.pick(occupations)))
            }
            return claims
        }

        /// Committee proposals, for older requests: up to three, ranked 1 to 3.
        mutating func proposals() -> [CalProposal] {
            let span = requestDate.days(until: reference)
            guard span > 120, rng.chance(15) else { return [] }
            return (0..<rng.int(1...3)).map { _ in
                CalProposal(date: requestDate.adding(days: rng.int(60...span)), landlord: rng.pick(R.landlords), rank: rng.int(2...3))
            }.sorted { $0.date < $1.date }
        }

        /// The categories the agent ticks: only those no fact of the request can show (the
        /// cotation derives the others); a long-term unemployed person back at work, a household
        /// cumulating financial and social difficulties.
        func priorities(_ r: SocialHousingRequest) -> [String] {
            var out: [String] = []
            if r.criteria.contains(where: { $0.criterionId == "chomage-longue-duree" }), categories.contains("reprise-activite") {
                out.append("reprise-activite")
            }
            if r.home == nil && r.annualResources.cents < 800_000, categories.contains("difficultes-financieres-insertion") {
                out.append("difficultes-financieres-insertion")
            }
            return out
        }
    }
}
