import XCTest
@testable import GuichetCore

final class ValueTypesTests: XCTestCase {
    func testSirenAndSiretLuhn() throws {
        XCTAssertEqual(try Siren("732 829 320").value, "732829320")
        XCTAssertThrowsError(try Siren("732829321")) { XCTAssertEqual(($0 as? ValidationError)?.field, "siren") }
        XCTAssertThrowsError(try Siren("12345"))
        XCTAssertEqual(try Siret("732 829 320 00074").siren, "732829320")
        XCTAssertThrowsError(try Siret("73282932000075"))
        XCTAssertThrowsError(try Siret("7328293200007A"))
        // La Poste: digit sum multiple of 5 instead of Luhn.
        XCTAssertNoThrow(try Siret("35600000000048"))
        XCTAssertNoThrow(try Siret("35600000049837"))
        XCTAssertThrowsError(try Siret("35600000049838"))
    }

    func testInseeCodeAndPostcode() throws {
        XCTAssertEqual(try InseeCode("62765").departement, "62")
        XCTAssertEqual(try InseeCode("2a004").value, "2A004")
        XCTAssertEqual(try InseeCode("97411").departement, "974")
        for bad in ["6276", "627650", "20004", "2C004", "00123", "62a65"] {
            XCTAssertThrowsError(try InseeCode(bad), bad)
        }
        XCTAssertEqual(try Postcode("62500").value, "62500")
        XCTAssertThrowsError(try Postcode("6250"))
    }

