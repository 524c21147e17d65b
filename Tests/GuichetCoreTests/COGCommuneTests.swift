import Foundation
import XCTest
@testable import GuichetCore

/// The territory's communes from the official geographic code: read from `data/communes/`,
/// suggested as agents type them, filling name, INSEE code and postcode together.
final class COGCommuneTests: XCTestCase {
    static let all: [COGCommune] = {
        let text = try! String(contentsOf: Fixtures.repositoryFile("data/communes/62.csv"), encoding: .utf8)
        return try! COGCommune.parse(csv: text)
    }()

    func testTheDepartmentListHoldsEveryCommuneWithItsCodes() throws {
        XCTAssertEqual(Self.all.count, 887)
        XCTAssertEqual(Set(Self.all.map(\.insee)).count, 887, "one line per INSEE code")
        XCTAssertTrue(Self.all.allSatisfy { $0.insee.hasPrefix("62") && $0.insee.count == 5 })
        let saintOmer = try XCTUnwrap(Self.all.first { $0.insee == "62765" })
        XCTAssertEqual(saintOmer.name, "Saint-Omer")
        XCTAssertEqual(saintOmer.postcodes, ["62500"])
        // The CAPSO's 53 communes and the CABBALR's 100, by the SIREN of their EPCI.
        XCTAssertEqual(Self.all.filter { $0.epci == "200069037" }.count, 53)
        XCTAssertEqual(Self.all.filter { $0.epci == "200072460" }.count, 100)
    }

    func testSuggestionsAsAgentsTypeThem() {
        let capso = Self.all.filter { $0.epci == "200069037" }
        XCTAssertEqual(COGCommune.matching(SearchText("saint omer"), in: capso).first?.name, "Saint-Omer")
        XCTAssertEqual(COGCommune.matching(SearchText("SAINT-OMER"), in: capso).first?.name, "Saint-Omer")
        XCTAssertEqual(COGCommune.matching(SearchText("eperl"), in: capso).map(\.name), ["Éperlecques", "Bayenghem-lès-Éperlecques"])
        XCTAssertTrue(COGCommune.matching(SearchText("62510"), in: capso).contains { $0.name == "Arques" })
        XCTAssertEqual(COGCommune.named("saint omer", in: capso)?.insee, "62765")
        XCTAssertNil(COGCommune.named("saint", in: capso), "several communes start with Saint")
        XCTAssertEqual(COGCommune.matching(SearchText("Saint-Omer"), in: capso).first?.label, "Saint-Omer (62500)")
    }

    func testAMalformedLineIsNamed() {
        XCTAssertThrowsError(try COGCommune.parse(csv: "code_insee;nom;codes_postaux;epci_siren;epci_nom\n627;Ailleurs\n")) { error in
            XCTAssertEqual("\(error)", "ligne 2 : ligne illisible (attendu : code INSEE;nom;codes postaux;EPCI)")
        }
    }
}
