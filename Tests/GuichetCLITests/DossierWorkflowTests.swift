import Foundation
import XCTest
import GuichetCore
import GuichetStorage

/// The logic the dossier commands rely on: JSON drafts with key-path errors, the streaming
/// audit of `guichet check`, the budget overview's figures (writes: GuichetAppTests).
final class DossierWorkflowTests: XCTestCase {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { dir.deleteLastPathComponent() }
        return dir
    }()
    static let catalog: SchemeCatalog = try! JSONDecoder().decode(
        SchemeCatalog.self, from: Data(contentsOf: root.appendingPathComponent("data/territories/capso/schemes.json")))
    let day = CalendarDate(year: 2026, month: 3, day: 2)!

    static let draftJSON = """
    { "applicant": {"kind": "household", "household": {"members": [{"lastName": "Delattre", "firstName": "Céline", "role": "applicant"}], "size": 1}},
      "property": {"address": "12 rue Carnot", "postcode": "62500", "commune": "Saint-Omer", "inseeCode": "62765",
                   "buildYear": 1965, "dwellings": 1, "adaptedDwellings": 0},
      "facts": {"worksAmount": 1800000, "communeCoFunding": 150000} }
    """

    func draftJSON(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: Data(Self.draftJSON.utf8)) as! [String: Any]
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    func testDraftDecodingErrorsNameTheKeyPath() throws {
        let missing = try draftJSON { o in var p = o["property"] as! [String: Any]; p["commune"] = nil; o["property"] = p }
        XCTAssertThrowsError(try DossierDraft.decode(missing)) { XCTAssertEqual(($0 as! ValidationError).field, "property.commune") }
        let wrongType = try draftJSON { o in var f = o["facts"] as! [String: Any]; f["worksAmount"] = "18 000"; o["facts"] = f }
        XCTAssertThrowsError(try DossierDraft.decode(wrongType)) { XCTAssertEqual(($0 as! ValidationError).field, "facts.worksAmount") }
        let badMember = try draftJSON { o in
            var a = o["applicant"] as! [String: Any]; var h = a["household"] as! [String: Any]
            h["members"] = [["lastName": "X", "firstName": "Y", "role": "cousin"]]; a["household"] = h; o["applicant"] = a
        }
        XCTAssertThrowsError(try DossierDraft.decode(badMember)) {
            XCTAssertEqual(($0 as! ValidationError).field, "applicant.household.members[0].role")
        }
    }

    func testDraftValidationAgainstTheScheme() throws {
        let draft = try DossierDraft.decode(Data(Self.draftJSON.utf8))
        let number = DossierNumber(year: 2026, scheme: "ACC", sequence: 1)
        let d = try draft.makeDossier(number: number, scheme: Self.catalog.scheme(code: "ACC")!, on: day, agent: "t", createdAt: day.instant(hour: 9))
        XCTAssertEqual(d.status, .draft)
        XCTAssertEqual(d.plhAction, 4)
        XCTAssertEqual(d.computedAmount, Self.catalog.scheme(code: "ACC")!.amountRule.amount)
        // A household cannot apply for the social landlords' scheme, and action 4 is not PRL's.
        var wrong = draft; wrong.plhAction = 4
        XCTAssertThrowsError(try wrong.makeDossier(number: DossierNumber(year: 2026, scheme: "PRL", sequence: 1),
                                                   scheme: Self.catalog.scheme(code: "PRL")!, on: day, agent: "t", createdAt: day.instant(hour: 9))) { e in
            XCTAssertEqual(Set((e as! ValidationErrors).errors.map(\.field)), ["plhAction", "applicant.kind"])
        }
    }

    func testAuditFindsInconsistentDossiers() {
        let dossiers = DemoDossiers.generate(count: 400, seed: 3, schemes: Self.catalog, years: 2023...2026,
                                             referenceDate: CalendarDate(year: 2026, month: 11, day: 20)!)
        var clean = DossierAudit(catalog: Self.catalog)
        dossiers.forEach { clean.inspect($0) }
        XCTAssertEqual(clean.report, [])
        XCTAssertEqual(clean.counts.values.reduce(0, +), 400)

        var audit = DossierAudit(catalog: Self.catalog, keep: 50)
        let settled = dossiers.first { $0.status == .settled }!
        var underpaid = settled; underpaid.payments.removeLast()                     // soldé but not all paid
        var overGranted = dossiers.first { $0.status == .granted && $0.schemeCode == "ACC" }!
        overGranted.grant!.amount = overGranted.grant!.amount + Money(euros: 1)     // above the scheme's cap
        var paidDraft = dossiers.first { $0.status == .draft }!
        paidDraft.payments = [Payment(date: day, amount: Money(euros: 10), agent: "t")]
        for d in [settled, underpaid, overGranted, paidDraft] { audit.inspect(d) }
        let report = audit.report.joined(separator: "\n")
        XCTAssertTrue(report.contains("\(settled.number) : numéro en double"), report)
        XCTAssertTrue(report.contains("statut « Soldé » mais versé"), report)
        XCTAssertTrue(report.contains("supérieur au plafond du dispositif"), report)
        XCTAssertTrue(report.contains("mais des versements sont enregistrés"), report)
        var foreign = DossierAudit(catalog: SchemeCatalog(schemes: Self.catalog.schemes.filter { $0.code != settled.schemeCode }))
        foreign.inspect(settled)
        XCTAssertEqual(foreign.problemCount, 1)
        XCTAssertTrue(foreign.report[0].contains("absent du profil"))
    }

    func testBudgetOverviewFlagsUnderConsumptionAndOverspend() {
        let y = 2026
        let figures = [BudgetFigures(scheme: "LHI", year: y, granted: Money(euros: 80_000), paid: Money(euros: 10_000), counts: [.granted: 2]),
                       BudgetFigures(scheme: "ACC", year: y, granted: Money(euros: 20_000), counts: [.granted: 5]),
                       BudgetFigures(scheme: "ARC", year: y, granted: Money(euros: 3_000), counts: [.granted: 2])]
        let o = BudgetOverview(ledger: BudgetLedger(catalog: Self.catalog, figures: figures), plh: nil, year: y,
                               on: CalendarDate(year: y, month: 7, day: 1)!)
        let line = { (code: String) in o.schemes.first { $0.code == code }! }
        XCTAssertTrue(line("LHI").overspent)
        XCTAssertEqual(line("LHI").remaining, Self.catalog.scheme(code: "LHI")!.envelope.yearly! - Money(euros: 80_000))
        // ACC: 20 000 of 200 000 committed (10 %) half-way through the year: under-consumed.
        XCTAssertEqual(line("ACC").committedShareBp, 1_000)
        XCTAssertTrue(line("ACC").underConsumed)
        XCTAssertFalse(line("LHI").underConsumed)
        // ARC draws on the innovation fund: its own money, the fund's envelope.
        XCTAssertEqual(line("ARC").envelopeOf, "INN")
        XCTAssertEqual(line("ARC").committed, Money(euros: 3_000))
        XCTAssertEqual(line("INN").envelopeCommitted, Money(euros: 3_000))
        XCTAssertEqual(o.total.committed, Money(euros: 103_000))
        XCTAssertEqual(o.actions.map(\.committed).reduce(.zero, +), o.schemes.map(\.committed).reduce(.zero, +))
    }
}

