import Foundation
import XCTest
@testable import GuichetCore

/// The demonstration register against the review: every agglomeration figure it publishes is
/// recomputed from the generated allocations, the oracle being the stored published figures
/// (`cia-results-2020-2023.json`), never numbers typed in the test.
final class DemoAllocationTests: XCTestCase {
    struct Fixture {
        var published: AllocationResults
        var counter: AllocationCounter
        var source: DemoAllocations.Source
    }

    static func fixture() throws -> Fixture {
        let landlords = try ImportTestFiles.profile()
        let grid = try CotationGrid(jsonData: ImportTestFiles.territoryFile("cotation.json"))
        let published = try AllocationResults.decode(ImportTestFiles.territoryFile("cia-results-2020-2023.json"))
        let counter = try XCTUnwrap(AllocationCounter(landlords: landlords, grid: grid))
        return Fixture(published: published, counter: counter,
                       source: DemoAllocations.Source(published: published, landlords: landlords.landlords, counter: counter,
                                                      categories: grid.priorityCategories))
    }

    func testEveryAgglomerationFigureOfTheReviewIsReproducedFromTheAllocations() throws {
        let f = try Self.fixture()
        let rows = DemoAllocations.generate(f.source)
        let review = AllocationReview(rows, counter: f.counter)
        let published = PublishedAllocationFigures(agglomeration: f.published.agglomeration, conventions: [])
        let headline = AgglomerationHeadline(review: review, published: published)
        XCTAssertEqual(f.published.agglomeration.priorityRehousing.count, 5)
        for r in f.published.agglomeration.priorityRehousing {
            let column = ReviewColumn(year: r.year, transfers: r.excludingTransfers ? .excluded : .included)
            let i = try XCTUnwrap(review.indicators(.agglomeration, year: r.year))
            let figure = try XCTUnwrap(i.figure(.priority, column.transfers))
            XCTAssertEqual(figure.numerator, r.rehoused, column.title)
            XCTAssertEqual(figure.denominator, r.allocations, column.title)
            // The rate the headline table prints (24,48 %, 22,80 %, 19,17 %, 29,04 %), or the
            // table by landlord when the headline has none (2023: 30,38 %).
            XCTAssertEqual(figure.share, r.headlineTableShare ?? r.publishedShare, column.title)
            let cell = try XCTUnwrap(headline.columns.firstIndex(of: column).map { headline.row(AgglomerationHeadline.Label.share)!.cells[$0] })
            XCTAssertEqual(cell.computed, figure.share?.basisPoints)
            // The table by landlord prints 22,83 % for 2021: shown beside 22,80 % and flagged.
            XCTAssertEqual(cell.differs, r.publishedShare != figure.share, column.title)
        }
        let flagged = headline.row(AgglomerationHeadline.Label.share)!.cells.enumerated().filter(\.element.differs)
        XCTAssertEqual(flagged.map { headline.columns[$0.offset].title }, ["2021"])
        XCTAssertEqual(flagged.first?.element.published?.value, 2_283)
        XCTAssertEqual(flagged.first?.element.computed, 2_280)
    }

    func testStateContingentAndOutsideQPVSharesAreThePublishedOnes() throws {
        let f = try Self.fixture()
        let review = AllocationReview(DemoAllocations.generate(f.source), counter: f.counter)
        let headline = AgglomerationHeadline(review: review, published: PublishedAllocationFigures(agglomeration: f.published.agglomeration, conventions: []))
        let state = try XCTUnwrap(headline.row(AgglomerationHeadline.Label.state))
        let fulfilled = try XCTUnwrap(headline.row(AgglomerationHeadline.Label.stateFulfilled))
        for s in f.published.agglomeration.stateContingent {
            let columns = headline.columns.indices.filter { headline.columns[$0].year == s.year }
            XCTAssertFalse(columns.isEmpty)
            for c in columns {
                XCTAssertEqual(state.cells[c].computed, s.rehoused, "\(s.year)")
                XCTAssertFalse(state.cells[c].differs)
                // 339 / 741 = 45,75 % … 456 / 566 = 80,57 %.
                XCTAssertEqual(fulfilled.cells[c].computed, s.publishedShareOfObjective.basisPoints, "\(s.year)")
            }
        }
        for s in f.published.agglomeration.outsideQPVFirstQuartile {
            let i = try XCTUnwrap(review.indicators(.agglomeration, year: s.year))
            XCTAssertEqual(i.headline(.outsideQPVFirstQuartile, rules: f.counter.rules)?.share, s.share, "\(s.year)")
        }
        // Unknown QPV situations exist in the demo and stay out of those shares.
        XCTAssertTrue(review.years.allSatisfy { (review.indicators(.agglomeration, year: $0)?.unknownQPV ?? 0) > 0 })
        XCTAssertEqual(review.awaitingLease.values.reduce(0, +), DemoAllocations.awaitingLease)
    }

