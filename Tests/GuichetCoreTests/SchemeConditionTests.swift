import XCTest
import GuichetCore

/// Each condition at its boundary; limits are read from the file. Conditions whose figure the PLH
/// does not give are the agent's checks until the service fixes a value by local decision: the
/// boundaries are then tested on the scheme with that decision recorded.
final class SchemeConditionTests: XCTestCase {
    func evaluate(_ d: AidDossier, scheme: AidScheme? = nil) -> EligibilityResult {
        EligibilityCheck.evaluate(d, scheme: scheme ?? Fixtures.scheme(d.schemeCode), on: Fixtures.today)
    }
    /// Conditions that block or warn, the agent's checks left aside.
    func unmet(_ d: AidDossier, scheme: AidScheme? = nil) -> [String] {
        evaluate(d, scheme: scheme).rules.filter { $0.state == .unmet }.map(\.id)
    }

    /// The scheme once the service has fixed the figure of `kind` by a deliberation.
    func decided(_ code: String, _ kind: SchemeCondition.Kind) -> AidScheme {
        var s = Fixtures.scheme(code)
        let i = s.conditions.firstIndex { $0.knownKind == kind }!
        s.conditions[i].thresholdSource = .localDecision("Délibération du conseil communautaire n° 2026-041", on: CalendarDate(year: 2026, month: 3, day: 12)!)
        return s
    }

    func testFixtureDossiersAreEligible() {
        for s in Fixtures.catalog.schemes {
            let r = evaluate(Fixtures.dossier(s.code))
            XCTAssertTrue(r.isEligible, "\(s.code): \(r.unmet.map(\.message))")
            XCTAssertEqual(r.blocking, [], s.code)
            // What is left is exactly the agent's checks of the scheme, never blocking.
            let agentChecks = s.conditions.filter { !$0.isCheckedByProduct && $0.applicantStatus == nil }.map(\.conditionID)
            XCTAssertEqual(r.toCheck.map(\.id), agentChecks, s.code)
        }
    }

    func testEveryRuleNamesItsSource() {
        let r = evaluate(Fixtures.dossier("ACC"))
        let rules = Dictionary(uniqueKeysWithValues: r.rules.map { ($0.id, $0) })
        XCTAssertEqual(rules["communeCoFunding"]?.source?.kind, .plh)
        XCTAssertEqual(rules["communeCoFunding"]?.sourceLabel, "PLH, action 4")
        XCTAssertEqual(rules["builtBefore"]?.sourceLabel, "PLH, action 4 ; seuil : valeur par défaut à confirmer")
        XCTAssertEqual(rules["applicant"]?.sourceLabel, "définition du dispositif")
        XCTAssertEqual(r.breakdown.lines.first?.source?.kind, .plh)
    }

    /// Done when: an ACC dossier with no locally fixed age threshold is not blocked, and its
    /// panel says the check is the agent's.
    func testAgeOfTheHomeIsTheAgentsCheckUntilTheServiceFixesIt() throws {
        let indication = try XCTUnwrap(Fixtures.scheme("ACC").condition(.builtBefore)?.date)
        var d = Fixtures.dossier("ACC")
        d.property.builtOn = indication.adding(years: 10)   // far more recent than the indication
        let r = evaluate(d)
        XCTAssertTrue(r.isEligible, "no figure of the product blocks a dossier")
        let rule = try XCTUnwrap(r.rules.first { $0.id == "builtBefore" })
        XCTAssertEqual(rule.state, .toCheck)
        XCTAssertTrue(rule.checkedByAgent)
        XCTAssertFalse(rule.blocking && rule.state == .unmet)
        XCTAssertTrue(rule.message!.hasPrefix("À vérifier par l'agent : Ancienneté du bien"), rule.message!)
        XCTAssertTrue(rule.message!.contains("valeur par défaut à confirmer"), rule.message!)
        XCTAssertFalse(r.unmet.first { $0.condition == "builtBefore" }!.mandatory)
        // The agent's finding decides: met, then not met (which blocks, with the note).
        d.record(check: RecordedCheck(condition: "builtBefore", met: true, note: "Acte de 1962", date: Fixtures.today, agent: "a"))
        XCTAssertEqual(evaluate(d).rules.first { $0.id == "builtBefore" }?.state, .met)
        d.record(check: RecordedCheck(condition: "builtBefore", met: false, note: "Construit en 2015", date: Fixtures.today, agent: "a"))
        let refused = evaluate(d)
        XCTAssertFalse(refused.isEligible)
        XCTAssertEqual(refused.blocking.map(\.message), ["Condition jugée non remplie par l'agent : Construit en 2015."])
        XCTAssertEqual(d.checks?.count, 1, "a new finding replaces the previous one")
    }

