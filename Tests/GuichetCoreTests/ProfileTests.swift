import Foundation
import XCTest
@testable import GuichetCore

/// Reads profiles from the repository's data/territories, as the application does.
enum RepoData {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }()
    static let territories = root.appendingPathComponent("data/territories")
    static func loader(overriding files: [String: String] = [:]) -> ProfileLoader {
        ProfileLoader { rel in
            if let text = files[rel] { return Data(text.utf8) }
            return try Data(contentsOf: territories.appendingPathComponent(rel))
        }
    }
}

final class ProfileTests: XCTestCase {
    func testEveryShippedProfileLoads() throws {
        for id in ["capso", "cabbalr", "demo"] {
            XCTAssertNoThrow(try RepoData.loader().load(territory: id), id)
        }
        let demo = try RepoData.loader().load(territory: "demo")
        XCTAssertTrue(demo.manifest.demonstration)
        XCTAssertTrue(demo.name.contains("démonstration"))
        XCTAssertEqual(demo.plh, try RepoData.loader().load(territory: "capso").plh)
        // The demo merges the CAPSO PLH and schemes with the CABBALR grid, landlords and rules.
        let cabbalr = try RepoData.loader().load(territory: "cabbalr")
        XCTAssertEqual(demo.schemes, try RepoData.loader().load(territory: "capso").schemes)
        XCTAssertEqual(demo.cotation, cabbalr.cotation)
        XCTAssertEqual(demo.landlords, cabbalr.landlords)
        XCTAssertEqual(demo.programmeRules, cabbalr.programmeRules)
        XCTAssertNotNil(demo.cotation)
        XCTAssertNotNil(demo.landlords)
    }

    /// The synthesis table of brief §3: totals computed from the 20 lines.
    func testPLHTotalsReproduceTheBrief() throws {
        let plh = try XCTUnwrap(try RepoData.loader().load(territory: "capso").plh)
        XCTAssertEqual(plh.actions.count, 20)
        XCTAssertEqual(plh.years, 2023...2028)
        let inv = plh.totals(.investment), op = plh.totals(.operating)
        XCTAssertEqual(inv.inside, Money(euros: 14_285_000))
        XCTAssertEqual(inv.insidePerYear, Money(euros: 2_380_833))
        XCTAssertEqual(inv.outside, Money(euros: 1_800_000))
        XCTAssertEqual(inv.inside + inv.outside, Money(euros: 16_085_000))
        XCTAssertEqual(op.inside, Money(euros: 1_316_000))
        XCTAssertEqual(op.insidePerYear, Money(euros: 219_333))
        XCTAssertEqual(plh.action(10)?.investment?.perYear(), Money(euros: 10_833))
        XCTAssertEqual(plh.action(11)?.operating?.perYear(), Money(euros: 4_167))
        XCTAssertEqual(plh.action(13)?.operating?.outsideBudget, true)
        XCTAssertEqual(plh.action(18)?.operating?.outsideBudget, true)
        // Actions with no investment line of their own.
        for n in [2, 6, 8, 9, 12, 14, 15, 17, 19] { XCTAssertNil(plh.action(n)?.investment, "action \(n)") }
    }

    func testErrorsNameFileAndKeyPath() throws {
        var plh = try String(contentsOf: RepoData.territories.appendingPathComponent("capso/plh.json"), encoding: .utf8)
        plh = plh.replacingOccurrences(of: "\"sixYears\": 780000000", with: "\"sixYears\": -1")
        XCTAssertThrowsError(try RepoData.loader(overriding: ["capso/plh.json": plh]).load(territory: "capso")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("capso/plh.json"), text)
            XCTAssertTrue(text.contains("actions[2].investment.sixYears : doit être ≥ 0"), text)
        }
        let missingKey = #"{"id":"capso","name":"x","shortName":"x","demonstration":false,"parts":{}}"#
        XCTAssertThrowsError(try RepoData.loader(overriding: ["capso/territory.json": missingKey]).load(territory: "capso")) {
            XCTAssertTrue("\($0)".contains("retention : clé obligatoire absente"), "\($0)")
        }
        XCTAssertThrowsError(try RepoData.loader(overriding: ["capso/territory.json": "{ not json"]).load(territory: "capso")) {
            XCTAssertTrue("\($0)".contains("capso/territory.json : JSON invalide"), "\($0)")
        }
        let unknownPart = #"{"id":"capso","name":"x","shortName":"x","demonstration":false,"parts":{"budget":"b.json"},"retention":{"closedDossierYears":0,"struckOffRequestYears":1,"warningDays":14}}"#
        XCTAssertThrowsError(try RepoData.loader(overriding: ["capso/territory.json": unknownPart]).load(territory: "capso")) {
            let text = "\($0)"
            XCTAssertTrue(text.contains("parts.budget : partie inconnue"), text)
            XCTAssertTrue(text.contains("retention.closedDossierYears : doit être ≥ 1"), text)
        }
    }
}
