import Foundation
import Testing
@testable import GuichetCore

/// What letters are made of: bank details, postal addresses, how a person is greeted, French
/// typography and words, the implicit-decision rule.
struct LetterDataTests {
    // MARK: IBAN

    @Test func anIBANIsCheckedByItsKey() throws {
        // The usual French example (Banque de France documentation).
        let iban = try IBAN("FR76 3000 6000 0112 3456 7890 189")
        #expect(iban.value == "FR7630006000011234567890189")
        #expect(iban.description == "FR76 3000 6000 0112 3456 7890 189")
        #expect(throws: ValidationError.self) { try IBAN("FR76 3000 6000 0112 3456 7890 188") }
        // A French IBAN has 27 characters.
        #expect(throws: ValidationError.self) { try IBAN("FR76 3000 6000 0112 3456 7890 18") }
        #expect(throws: ValidationError.self) { try IBAN("not an iban") }
        #expect(try IBAN("DE89 3704 0044 0532 0130 00").country == "DE")
    }

    @Test func theWindowShowsAnIBANMaskedButForItsLastDigits() throws {
        let masked = try IBAN("FR7630006000011234567890189").masked
        #expect(masked == "FR•• •••• •••• •••• •••• •••0 189")
        #expect(!masked.contains("3000"))
    }

    @Test func anIBANDecodedFromJSONIsValidated() throws {
        let good = #"{"holder": "Sylvie SIMON", "iban": "FR7630006000011234567890189"}"#
        #expect(try InputJSON.decode(BankAccount.self, from: Data(good.utf8)).holder == "Sylvie SIMON")
        let bad = #"{"holder": "Sylvie SIMON", "iban": "FR7630006000011234567890180"}"#
        #expect(throws: ValidationError.self) { try InputJSON.decode(BankAccount.self, from: Data(bad.utf8)) }
    }

    @Test func demoIBANsPassBothKeys() {
        var rng = DemoRandom(seed: 42)
        for _ in 0..<50 {
            let iban = DemoReferenceData.iban(&rng)
            #expect(IBAN.remainder(iban.value) == 1)
            // RIB key: 97 − (89 × bank + 15 × branch + 3 × account) mod 97, the last two digits.
            let v = Array(iban.value)
            let bank = Int(String(v[4..<9]))!, branch = Int(String(v[9..<14]))!, account = Int(String(v[14..<25]))!
            #expect(Int(String(v[25..<27]))! == 97 - ((89 * bank + 15 * branch + 3 * account) % 97))
        }
    }

    // MARK: Addresses and recipients

    @Test func aPostalAddressIsLaidOutAsLaPosteAsks() {
        let a = PostalAddress(complement: "Appartement 12", street: "4 rue des Tilleuls", locality: "BP 12", postcode: "62500", town: "Saint-Omer")
        #expect(a.lines == ["Appartement 12", "4 rue des Tilleuls", "BP 12", "62500 SAINT-OMER"])
        #expect(a.validate().isEmpty)
        #expect(!PostalAddress(street: "", postcode: "625", town: "X").validate().isEmpty)
    }