    func testBuildDateLimitOnceFixedByLocalDecision() {
        let s = decided("ACC", .builtBefore)
        XCTAssertTrue(s.condition(.builtBefore)!.isCheckedByProduct)
        let limit = s.condition(.builtBefore)!.date!
        var d = Fixtures.dossier("ACC")
        d.property.builtOn = limit.adding(days: -1)
        XCTAssertEqual(unmet(d, scheme: s), [])
        d.property.builtOn = limit
        XCTAssertEqual(unmet(d, scheme: s), ["builtBefore"])
        XCTAssertEqual(evaluate(d, scheme: s).blocking.first?.message, "Le logement doit avoir été construit avant le \(limit) ; il a été construit le \(limit).")
        XCTAssertEqual(evaluate(d, scheme: s).rules.first { $0.id == "builtBefore" }?.sourceLabel,
                       "PLH, action 4 ; seuil : décision locale : Délibération du conseil communautaire n° 2026-041 du 12/03/2026")
        d.property.builtOn = nil
        d.property.buildYear = limit.year - 1
        XCTAssertEqual(unmet(d, scheme: s), [])
        d.property.buildYear = limit.year
        XCTAssertEqual(unmet(d, scheme: s), ["builtBefore"])
        d.property.buildYear = nil
        XCTAssertTrue(evaluate(d, scheme: s).blocking.first?.message.contains("n'est pas renseignée") ?? false)
    }

    func testMinimumWorksOnceFixedByLocalDecision() {
        let s = decided("ACC", .minimumWorks)
        let min = s.condition(.minimumWorks)!.amount!
        var d = Fixtures.dossier("ACC")
        d.facts.worksAmount = min
        XCTAssertEqual(unmet(d, scheme: s), [])
        d.facts.worksAmount = min - Money(cents: 1)
        XCTAssertEqual(unmet(d, scheme: s), ["minimumWorks"])
        XCTAssertEqual(evaluate(d, scheme: s).blocking.first?.message,
                       "Les travaux doivent atteindre au moins \(FrenchFormat.money(min)) TTC ; le devis s'élève à \(FrenchFormat.money(min - Money(cents: 1))).")
        // Without the decision, the same works amount does not block.
        XCTAssertTrue(evaluate(d).isEligible)
    }

    func testOperationSizeFiveVersusSix() {
        let k = Fixtures.scheme("BSE").condition(.operationSizeAbove)!.count!
        var d = Fixtures.dossier("BSE")
        d.property.dwellings = k
        d.property.adaptedDwellings = 1
        XCTAssertEqual(unmet(d), ["operationSizeAbove"])
        XCTAssertEqual(evaluate(d).unmet.first?.message, "L'opération doit compter plus de \(k) logements ; elle en compte \(k).")
        d.property.dwellings = k + 1
        XCTAssertEqual(unmet(d), [])
    }

    func testAdaptedDwellingRequiredAboveFive() {
        let c = Fixtures.scheme("BSE").condition(.adaptedWhenAbove)!
        var d = Fixtures.dossier("BSE")
        d.property.adaptedDwellings = 0
        d.property.dwellings = c.count!          // 5 dwellings: the condition does not apply
        XCTAssertFalse(unmet(d).contains("adaptedWhenAbove"))
        d.property.dwellings = c.count! + 1      // 6 dwellings without an adapted one
        XCTAssertEqual(unmet(d), ["adaptedWhenAbove"])
        d.property.adaptedDwellings = c.minimum!
        XCTAssertEqual(unmet(d), [])
    }


    func testCommuneCoFundingRequired() {
        var d = Fixtures.dossier("ACC")
        d.facts.communeCoFunding = .zero
        XCTAssertEqual(unmet(d), ["communeCoFunding"])
        d.facts.communeCoFunding = nil
        XCTAssertEqual(unmet(d), ["communeCoFunding"])
        XCTAssertFalse(evaluate(d).isEligible)
    }

    func testPresentationToTheEPCIBeforeTheApplication() {
        var d = Fixtures.dossier("PRL")
        d.receivedOn = Fixtures.today
        d.facts.epciPresentationDate = Fixtures.today
        XCTAssertEqual(unmet(d), [])
        d.facts.epciPresentationDate = Fixtures.today.adding(days: 1)
        XCTAssertEqual(unmet(d), ["presentedToEPCI"])
        d.facts.epciPresentationDate = nil
        XCTAssertEqual(unmet(d), ["presentedToEPCI"])
    }

    func testPMRAdaptedIsAWarningNotABlock() {
        var d = Fixtures.dossier("PRL")
        d.property.adaptedDwellings = 0
        let r = evaluate(d)
        XCTAssertTrue(r.isEligible)
        XCTAssertEqual(r.warnings.map(\.condition), ["pmrAdapted"])
    }

    func testPSLAIncomeCeiling() {
        let c = Fixtures.scheme("ARC").condition(.pslaIncome)!
        for size in [1, 2, 4, c.ceilings!.count + 1] {
            let ceiling = c.pslaCeiling(size: size)!
            var d = Fixtures.dossier("ARC")
            d.applicant = Fixtures.household(size: size, income: ceiling)
            XCTAssertEqual(unmet(d), [], "size \(size)")
            d.applicant.household!.yearlyIncome = ceiling + Money(cents: 1)
            XCTAssertEqual(unmet(d), ["pslaIncome"], "size \(size)")
        }
    }

