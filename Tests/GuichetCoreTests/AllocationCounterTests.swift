import Foundation
import XCTest
@testable import GuichetCore

/// The obligations counted on hand-made registers: boundaries of the 1st quartile, transfers by
/// year, unknown facts reported and never guessed, the gap in allocations.
final class AllocationCounterTests: XCTestCase {
    static let threshold2022 = Money(cents: 766_200)

    func counter(_ rules: AllocationRules = .defaults) -> AllocationCounter {
        AllocationCounter(rules: rules,
                          thresholds: [QuartileThreshold(year: 2021, perUc: Money(cents: 742_300)),
                                       QuartileThreshold(year: 2022, perUc: Self.threshold2022)],
                          objectives: AllocationObjectives(priorityHouseholds: Percentage(percent: 25),
                                                           outsideQPVFirstQuartile: Percentage(percent: 25),
                                                           inQPVAboveFirstQuartile: Percentage(percent: 50)),
                          holderObjectives: [.state: Percentage(percent: 100), .commune: Percentage(percent: 25)])
    }

    func allocation(_ year: Int = 2022, inQPV: Bool? = false, resources: Money? = nil, quartile: Int? = nil,
                    priority: Bool? = false, transfer: Bool? = false, anru: Bool = false,
                    holder: ReservationHolder? = nil) -> Allocation {
        Allocation(leaseDate: CalendarDate(year: year, month: 6, day: 15), landlordId: "sia-habitat", landlordName: "SIA",
                   reservationHolder: holder, commune: "Béthune", inQPV: inQPV, resourcesPerUC: resources, quartile: quartile,
                   priority: priority, transfer: transfer, anruRehousing: anru)
    }

    func figure(_ rows: [Allocation], _ o: AllocationObligation, _ t: TransferCounting = .included,
                year: Int = 2022, rules: AllocationRules = .defaults) -> ObligationFigure {
        counter(rules).indicators(rows, year: year, scope: .agglomeration).figure(o, t)!
    }

    func testResourcesEqualToTheThresholdAreInTheFirstQuartileOneCentAboveAreNot() {
        let at = allocation(resources: Self.threshold2022)
        let above = allocation(resources: Self.threshold2022 + Money(cents: 1))
        let outside = figure([at, above], .outsideQPVFirstQuartile)
        XCTAssertEqual(outside.numerator, 1, "the household at the threshold counts, the one a cent above does not")
        XCTAssertEqual(outside.denominator, 2)
        XCTAssertEqual(outside.share, Percentage(percent: 50))
        XCTAssertTrue(counter().isFirstQuartile(at, threshold: counter().threshold(for: 2022))!)
        XCTAssertFalse(counter().isFirstQuartile(above, threshold: counter().threshold(for: 2022))!)
        // In QPV the same two households: only the one a cent above is "above the 1st quartile".
        let inQPV = figure([allocation(inQPV: true, resources: Self.threshold2022),
                            allocation(inQPV: true, resources: Self.threshold2022 + Money(cents: 1))], .inQPVAboveFirstQuartile)
        XCTAssertEqual(inQPV.numerator, 1)
        XCTAssertEqual(inQPV.denominator, 2)
    }

    func testAStrictBoundaryInTheProfileLeavesTheThresholdOut() {
        var strict = AllocationRules.defaults
        strict.firstQuartileBoundary = Sourced(.below, source: ParameterSource(kind: .localDecision, text: "délibération"))
        let rows = [allocation(resources: Self.threshold2022), allocation(resources: Self.threshold2022 - Money(cents: 1))]
        XCTAssertEqual(figure(rows, .outsideQPVFirstQuartile, rules: strict).numerator, 1)
        XCTAssertEqual(figure(rows, .outsideQPVFirstQuartile).numerator, 2)
    }

    func testTheThresholdOfTheLeaseYearApplies() {
        // 7 500 € per UC: above 2021's 7 423 €, under 2022's 7 662 €.
        let resources = Money(euros: 7_500)
        XCTAssertEqual(figure([allocation(2021, resources: resources)], .outsideQPVFirstQuartile, year: 2021).numerator, 0)
        XCTAssertEqual(figure([allocation(2022, resources: resources)], .outsideQPVFirstQuartile, year: 2022).numerator, 1)
        // No threshold for 2023: the latest earlier one is used, and said.
        let i = counter().indicators([allocation(2023, resources: resources)], year: 2023, scope: .agglomeration)
        XCTAssertEqual(i.threshold?.year, 2022)
    }

