import GuichetApp
import GuichetCore
import GuichetStorage
import XCTest

/// The form's pure part: which fields a scheme shows, parsing, and the domain's messages; and
/// the two properties of issue 12 on the demo base of every territory: "open, save without
/// change" gives the dossier back unchanged, and every field the form shows round-trips.
extension IBAN {
    /// Two IBANs that pass their key (the banks' own published examples).
    static let exampleA = try! IBAN("FR76 3000 6000 0112 3456 7890 189")
    static let exampleB = try! IBAN("FR14 2004 1010 0505 0001 3M02 606")
}

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

    /// PO / PB: asked of a private owner only, chosen from the list, kept by "open, save", and
    /// dropped with the kind of applicant when the agent chooses another one.
    func testOwnerStatusIsAPrivateOwnersChoice() throws {
        let pig = try XCTUnwrap(ProfileDirectory.load(territory: "capso").schemes?.scheme(code: "PIG"))
        XCTAssertTrue(pig.applicants.contains(.privateOwner))
        XCTAssertTrue(DossierField.fields(for: pig, applicant: .privateOwner).contains(.ownerStatus))
        for kind in pig.applicants where kind != .privateOwner {
            XCTAssertFalse(DossierField.fields(for: pig, applicant: kind).contains(.ownerStatus), "\(kind)")
        }
        XCTAssertEqual(DossierField.ownerStatus.choices?.map(DossierField.ownerStatus.choiceLabel),
                       ["Non précisé", "Propriétaire occupant (PO)", "Propriétaire bailleur (PB)"])
        let base = blank(pig, kind: .privateOwner)
        var input = DossierFormInput.showing(base, scheme: pig)
        XCTAssertEqual(input.texts[.ownerStatus], "")
        input.texts[.ownerStatus] = "Propriétaire bailleur"
        let landlord = input.result(over: base, scheme: pig).dossier
        XCTAssertEqual(landlord.applicant.ownerStatus, .landlord)
        XCTAssertEqual(DossierFormInput.showing(landlord, scheme: pig).result(over: landlord, scheme: pig).dossier, landlord)
        input.texts[.ownerStatus] = "locataire"
        XCTAssertEqual(input.result(over: base, scheme: pig).errors[.ownerStatus],
                       "Choisissez propriétaire occupant (PO) ou propriétaire bailleur (PB).")
        // LHI takes a private owner or a commune: choosing the commune drops PO / PB with the owner.
        let lhi = try XCTUnwrap(ProfileDirectory.load(territory: "capso").schemes?.scheme(code: "LHI"))
        var owner = landlord
        owner.schemeCode = "LHI"
        var typed = DossierFormInput.showing(owner, scheme: lhi)
        typed.applicantKind = .commune
        typed.texts[.orgName] = "Commune d’Arques"
        let moved = typed.result(over: owner, scheme: lhi)
        XCTAssertNil(moved.dossier.applicant.ownerStatus, "PO / PB goes with the private owner")
        XCTAssertNil(moved.errors[.ownerStatus])
        XCTAssertFalse(moved.otherErrors.contains { $0.contains("occupant ou bailleur") }, "\(moved.otherErrors)")
    }

    /// Issue 18: letters go to the applicant's own postal address, typed on the fiche; what the
    /// form does not show (lieu-dit, country) is kept, and an incomplete address names its field.
    func testPostalAddressIsTypedKeptAndChecked() throws {
        let acc = try scheme("ACC")
        let model = DossierFormModel(scheme: acc, applicantKind: .household)
        var base = blank(acc, kind: .household)
        base.applicant.postalAddress = PostalAddress(street: "4 rue Neuve", locality: "Lieu-dit Le Bois", postcode: "62500", town: "Saint-Omer")
        var texts = DossierFormModel.texts(of: base)
        XCTAssertEqual(texts[.mailStreet], "4 rue Neuve")
        XCTAssertEqual(model.build(texts: texts, over: base).dossier.applicant.postalAddress, base.applicant.postalAddress,
                       "shown and saved unchanged: nothing new")
        texts[.mailStreet] = "12 rue des Tilleuls"
        texts[.mailComplement] = "Appartement 3"
        texts[.mailPostcode] = "62510"
        texts[.mailTown] = "Arques"
        let typed = model.build(texts: texts, over: base).dossier.applicant.postalAddress
        XCTAssertEqual(typed, PostalAddress(complement: "Appartement 3", street: "12 rue des Tilleuls", locality: "Lieu-dit Le Bois",
                                            postcode: "62510", town: "Arques"))
        texts[.mailPostcode] = "625"
        XCTAssertNotNil(model.build(texts: texts, over: base).errors[.mailPostcode])
        texts[.mailPostcode] = "62510"
        texts[.mailStreet] = ""
        XCTAssertNotNil(model.build(texts: texts, over: base).errors[.mailStreet], "a street is needed for a letter")
        var none = blank(acc, kind: .household)
        none.applicant.postalAddress = PostalAddress(street: "4 rue Neuve", postcode: "62500", town: "Saint-Omer")
        var cleared = DossierFormModel.texts(of: none)
        for f in [DossierField.mailStreet, .mailComplement, .mailPostcode, .mailTown] { cleared[f] = "" }
        XCTAssertNil(model.build(texts: cleared, over: none).dossier.applicant.postalAddress, "emptied: no postal address")
        // An organisation's letters go for the attention of the contact typed on the fiche.
        let plv = try scheme("PLV")
        let landlord = DossierFormModel(scheme: plv, applicantKind: .socialLandlord)
        let organisation = landlord.build(texts: [.orgName: "Habitat 62", .contactName: "Claire Dubois",
                                                  .contactRole: "responsable du développement"],
                                          over: blank(plv, kind: .socialLandlord)).dossier.applicant.organisation
        XCTAssertEqual(organisation?.contactLine, "Claire Dubois, responsable du développement")
        // Bank details: the IBAN is shown masked; typed whole it replaces the stored one, checked by its key.
        var paid = blank(acc, kind: .household)
        paid.applicant.bankAccount = BankAccount(holder: "Jeanne Dupuis", iban: IBAN.exampleA)
        var bank = DossierFormModel.texts(of: paid)
        XCTAssertEqual(bank[.iban], "FR•• •••• •••• •••• •••• •••0 189")
        XCTAssertEqual(model.build(texts: bank, over: paid).dossier.applicant.bankAccount, paid.applicant.bankAccount)
        bank[.iban] = "FR14 2004 1010 0505 0001 3M02 606"
        XCTAssertEqual(model.build(texts: bank, over: paid).dossier.applicant.bankAccount?.iban, IBAN.exampleB)
        bank[.iban] = "FR14 2004 1010 0505 0001 3M02 607"
        XCTAssertEqual(model.build(texts: bank, over: paid).errors[.iban], "IBAN invalide (clé de contrôle) : vérifiez la saisie.")
        XCTAssertEqual(DossierFieldLabels.sentence(FieldChange(field: "applicant.bankAccount.iban", old: nil, new: IBAN.exampleA.value)),
                       "IBAN : vide → FR•• •••• •••• •••• •••• •••0 189", "the history never shows the whole number")
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
                    if field == .accountHolder && d.applicant.bankAccount == nil {
                        // A holder alone is no bank account: the IBAN is asked for.
                        XCTAssertEqual(result.errors[.iban], "L’IBAN est obligatoire avec le titulaire du compte.")
                        continue
                    }
                    let reopened = DossierFormInput.showing(result.dossier, scheme: scheme)
                    // An IBAN typed whole is shown back masked.
                    let shown = field == .iban ? try IBAN(typed).masked : typed
                    XCTAssertEqual(reopened.texts[field], shown, "\(territory) \(d.number) \(field)")
                    for other in reopened.texts.keys where other != field {
                        XCTAssertEqual(reopened.texts[other], input.texts[other], "\(d.number): typing \(field) moved \(other)")
                    }
                }
            }
        }
    }

    /// Amounts and dates as agents type them are read, and shown back in the French form.
    func testAmountsAndDatesAsAgentsTypeThem() throws {
        let catalog = try XCTUnwrap(ProfileDirectory.load(territory: "capso").schemes)
        let d = try XCTUnwrap(DemoDossiers.generate(count: 300, seed: 6, schemes: catalog, years: 2024...2026, referenceDate: testDay)
            .first { $0.schemeCode == "ACC" && !$0.isAnonymised })
        let scheme = try XCTUnwrap(catalog.scheme(code: "ACC"))
        for typed in ["50 000,5", "50000,50", "50\u{202F}000,50\u{00A0}€", "50 000.5"] {
            var input = DossierFormInput.showing(d, scheme: scheme)
            input.texts[.works] = typed
            input.texts[.purchaseDate] = "15/1/25"
            let result = input.result(over: d, scheme: scheme)
            XCTAssertNil(result.errors[.works], typed)
            XCTAssertNil(result.errors[.purchaseDate])
            let shown = DossierFormInput.showing(result.dossier, scheme: scheme)
            XCTAssertEqual(shown.texts[.works], "50\u{202F}000,50\u{00A0}€", typed)
            XCTAssertEqual(shown.texts[.purchaseDate], "15/01/2025")
        }
        var input = DossierFormInput.showing(d, scheme: scheme)
        input.texts[.purchaseDate] = "31/02/2025"
        XCTAssertEqual(input.result(over: d, scheme: scheme).errors[.purchaseDate], "31/02/2025 n’existe pas.")
    }

    /// The household's members, phone and e-mail are shown and edited; the applicant stays first.
    func testHouseholdMembersPhoneAndEmail() throws {
        let catalog = try XCTUnwrap(ProfileDirectory.load(territory: "capso").schemes)
        let d = try XCTUnwrap(DemoDossiers.generate(count: 300, seed: 6, schemes: catalog, years: 2024...2026, referenceDate: testDay)
            .first { $0.schemeCode == "ACC" && !$0.isAnonymised })
        let scheme = try XCTUnwrap(catalog.scheme(code: "ACC"))
        var input = DossierFormInput.showing(d, scheme: scheme)
        XCTAssertEqual(input.members, MemberText.others(of: d))
        let applicant = d.applicant.household!.members.first { $0.role == .applicant }!
        input.members = [MemberText(role: .child, lastName: "Dupuis", firstName: "Léa", birthDate: "3/4/15")]
        input.texts[.phone] = "03 21 98 76 54"
        input.texts[.email] = "jeanne.dupuis@exemple.fr"
        let result = input.result(over: d, scheme: scheme)
        XCTAssertTrue(result.isValid, "\(result.errors) \(result.memberErrors)")
        let h = try XCTUnwrap(result.dossier.applicant.household)
        XCTAssertEqual(h.members.map(\.firstName), [applicant.firstName, "Léa"])
        XCTAssertEqual(h.members[1].birthDate, CalendarDate(year: 2015, month: 4, day: 3))
        XCTAssertEqual(result.dossier.applicant.phone, "03 21 98 76 54")
        XCTAssertEqual(result.dossier.applicant.email, "jeanne.dupuis@exemple.fr")
        // Shown again, the same rows: saving again changes nothing.
        let again = DossierFormInput.showing(result.dossier, scheme: scheme)
        XCTAssertEqual(again.result(over: result.dossier, scheme: scheme).dossier, result.dossier)

        var bad = DossierFormInput.showing(d, scheme: scheme)
        bad.texts[.email] = "jeanne.dupuis"
        bad.members = [MemberText(role: .child, lastName: "", firstName: "Léa", birthDate: "31/02/2015")]
        let refused = bad.result(over: d, scheme: scheme)
        XCTAssertEqual(refused.errors[.email], "Adresse invalide (exemple : prenom.nom@exemple.fr).")
        XCTAssertEqual(refused.memberErrors[0], "Le nom et le prénom sont obligatoires.")
        XCTAssertFalse(refused.isValid)
    }

    /// A valid value different from `current` for the field.
    static func newText(for field: DossierField, current: String, dossier d: AidDossier) -> String {
        func differs(_ a: String, _ b: String) -> String { current == a ? b : a }
        // Amounts as the form shows them back: "18 500,00 €".
        func euros(_ value: Double) -> String { FrenchFormat.money(Money(cents: Int64((value * 100).rounded()))) }
        switch field {
        case .lastName: return differs("Lefebvre-Essai", "Martin-Essai")
        case .firstName: return differs("Éloïse", "Gaëtan")
        case .birthDate: return differs("03/04/1955", "15/01/1990")
        case .incomeYear: return differs("2024", "2023")
        case .phone: return differs("03 21 12 34 56", "06 12 34 56 78")
        case .email: return differs("jeanne.dupuis@exemple.fr", "contact@exemple.org")
        case .mailComplement: return differs("Appartement 3", "Résidence Les Tilleuls")
        case .mailStreet: return differs("12 rue des Tilleuls", "5 avenue de l’Essai")
        case .mailPostcode: return differs("62500", "62510")
        case .mailTown: return differs("Arques", "Saint-Omer")
        case .contactName: return differs("Claire Dubois", "Marc Lenoir")
        case .contactRole: return differs("responsable du développement", "directrice du patrimoine")
        case .accountHolder: return differs("Jeanne Dupuis", "SCI Les Essais")
        case .iban: return differs(IBAN.exampleA.masked, IBAN.exampleB.masked) == IBAN.exampleA.masked ? IBAN.exampleA.value : IBAN.exampleB.value
        case .householdSize: return String(max(d.applicant.household?.members.count ?? 1, 1) + (current == "7" ? 1 : 6))
        case .income: return differs(euros(36_480), euros(21_000.5))
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
        case .works: return differs(euros(18_500), euros(22_000))
        case .communeCoFunding: return differs(euros(1_500), euros(2_000))
        case .epciDate: return differs("10/01/2024", "12/03/2023")
        case .purchaseDate: return differs("01/02/2025", "15/09/2024")
        case .requested: return differs(euros(5_000), euros(4_000))
        case .ownerStatus: return differs("Propriétaire bailleur", "Propriétaire occupant")
        }
    }
}
