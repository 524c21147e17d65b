import XCTest
@testable import GuichetCore

/// The rules of derived figures, one case each: when a dossier counts in a year, what a year
/// without data reads as, how targets, gaps and trends are read.
final class PLHIndicatorEngineTests: XCTestCase {
    func day(_ y: Int, _ m: Int = 3, _ d: Int = 1) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    func facts(_ n: Int, _ scheme: String, status: DossierStatus, granted: CalendarDate?, received: CalendarDate?,
               dwellings: Int = 1, adapted: Int = 0, household: Bool = true, commune: String = "Arques") -> DossierReviewFacts {
        DossierReviewFacts(number: "2025-\(scheme)-\(n)", scheme: scheme, plhAction: 2, status: status, grantedOn: granted, receivedOn: received,
                           dwellings: dwellings, adaptedDwellings: adapted, householdApplicant: household, commune: commune, inseeCode: "62040",
                           organisation: household ? nil : "Pas-de-Calais Habitat", grantedAmount: Money(euros: 4_000))
    }

    func construction(_ name: String, year: Int, plus: Int?, plai: Int?, period: ProgrammePeriod = .financed) -> ConstructionRecord {
        ConstructionRecord(ConstructionProgramme(commune: "Arques", name: name, landlordId: nil, landlordName: "SIA", financingYear: .known(year),
                                                 plus: plus.map { .known($0) } ?? .blank, plai: plai.map { .known($0) } ?? SourceValue(value: nil, raw: "?"),
                                                 pls: .known(0), period: period))
    }

    func testADossierCountsInTheYearOfItsGrantUnlessCancelledOrInTheYearItWasReceived() {
        let data = PLHReviewData(dossiers: [
            facts(1, "PLV", status: .settled, granted: day(2025), received: day(2024, 11), dwellings: 3),
            facts(2, "PLV", status: .cancelled, granted: day(2025), received: day(2025, 1), dwellings: 5),
            facts(3, "PLV", status: .underReview, granted: nil, received: day(2025, 6), dwellings: 2),
            facts(4, "ACC", status: .granted, granted: day(2025), received: day(2025, 1)),
            facts(5, "ACC", status: .granted, granted: day(2025), received: day(2025, 1), household: false),
        ])
        let engine = PLHIndicatorEngine(data: data, groups: nil, sru: nil, accessionSchemes: [])
        let granted = engine.figure(DerivedMeasure(from: .dossiers, quantity: .dwellings, schemes: ["PLV"]), year: 2025)
        XCTAssertEqual(granted.value, 300)
        XCTAssertEqual(granted.members.map(\.key), ["2025-PLV-1"])
        let received = engine.figure(DerivedMeasure(from: .dossiers, quantity: .count, schemes: ["PLV"], stage: .received), year: 2025)
        XCTAssertEqual(received.value, 200, "received in 2025: the cancelled one and the one under review")
        XCTAssertEqual(engine.figure(DerivedMeasure(from: .dossiers, quantity: .households, schemes: ["ACC"]), year: 2025).value, 100,
                       "an organisation is not a household")
        XCTAssertEqual(engine.figure(DerivedMeasure(from: .dossiers, quantity: .count, schemes: ["PLV"]), year: 2024).value, 0)
    }

    func testProgrammesAYearWithoutDataIsUnknownForecastsAndUnknownCountsLeftOut() {
        let data = PLHReviewData(constructions: [
            construction("A", year: 2024, plus: 10, plai: 5), construction("B", year: 2024, plus: 4, plai: nil),
            construction("C", year: 2024, plus: 20, plai: 10, period: .forecast),
        ])
        let engine = PLHIndicatorEngine(data: data, groups: nil, sru: nil, accessionSchemes: [])
        let plai = engine.figure(DerivedMeasure(from: .construction, quantity: .plai), year: 2024)
        XCTAssertEqual(plai.value, 500)
        XCTAssertEqual(plai.note, "1 programme au nombre de logements inconnu, non compté")
        XCTAssertEqual(engine.figure(DerivedMeasure(from: .construction, quantity: .plaiShare), year: 2024).value,
                       Int64(Percentage.ratio(5, of: 15)!.basisPoints))
        let none = engine.figure(DerivedMeasure(from: .construction, quantity: .dwellings), year: 2025)
        XCTAssertNil(none.value)
        XCTAssertEqual(engine.figure(DerivedMeasure(from: .allocations, quantity: .count), year: 2024).value, nil)
    }

