import Foundation
import XCTest
import GuichetCore
@testable import GuichetStorage

/// The system clock the executable hands to the front ends, and the store stamping with its clock.
final class SystemClockTests: XCTestCase {
    func testGuichetTodayMovesTheSystemClockToThatDay() throws {
        let day = CalendarDate(year: 2028, month: 12, day: 31)!
        XCTAssertEqual(try SystemClock.make(environment: ["GUICHET_TODAY": "2028-12-31"]).today(), day)
        XCTAssertEqual(try SystemClock.make(environment: ["GUICHET_TODAY": "31/12/2028"]).today(), day, "the French form too")
        // Unset or empty: the computer's day (compared with the wall clock read around it).
        for environment in [[:], ["GUICHET_TODAY": ""]] {
            let before = CalendarDate(dayOf: Date())
            let today = try SystemClock.make(environment: environment).today()
            XCTAssertTrue([before, CalendarDate(dayOf: Date())].contains(today))
        }
        XCTAssertThrowsError(try SystemClock.make(environment: ["GUICHET_TODAY": "demain"])) { error in
            XCTAssertEqual((error as? ValidationError)?.field, "GUICHET_TODAY")
        }
    }

    func testTheStoreStampsWhatItWritesWithItsClock() throws {
        let day = CalendarDate(year: 2027, month: 1, day: 1)!
        let url = temporaryFolder().file("t.sqlite")
        let store = try SQLiteStore.create(url, territory: "capso", agent: "a", clock: .fixed(day))
        struct Note: Codable, Sendable { var text: String }
        try store.write { s in
            try s.recordChange(entity: "note", key: "1", action: "création", old: nil as Note?, new: Note(text: "x"))
        }
        let history = try store.read { try $0.history(entity: "note", key: "1") }
        XCTAssertEqual(history.map { CalendarDate(dayOf: $0.at) }, [day])
        let reopened = try SQLiteStore.open(url, clock: .fixed(day.adding(days: 1)))
        XCTAssertEqual(try reopened.read { $0.clock.today() }, day.adding(days: 1))
    }
}