    func testMoneyNeverNegativeWhereItCannotBe() {
        XCTAssertThrowsError(try Money.nonNegative(cents: -1, field: "montant")) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "montant")
        }
        XCTAssertEqual(try Money.nonNegative(cents: 0, field: "montant"), .zero)
    }

    func testFrenchMoneyFormattingAndParsing() {
        XCTAssertEqual(FrenchFormat.money(Money(cents: 123_456)), "1\u{202F}234,56\u{00A0}€")
        XCTAssertEqual(FrenchFormat.money(Money(cents: -123_456)), "-1\u{202F}234,56\u{00A0}€")
        XCTAssertEqual(FrenchFormat.money(Money(cents: 5)), "0,05\u{00A0}€")
        XCTAssertEqual(FrenchFormat.money(Money(euros: 1_409_780), alwaysCents: false), "1\u{202F}409\u{202F}780\u{00A0}€")
        XCTAssertEqual(FrenchFormat.plainDecimal(cents: 123_456), "1234,56")
        XCTAssertEqual(FrenchFormat.plainDecimal(cents: -5), "-0,05")
        for text in ["13 404,00 €", "13\u{00A0}404,00\u{00A0}€", "13\u{202F}404,00 €", "13404", "13404.0", " 13 404,00 EUR"] {
            XCTAssertEqual(FrenchNumber.parseMoney(text), Money(cents: 1_340_400), text)
        }
        XCTAssertEqual(FrenchNumber.parseMoney("0"), .zero)
        for junk in ["", "?", "voir 2024", "2024?", "-", "1,2,3", "12 345,678"] {
            XCTAssertNil(FrenchNumber.parseMoney(junk), junk)
        }
    }

    func testPercentages() {
        XCTAssertEqual(Percentage.ratio(398, of: 1133)?.basisPoints, 3513)
        XCTAssertNil(Percentage.ratio(1, of: 0))
        XCTAssertEqual(FrenchFormat.percent(Percentage(basisPoints: 3513)), "35,1\u{00A0}%")
        XCTAssertEqual(FrenchFormat.percent(Percentage(basisPoints: 3513), decimals: 0), "35\u{00A0}%")
        XCTAssertEqual(FrenchFormat.percent(Percentage(basisPoints: 1913), decimals: 2), "19,13\u{00A0}%")
        XCTAssertEqual(Percentage(parsing: "19,13")?.basisPoints, 1913)
        XCTAssertEqual(Percentage(parsing: "35 %")?.basisPoints, 3500)
        XCTAssertThrowsError(try Percentage.validated(basisPoints: 10_001, field: "part"))
        // A fall rounds like a rise: −207 / 1 708 = −12,119… % → −12,12 % (the review's figure).
        XCTAssertEqual(Percentage.ratio(-207, of: 1_708)?.basisPoints, -1_212)
        XCTAssertEqual(Percentage.ratio(207, of: 1_708)?.basisPoints, 1_212)
        XCTAssertEqual(Percentage.ratio(-67, of: 563)?.basisPoints, -1_190)
        XCTAssertEqual(Percentage.ratio(-1, of: 20_000)?.basisPoints, -1, "−0,005 % rounds away from zero")
    }

    func testElisionOfDeBeforeAPlaceName() {
        XCTAssertEqual(FrenchFormat.of("Béthune"), "de Béthune")
        XCTAssertEqual(FrenchFormat.of("Annezin"), "d'Annezin")
        XCTAssertEqual(FrenchFormat.of("Isbergues"), "d'Isbergues")
        XCTAssertEqual(FrenchFormat.of("Houdain"), "de Houdain")
    }

    func testCalendarDates() throws {
        let d = try XCTUnwrap(CalendarDate(parsing: "22/11/2026"))
        XCTAssertEqual(d.iso, "2026-11-22")
        XCTAssertEqual(FrenchFormat.date(d), "22/11/2026")
        XCTAssertNil(CalendarDate(parsing: "2023-02-29"))
        XCTAssertNotNil(CalendarDate(parsing: "2024-02-29"))
        XCTAssertNil(CalendarDate(parsing: "31/04/2024"))
        XCTAssertEqual(CalendarDate(dayNumber: d.dayNumber), d)
        XCTAssertEqual(CalendarDate(year: 2024, month: 1, day: 31)!.adding(months: 1), CalendarDate(year: 2024, month: 2, day: 29))
        let birth = CalendarDate(year: 1994, month: 9, day: 1)!
        XCTAssertEqual(birth.age(on: CalendarDate(year: 2024, month: 8, day: 31)!), 29)
        XCTAssertEqual(birth.age(on: CalendarDate(year: 2024, month: 9, day: 1)!), 30)
        let request = CalendarDate(year: 2022, month: 1, day: 10)!
        XCTAssertEqual(request.wholeMonths(until: CalendarDate(year: 2023, month: 7, day: 10)!), 18)
        XCTAssertEqual(request.wholeMonths(until: CalendarDate(year: 2023, month: 7, day: 9)!), 17)
        XCTAssertThrowsError(try CalendarDate.parse("32/01/2024", field: "dateDepot")) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "dateDepot")
        }
    }

    func testYearlyFiguresRoundLikeTheBrief() {
        // 25 000 / 6 → 4 167; 65 000 / 6 → 10 833.
        XCTAssertEqual(Money(euros: 25_000).divided(by: 6, roundingTo: 100), Money(euros: 4_167))
        XCTAssertEqual(Money(euros: 65_000).divided(by: 6, roundingTo: 100), Money(euros: 10_833))
    }

    func testFieldDiffNamesEveryChangedField() {
        struct R: Encodable { var name: String; var amount: Money; var flag: Bool; var items: [String] }
        let a = R(name: "Dupont", amount: Money(cents: 100), flag: false, items: ["a"])
        let b = R(name: "Durand", amount: Money(cents: 100), flag: true, items: ["a", "b"])
        let changes = FieldChange.diff(old: a, new: b)
        XCTAssertEqual(changes.map(\.field), ["flag", "items[1]", "name"])
        XCTAssertEqual(changes.first { $0.field == "name" }?.old, "Dupont")
        XCTAssertEqual(changes.first { $0.field == "flag" }?.new, "oui")
        XCTAssertEqual(FieldChange.diff(old: nil as R?, new: a).count, 4)
    }
}
