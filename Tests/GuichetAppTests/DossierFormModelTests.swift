import GuichetApp
import GuichetCore
import GuichetStorage
import XCTest

/// The form's pure part: which fields a scheme shows, parsing, and the domain's messages; and
/// the two properties of issue 12 on the demo base of every territory: "open, save without
/// change" gives the dossier back unchanged, and every field the form shows round-trips.
final class DossierFormModelTests: XCTestCase {
    private func scheme(_ code: String) throws -> AidScheme {
        let profile = try ProfileDirectory.load(territory: "demo")
        return try XCTUnwrap(profile.schemes?.scheme(code: code))
    }

    private func blank(_ s: AidScheme, kind: ApplicantKind) -> AidDossier {
        DossierFormModel.blank(scheme: s, kind: kind, year: 2026, createdAt: Date(timeIntervalSince1970: 0))
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
        XCTAssertFalse(accFields.contains(.income), "ACC asks no income: its form must not touch it")
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

    /// For every dossier of the demo base of every territory with schemes: what the form shows,
    /// sent back unchanged, is the dossier itself (nothing erased, nothing rewritten).
    func testOpenAndSaveWithoutChangeGivesTheDossierBack() throws {
        for territory in try territoriesWithSchemes() {
            let profile = try ProfileDirectory.load(territory: territory)
            let catalog = try XCTUnwrap(profile.schemes)
            let dossiers = DemoDossiers.generate(count: 1_500, seed: 5, schemes: catalog, years: 2023...2026, referenceDate: testDay)
            XCTAssertEqual(Set(dossiers.map(\.schemeCode)), Set(catalog.schemes.map(\.code)), "every scheme of \(territory)")
            for d in dossiers {
                let scheme = try XCTUnwrap(catalog.scheme(code: d.schemeCode))
                let shown = DossierFormInput.showing(d, scheme: scheme)
                let result = shown.result(over: d, scheme: scheme)
                XCTAssertEqual(result.dossier, d, "\(territory) \(d.number): the form changed what the agent did not")
            }
        }
    }

    /// Every field a scheme's form shows: a new value typed, then the dossier shown again, gives
    /// the value typed (as the form writes it), and no other field moved.
    func testEveryShownFieldRoundTrips() throws {
        for territory in try territoriesWithSchemes() {
            let catalog = try XCTUnwrap(ProfileDirectory.load(territory: territory).schemes)
            let dossiers = DemoDossiers.generate(count: 600, seed: 6, schemes: catalog, years: 2024...2026, referenceDate: testDay)
            for d in dossiers where !d.isAnonymised {
                let scheme = try XCTUnwrap(catalog.scheme(code: d.schemeCode))
                let input = DossierFormInput.showing(d, scheme: scheme)
                for field in DossierField.fields(for: scheme, applicant: d.applicant.kind) {
                    let typed = Self.newText(for: field, current: input.texts[field] ?? "", dossier: d)
                    var edited = input
                    edited.texts[field] = typed
                    let result = edited.result(over: d, scheme: scheme)
                    XCTAssertNil(result.errors[field], "\(d.number) \(field): « \(typed) » refused: \(result.errors)")
                    let reopened = DossierFormInput.showing(result.dossier, scheme: scheme)
                    XCTAssertEqual(reopened.texts[field], typed, "\(territory) \(d.number) \(field)")
                    for other in reopened.texts.keys where other != field {
                        XCTAssertEqual(reopened.texts[other], input.texts[other], "\(d.number): typing \(field) moved \(other)")
                    }
                }
            }
        }
    }

    /// A valid value different from `current` for the field.
    static func newText(for field: DossierField, current: String, dossier d: AidDossier) -> String {
        func differs(_ a: String, _ b: String) -> String { current == a ? b : a }
        switch field {
        case .lastName: return differs("Lefebvre-Essai", "Martin-Essai")
        case .firstName: return differs("Éloïse", "Gaëtan")
        case .householdSize: return String(max(d.applicant.household?.members.count ?? 1, 1) + (current == "7" ? 1 : 6))
        case .income: return differs("36480,00", "21000,50")
        case .orgName: return differs("Habitat Essai", "Logis Essai")
        case .siret: return differs("73282932000074", "55210055400013")
        case .address: return differs("4 rue de l’Essai", "9 place du Test")
        case .postcode: return differs("62500", "62510")
        case .commune: return differs("Arques", "Longuenesse")
        case .insee: return differs("62040", "62525")
        case .buildYear: return differs("1962", "1948")
        case .vacantSince: return differs("01/02/2019", "15/06/2018")
        case .dwellings: return String(max(d.property.adaptedDwellings, d.property.plaiDwellings ?? 0) + (current == "12" ? 13 : 12))
        case .adapted: return differs("0", "1")
        case .works: return differs("18500,00", "22000,00")
        case .communeCoFunding: return differs("1500,00", "2000,00")
        case .epciDate: return differs("10/01/2024", "12/03/2023")
        case .purchaseDate: return differs("01/02/2025", "15/09/2024")
        case .requested: return differs("5000,00", "4000,00")
        }
    }
}
