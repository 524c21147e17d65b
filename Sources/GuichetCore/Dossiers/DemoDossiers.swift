import Foundation

/// Deterministic demonstration dossiers: realistic names and CAPSO communes, every state present,
/// each dossier consistent (grants within caps, payments summing to at most the grant, dates in order,
/// nothing after `referenceDate`), numbers unique per (year, scheme). Same seed, same dossiers.
public enum DemoDossiers {
    /// Relative frequency of each scheme at the counter (others: 3).
    static let weights: [String: Int] = ["PIG": 30, "ACC": 18, "PSS": 10, "PSV": 8, "PRL": 5, "PLV": 4, "LCO": 4,
                                         "BSE": 3, "LHI": 3, "ARC": 3, "RHS": 2, "INN": 1, "COL": 1]
    /// Target states and their weights (before dates cut a dossier short).
    static let statuses: [(DossierStatus, Int)] = [(.draft, 7), (.submitted, 7), (.underReview, 11), (.granted, 18),
                                                   (.partiallyPaid, 12), (.settled, 30), (.refused, 5), (.abandoned, 5), (.cancelled, 5)]

    public static func generate(count: Int, seed: UInt64, schemes catalog: SchemeCatalog, years: ClosedRange<Int>,
                                referenceDate: CalendarDate) -> [AidDossier] {
        var rng = DemoRandom(seed: seed)
        let schemes = catalog.schemes
        guard !schemes.isEmpty, count > 0 else { return [] }
        let schemeWheel = schemes.flatMap { s in Array(repeating: s, count: weights[s.code] ?? 3) }
        let statusWheel = statuses.flatMap { Array(repeating: $0.0, count: $0.1) }
        let vacantHomes = Set(schemes.filter { $0.condition(.longVacancy) != nil }.map(\.code))
        let lastYear = min(years.upperBound, referenceDate.year)
        let firstYear = min(years.lowerBound, lastYear)
        var sequences: [BudgetKey: Int] = [:]
        var out: [AidDossier] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            let scheme = rng.pick(schemeWheel)
            let year = rng.int(firstYear...lastYear)
            let key = BudgetKey(scheme: scheme.code, year: year)
            sequences[key, default: 0] += 1
            let number = DossierNumber(year: year, scheme: scheme.code, sequence: sequences[key]!)
            var g = Generator(rng: rng, scheme: scheme, reference: referenceDate)
            var d = g.dossier(number: number, target: g.rng.pick(statusWheel))
            addLetterData(&d, vacantHome: vacantHomes.contains(scheme.code), seed: seed)
            d.version = 1
            d.updatedAt = date(d.timeline.last?.date ?? referenceDate)
            out.append(d)
            rng = g.rng
        }
        DemoBudgetFit.apply(&out, schemes: catalog, reference: referenceDate)
        return out
    }

    /// Occupant or landlord (about 7 in 10 occupants), drawn from the dossier's number by a
    /// generator of its own, so the rest of the demo draws the same values as before.
    static func ownerStatus(of number: DossierNumber) -> OwnerStatus {
        let code = number.scheme.unicodeScalars.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1.value) }
        var side = DemoRandom(seed: code ^ (UInt64(number.year) << 32) ^ UInt64(number.sequence))
        return side.chance(70) ? .occupant : .landlord
    }

    static func date(_ d: CalendarDate) -> Date { Date(timeIntervalSince1970: TimeInterval(d.dayNumber * 86_400 + 9 * 3600)) }

    struct Generator {
        var rng: DemoRandom
        let scheme: AidScheme
        let reference: CalendarDate
        typealias R = DemoReferenceData

        mutating func dossier(number: DossierNumber, target: DossierStatus) -> AidDossier {
            let jan1 = CalendarDate(year: number.year, month: 1, day: 1)!
            let yearEnd = min(CalendarDate(year: number.year, month: 12, day: 31)!, reference)
            let created = jan1.adding(days: rng.int(0...max(0, jan1.days(until: yearEnd))))
            let kind = rng.pick(scheme.applicants)
            var d = AidDossier(number: number, plhAction: rng.pick(scheme.actions), applicant: applicant(kind),
                               property: property(created), facts: DossierFacts(), createdAt: DemoDossiers.date(created))
            if kind == .privateOwner { d.applicant.ownerStatus = DemoDossiers.ownerStatus(of: number) }
            d.facts = facts(created)
            d.requestedAmount = requested(d)
            let agent = rng.pick(R.agents)
            var day = created
            d.timeline.append(StatusChange(from: nil, to: .draft, date: day, agent: agent))
            func step(_ days: ClosedRange<Int>) -> CalendarDate? {
                let next = day.adding(days: rng.int(days))
                guard next <= reference else { return nil }
                day = next
                return next
            }
            func move(_ to: DossierStatus, _ comment: String? = nil) {
                d.timeline.append(StatusChange(from: d.status, to: to, date: day, agent: agent, comment: comment))
                d.status = to
            }
            addDocuments(&d, created: created, complete: target != .draft)
            let abandonAt = target == .abandoned ? rng.pick([DossierStatus.draft, .submitted, .underReview]) : nil
            d.computedAmount = scheme.computeAmount(for: d).total
            if abandonAt == .draft, step(20...120) != nil {
                close(&d, .abandoned, day, agent, "Le demandeur ne donne plus suite."); move(.abandoned); return d
            }
            guard target != .draft, step(0...20) != nil else { return d }
            d.receivedOn = day
            move(.submitted)
            if abandonAt == .submitted, step(10...90) != nil {
                close(&d, .abandoned, day, agent, "Projet abandonné par le demandeur."); move(.abandoned); return d
            }
            guard target != .submitted, step(2...20) != nil else { return d }
            move(.underReview)
            if abandonAt == .underReview, step(10...90) != nil {
                close(&d, .abandoned, day, agent, "Pas de réponse aux demandes de compléments."); move(.abandoned); return d
            }
            if target == .refused, step(10...45) != nil {
                let reason = rng.pick(["Conditions d'éligibilité non remplies.", "Enveloppe annuelle épuisée.", "Travaux commencés avant le dépôt du dossier."])
                close(&d, .refused, day, agent, reason); move(.refused, reason); return d
            }
            guard target != .underReview, target != .refused, target != .abandoned, step(15...60) != nil else { return d }
            grant(&d, day, agent)
            move(.granted, d.grant?.reason)
            if target == .granted { return d }
            if target == .cancelled {
                if rng.chance(30), step(20...90) != nil {
                    pay(&d, d.grantedAmount.divided(by: 3, roundingTo: 100), day, agent)
                    move(.partiallyPaid)
                }
                guard step(20...200) != nil else { return d }
                let reason = rng.pick(["Travaux non réalisés dans le délai.", "Renoncement du bénéficiaire.", "Opération abandonnée par le maître d'ouvrage."])
                close(&d, .cancelled, day, agent, reason, released: d.grantedAmount - d.paidAmount)
                move(.cancelled, reason)
                return d
            }
            let instalments = target == .partiallyPaid || rng.chance(30) ? 2 : 1
            if instalments == 2 {
                guard step(30...150) != nil else { return d }
                pay(&d, Money(cents: d.grantedAmount.cents * Int64(rng.int(3...7)) / 10), day, agent)
                move(.partiallyPaid)
                if target == .partiallyPaid { return d }
            }
            guard step(30...180) != nil else { return d }
            pay(&d, d.remainingToPay, day, agent)
            move(.settled)
            if var clause = d.antiSpeculation, rng.chance(5) {
                let sale = clause.startDate.adding(days: rng.int(200...2000))
                if sale <= reference {
                    clause.saleDate = sale
                    clause.repaymentDue = DossierLifecycle.repayment(clause, paid: d.paidAmount, saleDate: sale)
                    d.antiSpeculation = clause
                }
            }
            return d
        }

        mutating func grant(_ d: inout AidDossier, _ day: CalendarDate, _ agent: String) {
            let b = scheme.computeAmount(for: d)
            var amount = b.total
            var reason: String?
            if rng.chance(10), amount.cents >= 200_000 {
                amount = amount.divided(by: 10, roundingTo: 100) * 8
                reason = "Dépenses éligibles revues à la baisse lors de l'instruction."
            }
            if let max = b.maximum { amount = min(amount, max) }
            d.computedAmount = b.total
            d.grant = GrantRecord(date: day, amount: amount, envelopeYear: day.year, computedAmount: b.total, agent: agent,
                                  reason: reason, overspendReason: nil)
            d.coFunding = b.coFunding.map { CoFundingLine(funder: $0.funder ?? "", label: $0.label, amount: $0.amount) }
        }

        mutating func pay(_ d: inout AidDossier, _ amount: Money, _ day: CalendarDate, _ agent: String) {
            guard amount.cents > 0 else { return }
            d.payments.append(Payment(date: day, amount: amount, agent: agent, label: d.payments.isEmpty ? "Acompte" : "Solde"))
            if d.antiSpeculation == nil, let rule = scheme.antiSpeculation {
                let start = rule.startsFrom == .purchase ? (d.facts.purchaseDate ?? day) : day
                d.antiSpeculation = AntiSpeculationClause(startDate: start, endDate: start.adding(years: rule.years), repayment: rule.repayment)
            }
        }

        func close(_ d: inout AidDossier, _ status: DossierStatus, _ day: CalendarDate, _ agent: String, _ reason: String, released: Money? = nil) {
            d.closure = DossierClosure(status: status, date: day, agent: agent, reason: reason, released: released)
        }

        mutating func addDocuments(_ d: inout AidDossier, created: CalendarDate, complete: Bool) {
            for req in scheme.documents {
                let present = complete ? (req.mandatory || rng.chance(50)) : rng.chance(60)
                guard present else { continue }
                let state: SupportingDocument.State = complete ? (rng.chance(70) ? .valid : .received) : rng.pick([.received, .received, .invalid])
                d.documents.append(SupportingDocument(id: req.id, state: state, date: created.adding(days: rng.int(0...5)),
                                                      comment: state == .invalid ? "Document illisible, à redemander." : nil))
            }
        }

        mutating func person(_ role: HouseholdMember.Role, lastName: String, age: ClosedRange<Int>) -> HouseholdMember {
            let birth = CalendarDate(year: reference.year - rng.int(age), month: rng.int(1...12), day: rng.int(1...28))!
            return HouseholdMember(lastName: lastName, firstName: rng.pick(R.firstNames), birthDate: birth, role: role)
        }

        mutating func applicant(_ kind: ApplicantKind) -> Applicant {
            switch kind {
            case .household, .privateOwner:
                let last = rng.pick(R.lastNames)
                var members = [person(.applicant, lastName: last, age: 24...75)]
                if rng.chance(55) { members.append(person(.coApplicant, lastName: rng.chance(70) ? last : rng.pick(R.lastNames), age: 24...75)) }
                for _ in 0..<rng.int(0...3) where rng.chance(50) { members.append(person(.child, lastName: last, age: 0...17)) }
                var income = rng.euros(14_000...62_000)
                if let c = scheme.condition(.pslaIncome), let ceiling = c.pslaCeiling(size: members.count) {
                    income = Money(cents: ceiling.cents * Int64(rng.int(50...95)) / 100)
                }
                return Applicant(kind: kind, household: Household(members: members, yearlyIncome: income, incomeYear: reference.year - 2),
                                 phone: "03 21 " + (0..<3).map { _ in String(rng.int(10...99)) }.joined(separator: " "))
            case .socialLandlord:
                return .organisation(Organisation(name: rng.pick(R.landlords), siret: R.siret(&rng)), kind: kind)
            case .commune:
                let c = rng.pick(R.communes)
                return .organisation(Organisation(name: "Commune de \(c.name)", siret: R.siret(&rng)), kind: kind)
            case .association:
                return .organisation(Organisation(name: rng.pick(R.associations), siret: R.siret(&rng)), kind: kind)
            case .operator:
                return .organisation(Organisation(name: rng.pick(R.operators), siret: R.siret(&rng)), kind: kind)
            }
        }

        mutating func property(_ created: CalendarDate) -> Property {
            let c = rng.pick(R.communes)
            var p = Property(address: "\(rng.int(1...180)) \(rng.pick(R.streets))", postcode: c.postcode, commune: c.name, inseeCode: c.insee)
            switch scheme.amountRule.kind {
            case .averagePerDwelling: p.dwellings = scheme.code == "PRL" ? rng.int(4...30) : rng.int(1...4)
            case .perAdaptedDwelling: p.dwellings = rng.int(6...20); p.adaptedDwellings = rng.int(1...3)
            case .caseByCase where scheme.applicants.contains(.socialLandlord): p.dwellings = rng.int(5...40)
            default: p.dwellings = 1
            }
            if scheme.condition(.pmrAdapted) != nil { p.adaptedDwellings = rng.int(0...max(1, p.dwellings / 5)) }
            if scheme.allCoFunding.contains(where: { $0.basis == .perDwelling }) { p.plaiDwellings = p.dwellings }
            if scheme.code == "PRL" { p.buildYear = nil } else { p.buildYear = rng.int(1880...1989) }
            if scheme.condition(.longVacancy) != nil || scheme.allCoFunding.contains(where: { $0.basis == .perDwelling }) {
                p.vacantSince = created.adding(months: -rng.int(25...120))
            }
            return p
        }

        mutating func facts(_ created: CalendarDate) -> DossierFacts {
            var f = DossierFacts()
            if let c = scheme.condition(.minimumWorks) { f.worksAmount = c.amount! + rng.euros(0...50_000) }
            else if scheme.applicants.contains(.privateOwner) { f.worksAmount = rng.euros(3_000...45_000) }
            if scheme.condition(.communeCoFunding) != nil { f.communeCoFunding = rng.euros(1_000...3_000, step: 100) }
            if scheme.antiSpeculation?.startsFrom == .purchase { f.purchaseDate = created.adding(days: -rng.int(0...120)) }
            if scheme.condition(.presentedToEPCI) != nil { f.epciPresentationDate = created.adding(days: -rng.int(30...300)) }
            return f
        }

        mutating func requested(_ d: AidDossier) -> Money? {
            let rule = scheme.amountRule
            switch rule.kind {
            case .caseByCase, .programmeRules:
                let cap = rule.cap.map { Int($0.cents / 100) } ?? 15_000
                return rng.euros(max(500, cap / 20)...max(1_000, cap / 2), step: 50)
            case .averagePerDwelling where rng.chance(30):
                let perDwelling = Int((rule.amount ?? .zero).cents / 100)...Int((rule.cap ?? rule.amount ?? .zero).cents / 100)
                return rng.euros(perDwelling, step: 100) * d.property.dwellings
            default:
                return nil
            }
        }
    }
}
