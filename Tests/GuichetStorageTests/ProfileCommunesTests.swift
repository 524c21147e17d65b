import Foundation
import XCTest
@testable import GuichetCore
@testable import GuichetStorage

/// Each profile names its communes: the COG list of its département, filtered by its EPCI.
final class ProfileCommunesTests: XCTestCase {
    func testEveryTerritoryHasItsCommunes() throws {
        XCTAssertEqual(try ProfileDirectory.load(territory: "capso").communes.count, 53)
        XCTAssertEqual(try ProfileDirectory.load(territory: "cabbalr").communes.count, 100)
        let demo = try ProfileDirectory.load(territory: "demo").communes
        XCTAssertEqual(demo.count, 153)
        // The demo's communes are written as the COG writes them (name and code).
        let reference = DemoReferenceData.communes
        for c in reference {
            XCTAssertTrue(demo.contains { $0.insee == c.insee && $0.name == c.name && $0.postcodes.contains(c.postcode) }, c.name)
        }
    }

    func testTheDataFolderOrItsTerritoriesFolderBothWork() throws {
        let data = try XCTUnwrap(ProfileDirectory.locate(environment: [:]))
        let viaTerritories = ProfileDirectory.search(environment: ["GUICHET_DATA_DIR": data.appendingPathComponent("territories").path])
        XCTAssertEqual(viaTerritories.found?.standardizedFileURL.path, data.standardizedFileURL.path)
        let nowhere = ProfileDirectory.search(environment: ["GUICHET_DATA_DIR": "/nonexistent/guichet"])
        XCTAssertNil(nowhere.found)
        XCTAssertEqual(nowhere.looked, ["/nonexistent/guichet (GUICHET_DATA_DIR)"])
        XCTAssertTrue("\(ProfileDirectory.notFound(nowhere))".contains("/nonexistent/guichet (GUICHET_DATA_DIR)"))
    }
}
