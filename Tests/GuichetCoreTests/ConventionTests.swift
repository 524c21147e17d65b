import Foundation
import XCTest
@testable import GuichetCore

final class ConventionTests: XCTestCase {
    private func seed() throws -> AllocationResults {
        try AllocationResults.decode(ImportTestFiles.territoryFile("cia-results-2020-2023.json"))
    }

    private func seedReview() throws -> [ReviewLine] {
        let objectives = try XCTUnwrap(ImportTestFiles.profile().allocationObjectives)
        return ConventionReview.review(try seed().conventions(objectives: objectives))
    }

    func testEverySourceSpellingOfTheResultsResolvesToItsLandlord() throws {
        let s = try seed()
        XCTAssertEqual(s.unresolvedNames(in: try ImportTestFiles.profile().directory), [])
        XCTAssertEqual(s.landlords.count, 10, "ten landlords in the brief's results table")
    }

    func testPriorityHouseholdReviewAgainstTheTwentyFivePercentObjective() throws {
        let lines = try seedReview()
        func line(_ id: String, _ year: Int, _ indicator: ReviewLine.Indicator) -> ReviewLine? {
            lines.first { $0.landlordId == id && $0.year == year && $0.indicator == indicator }
        }
        let hhdf = try XCTUnwrap(line("habitat-hauts-de-france", 2020, .allocationPriority))
        XCTAssertEqual(hhdf.objective, 2_500)
        XCTAssertEqual(hhdf.result, 1_913)
        XCTAssertEqual(hhdf.gap, -587)
        XCTAssertTrue(hhdf.missed)
        XCTAssertEqual(hhdf.resultSource, .entered)
        let notreLogis = try XCTUnwrap(line("3f-notre-logis", 2022, .allocationPriorityExcludingTransfers))
        XCTAssertEqual(notreLogis.gap, 7_500)
        XCTAssertFalse(notreLogis.missed)
        // 2023, excluding transfers: the four landlords under 25 % in the brief's table.
        let missed2023 = Set(lines.filter { $0.year == 2023 && $0.indicator == .allocationPriorityExcludingTransfers && $0.missed }.map(\.landlordId))
        XCTAssertEqual(missed2023, ["pas-de-calais-habitat", "flandre-opale-habitat", "sia-habitat", "vilogia-logifim"])
        // Outside QPV, 1st quartile, 2023: Pas-de-Calais Habitat misses by 0,56 point, ICF exceeds.
        XCTAssertEqual(line("pas-de-calais-habitat", 2023, .allocationOutsideQPVFirstQuartile)?.gap, -56)
        XCTAssertEqual(line("icf-nord-est", 2023, .allocationOutsideQPVFirstQuartile)?.missed, false)
        // No result published for the QPV objective: shown, not counted as missed.
        let qpv = try XCTUnwrap(line("sigh", 2021, .allocationInQPVAboveFirstQuartile))
        XCTAssertFalse(qpv.hasResult)
        XCTAssertFalse(qpv.missed)
        XCTAssertEqual(qpv.resultSource, ReviewLine.ResultSource.none)
    }

    func testAgglomerationFiguresAreRecomputedAndTheOddOneFlagged() throws {
        let agg = try seed().agglomeration
        let r2020 = try XCTUnwrap(agg.priorityRehousing.first { $0.year == 2020 })
        XCTAssertEqual(r2020.computedShare, r2020.publishedShare, "555 / 2 267 = 24,48 %")
        // State contingent as a share of the yearly objective: 45,75 %, 57,59 %, 68,88 %, 80,57 %.
        for s in agg.stateContingent {
            XCTAssertEqual(agg.stateShareOfObjective(s.year), s.publishedShareOfObjective, "\(s.year)")
        }
        // 563 / 2 469 is 22,80 %, as the headline table prints; the table by landlord prints
        // 22,83 %: flagged, not corrected.
        let flagged = agg.inconsistencies
        XCTAssertEqual(flagged.map(\.year), [2021, 2023])
        XCTAssertEqual(flagged.first?.message,
                       "Relogement des publics prioritaires 2021 : 563 / 2\u{202F}469 = 22,80\u{00A0}%, publié 22,83\u{00A0}% "
                       + "dans le tableau par bailleur, 22,80\u{00A0}% dans le tableau de synthèse")
        XCTAssertEqual(agg.priorityRehousing.first { $0.year == 2021 }?.publishedShare, Percentage(basisPoints: 2_283))
        // The 2023 change of priority households is printed +15,74 %: 456 against the State
        // contingent's 394 of 2022, not against the 496 households of the same column.
        XCTAssertEqual(flagged.last?.message,
                       "Évolution 2023 (hors mutations) des attributions au public prioritaire : publiée +15,74\u{00A0}%, "
                       + "456 / 496 donne -8,06\u{00A0}% ; le chiffre publié est l'évolution par rapport au contingent État 2022 (456 / 394)")
        // Every other printed change is what its counts give (−12,03 % … −12,12 %).
        XCTAssertEqual(agg.yearOnYearChanges?.count, 4)
    }

