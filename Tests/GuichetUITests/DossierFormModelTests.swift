import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// The form's pure part: which fields a scheme shows, parsing, and the domain's messages.
final class DossierFormModelTests: XCTestCase {
    private func scheme(_ code: String) throws -> AidScheme {
        let profile = try ProfileDirectory.load(territory: "demo")
        return try XCTUnwrap(profile.schemes?.scheme(code: code))
    }

    private func blank(_ s: AidScheme, kind: ApplicantKind) -> AidDossier {
        AidDossier(number: DossierNumber(year: 2026, scheme: s.code, sequence: 1), plhAction: s.primaryAction,
                   applicant: Applicant(kind: kind), property: Property(address: "", postcode: "", commune: "", inseeCode: ""),
                   createdAt: CalendarDate(year: 2026, month: 3, day: 2)!.instant(hour: 9))
    }

    func testFieldsFollowTheScheme() throws {
        let plv = try scheme("PLV")
        let plvFields = DossierField.fields(for: plv, applicant: .socialLandlord)
        XCTAssertTrue(plvFields.contains(.siret) && plvFields.contains(.orgName) && plvFields.contains(.requested))
        XCTAssertFalse(plvFields.contains(.lastName))
        let acc = try scheme("ACC")
        let accFields = Set(DossierField.fields(for: acc, applicant: .household))
        XCTAssertTrue(accFields.isSuperset(of: [.lastName, .firstName, .works, .communeCoFunding, .buildYear, .purchaseDate]))
        XCTAssertFalse(accFields.contains(.siret))
        XCTAssertFalse(accFields.contains(.epciDate))
        XCTAssertTrue(DossierField.fields(for: try scheme("PRL"), applicant: .socialLandlord).contains(.epciDate))
    }

    func testInvalidSiretNegativeAmountAndMissingFieldsAreNamed() throws {
        let plv = try scheme("PLV")
        let model = DossierFormModel(scheme: plv, applicantKind: .socialLandlord)
        let result = model.build(texts: [.orgName: "Habitat 62", .siret: "12345678901234", .address: "3 place Foch",
                                         .postcode: "62500", .insee: "62765", .dwellings: "2", .requested: "-5"],
                                 over: blank(plv, kind: .socialLandlord))
        XCTAssertFalse(result.isValid)
        XCTAssertEqual(result.errors[.siret], "SIRET invalide (clé de contrôle).")
        XCTAssertEqual(result.errors[.requested], "Le montant ne peut pas être négatif.")
        XCTAssertEqual(result.errors[.commune], "Champ obligatoire.")
        XCTAssertNil(result.errors[.orgName])
    }

    func testValidTextsBuildTheDossier() throws {
        let plv = try scheme("PLV")
        let model = DossierFormModel(scheme: plv, applicantKind: .socialLandlord)
        // 73282932000074: a SIRET whose Luhn key is right.
        let texts: [DossierField: String] = [.orgName: "Habitat 62", .siret: "732 829 320 00074", .address: "3 place Foch",
                                             .postcode: "62500", .commune: "Saint-Omer", .insee: "62765", .dwellings: "2",
                                             .requested: "12 500,50 €"]
        let result = model.build(texts: texts, over: blank(plv, kind: .socialLandlord))
        XCTAssertEqual(result.errors, [:])
        XCTAssertTrue(result.isValid, "\(result.otherErrors)")
        XCTAssertEqual(result.dossier.requestedAmount, Money(cents: 1_250_050))
        XCTAssertEqual(result.dossier.property.dwellings, 2)
        XCTAssertEqual(result.dossier.applicant.organisation?.name, "Habitat 62")
        // Round trip: the texts the form shows for the dossier give the same dossier back.
        let again = model.build(texts: DossierFormModel.texts(of: result.dossier), over: result.dossier)
        XCTAssertEqual(again.dossier, result.dossier)
    }
}
