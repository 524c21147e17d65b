import XCTest
@testable import GuichetCore

final class CotationEngineTests: XCTestCase {
    var grid: CotationGrid!
    override func setUpWithError() throws { grid = try CotationFixture.grid() }

    func score(_ r: SocialHousingRequest, on date: CalendarDate = neutralDate) -> CotationResult {
        CotationEngine.score(r, grid: grid, on: date)
    }

    func testNeutralRequestScoresZeroWithOneLinePerCriterion() {
        let result = score(neutralRequest())
        XCTAssertEqual(result.total, 0, result.lines.filter { $0.points > 0 }.map(\.id).joined(separator: ","))
        XCTAssertEqual(result.lines.map(\.id), grid.criteria.map(\.id))
        XCTAssertEqual(result.gridVersion, grid.version)
        XCTAssertEqual(result.computedOn, neutralDate)
        XCTAssertEqual(result.line("dalo")?.explanation, "Situation non déclarée.")
    }

    /// Every declared criterion scores its grid points with a valid document, 0 without one.
    func testEveryDeclaredCriterionCountsOnlyWithAValidDocument() {
        let declared = grid.criteria.filter { $0.basis == .declared }
        XCTAssertEqual(declared.count, 26)
        for criterion in declared {
            var r = requestMeeting(criterion, grid: grid)
            var unclaimed = r
            unclaimed.criteria = []
            let others = score(unclaimed).total   // computed criteria the household's ages may bring
            let ok = score(r)
            XCTAssertEqual(ok.total, others + grid.points(criterion.id), criterion.id)
            XCTAssertEqual(ok.line(criterion.id).map { [$0.applied, $0.supported] }, [true, true], criterion.id)

            for status in [ClaimDocument.Status.missing, .received, .rejected] {
                r.criteria[0].document = ClaimDocument(status: status)
                let line = score(r).line(criterion.id)
                XCTAssertEqual(score(r).total, others, "\(criterion.id) \(status)")
                XCTAssertEqual(line?.points, 0)
                XCTAssertEqual(line?.applied, true)
                XCTAssertEqual(line?.supported, false)
                XCTAssertEqual(line?.explanation.contains(criterion.supportingDocument), true)
            }
        }
    }

    func testExpiredDocumentDoesNotSupport() {
        var r = neutralRequest()
        r.criteria = [CriterionClaim(criterionId: "menace-expulsion",
                                     document: ClaimDocument(status: .valid, validUntil: neutralDate.adding(days: -1)))]
        XCTAssertEqual(score(r).total, 0)
        XCTAssertEqual(score(r).line("menace-expulsion")?.explanation.contains("expiré le 31/08/2024"), true)
        r.criteria[0].document.validUntil = neutralDate
        XCTAssertEqual(score(r).total, grid.points("menace-expulsion"))
    }

    func testClaimsAddUp() {
        var r = neutralRequest()
        r.criteria = ["dalo", "handicap", "cdd-interim"].map { CriterionClaim(criterionId: $0, document: .valid) }
        XCTAssertEqual(score(r).total, grid.points("dalo") + grid.points("handicap") + grid.points("cdd-interim"))
    }

    // MARK: UC

    func testConsumptionUnitsAndAChildTurning14() {
        var r = neutralRequest()
        r.members += [RequestMember(role: .coRequester, birthDate: day("1982-01-01")),
                      RequestMember(role: .child, birthDate: day("2010-09-01"))]
        XCTAssertEqual(score(r, on: day("2024-08-31")).ucTenths, 10 + 5 + 3)
        XCTAssertEqual(score(r, on: day("2024-09-01")).ucTenths, 10 + 5 + 5)
    }

    // MARK: 1st quartile

    /// Household of 1,3 UC (requester + child under 14), computed in 2023.
    func quartileRequest(resourcesCents: Int64) -> SocialHousingRequest {
        var r = neutralRequest()
        r.members.append(RequestMember(role: .child, birthDate: day("2015-06-30")))
        r.annualResources = Money(cents: resourcesCents)
        return r
    }

