import Foundation
import XCTest
@testable import GuichetCore

/// The CAPSO profile's action sheets against the PLH's text: every action, its levers and their
/// years, its maître d'ouvrage and partners, its objectives and its result indicators, word for word.
final class PLHActionSheetsTests: XCTestCase {
    let text = PLHSheetText.shared
    lazy var profile = try! RepoData.loader().load(territory: "capso")
    lazy var sheets = profile.plhActions!

    func testEveryActionOfThePLHHasItsSheetWithIndicators() {
        XCTAssertEqual(text.sheets.count, 20, "the PLH's text has 20 action sheets")
        XCTAssertEqual(sheets.actions.map(\.number), text.sheets.map(\.number))
        XCTAssertEqual(Set(sheets.actions.map(\.number)), Set(profile.plh!.actions.map(\.number)))
        for a in sheets.actions {
            let t = text.sheet(a.number)!
            XCTAssertFalse(a.indicators.isEmpty, "action \(a.number)")
            XCTAssertFalse(a.levers.isEmpty, "action \(a.number)")
            // At least as many indicators as the sheet prints bullets (two indicators printed in
            // one cell without a bullet count once in the text, twice here).
            XCTAssertGreaterThanOrEqual(a.indicators.count, t.indicatorBullets, "action \(a.number)")
            for i in a.indicators { XCTAssertFalse(i.measures.isEmpty, "indicateur \(i.id)") }
        }
        let total = sheets.actions.reduce(0) { $0 + $1.indicators.count }
        let printed = text.sheets.reduce(0) { $0 + $1.indicatorBullets }
        XCTAssertGreaterThanOrEqual(total, printed)
    }

    func testIndicatorsAreTheSheetsWordsAndCoverThem() {
        for a in sheets.actions {
            let t = text.sheet(a.number)!
            for i in a.indicators {
                XCTAssertTrue(t.section.contains(PLHSheetText.normalise(i.text)), "action \(a.number) : « \(i.text) »")
            }
            let pieces = a.indicators.map(\.text) + a.indicators.compactMap(\.heading)
            XCTAssertEqual(PLHSheetText.leftover(t.indicators, removing: pieces), "", "action \(a.number) : indicateur oublié")
        }
    }

    func testObjectivesOwnerAndPartnersAreTheSheetsWords() {
        for a in sheets.actions {
            let t = text.sheet(a.number)!
            for o in a.objectives {
                XCTAssertTrue(t.objectives.contains(PLHSheetText.normalise(o)), "action \(a.number) : « \(o) »")
            }
            XCTAssertEqual(PLHSheetText.leftover(t.objectives, removing: a.objectives), "", "action \(a.number) : objectif oublié")
            XCTAssertEqual(PLHSheetText.normalise(a.owner), t.owner, "action \(a.number)")
            XCTAssertEqual(PLHSheetText.normalise(a.partners.joined(separator: ", ")), t.partners, "action \(a.number)")
        }
    }

    func testLeversAndTheirYearsAreTheCalendars() {
        let years = Array(2023...2028)
        for a in sheets.actions {
            let rows = text.sheet(a.number)!.levers
            XCTAssertEqual(a.levers.map { PLHSheetText.normalise([$0.label, $0.remark].compactMap { $0 }.joined(separator: " ")) }, rows.map(\.label),
                           "action \(a.number)")
            for (lever, row) in zip(a.levers, rows) {
                var mergedPhase: String?
                for (y, cell) in zip(years, row.cells) {
                    if cell.isEmpty, let phase = mergedPhase {
                        // A phase printed once in a merged cell: the profile reads it to 2028 and says so.
                        XCTAssertEqual(lever.calendarText(y), phase, "\(lever.id) \(y)")
                        XCTAssertNotNil(lever.reading, lever.id)
                        continue
                    }
                    XCTAssertEqual(lever.isPlanned(in: y), !cell.isEmpty, "\(lever.id) \(y)")
                    if !cell.isEmpty, !["×", "X", "x"].contains(cell) {
                        XCTAssertEqual(lever.calendarText(y), cell, "\(lever.id) \(y)")
                        mergedPhase = cell
                    } else if !cell.isEmpty {
                        mergedPhase = nil
                    }
                }
            }
        }
    }