    func dossier(_ applicant: Applicant) -> AidDossier {
        AidDossier(number: DossierNumber(year: 2026, scheme: "PSV", sequence: 1), plhAction: 2, applicant: applicant,
                   property: Property(address: "1 rue du Moulin", postcode: "62510", commune: "Arques", inseeCode: "62040"),
                   createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test func aPersonIsGreetedByCivilityAndFamilyName() throws {
        var a = Applicant.household(Household(members: [HouseholdMember(lastName: "Simon", firstName: "Sylvie", role: .applicant, civility: .madame)]),
                                    kind: .privateOwner)
        a.postalAddress = PostalAddress(street: "12 rue Carnot", postcode: "62500", town: "Saint-Omer")
        let r = try LetterRecipient.applicant(of: dossier(a))
        #expect(r.names == ["Madame Sylvie SIMON"])
        #expect(r.address == ["12 rue Carnot", "62500 SAINT-OMER"])
        #expect(r.salutation == "Madame,")
        #expect(!r.lines.contains { $0.contains("Moulin") }, "never the property's address")

        a.household?.members.append(HouseholdMember(lastName: "Simon", firstName: "Marc", role: .coApplicant, civility: .monsieur))
        let both = try LetterRecipient.applicant(of: dossier(a))
        #expect(both.names == ["Madame Sylvie SIMON", "Monsieur Marc SIMON"])
        #expect(both.salutation == "Madame, Monsieur,")

        a.household?.members[1].civility = nil
        #expect(try LetterRecipient.applicant(of: dossier(a)).salutation == "Madame, Monsieur,", "unknown civility: neutral")
        a.household?.members[0].civility = .monsieur
        a.household?.members[1].civility = .monsieur
        #expect(try LetterRecipient.applicant(of: dossier(a)).salutation == "Messieurs,")
    }

    @Test func anOrganisationIsWrittenToForItsContact() throws {
        var a = Applicant.organisation(Organisation(name: "Pas-de-Calais Habitat", contactName: "Claire Dubois", contactCivility: .madame,
                                                    contactRole: "responsable du développement"), kind: .socialLandlord)
        a.postalAddress = PostalAddress(street: "33 avenue Foch", postcode: "62000", town: "Arras")
        let r = try LetterRecipient.applicant(of: dossier(a))
        #expect(r.names == ["Pas-de-Calais Habitat", "À l'attention de Madame Claire Dubois, responsable du développement"])
        #expect(r.salutation == "Madame,")
    }

    @Test func noRecipientWithoutAnAddressOfTheApplicantsOwn() {
        let a = Applicant.household(Household(members: [HouseholdMember(lastName: "Simon", firstName: "Sylvie", role: .applicant)]))
        #expect(throws: ValidationError.self) { try LetterRecipient.applicant(of: dossier(a)) }
    }

    // MARK: Typography and words

    @Test func frenchTypography() {
        let t = FrenchTypography.apply("Objet : l'aide ; vraiment ! « Oui »? n° 12 de 13 h 30 à 17 h, 12 % https://x.fr 10:30")
        #expect(t == "Objet\u{00A0}: l’aide\u{202F}; vraiment\u{202F}! «\u{00A0}Oui\u{00A0}»\u{202F}? n°\u{00A0}12 de 13\u{00A0}h\u{00A0}30 à 17\u{00A0}h, 12\u{00A0}% https://x.fr 10:30")
        #expect(FrenchTypography.apply(t) == t, "idempotent")
        #expect(FrenchTypography.apply("2026-ACC-0001") == "2026-ACC-0001")
    }

    @Test func frenchWords() {
        #expect(FrenchWords.cardinal(2) == "deux")
        #expect(FrenchWords.cardinal(21) == "vingt et un")
        #expect(FrenchWords.cardinal(71) == "soixante et onze")
        #expect(FrenchWords.cardinal(80) == "quatre-vingts")
        #expect(FrenchWords.cardinal(97) == "quatre-vingt-dix-sept")
        #expect(FrenchWords.date(CalendarDate(year: 2026, month: 12, day: 3)!) == "3 décembre 2026")
        #expect(FrenchWords.date(CalendarDate(year: 2027, month: 3, day: 1)!) == "1er mars 2027")
        #expect(FrenchWords.count(1, "pièce manquante") == "1 pièce manquante")
        #expect(FrenchWords.count(3, "pièce manquante") == "3 pièces manquantes")
    }

    // MARK: Implicit decisions

    @Test func silenceOnAFinancialRequestMeansRefusalAfterTwoMonths() {
        // The CAPSO schemes say nothing of silence: the law's rule for a financial request applies.
        let rule = Fixtures.scheme("ACC").silenceRule
        #expect(Fixtures.scheme("ACC").implicitDecision == nil)
        #expect(rule == .financialAid)
        #expect(rule.meaning == .rejection && rule.months == 2)
        #expect(rule.source.kind == .sourceText && rule.source.text.contains("L. 231-4"))
        #expect(rule.decisionDate(receivedOn: CalendarDate(year: 2026, month: 3, day: 12)!) == CalendarDate(year: 2026, month: 5, day: 12)!)
        #expect(rule.decisionDate(receivedOn: CalendarDate(year: 2026, month: 12, day: 31)!) == CalendarDate(year: 2027, month: 2, day: 28)!)
        #expect(rule.delayInWords == "deux mois")
    }

    @Test func aSchemeMayStateItsOwnRuleWithItsSource() throws {
        let json = #"{"meaning": "acceptance", "months": 4, "source": {"kind": "localDecision", "text": "délibération n° 12 du 4 mars 2025"}}"#
        let rule = try JSONDecoder().decode(ImplicitDecisionRule.self, from: Data(json.utf8))
        #expect(rule.meaning == .acceptance && rule.months == 4)
        #expect(rule.validate().isEmpty)
        #expect(!ImplicitDecisionRule(meaning: .rejection, months: 0, source: rule.source).validate().isEmpty)
    }
}
