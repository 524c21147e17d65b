import XCTest
import GuichetCore

/// Each condition at its boundary; limits are read from the file.
final class SchemeConditionTests: XCTestCase {
    func evaluate(_ d: AidDossier) -> EligibilityResult {
        EligibilityCheck.evaluate(d, scheme: Fixtures.scheme(d.schemeCode), on: Fixtures.today)
    }
    func unmet(_ d: AidDossier) -> [String] { evaluate(d).unmet.map(\.condition) }

    func testFixtureDossiersAreEligible() {
        for s in Fixtures.catalog.schemes {
            let r = evaluate(Fixtures.dossier(s.code))
            XCTAssertTrue(r.isEligible, "\(s.code): \(r.unmet.map(\.message))")
            XCTAssertEqual(r.unmet, [], s.code)
        }
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

    func testBuildDateLimit() {
        let limit = Fixtures.scheme("ACC").condition(.builtBefore)!.date!
        var d = Fixtures.dossier("ACC")
        d.property.builtOn = limit.adding(days: -1)
        XCTAssertEqual(unmet(d), [])
        d.property.builtOn = limit
        XCTAssertEqual(unmet(d), ["builtBefore"])
        XCTAssertEqual(evaluate(d).unmet.first?.message, "Le logement doit avoir été construit avant le \(limit) ; il a été construit le \(limit).")
        d.property.builtOn = nil
        d.property.buildYear = limit.year - 1
        XCTAssertEqual(unmet(d), [])
        d.property.buildYear = limit.year
        XCTAssertEqual(unmet(d), ["builtBefore"])
        d.property.buildYear = nil
        XCTAssertTrue(evaluate(d).unmet.first?.message.contains("n'est pas renseignée") ?? false)
    }

    func testMinimumWorks() {
        let min = Fixtures.scheme("ACC").condition(.minimumWorks)!.amount!
        var d = Fixtures.dossier("ACC")
        d.facts.worksAmount = min
        XCTAssertEqual(unmet(d), [])
        d.facts.worksAmount = min - Money(cents: 1)
        XCTAssertEqual(unmet(d), ["minimumWorks"])
        XCTAssertEqual(evaluate(d).unmet.first?.message,
                       "Les travaux doivent atteindre au moins \(FrenchFormat.money(min)) TTC ; le devis s'élève à \(FrenchFormat.money(min - Money(cents: 1))).")
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
        let months = Fixtures.scheme("PSV").condition(.longVacancy)!.count!
        var d = Fixtures.dossier("PSV")
        d.property.vacantSince = Fixtures.today.adding(months: -months)
        XCTAssertEqual(unmet(d), [])
        d.property.vacantSince = Fixtures.today.adding(months: -months).adding(days: 1)
        XCTAssertEqual(unmet(d), ["longVacancy"])
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