    func testAgreementsSignedAreCountedToTheEndOfTheYear() {
        let data = PLHReviewData(conventions: [Convention(landlordId: "sia", signedOn: day(2023, 9)), Convention(landlordId: "pdch", signedOn: day(2024, 5)),
                                               Convention(landlordId: "mc")], landlordNames: ["sia": "SIA Habitat"])
        let engine = PLHIndicatorEngine(data: data, groups: nil, sru: nil, accessionSchemes: [])
        let d = DerivedMeasure(from: .conventions, quantity: .signed)
        XCTAssertEqual(engine.figure(d, year: 2023).value, 100)
        XCTAssertEqual(engine.figure(d, year: 2024).value, 200)
        XCTAssertEqual(engine.figure(d, year: 2024).members.first?.label, "SIA Habitat — signée le 01/09/2023")
    }

    func testTargetsGapsAndTrends() throws {
        let plh = PLHProgramme(title: "PLH", firstYear: 2023, lastYear: 2028, actions: [PLHAction(number: 4, title: "Accession")])
        let source = ParameterSource(kind: ParameterSourceKind(rawValue: "plh"), text: "50 ménages accompagnés par an")
        let yearly = PLHMeasure(id: "menages", label: "ménages accompagnés", kind: .count, unit: "ménages",
                                derived: DerivedMeasure(from: .dossiers, quantity: .households, schemes: ["ACC"]),
                                target: MeasureTarget(value: 50, per: .year, source: source))
        let period = PLHMeasure(id: "aap", label: "Nombre d'appels à projet mis en œuvre", kind: .count, unit: "appels à projet",
                                target: MeasureTarget(value: 2, per: .period, source: source))
        let sheet = PLHActionSheet(number: 4, objectives: [], owner: "CAPSO", partners: [], levers: [PLHLever(id: "4.1", label: "Levier", years: [2024])],
                                   indicators: [PLHIndicator(id: "4.1", text: "Bilan", measures: [yearly, period])])
        var dossiers: [DossierReviewFacts] = []
        for (y, n) in [(2023, 40), (2024, 55), (2025, 55)] {
            for i in 0..<n { dossiers.append(facts(y * 1000 + i, "ACC", status: .granted, granted: day(y), received: day(y, 1))) }
        }
        let entered = [EnteredIndicatorValue(action: 4, measure: "aap", year: 2024, value: .count(1), agent: "a", enteredOn: day(2025, 1))]
        let engine = PLHIndicatorEngine(data: PLHReviewData(dossiers: dossiers, entered: entered), groups: nil, sru: nil, accessionSchemes: [])
        let review = PLHReview.build(year: 2025, plh: plh, sheets: PLHActionSheets(title: "", actions: [sheet]), engine: engine, ledger: nil)
        let m = review.action(4)!.measure("menages")!
        XCTAssertEqual(m.gap(for: 2025), 500)
        XCTAssertEqual(m.trend(2024), .up)
        XCTAssertEqual(m.trend(2025), .stable)
        XCTAssertEqual(m.periodTarget(through: 2025), 15_000, "50 a year over 2023-2025")
        XCTAssertEqual(m.periodGap(through: 2025), 15_000 - 15_000)
        XCTAssertEqual(m.targetText, "50\u{00A0}ménages par an")
        let p = review.action(4)!.measure("aap")!
        XCTAssertEqual(p.result(for: 2025), 100, "the years so far against a target over the PLH")
        XCTAssertEqual(p.gap(for: 2025), -100)
        XCTAssertEqual(p.text(2023), "—")
        XCTAssertEqual(review.action(4)!.levers[0].state(2024), .planned)
        XCTAssertNil(review.action(4)!.levers[0].state(2023))
    }

    func testTypedValuesAreReadAsFrenchPeopleTypeThem() throws {
        XCTAssertEqual(try IndicatorValue.parse("1 234", kind: .count), .count(1_234))
        XCTAssertEqual(try IndicatorValue.parse("35,2 %", kind: .percent), .number(3_520))
        XCTAssertEqual(try IndicatorValue.parse("4\u{202F}000,50 €", kind: .money), .number(400_050))
        XCTAssertEqual(try IndicatorValue.parse("3,25", kind: .ratio), .number(325))
        XCTAssertEqual(try IndicatorValue.parse("1 200 m²", kind: .area), .number(120_000))
        XCTAssertThrowsError(try IndicatorValue.parse("12,5", kind: .count))
        XCTAssertThrowsError(try IndicatorValue.parse("120 %", kind: .percent))
        XCTAssertThrowsError(try IndicatorValue.parse("-3", kind: .count))
        XCTAssertThrowsError(try IndicatorValue.parse("", kind: .text))
        XCTAssertEqual(IndicatorValue.format(325, .ratio), "3,25")
        XCTAssertEqual(IndicatorValue.format(-250, .ratio), "-2,5")
        XCTAssertEqual(IndicatorValue.format(123_400, .count, unit: "logements"), "1\u{202F}234\u{00A0}logements")
    }
}