    func testFirstQuartileBoundaryResourcesEqualToTheThresholdDoNotQualify() throws {
        let date = day("2023-09-01")
        let threshold = try XCTUnwrap(grid.quartileThresholds.first { $0.year == 2023 }).perUc.cents
        XCTAssertEqual(threshold * 13 % 10, 0, "seuil × 1,3 doit tomber sur un centime")
        let atThreshold = threshold * 13 / 10

        let equal = score(quartileRequest(resourcesCents: atThreshold), on: date)
        XCTAssertEqual(equal.incomePerUc?.cents, threshold)
        XCTAssertEqual(equal.line("premier-quartile")?.applied, false)
        XCTAssertEqual(equal.line("premier-quartile")?.points, 0)
        XCTAssertEqual(equal.line("premier-quartile")?.explanation.contains("non inférieures au seuil 2023"), true)

        let under = score(quartileRequest(resourcesCents: atThreshold - 1), on: date)
        XCTAssertEqual(under.line("premier-quartile")?.points, grid.points("premier-quartile"))
        XCTAssertEqual(under.quartileThreshold?.year, 2023)
        XCTAssertEqual(under.quartileThreshold?.perUc.cents, threshold)
    }

    func testYearWithoutThresholdUsesTheLatestEarlierYearAndSaysSo() throws {
        let latest = try XCTUnwrap(grid.quartileThresholds.map(\.year).max())
        XCTAssertEqual(latest, 2023)
        let result = score(quartileRequest(resourcesCents: 100_000), on: day("2025-03-01"))
        XCTAssertEqual(result.quartileThreshold?.year, 2023)
        let line = try XCTUnwrap(result.line("premier-quartile"))
        XCTAssertTrue(line.explanation.hasPrefix("Aucun seuil pour 2025 : seuil 2023 utilisé."), line.explanation)
        XCTAssertEqual(line.points, grid.points("premier-quartile"))

        let sameYear = score(quartileRequest(resourcesCents: 100_000), on: day("2022-03-01"))
        XCTAssertEqual(sameYear.quartileThreshold?.year, 2022)
        XCTAssertFalse(sameYear.line("premier-quartile")!.explanation.contains("Aucun seuil"))
    }

    func testYearBeforeEveryThresholdIsNotEvaluated() {
        let result = score(quartileRequest(resourcesCents: 100_000), on: day("2019-12-31"))
        XCTAssertNil(result.quartileThreshold)
        XCTAssertEqual(result.line("premier-quartile")?.applied, false)
        XCTAssertEqual(result.line("premier-quartile")?.explanation.contains("2019"), true)
    }

    // MARK: ages

    func ageRequest(_ role: RequestMember.Role, born: String) -> SocialHousingRequest {
        var r = neutralRequest()
        if role == .requester { r.members = [RequestMember(role: .requester, birthDate: day(born))] }
        else { r.members.append(RequestMember(role: role, birthDate: day(born))) }
        return r
    }

    func testUnderThirtyStopsOnTheThirtiethBirthday() {
        for role in [RequestMember.Role.requester, .coRequester] {
            let r = ageRequest(role, born: "1994-09-01")
            XCTAssertEqual(score(r, on: day("2024-08-31")).line("jeune-moins-30")?.points, grid.points("jeune-moins-30"), "\(role)")
            XCTAssertEqual(score(r, on: day("2024-09-01")).line("jeune-moins-30")?.points, 0, "\(role)")
        }
        // Another adult of the household does not count.
        XCTAssertEqual(score(ageRequest(.otherAdult, born: "2000-01-01")).line("jeune-moins-30")?.applied, false)
    }

