import Foundation
import XCTest
@testable import GuichetCore

/// Values from outside are checked where they enter: a clear error naming the field and the
/// range, never a trap further on.
final class InputLimitsTests: XCTestCase {
    struct Doc: Decodable { var on: CalendarDate; var amount: Money }

    func testDatesOutsideThePlausibleRangeAreRefusedWithTheRange() {
        for text in ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"] {
            XCTAssertThrowsError(try CalendarDate.parse(text, field: "--date")) {
                let e = $0 as? ValidationError
                XCTAssertEqual(e?.field, "--date")
                XCTAssertTrue(e?.message.contains("1900 à 2100") ?? false, e?.message ?? "")
            }
        }
        XCTAssertEqual(try CalendarDate.parse("2100-12-31", field: "d"), CalendarDate(year: 2100, month: 12, day: 31))
        XCTAssertEqual(FrenchFormat.date(CalendarDate(year: 1, month: 1, day: 1)!), "01/01/0001")
        // Stored documents are not input: the same decoder without the input flag reads them.
        XCTAssertNoThrow(try JSONDecoder().decode(Doc.self, from: Data(#"{"on": "9999-12-31", "amount": 1}"#.utf8)))
    }

    func testInputJSONChecksDatesAndAmounts() {
        XCTAssertThrowsError(try InputJSON.decode(Doc.self, from: Data(#"{"on": "9994-01-01", "amount": 1}"#.utf8))) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "on")
        }
        XCTAssertThrowsError(try InputJSON.decode(Doc.self, from: Data(#"{"on": "2026-01-01", "amount": 100000000000000}"#.utf8))) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "amount")
            XCTAssertTrue("\($0)".contains("plage admise"), "\($0)")
        }
        XCTAssertThrowsError(try InputJSON.decode(Doc.self, from: Data(#"{"on": "2026-01-01", "amount": -9223372036854775808}"#.utf8)))
    }

    func testSyntaxErrorsNameLineAndColumnAndTheRootSaysWhatWasExpected() {
        let broken = Data("{\n  \"on\": \"2026-01-01\",,\n  \"amount\": 1\n}".utf8)
        XCTAssertThrowsError(try InputJSON.decode(Doc.self, from: broken)) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "ligne 2, colonne 22")
        }
        XCTAssertThrowsError(try InputJSON.decode(Doc.self, from: Data("{\"on\": \"2026".utf8))) {
            XCTAssertTrue("\($0)".contains("fin de fichier inattendue"), "\($0)")
        }
        XCTAssertThrowsError(try InputJSON.decode(Doc.self, from: Data("[1, 2]".utf8))) {
            XCTAssertEqual("\($0)", "racine du fichier : un objet { … } JSON attendu")
        }
    }

    func testLongTextsAreRefusedByPathAndQuotedValuesCut() {
        struct Named: Decodable { var people: [String] }
        let long = String(repeating: "x", count: InputLimits.maximumTextLength + 1)
        XCTAssertThrowsError(try InputJSON.decode(Named.self, from: Data("{\"people\": [\"a\", \"\(long)\"]}".utf8))) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "people[1]")
        }
        let quoted = InputLimits.quoted(String(repeating: "é", count: 1_000_000))
        XCTAssertLessThan(quoted.count, 120)
        XCTAssertTrue(quoted.hasSuffix("\(FrenchFormat.integer(1_000_000)) caractères)"), quoted)
    }

    func testAmountsPastTheLimitAreRefusedBeforeAnyArithmetic() {
        let home = CurrentHome(status: .privateTenant, monthlyRent: Money(cents: Int64.max), monthlyCharges: Money(cents: 5_000))
        XCTAssertEqual(home.validate().map(\.field), ["monthlyRent"])
    }

    func testAPaymentCannotPrecedeTheGrant() throws {
        let draft = Fixtures.dossier("ACC")
        let granted = Fixtures.run(draft, [.submit, .startReview, Fixtures.fullGrant(draft)])
        let life = DossierLifecycle(scheme: Fixtures.scheme("ACC"))
        let grantDate = try XCTUnwrap(granted.grant?.date)
        XCTAssertThrowsError(try life.apply(.pay(Money(euros: 10)), to: granted, on: grantDate.adding(days: -1), agent: Fixtures.agent)) {
            XCTAssertEqual(($0 as? LifecycleError)?.code, .invalidPayment)
        }
        XCTAssertNoThrow(try life.apply(.pay(Money(euros: 10)), to: granted, on: grantDate, agent: Fixtures.agent))
    }
}
