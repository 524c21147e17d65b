import Foundation
import XCTest
import GuichetCore

/// The injected clock: a fixed one for tests and generated data, a moved one for `GUICHET_TODAY`;
/// days are Paris days whatever the instant's UTC date.
final class ClockTests: XCTestCase {
    private let day = CalendarDate(year: 2028, month: 12, day: 31)!

    func testAFixedClockGivesItsDayAtNoonParisTime() {
        let clock = Clock.fixed(day)
        XCTAssertEqual(clock.today(), day)
        XCTAssertEqual(clock.now(), clock.now(), "a fixed clock does not move")
        // Noon in Paris is 11:00 UTC in winter, 10:00 UTC in summer.
        XCTAssertEqual(clock.now(), Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 11 * 3600)))
        let summer = CalendarDate(year: 2026, month: 6, day: 30)!
        XCTAssertEqual(Clock.fixed(summer).now(), Date(timeIntervalSince1970: TimeInterval(summer.dayNumber * 86_400 + 10 * 3600)))
    }

    func testTheDayOfAnInstantIsTheParisDay() {
        // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1).
        let lateUTC = Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 23 * 3600 + 1800))
        XCTAssertEqual(CalendarDate(dayOf: lateUTC), CalendarDate(year: 2029, month: 1, day: 1))
        XCTAssertEqual(Clock.fixed(at: lateUTC).today(), CalendarDate(year: 2029, month: 1, day: 1))
        // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (UTC+2).
        let june = CalendarDate(year: 2026, month: 6, day: 30)!
        XCTAssertEqual(CalendarDate(dayOf: Date(timeIntervalSince1970: TimeInterval(june.dayNumber * 86_400 + 22 * 3600 + 1800))),
                       CalendarDate(year: 2026, month: 7, day: 1))
    }

    func testAMovedClockKeepsTheTimeOfDayAndTheNewDay() {
        // The base clock reads 14:15:30 Paris time on 3 December 2026, then a minute later.
        let base = CalendarDate(year: 2026, month: 12, day: 3)!
        let start = base.instant(hour: 14).addingTimeInterval(15 * 60 + 30)
        let ticks = Ticks(start)
        let moved = Clock { ticks.next() }.moved(to: day)
        let first = moved.now(), second = moved.now()
        XCTAssertEqual(CalendarDate(dayOf: first), day)
        XCTAssertEqual(first, day.instant(hour: 14).addingTimeInterval(15 * 60 + 30), "same time of day, on the new day")
        XCTAssertEqual(second.timeIntervalSince(first), 60, "time still flows: timestamps keep their order")
        XCTAssertEqual(moved.today(), day)
        // Across a change of daylight saving time (summer base, winter day) the wall time is kept.
        let summer = CalendarDate(year: 2026, month: 7, day: 14)!
        XCTAssertEqual(Clock.fixed(at: summer.instant(hour: 9)).moved(to: day).now(), day.instant(hour: 9))
    }

    func testADayToMoveToIsReadOrRefusedByName() {
        XCTAssertEqual(try Clock.day("2027-01-01", name: "GUICHET_TODAY"), CalendarDate(year: 2027, month: 1, day: 1))
        XCTAssertThrowsError(try Clock.day("2027-02-30", name: "GUICHET_TODAY")) { error in
            XCTAssertEqual((error as? ValidationError)?.description,
                           "GUICHET_TODAY : date invalide « 2027-02-30 » (attendu AAAA-MM-JJ)")
        }
    }
}

/// A clock source that advances one minute per reading.
private final class Ticks: @unchecked Sendable {
    private var instant: Date
    private let lock = NSLock()
    init(_ start: Date) { instant = start }
    func next() -> Date {
        lock.lock(); defer { lock.unlock() }
        defer { instant = instant.addingTimeInterval(60) }
        return instant
    }
}