    func testSixtyOrMoreStartsOnTheSixtiethBirthday() {
        for role in [RequestMember.Role.requester, .coRequester] {
            let r = ageRequest(role, born: "1964-09-01")
            XCTAssertEqual(score(r, on: day("2024-08-31")).line("senior-60")?.points, 0, "\(role)")
            let line = score(r, on: day("2024-09-01")).line("senior-60")
            XCTAssertEqual(line?.points, grid.points("senior-60"), "\(role)")
            XCTAssertEqual(line?.supported, true)
        }
        XCTAssertEqual(score(ageRequest(.otherAdult, born: "1950-01-01")).line("senior-60")?.applied, false)
    }

    // MARK: age of the request

    func testRequestAgeCountsOnlyStrictlyBeyondEachStep() throws {
        let steps = grid.requestAgeSteps.sorted { $0.beyondMonths < $1.beyondMonths }
        XCTAssertEqual(steps.map(\.beyondMonths), [18, 36])
        var r = neutralRequest()
        r.requestDate = day("2022-01-10")
        func points(_ date: CalendarDate) -> Int? { score(r, on: date).line("anciennete-demande")?.points }

        let first = r.requestDate.adding(months: steps[0].beyondMonths)
        let second = r.requestDate.adding(months: steps[1].beyondMonths)
        XCTAssertEqual(first, day("2023-07-10"))
        XCTAssertEqual(points(first), 0)
        XCTAssertEqual(points(first.adding(days: 1)), steps[0].points)
        XCTAssertEqual(points(second), steps[0].points)
        XCTAssertEqual(points(second.adding(days: 1)), steps[1].points)
        let scale = try XCTUnwrap(grid.source(of: "requestAgeSteps")).isDefaultToConfirm ? " Barème par défaut du produit, à confirmer." : ""
        XCTAssertEqual(score(r, on: first.adding(days: 1)).line("anciennete-demande")?.explanation,
                       "Demande du 10/01/2022, ancienne de 18 mois et 1 jour le 11/07/2023 : plus de 18 mois." + scale)
        XCTAssertEqual(score(r, on: first.adding(days: 1)).line("anciennete-demande")?.source?.contains("à confirmer"),
                       grid.source(of: "requestAgeSteps")?.isDefaultToConfirm)
        XCTAssertEqual(score(r, on: first).line("anciennete-demande")?.explanation,
                       "Demande du 10/01/2022, ancienne de 18 mois le 10/07/2023 : pas plus de 18 mois.")
    }

    // MARK: resources unsuited to the home

    /// RAV exactly at the threshold does not qualify; one cent of yearly resources less does.
    func testResourcesUnsuitedRAVBoundary() throws {
        let rent: Int64 = 30_000
        let daysPerYear = Int64(12 * HouseholdFigures.daysPerMonth)
        let atRav = grid.ravThresholdPerPersonPerDay.cents * daysPerYear * 1 + 12 * rent
        var r = neutralRequest()
        r.home = CurrentHome(status: .privateTenant, monthlyRent: Money(cents: rent))
        r.annualResources = Money(cents: atRav)
        let at = score(r)
        XCTAssertEqual(at.ravPerPersonPerDay, grid.ravThresholdPerPersonPerDay)
        XCTAssertGreaterThan(try XCTUnwrap(at.tauxEffort), grid.tauxEffortThreshold)
        XCTAssertEqual(at.line("inadequation-ressources")?.points, 0)
        XCTAssertEqual(at.line("inadequation-ressources")?.explanation.hasSuffix("le reste à vivre n'est pas inférieur au seuil."), true)

        r.annualResources = Money(cents: atRav - 1)
        XCTAssertEqual(score(r).line("inadequation-ressources")?.points, grid.points("inadequation-ressources"))
    }

