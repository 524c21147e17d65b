import Foundation
import XCTest
@testable import GuichetCore

/// One search text for every list: words in any order, case, accents, hyphens and apostrophes
/// ignored, a partial dossier number found.
final class SearchTextTests: XCTestCase {
    func testWordsAreFoldedAndSplitAtSeparators() {
        XCTAssertEqual(SearchText("  Théo  LECOMTE ").words, ["theo", "lecomte"])
        XCTAssertEqual(SearchText("Saint-Omer").words, ["saint", "omer"])
        XCTAssertEqual(SearchText("l’Aa, d'Aire").words, ["l", "aa", "d", "aire"])
        XCTAssertEqual(SearchText("2023 acc 10").words, ["2023", "acc", "10"])
        XCTAssertTrue(SearchText("   ").isEmpty)
        XCTAssertTrue(SearchText(nil).isEmpty)
        XCTAssertEqual(SearchText(" dupont ").typed, "dupont")
    }

    func testDossierFoundByFirstNameFirstByCommuneWithoutHyphenAndByPartialNumber() {
        var d = Fixtures.dossier("ACC", sequence: 10)
        d.number = DossierNumber(year: 2023, scheme: "ACC", sequence: 10)
        // The applicant is DELATTRE Julie, in Saint-Omer.
        for typed in ["julie delattre", "DELATTRE julie", "delattre", "saint omer", "Saint-Omer", "omer saint julie",
                      "2023 acc 10", "acc 2023", "0010", "julie saint-omer"] {
            XCTAssertTrue(DossierQuery(text: SearchText(typed)).matches(d), typed)
        }
        for typed in ["julie martin", "arques", "2024 acc", "acc 11"] {
            XCTAssertFalse(DossierQuery(text: SearchText(typed)).matches(d), typed)
        }
    }
}

/// Dates as agents type them, and the message for one that does not exist.
final class TypedDateTests: XCTestCase {
    func testTheUsualWaysOfTypingADate() throws {
        let expected = CalendarDate(year: 2025, month: 1, day: 15)!
        for typed in ["15/1/25", "15/01/2025", "15.01.2025", "2025-01-15", "15-01-2025", " 15 01 2025 ", "15012025", "150125"] {
            XCTAssertEqual(try TypedDate.parse(typed).get(), expected, typed)
        }
        XCTAssertEqual(try TypedDate.parse("3/4/55").get(), CalendarDate(year: 1955, month: 4, day: 3))
        XCTAssertEqual(try TypedDate.parse("1/1/29").get(), CalendarDate(year: 2029, month: 1, day: 1))
        XCTAssertEqual(try TypedDate.parse("1/1/30").get(), CalendarDate(year: 1930, month: 1, day: 1))
        XCTAssertEqual(try TypedDate.parse("29/02/2024").get(), CalendarDate(year: 2024, month: 2, day: 29))
    }

    func testADateThatDoesNotExistIsSaidSo() {
        XCTAssertEqual(TypedDate.parse("31/02/2025"), .failure(.doesNotExist("31/02/2025")))
        XCTAssertEqual(TypedDate.Problem.doesNotExist("31/02/2025").message, "31/02/2025 n’existe pas")
        XCTAssertEqual(TypedDate.parse("29/2/23"), .failure(.doesNotExist("29/02/2023")))
        XCTAssertThrowsError(try CalendarDate.parse("31/04/2026", field: "date")) { error in
            XCTAssertEqual("\(error)", "date : 31/04/2026 n’existe pas")
        }
    }

    func testTextsThatAreNotDates() {
        for typed in ["demain", "15/01", "32/13/2025", "15/01/225", "", "1/1/2025/3", "2025-1-15x"] {
            guard case .failure(.unreadable) = TypedDate.parse(typed) else { return XCTFail(typed) }
        }
        XCTAssertTrue(TypedDate.Problem.unreadable("demain").message.contains("n’est pas une date"))
    }
}