    func testMeasureLabelsAndTargetsQuoteTheSheet() {
        var targets = 0
        for a in sheets.actions {
            let t = text.sheet(a.number)!
            for m in a.measures {
                if m.productLabel != true {
                    XCTAssertTrue(t.section.lowercased().contains(PLHSheetText.normalise(m.label).lowercased()), "\(a.number)/\(m.id) : « \(m.label) »")
                }
                guard let target = m.target else { continue }
                targets += 1
                XCTAssertEqual(target.source.kind.rawValue, "plh")
                let cited = text.sheet(a.number)!
                XCTAssertTrue(cited.section.contains(PLHSheetText.normalise(target.source.text)), "\(a.number)/\(m.id) : « \(target.source.text) »")
                // The target's figure is in the quote.
                let figure = target.value == target.value.rounded() ? String(Int(target.value)) : String(target.value)
                XCTAssertTrue(target.source.text.contains(figure) || (figure == "1" && target.source.text.hasPrefix("un ")), "\(a.number)/\(m.id)")
            }
        }
        XCTAssertGreaterThan(targets, 0)
    }

    func testDerivedAndEnteredMeasures() {
        let all = sheets.allMeasures
        XCTAssertTrue(all.contains { $0.measure.derived?.from == .dossiers })
        XCTAssertTrue(all.contains { $0.measure.derived?.from == .construction })
        XCTAssertTrue(all.contains { $0.measure.isEntered })
        // The counter's activity (action 18) is entered by nature of the request.
        let visits = sheets.sheet(18)!.measure("personnes-accueillies")!
        XCTAssertTrue(visits.isEntered)
        XCTAssertFalse(visits.allParts.isEmpty)
        XCTAssertEqual(visits.partsSource?.isDefaultToConfirm, true)
    }

    func testValidationNamesTheKeyPath() {
        var broken = sheets
        broken.actions[1].indicators[2].measures[0].derived?.quantity = DerivedQuantity(rawValue: "plaiShare")
        broken.actions[0].levers[0].years = []
        broken.actions[3].indicators[1].measures[0].kind = MeasureKind(rawValue: "nombre")
        let fields = broken.validate().map(\.field)
        XCTAssertTrue(fields.contains("actions[1].indicators[2].measures[0].derived.quantity"), "\(fields)")
        XCTAssertTrue(fields.contains("actions[0].levers[0].years"), "\(fields)")
        XCTAssertTrue(fields.contains("actions[3].indicators[1].measures[0].kind"), "\(fields)")

        var missing = sheets
        missing.actions.removeLast()
        XCTAssertTrue(missing.crossCheck(plh: profile.plh!).contains { $0.message.contains("20") })
        var unknown = sheets
        unknown.actions[1].indicators[2].measures[0].derived?.schemes = ["XYZ"]
        XCTAssertFalse(unknown.crossCheck(schemes: profile.schemes!).isEmpty)
    }

    func testAChangedWordFailsTheProfileWithItsKeyPath() throws {
        let file = try String(contentsOf: RepoData.territories.appendingPathComponent("capso/plh-actions.json"), encoding: .utf8)
        let original = "Nombre de rencontres avec les communes"
        XCTAssertTrue(file.contains(original))
        let changed = file.replacingOccurrences(of: original, with: "Nombre de réunions avec les communes")
        XCTAssertThrowsError(try RepoData.loader(overriding: ["capso/plh-actions.json": changed]).load(territory: "capso")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("actions[19].indicators[0].text : introuvable dans le texte du PLH"), text)
        }
        // A lever broken over two rows of its calendar in the text still reads whole.
        XCTAssertTrue(sheets.sheet(3)!.levers.contains { $0.label == "Sensibilisation et communication sur la précarité énergétique" })
    }
}