    /// Each landlord's share from the review equals the share counted by hand from the same rows.
    func testEachLandlordsShareIsTheOneCountedByHandFromItsRows() throws {
        let f = try Self.fixture()
        let rows = DemoAllocations.generate(f.source)
        let review = AllocationReview(rows, counter: f.counter)
        var checked = 0
        for scope in review.landlordScopes {
            guard case .landlord(let id) = scope else { return XCTFail("every demo landlord is known: \(scope)") }
            for year in review.years {
                let mine = rows.filter { $0.landlordId == id && $0.leaseDate?.year == year }
                guard let i = review.indicators(scope, year: year) else { XCTAssertTrue(mine.isEmpty); continue }
                var priority = 0, total = 0, priorityFirst = 0, first = 0
                for a in mine {
                    total += 1
                    if a.priority == true || !a.priorityLabels.isEmpty { priority += 1 }
                    if a.transfer == false {
                        first += 1
                        if a.priority == true || !a.priorityLabels.isEmpty { priorityFirst += 1 }
                    }
                }
                XCTAssertEqual(i.figure(.priority, .included)?.share, Percentage.ratio(priority, of: total), "\(id) \(year)")
                XCTAssertEqual(i.figure(.priority, .excluded)?.share, Percentage.ratio(priorityFirst, of: first), "\(id) \(year)")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 30)
        // Spread over the landlords: none takes everything, each present one has allocations.
        let biggest = review.landlordScopes.compactMap { review.indicators($0, year: 2022)?.allocations }.max() ?? 0
        XCTAssertLessThan(biggest, review.indicators(.agglomeration, year: 2022)!.allocations)
    }

    func testTheDemoIsTheSameOnEveryRunAndAnotherSeedKeepsTheCounts() throws {
        let f = try Self.fixture()
        let a = DemoAllocations.generate(f.source), b = DemoAllocations.generate(f.source)
        XCTAssertEqual(a, b)
        let c = DemoAllocations.generate(f.source, seed: 7)
        XCTAssertNotEqual(a, c)
        let ra = AllocationReview(a, counter: f.counter), rc = AllocationReview(c, counter: f.counter)
        XCTAssertEqual(ra.years, rc.years)
        for year in ra.years {
            let x = try XCTUnwrap(ra.indicators(.agglomeration, year: year)), y = try XCTUnwrap(rc.indicators(.agglomeration, year: year))
            XCTAssertEqual([x.allocations, x.firstAllocations, x.priority, x.priorityExcludingTransfers],
                           [y.allocations, y.firstAllocations, y.priority, y.priorityExcludingTransfers], "\(year)")
            XCTAssertEqual(x.headline(.outsideQPVFirstQuartile, rules: f.counter.rules)?.share,
                           y.headline(.outsideQPVFirstQuartile, rules: f.counter.rules)?.share, "\(year)")
        }
        // On a day in 2022, later decisions are not known yet and later leases not signed.
        let day = CalendarDate(year: 2022, month: 6, day: 30)!
        let known = a.compactMap { DemoAllocations.asKnown($0, on: day) }
        XCTAssertTrue(known.allSatisfy { ($0.calDecisionDate ?? day) <= day && ($0.leaseDate ?? day) <= day })
        XCTAssertEqual(known.count, a.filter { ($0.calDecisionDate ?? day) <= day }.count)
        XCTAssertGreaterThan(known.filter { $0.leaseDate == nil }.count, 0, "decided before the day, let after: awaiting")
        // The register is anonymous and counts once per SNE number.
        XCTAssertEqual(Set(a.compactMap(\.sneNumber)).count, a.count)
    }
}