    func testQuartileAloneDecidesWhenResourcesAreNotGivenAndResourcesWinOverIt() {
        let rows = [allocation(quartile: 1), allocation(quartile: 3),
                    allocation(resources: Money(euros: 20_000), quartile: 1)]
        XCTAssertEqual(figure(rows, .outsideQPVFirstQuartile).numerator, 1)
    }

    func testANRURehousingOutsideQPVCountsWhateverTheResources() {
        let rows = [allocation(resources: Money(euros: 15_000), anru: true), allocation(resources: Money(euros: 15_000))]
        let f = figure(rows, .outsideQPVFirstQuartile)
        XCTAssertEqual(f.numerator, 1)
        XCTAssertEqual(f.denominator, 2)
    }

    func testAnAllocationWithNoQPVInformationIsReportedAndLeftOutOfTheQPVShares() {
        let unknown = allocation(inQPV: nil, resources: Money(euros: 3_000), priority: true)
        let rows = [unknown, allocation(resources: Money(euros: 3_000)), allocation(inQPV: true, resources: Money(euros: 12_000))]
        let outside = figure(rows, .outsideQPVFirstQuartile)
        XCTAssertEqual(outside.denominator, 1, "never counted as outside QPV")
        XCTAssertEqual(outside.numerator, 1)
        XCTAssertEqual(outside.unknownQPV, 1, "reported")
        let inside = figure(rows, .inQPVAboveFirstQuartile)
        XCTAssertEqual(inside.denominator, 1)
        XCTAssertEqual(inside.unknownQPV, 1)
        let i = counter().indicators(rows, year: 2022, scope: .agglomeration)
        XCTAssertEqual([i.outsideQPV, i.inQPV, i.unknownQPV], [1, 1, 1])
        // It is an allocation all the same: the priority share counts it.
        XCTAssertEqual(figure(rows, .priority).denominator, 3)
        XCTAssertEqual(figure(rows, .priority).numerator, 1)
    }

    func testUnknownResourcesStayInTheDenominatorAndInNoQuartile() {
        let rows = [allocation(), allocation(resources: Money(euros: 3_000))]
        let f = figure(rows, .outsideQPVFirstQuartile)
        XCTAssertEqual(f.numerator, 1)
        XCTAssertEqual(f.denominator, 2)
        XCTAssertEqual(f.unknownResources, 1)
        let inside = figure([allocation(inQPV: true)], .inQPVAboveFirstQuartile)
        XCTAssertEqual(inside.numerator, 0, "unknown resources are not 'above the 1st quartile' either")
        XCTAssertEqual(inside.unknownResources, 1)
    }

    func testATransferIsCountedIn2021AndNotIn2022() {
        // One priority household rehoused by transfer, three first allocations, one of them priority.
        func rows(_ year: Int) -> [Allocation] {
            [allocation(year, priority: true, transfer: true), allocation(year, priority: true),
             allocation(year), allocation(year)]
        }
        let rules = AllocationRules.defaults
        XCTAssertEqual(rules.priorityExcludesTransfersFrom.value, 2022)
        let y2021 = counter().indicators(rows(2021), year: 2021, scope: .agglomeration)
        let h2021 = y2021.headline(.priority, rules: rules)!
        XCTAssertEqual(h2021.transfers, .included)
        XCTAssertEqual([h2021.numerator, h2021.denominator], [2, 4])
        let y2022 = counter().indicators(rows(2022), year: 2022, scope: .agglomeration)
        let h2022 = y2022.headline(.priority, rules: rules)!
        XCTAssertEqual(h2022.transfers, .excluded)
        XCTAssertEqual([h2022.numerator, h2022.denominator], [1, 3])
        // Both variants stay available every year.
        XCTAssertEqual(y2021.figure(.priority, .excluded).map { [$0.numerator, $0.denominator] }, [1, 3])
        XCTAssertEqual(y2022.figure(.priority, .included).map { [$0.numerator, $0.denominator] }, [2, 4])
        // The QPV obligations count transfers in both years (profile default).
        XCTAssertEqual(y2022.headline(.outsideQPVFirstQuartile, rules: rules)?.transfers, .included)
    }