    func testLongVacancy() {
        // "Logements vacants de longue durée": the PLH gives no duration; the 24 months are an indication.
        var d = Fixtures.dossier("PSV")
        d.property.vacantSince = Fixtures.today.adding(months: -3)
        XCTAssertTrue(evaluate(d).isEligible)
        XCTAssertEqual(evaluate(d).toCheck.map(\.id), ["longVacancy"])
        let s = decided("PSV", .longVacancy)
        let months = s.condition(.longVacancy)!.count!
        d.property.vacantSince = Fixtures.today.adding(months: -months)
        XCTAssertEqual(unmet(d, scheme: s), [])
        d.property.vacantSince = Fixtures.today.adding(months: -months).adding(days: 1)
        XCTAssertEqual(unmet(d, scheme: s), ["longVacancy"])
    }

    /// « pour les opérations de plus de 5 logements de propriétaires bailleurs, conditionner
    /// l'octroi des aides de la CAPSO (cf. action n°3) à la réalisation d'un logement adapté ».
    func testAdaptedDwellingConditionOfAction3AidsConcernsLandlordsAboveFive() throws {
        for code in ["PIG", "PSS", "LHI"] {
            let c = try XCTUnwrap(Fixtures.scheme(code).condition(.adaptedWhenAbove), code)
            XCTAssertEqual(c.applicantStatus, .landlord, code)
            XCTAssertEqual(c.source?.action, 11, code)
            var d = Fixtures.dossier(code, dwellings: c.count! + 1)
            d.property.adaptedDwellings = 0
            d.applicant.ownerStatus = .landlord
            XCTAssertEqual(unmet(d), ["adaptedWhenAbove"], code)
            XCTAssertFalse(evaluate(d).isEligible, code)
            d.property.adaptedDwellings = c.minimum!
            XCTAssertEqual(unmet(d), [], code)
            d.property.adaptedDwellings = 0
            d.applicant.ownerStatus = .occupant
            XCTAssertEqual(evaluate(d).rules.first { $0.id == "adaptedWhenAbove" }?.state, .notApplicable, code)
            XCTAssertTrue(evaluate(d).isEligible, code)
            // Not said: asked before a grant, only when the operation is large enough for it to matter.
            d.applicant.ownerStatus = nil
            XCTAssertEqual(unmet(d), ["adaptedWhenAbove"], code)
            XCTAssertTrue(evaluate(d).blocking.first!.message.hasPrefix("Préciser si le demandeur est propriétaire occupant ou bailleur"), code)
            d.property.dwellings = c.count!
            XCTAssertEqual(evaluate(d).rules.first { $0.id == "adaptedWhenAbove" }?.state, .notApplicable, code)
        }
        // A commune applying for LHI: not a private owner, the condition does not concern it.
        var commune = Fixtures.dossier("LHI", dwellings: 8)
        commune.applicant = Fixtures.organisation(.commune)
        commune.property.adaptedDwellings = 0
        XCTAssertEqual(evaluate(commune).rules.first { $0.id == "adaptedWhenAbove" }?.state, .notApplicable)
    }

    func testOwnerStatusOnlyForPrivateOwners() {
        var d = Fixtures.dossier("ACC")
        d.applicant.ownerStatus = .landlord
        XCTAssertEqual(d.validate().map(\.field), ["applicant.ownerStatus"])
        XCTAssertEqual(OwnerStatus(parsing: "PB"), .landlord)
        XCTAssertEqual(OwnerStatus(parsing: "propriétaire occupant"), .occupant)
        XCTAssertNil(OwnerStatus(parsing: "locataire"))
    }

    func testApplicantKindAndAction() {
        var d = Fixtures.dossier("PLV")
        d.applicant = Fixtures.household()
        d.plhAction = 4
        XCTAssertEqual(Set(unmet(d)), ["applicant", "plhAction"])
        XCTAssertTrue(evaluate(d).unmet.first?.message.contains("Bailleur social") ?? false)
    }

    func testGrantDecisionCapAndReason() throws {
        let cap = Fixtures.scheme("PLV").amountRule.cap!
        let b = Fixtures.scheme("PLV").computeAmount(for: Fixtures.dossier("PLV", dwellings: 1))
        // The agent may grant up to the cap (12 500 € per dwelling), not one cent more.
        XCTAssertNoThrow(try GrantDecision(amount: cap).check(against: b))
        XCTAssertThrowsError(try GrantDecision(amount: cap + Money(cents: 1)).check(against: b)) { e in
            XCTAssertEqual((e as? ValidationError)?.field, "montantAccorde")
        }
        // Below the computed amount only with a reason.
        XCTAssertThrowsError(try GrantDecision(amount: b.total - Money(cents: 1)).check(against: b)) { e in
            XCTAssertEqual((e as? ValidationError)?.field, "motif")
        }
        XCTAssertNoThrow(try GrantDecision(amount: b.total - Money(cents: 1), reason: "Travaux éligibles réduits").check(against: b))
        XCTAssertThrowsError(try GrantDecision(amount: .zero, reason: "x").check(against: b))
    }
}