@testable import GuichetStorage

/// Storage timestamps are written by arithmetic (demo import speed); they must stay identical
/// to what ISO8601DateFormatter writes, since history and lists sort them as text.
final class TimestampFormatTests: XCTestCase {
    func testSameTextAsTheFormatter() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let samples: [TimeInterval] = [0, 1, 0.999, 86_399.5, 951_782_400.25, 1_700_000_000.123, 1_795_435_837.987, 4_102_444_799.5, -1.5, -86_400]
        for t in samples {
            let d = Date(timeIntervalSince1970: t)
            XCTAssertEqual(Timestamp.string(d), f.string(from: d), "t = \(t)")
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let d = Date(timeIntervalSince1970: TimeInterval(Int64.random(in: 0...4_000_000_000_000, using: &rng)) / 1000)
            XCTAssertEqual(Timestamp.string(d), f.string(from: d))
        }
    }
}

/// The fast path for stored dates must accept and refuse exactly what the general parser does.
final class CalendarDateParsingTests: XCTestCase {
    func testCanonicalAndOtherForms() {
        XCTAssertEqual(CalendarDate(parsing: "2026-11-22"), CalendarDate(year: 2026, month: 11, day: 22))
        XCTAssertEqual(CalendarDate(parsing: "0999-01-01"), CalendarDate(year: 999, month: 1, day: 1))
        XCTAssertEqual(CalendarDate(parsing: "2026-1-5"), CalendarDate(year: 2026, month: 1, day: 5))
        XCTAssertEqual(CalendarDate(parsing: " 2026-01-05 "), CalendarDate(year: 2026, month: 1, day: 5))
        XCTAssertEqual(CalendarDate(parsing: "22/11/2026"), CalendarDate(year: 2026, month: 11, day: 22))
        for bad in ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-11-2a", "2026/11/22", "20261122", "2026-11-221", ""] {
            XCTAssertNil(CalendarDate(parsing: bad), bad)
        }
        XCTAssertEqual(CalendarDate(parsing: "2024-02-29"), CalendarDate(year: 2024, month: 2, day: 29))
        // Every day of four years round-trips through its ISO text.
        var d = CalendarDate(year: 2023, month: 1, day: 1)!
        for _ in 0..<1_461 { XCTAssertEqual(CalendarDate(parsing: d.iso), d); d = d.adding(days: 1) }
    }
}