    func testProductionAndRehabilitationResultsDerivedFromProgrammes() throws {
        func built(_ year: Int, plus: Int, plai: Int, landlord: String? = "sia-habitat") -> ConstructionProgramme {
            ConstructionProgramme(commune: "A", name: "P", landlordId: landlord, landlordName: "SIA", financingYear: .known(year),
                                  plus: .known(plus), plai: .known(plai), pls: .blank)
        }
        let rehab = RehabilitationProgramme(commune: "A", name: "R", landlordId: "sia-habitat", landlordName: "SIA",
                                            financingYear: .known(2022), dwellings: .known(40))
        let unknownRehab = RehabilitationProgramme(commune: "B", name: "R2", landlordId: "sia-habitat", landlordName: "SIA",
                                                   financingYear: .known(2022), dwellings: SourceValue(value: nil, raw: "?", doubtful: true))
        let convention = Convention(
            landlordId: "sia-habitat", signedOn: CalendarDate(year: 2023, month: 3, day: 1),
            objectives: [ConventionYear(year: 2022, production: ProductionFigures(plus: 20, plai: 10, pls: 5),
                                        rehabilitationDwellings: 50, sales: 4)],
            results: [ConventionYear(year: 2022, sales: 5)])
        let lines = ConventionReview.review([convention],
                                            construction: [built(2022, plus: 14, plai: 7), built(2022, plus: 8, plai: 4),
                                                           built(2021, plus: 99, plai: 99), built(2022, plus: 50, plai: 50, landlord: "other")],
                                            rehabilitation: [rehab, unknownRehab])
        let byIndicator = Dictionary(uniqueKeysWithValues: lines.map { ($0.indicator, $0) })
        XCTAssertEqual(byIndicator[.productionPLUS]?.result, 22)
        XCTAssertEqual(byIndicator[.productionPLUS]?.resultSource, .derivedFromProgrammes)
        XCTAssertEqual(byIndicator[.productionPLUS]?.missed, false)
        XCTAssertEqual(byIndicator[.productionPLAI]?.gap, 1)
        // Blank PLS everywhere: no result, not 0.
        XCTAssertNil(byIndicator[.productionPLS]?.result)
        XCTAssertEqual(byIndicator[.rehabilitation]?.result, 40)
        XCTAssertEqual(byIndicator[.rehabilitation]?.missed, true)
        XCTAssertEqual(byIndicator[.sales]?.resultSource, .entered)
        XCTAssertEqual(byIndicator[.sales]?.gap, 1)
        XCTAssertEqual(lines.count, 5)
    }

    func testEnteredResultsWinOverProgrammes() {
        let convention = Convention(landlordId: "x", objectives: [ConventionYear(year: 2023, production: ProductionFigures(plus: 10))],
                                    results: [ConventionYear(year: 2023, production: ProductionFigures(plus: 3))])
        let p = ConstructionProgramme(commune: "A", name: "P", landlordId: "x", landlordName: "X", financingYear: .known(2023), plus: .known(12))
        let line = ConventionReview.review([convention], construction: [p]).first
        XCTAssertEqual(line?.result, 3)
        XCTAssertEqual(line?.resultSource, .entered)
        XCTAssertEqual(line?.missed, true)
    }

    func testTotalsThatDoNotAddUpAreFlagged() {
        let c = Convention(landlordId: "x",
                           objectives: [ConventionYear(year: 2024, production: ProductionFigures(plus: 10, plai: 5, pls: 0, total: 15))],
                           results: [ConventionYear(year: 2024, production: ProductionFigures(plus: 8, plai: 4, pls: 1, total: 12))])
        let flagged = ConventionReview.inconsistencies([c])
        XCTAssertEqual(flagged.map(\.message), ["Production (résultat 2024) : total indiqué 12 différent de PLUS + PLAI + PLS = 13"])
        // Kept as given.
        XCTAssertEqual(c.results[0].production?.total, 12)
    }

    /// The CIA table's own total row: 19,998 + 11,707 is not the printed 31,850 (brief §6.2).
    func testThePublishedTotalRowIsComparedWithTheLandlordsRows() throws {
        let profile = try ImportTestFiles.profile()
        let flagged = ConventionReview.inconsistencies([], landlords: profile.landlords, publishedTotals: profile.publishedTotals)
        let sums = [\LandlordStock.outsideQPV, \.inQPV].map { path in profile.landlords.compactMap { $0.stock?[keyPath: path] }.reduce(0, +) }
        XCTAssertEqual(sums, [19_998, 11_707], "the landlords' rows add up to the printed columns")
        XCTAssertEqual(flagged.filter { $0.landlordId == nil }.map(\.message),
                       ["Ligne total : patrimoine incohérent dans la source : 19\u{202F}998 hors QPV + 11\u{202F}707 en QPV = 31\u{202F}705, total indiqué 31\u{202F}850"])
        XCTAssertEqual(flagged.filter { $0.landlordId != nil }.map(\.landlordId), ["habitat-logement-immobilier"])
        XCTAssertFalse(ConventionReview.inconsistencies([], landlords: profile.landlords).contains { $0.landlordId == nil })
    }

    func testMeetingsRoundTripThroughJSON() throws {
        let c = Convention(landlordId: "maisons-et-cites", meetings: [
            ReviewMeeting(date: CalendarDate(year: 2025, month: 6, day: 12)!, kind: .bilateral,
                          notes: "Retard sur les PLAI adaptés", decisions: ["Programmer 3 PLAI adaptés en 2026"]),
            ReviewMeeting(date: CalendarDate(year: 2025, month: 7, day: 3)!, kind: .collective),
        ])
        let data = try JSONEncoder().encode(c)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"2025-06-12\""))
        XCTAssertEqual(try JSONDecoder().decode(Convention.self, from: data), c)
        XCTAssertEqual(ReviewMeeting.Kind.semester.label, "bilan semestriel")
    }
}
