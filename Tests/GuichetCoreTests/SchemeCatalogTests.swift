import Foundation
import XCTest
import GuichetCore

final class SchemeCatalogTests: XCTestCase {
    func testCAPSOFileLoadsAndValidates() throws {
        let c = Fixtures.catalog
        XCTAssertEqual(c.validate(), [])
        // Brief §4 lists 13 schemes.
        XCTAssertEqual(c.schemes.count, 13)
        XCTAssertEqual(Set(c.schemes.map(\.code)).count, c.schemes.count)
        for s in c.schemes {
            XCTAssertTrue(AidScheme.isValidCode(s.code), s.code)
            XCTAssertFalse(s.mandatoryDocuments.isEmpty, "\(s.code) sans pièce obligatoire")
            XCTAssertTrue(s.documents.contains { $0.id == "rib" }, "\(s.code) sans RIB")
        }
    }

    func testFileCarriesTheBriefDefaultsAndFigures() throws {
        let acc = Fixtures.scheme("ACC")
        // The PLH names the age of the home and a minimum of works without figures: the profile's
        // figures are indications to confirm, and the agent checks both on each dossier.
        for kind in [SchemeCondition.Kind.builtBefore, .minimumWorks] {
            let c = try XCTUnwrap(acc.condition(kind))
            XCTAssertEqual(c.source?.kind, .plh, "\(kind)")
            XCTAssertFalse(c.thresholdSource.orDefault.isBinding, "\(kind)")
            XCTAssertFalse(c.isCheckedByProduct, "\(kind)")
        }
        XCTAssertEqual(acc.antiSpeculation?.years, 6)
        XCTAssertEqual(acc.antiSpeculation?.source?.quote, "De la clause anti-spéculative d'interdiction de vente sur 6 ans.")
        XCTAssertEqual(acc.antiSpeculation?.repayment, .full, "repayment in full until the service decides otherwise")
        XCTAssertFalse(acc.antiSpeculation!.repaymentSource.orDefault.isBinding)
        // "200 000 € (50 ménages)": the envelope divided by the aid per household.
        XCTAssertEqual(acc.envelope.yearly!.cents / acc.amountRule.amount!.cents, 50)
        XCTAssertEqual(acc.envelope.target, "50 ménages")
        // "100 000 € (10 logements)" for vacant PLAI, with the cap above the average.
        let plv = Fixtures.scheme("PLV")
        XCTAssertEqual(plv.envelope.yearly!.cents / plv.amountRule.amount!.cents, 10)
        XCTAssertGreaterThan(plv.amountRule.cap!, plv.amountRule.amount!)
        XCTAssertEqual(plv.actions, [2, 5])
        // The vacancy bonus serves action 2 and is paid on action 3; its envelope is approximate.
        let psv = Fixtures.scheme("PSV")
        XCTAssertEqual(psv.actions, [2]); XCTAssertEqual(psv.budgetAction, 3)
        XCTAssertTrue(psv.envelope.isApproximate)
        // The architect fee is paid from the innovation fund; the flat-share has 60 000 € for the whole PLH.
        XCTAssertEqual(Fixtures.scheme("ARC").envelope.fromScheme, "INN")
        XCTAssertNil(Fixtures.scheme("COL").envelope.yearly)
        XCTAssertEqual(Fixtures.scheme("COL").envelope.label, "60\u{202F}000\u{00A0}€ sur la durée du PLH")
        XCTAssertEqual(psv.envelope.label, "environ 30\u{202F}000\u{00A0}€ par an")
    }

    func testPSLACeilingsAreCitedAndGrowWithHouseholdSize() throws {
        let c = try XCTUnwrap(Fixtures.scheme("ARC").condition(.pslaIncome))
        XCTAssertEqual(c.thresholdSource?.kind, .sourceText)
        XCTAssertTrue(c.thresholdSource!.text.contains("PSLA"))
        XCTAssertTrue(c.isCheckedByProduct, "national ceilings are applied")
        let table = c.ceilings!
        for size in 2...table.count { XCTAssertGreaterThan(c.pslaCeiling(size: size)!, c.pslaCeiling(size: size - 1)!) }
        // Beyond the table, each extra person adds `extraPerPerson`.
        XCTAssertEqual(c.pslaCeiling(size: table.count + 2), table.last! + c.extraPerPerson! * 2)
        XCTAssertNil(c.pslaCeiling(size: 0))
    }

    func testRoundTripThroughJSON() throws {
        let data = try JSONEncoder().encode(Fixtures.catalog)
        XCTAssertEqual(try JSONDecoder().decode(SchemeCatalog.self, from: data), Fixtures.catalog)
    }