    func testUnknownTransferStatusIsLeftOutOfTheSharesExcludingTransfers() {
        let rows = [allocation(priority: true, transfer: nil), allocation(), allocation(transfer: true)]
        let excluded = figure(rows, .priority, .excluded)
        XCTAssertEqual([excluded.numerator, excluded.denominator, excluded.unknownTransfer], [0, 1, 1])
        let included = figure(rows, .priority, .included)
        XCTAssertEqual([included.numerator, included.denominator], [1, 3])
    }

    func testTheGapIsSaidInAllocations() {
        // 13 priority households out of 100: ⌈25 % × 100⌉ − 13 = 12.
        let rows = (0..<100).map { allocation(priority: $0 < 13) }
        let f = figure(rows, .priority)
        XCTAssertEqual(f.missing, 12)
        XCTAssertEqual(f.gapText, "12 attributions manquent pour atteindre 25\u{00A0}%")
        XCTAssertEqual(f.reached, false)
        // 4 999 out of 20 000 is 24,995 %, shown 25,00 %, yet below 25 %: one is still missing.
        let close = figure((0..<20_000).map { allocation(priority: $0 < 4_999) }, .priority)
        XCTAssertEqual(close.share, Percentage(percent: 25))
        XCTAssertEqual(close.reached, false)
        XCTAssertEqual(close.missing, 1)
        XCTAssertEqual(close.gapText, "1 attribution manque pour atteindre 25\u{00A0}%")
        let reached = figure((0..<4).map { allocation(priority: $0 < 1) }, .priority)
        XCTAssertEqual(reached.missing, 0)
        XCTAssertEqual(reached.reached, true)
        XCTAssertEqual(reached.gapText, "objectif atteint")
        XCTAssertNil(figure([], .priority).reached)
    }

    func testAHolderIsHeldToItsOwnObjective() {
        let state = ReservationHolder(kind: .state)
        let rows = [allocation(priority: true, holder: state), allocation(holder: state)]
        let i = counter().indicators(rows, year: 2022, scope: .holder(state))
        let f = i.figure(.priority, .included)!
        XCTAssertEqual(f.objective, Percentage(percent: 100))
        XCTAssertEqual(f.missing, 1)
        XCTAssertEqual(counter().indicators(rows, year: 2022, scope: .agglomeration).figure(.priority, .included)?.objective,
                       Percentage(percent: 25))
    }

    func testAPriorityLabelMakesAPriorityHouseholdAndAnUnknownFlagIsReported() {
        var labelled = allocation(priority: nil)
        labelled.priorityLabels = [PriorityLabel(basis: .syplo, categoryId: "violences")]
        let rows = [labelled, allocation(priority: nil)]
        let f = figure(rows, .priority)
        XCTAssertEqual(f.numerator, 1)
        XCTAssertEqual(f.unknownPriority, 1)
    }

    func testTheReviewSplitsByPerimeterAndLeavesUnsignedLeasesOut() {
        var pending = allocation()
        pending.leaseDate = nil
        pending.calDecisionDate = CalendarDate(year: 2023, month: 12, day: 12)
        var other = allocation(2021, priority: true, holder: ReservationHolder(kind: .commune, name: "Béthune"))
        other.landlordId = nil
        other.landlordName = "Bailleur inconnu"
        let review = AllocationReview([allocation(), other, pending], counter: counter())
        XCTAssertEqual(review.years, [2021, 2022])
        XCTAssertEqual(review.awaitingLease, [2023: 1])
        XCTAssertEqual(review.indicators(.landlord("sia-habitat"), year: 2022)?.allocations, 1)
        XCTAssertEqual(review.indicators(.unresolvedLandlord("Bailleur inconnu"), year: 2021)?.priority, 1)
        XCTAssertEqual(review.indicators(.holder(ReservationHolder(kind: .commune, name: "Béthune")), year: 2021)?.allocations, 1)
        XCTAssertEqual(review.indicators(.holder(nil), year: 2022)?.allocations, 1)
        XCTAssertEqual(review.indicators(.commune("bethune"), year: 2022)?.allocations, 1)
        XCTAssertEqual(review.columns.map(\.title), ["2021", "2022", "2022 hors mutations"])
    }
}
