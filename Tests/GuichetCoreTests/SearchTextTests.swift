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