    func testValidationNamesTheKeyPath() throws {
        var c = Fixtures.catalog
        c.schemes[3].envelope.yearly = Money(euros: -1)
        c.schemes[0].conditions = [SchemeCondition(kind: .builtBefore)]
        c.schemes[0].conditions[0].kind = "ageMaximum"
        c.schemes[5].code = c.schemes[4].code
        c.schemes[6].amountRule.amount = nil
        c.schemes[7].documents.append(c.schemes[7].documents[0])
        let errors = c.validate().map(\.description)
        XCTAssertTrue(errors.contains("schemes[3].envelope.yearly : doit être ≥ 0"), "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("schemes[0].conditions[0].kind : type de condition inconnu « ageMaximum »") }, "\(errors)")
        XCTAssertTrue(errors.contains("schemes[5].code : code « \(c.schemes[4].code) » en double"), "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("schemes[6].amountRule.amount : montant obligatoire") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("schemes[7].documents[\(c.schemes[7].documents.count - 1)].id : identifiant") }, "\(errors)")
    }

    func testMissingConditionParameterAndUnknownEnvelopeSource() {
        var c = Fixtures.catalog
        let i = c.schemes.firstIndex { $0.code == "ACC" }!
        let j = c.schemes[i].conditions.firstIndex { $0.knownKind == .builtBefore }!
        c.schemes[i].conditions[j].source?.text = " "
        c.schemes[i].conditions[j].thresholdSource = ParameterSource(kind: .localDecision, reference: "Délibération n° 12")
        let k = c.schemes.firstIndex { $0.code == "ARC" }!
        c.schemes[k].envelope.fromScheme = "XYZ"
        let errors = c.validate().map(\.description)
        XCTAssertTrue(errors.contains("schemes[\(i)].conditions[\(j)].source.text : citer les mots du PLH"), "\(errors)")
        XCTAssertTrue(errors.contains("schemes[\(i)].conditions[\(j)].thresholdSource.date : la date de la décision est obligatoire"), "\(errors)")
        XCTAssertTrue(errors.contains("schemes[\(k)].envelope.fromScheme : dispositif « XYZ » inconnu"), "\(errors)")
    }

    func testDecodingErrorOfAnUnknownApplicantKindNamesTheKey() throws {
        let text = String(data: Fixtures.catalogData, encoding: .utf8)!.replacingOccurrences(of: "\"socialLandlord\"", with: "\"bailleur\"")
        let loader = ProfileLoader(read: { path in
            if path == "t/territory.json" { return Data(ProfileLoaderFixture.manifest.utf8) }
            if path == "t/plh.json" { return Data(ProfileLoaderFixture.plh(actions: Array(1...20)).utf8) }
            return Data(text.utf8)
        })
        XCTAssertThrowsError(try loader.load(territory: "t")) { e in
            XCTAssertTrue("\(e)".contains("t/schemes.json"), "\(e)")
        }
    }

    func testLoaderReadsSchemesAndCrossChecksPLHActions() throws {
        func loader(actions: [Int]) -> ProfileLoader {
            ProfileLoader(read: { path in
                switch path {
                case "t/territory.json": return Data(ProfileLoaderFixture.manifest.utf8)
                case "t/plh.json": return Data(ProfileLoaderFixture.plh(actions: actions).utf8)
                case "t/schemes.json": return Fixtures.catalogData
                default: throw CocoaError(.fileNoSuchFile)
                }
            })
        }
        let profile = try loader(actions: Array(1...20)).load(territory: "t")
        XCTAssertEqual(profile.schemes, Fixtures.catalog)
        // Without action 11 in the PLH, the senior bonus is reported with its key path.
        XCTAssertThrowsError(try loader(actions: Array(1...20).filter { $0 != 11 }).load(territory: "t")) { e in
            let i = Fixtures.catalog.schemes.firstIndex { $0.code == "BSE" }!
            XCTAssertTrue("\(e)".contains("t/schemes.json : schemes[\(i)].actions[0] : l'action 11 n'existe pas dans le PLH"), "\(e)")
        }
    }
}

/// A territory manifest and a PLH skeleton written in the test (plh.json belongs to another area).
enum ProfileLoaderFixture {
    static let manifest = """
    {"id": "t", "name": "Territoire de test", "shortName": "TEST", "demonstration": true,
     "parts": {"plh": "plh.json", "schemes": "schemes.json"},
     "retention": {"closedDossierYears": 5, "struckOffRequestYears": 1, "warningDays": 14}}
    """
    static func plh(actions: [Int]) -> String {
        let list = actions.map { #"{"number": \#($0), "title": "Action \#($0)", "indicators": [], "partners": []}"# }
        return #"{"title": "PLH de test", "firstYear": 2023, "lastYear": 2028, "actions": [\#(list.joined(separator: ","))]}"#
    }
}