    /// Taux d'effort exactly at the threshold does not qualify; one more cent of rent does.
    func testResourcesUnsuitedTauxEffortBoundary() throws {
        let annual: Int64 = 1_200_000
        let bp = Int64(grid.tauxEffortThreshold.basisPoints)
        XCTAssertEqual(bp * annual % 120_000, 0, "le loyer au seuil doit tomber sur un centime")
        let rentAtThreshold = bp * annual / 120_000
        var r = neutralRequest()
        r.members += [RequestMember(role: .coRequester, birthDate: day("1982-01-01")),
                      RequestMember(role: .child, birthDate: day("2012-01-01")),
                      RequestMember(role: .child, birthDate: day("2014-01-01"))]
        r.annualResources = Money(cents: annual)
        r.home = CurrentHome(status: .privateTenant, monthlyRent: Money(cents: rentAtThreshold - 5_000),
                             monthlyCharges: Money(cents: 7_000), monthlyHousingBenefit: Money(cents: 2_000))
        let at = score(r)
        XCTAssertEqual(at.tauxEffort, grid.tauxEffortThreshold)
        XCTAssertLessThan(try XCTUnwrap(at.ravPerPersonPerDay), grid.ravThresholdPerPersonPerDay)
        XCTAssertEqual(at.line("inadequation-ressources")?.points, 0)

        r.home?.monthlyCharges += Money(cents: 1)
        XCTAssertEqual(score(r).line("inadequation-ressources")?.points, grid.points("inadequation-ressources"))
    }

    func testResourcesUnsuitedWithoutHomeOrWithoutResources() {
        var r = neutralRequest()
        r.home = nil
        XCTAssertEqual(score(r).line("inadequation-ressources")?.applied, false)
        XCTAssertNil(score(r).ravPerPersonPerDay)
        r.home = CurrentHome(status: .privateTenant, monthlyRent: Money(euros: 300))
        r.annualResources = .zero
        XCTAssertNil(score(r).tauxEffort)
        XCTAssertEqual(score(r).line("inadequation-ressources")?.points, grid.points("inadequation-ressources"))
    }

    // MARK: CAL

    func testCalRunnerUpNeedsTwoProposalsAtRankTwoOrThreeUpToTheDate() {
        var r = neutralRequest()
        r.requestDate = day("2022-01-10")
        r.calProposals = [CalProposal(date: day("2023-03-01"), landlord: "SIA Habitat", rank: 2),
                          CalProposal(date: day("2023-06-01"), rank: 1)]
        XCTAssertEqual(score(r).line("cal-rang-2-3")?.points, 0)
        r.calProposals.append(CalProposal(date: neutralDate.adding(days: 1), rank: 3))
        XCTAssertEqual(score(r).line("cal-rang-2-3")?.points, 0, "a later proposal does not count yet")
        XCTAssertEqual(score(r, on: neutralDate.adding(days: 1)).line("cal-rang-2-3")?.points, grid.points("cal-rang-2-3"))
    }

    // MARK: priority households

    /// A category no fact can show counts when ticked; one facts should show does not count on a
    /// tick alone, and the result says why.
    func testDeclaredOnlyCategoriesCountWhenTickedDerivedOnesNeedTheirFacts() throws {
        var r = neutralRequest()
        XCTAssertFalse(score(r).isPriorityHousehold)
        XCTAssertEqual(score(r).priority, [])
        r.priorityCategories = ["pas-une-categorie"]
        XCTAssertFalse(score(r).isPriorityHousehold)
        let declaredOnly = try XCTUnwrap(grid.priorityCategories.first(where: \.isDeclaredOnly))
        r.priorityCategories = [declaredOnly.id]
        XCTAssertEqual(score(r).priority.map { [$0.id, $0.basis.rawValue] }, [[declaredOnly.id, "declared"]])
        XCTAssertTrue(score(r).isPriorityHousehold)
        r.priorityCategories = ["travailleur-essentiel"]
        XCTAssertFalse(score(r).isPriorityHousehold)
        let finding = try XCTUnwrap(score(r).priority.first)
        XCTAssertEqual(finding.established, false)
        XCTAssertTrue(finding.reason.hasPrefix("cochée, mais non établie"), finding.reason)
    }
}
