import Foundation
import XCTest
import GuichetCore
@testable import GuichetReports

/// The three letters of a dossier, read back from their PDF as the person receiving them would.
final class DossierDocumentTests: XCTestCase {
    static let letterDay = CalendarDate(year: 2026, month: 12, day: 3)!

    private func profile() throws -> TerritoryProfile { try ReportTestSupport.profile() }

    private func context(agent: String = "agent.accueil") throws -> ReportContext {
        ReportContext(profile: try profile(), producedOn: Self.letterDay, agent: agent)
    }

    private func dossier(where accept: (AidDossier) -> Bool) throws -> (AidDossier, AidScheme) {
        let profile = try profile()
        let d = try XCTUnwrap(ReportTestSupport.dossiers(400, profile: profile).first(where: accept))
        return (d, try XCTUnwrap(profile.schemes?.scheme(code: d.schemeCode)))
    }

    private func pdf(_ letter: ReportLetter, _ name: String = "courrier.pdf") throws -> URL {
        let url = temporaryFolder().url.appendingPathComponent(name)
        try ReportWriter.write(letter, to: url)
        return url
    }

    /// Words joined by single spaces: layout line breaks do not split a phrase.
    private func text(_ letter: ReportLetter) throws -> String {
        try ReportTestSupport.pdfText(try pdf(letter)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The text inside the window of the envelope (where the recipient shows through).
    private func windowText(_ url: URL) throws -> String {
        guard Fixtures.onPath("pdftotext") else { throw XCTSkip("pdftotext absent") }
        return ReportTestSupport.normalised(try Fixtures.run("pdftotext", ["-f", "1", "-l", "1", "-x", "300", "-y", "135", "-W", "260", "-H", "110",
                                                                         url.path, "-"]))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func letter(_ kind: DossierDocuments.Kind, _ d: AidDossier, _ s: AidScheme, agent: String = "agent.accueil") throws -> ReportLetter {
        try DossierDocuments.letter(kind, dossier: d, scheme: s, context: try context(agent: agent))
    }

    // MARK: Recipient

    func testLettersGoToTheApplicantsOwnAddressNotToTheVacantHome() throws {
        // The owner of a vacant house (PSV) does not live there.
        let (d, s) = try dossier { $0.schemeCode == "PSV" && $0.grant != nil && $0.status != .cancelled }
        let address = try XCTUnwrap(d.applicant.postalAddress)
        XCTAssertFalse(address.isSame(as: d.property), "the demo gives the owner of a vacant home another address")
        let url = try pdf(try letter(.notification, d, s))
        let window = try windowText(url)
        XCTAssertTrue(window.contains(address.street), window)
        XCTAssertTrue(window.contains("\(address.postcode) \(address.town.uppercased())"), window)
        XCTAssertFalse(window.contains(d.property.address), "the property's address is not the recipient's: \(window)")
        let applicant = try XCTUnwrap(d.applicant.household?.members.first { $0.role == .applicant })
        let civility = try XCTUnwrap(applicant.civility)
        XCTAssertTrue(window.contains("\(civility.label) \(applicant.firstName) \(applicant.lastName.uppercased())"), window)
    }

    func testAnOrganisationIsWrittenToForTheAttentionOfItsContact() throws {
        let (d, s) = try dossier { $0.applicant.kind == .socialLandlord && $0.status == .submitted }
        let o = try XCTUnwrap(d.applicant.organisation)
        let window = try windowText(try pdf(try letter(.acknowledgement, d, s)))
        XCTAssertTrue(window.contains(o.name), window)
        XCTAssertTrue(window.contains("À l'attention de"), window)
        XCTAssertTrue(window.contains(try XCTUnwrap(o.contactName)), window)
        XCTAssertFalse(window.contains(d.property.address), window)
    }

    func testNoLetterWithoutThePostalAddressOfTheApplicant() throws {
        var (d, s) = try dossier { $0.status == .submitted && $0.applicant.household != nil }
        d.applicant.postalAddress = nil
        d.applicant.address = nil
        XCTAssertThrowsError(try letter(.acknowledgement, d, s)) {
            XCTAssertTrue(String(describing: $0).contains("applicant.postalAddress"), "\($0)")
        }
    }

    // MARK: Acknowledgement of receipt

    func testTheReceiptStatesWhatTheLawAsks() throws {
        let (base, s) = try dossier { $0.status == .submitted && $0.schemeCode == "ACC" }
        var d = base
        d.receivedOn = CalendarDate(year: 2026, month: 11, day: 30)!
        d.documents = []
        let mandatory = s.mandatoryDocuments
        for r in mandatory.dropLast() { d.record(document: SupportingDocument(id: r.id, state: .valid, date: CalendarDate(year: 2026, month: 11, day: 30)!)) }
        // A piece found not in order: an internal note and what the applicant is told, apart.
        let faulty = try XCTUnwrap(mandatory.last)
        d.record(document: SupportingDocument(id: faulty.id, state: .invalid, date: CalendarDate(year: 2026, month: 11, day: 30)!,
                                              comment: "Document illisible, à redemander.",
                                              reasonForApplicant: "la deuxième page manque"))
        d.comments = [DossierComment(date: Self.letterDay, agent: "agent.accueil", text: "Demandeur pressé, rappeler avant vendredi")]
        let text = try text(try letter(.acknowledgement, d, s))

        XCTAssertTrue(text.contains("Nous avons reçu le 30 novembre 2026 votre demande"), text)
        XCTAssertTrue(text.contains("Demande reçue le : 30 novembre 2026"), text)
        // Missing pieces, the deadline set for them (30 days by the demo profile) and its effect on the delay.
        XCTAssertTrue(text.contains("Merci de nous adresser au plus tard le 2 janvier 2027 la pièce suivante"), text)
        XCTAssertTrue(text.contains(faulty.label + " — pièce reçue le 30 novembre 2026 mais non conforme : la deuxième page manque"), text)
        XCTAssertTrue(text.contains("est suspendu jusqu'à la réception de ces pièces"), text)
        XCTAssertTrue(text.contains("il ne reprend son cours qu'à compter de leur réception"), text)
        // The date silence becomes a refusal, and why: two months after receipt, pushed by the suspension.
        XCTAssertTrue(text.contains("votre demande sera ainsi réputée rejetée le 30 janvier 2027"), text)
        XCTAssertTrue(text.contains("soit au plus tard le 1er mars 2027"), text)
        XCTAssertTrue(text.contains("le silence gardé pendant deux mois vaut décision implicite de rejet"), text)
        XCTAssertTrue(text.contains("article L. 231-4, 3°"), text)
        // The service in charge: designation, postal address, phone, e-mail (R. 112-5, 2°).
        XCTAssertTrue(text.contains("Votre demande est instruite par le Service Habitat — Maison de l'Habitat, 2 rue de l'Exemple, CS 90001, 62500 Saint-Omer, téléphone 03 53 01 00 00, courriel maison.habitat@agglo-demo.example"), text)
        // Who follows the dossier, by name; the appeal means.
        XCTAssertTrue(text.contains("Affaire suivie par : Claire Lemaire, conseillère habitat"), text)
        XCTAssertTrue(text.contains("Voies et délais de recours"), text)
        XCTAssertTrue(text.contains("tribunal administratif de Lille"), text)
        XCTAssertTrue(text.contains("article L. 232-4"), text)
        // Nothing internal, no login.
        for secret in ["illisible", "redemander", "pressé", "agent.accueil"] {
            XCTAssertFalse(text.contains(secret), "« \(secret) » is internal: \(text)")
        }
        XCTAssertTrue(text.contains("Saint-Omer, le 3 décembre 2026"), text)
    }

    func testACompleteReceiptGivesTheDayOfTheImplicitRefusal() throws {
        var (d, s) = try dossier { $0.status == .submitted }
        d.receivedOn = CalendarDate(year: 2026, month: 12, day: 31)!
        for r in s.mandatoryDocuments { d.record(document: SupportingDocument(id: r.id, state: .received, date: d.receivedOn!)) }
        let text = try text(try DossierDocuments.letter(.acknowledgement, dossier: d, scheme: s,
                                                        context: ReportContext(profile: try profile(), producedOn: d.receivedOn!, agent: "x")))
        XCTAssertTrue(text.contains("Votre dossier est complet"), text)
        // Two months after 31 December: the last day of February.
        XCTAssertTrue(text.contains("votre demande sera réputée rejetée le 28 février 2027"), text)
        XCTAssertFalse(text.contains("Pièces"), text)
    }

    func testNoReceiptForABrouillon() throws {
        let (d, s) = try dossier { $0.status == .draft }
        XCTAssertThrowsError(try letter(.acknowledgement, d, s)) {
            XCTAssertTrue(String(describing: $0).contains("brouillon"), "\($0)")
        }
        XCTAssertFalse(DossierDocuments.available(for: d).contains(.acknowledgement))
    }

    func testNoReceiptWithoutTheServicesContactDetails() throws {
        let (d, s) = try dossier { $0.status == .submitted }
        var c = try context()
        c.serviceProfile?.phone = nil
        XCTAssertThrowsError(try DossierDocuments.letter(.acknowledgement, dossier: d, scheme: s, context: c)) {
            XCTAssertTrue(String(describing: $0).contains("R. 112-5"), "\($0)")
        }
    }

    // MARK: Notification

    func testNotificationCitesTheDeliberationsAndKeepsTheInternalReasonOut() throws {
        var (d, s) = try dossier { $0.schemeCode == "ACC" && $0.grant != nil && $0.status != .cancelled }
        d.grant?.reason = "Montant réduit : devis de la SARL Dupont surévalué selon l'agent"
        d.grant?.aboveAverageReason = "Note budgétaire interne : opération complexe"
        d.grant?.reasonForApplicant = "Les travaux de clôture ne sont pas éligibles"
        let text = try text(try letter(.notification, d, s))
        XCTAssertTrue(text.contains(ReportTestSupport.normalised(FrenchFormat.money(d.grantedAmount))), text)
        XCTAssertTrue(text.contains("délibération n° 2023-045 du conseil communautaire du 29 juin 2023"), text)
        XCTAssertTrue(text.contains("délibération n° 2023-112 du bureau communautaire du 16 novembre 2023"), text)
        XCTAssertTrue(text.contains("Motif du montant retenu : Les travaux de clôture ne sont pas éligibles"), text)
        XCTAssertFalse(text.contains("surévalué"), text)
        XCTAssertFalse(text.contains("Note budgétaire interne"), text)
        XCTAssertTrue(text.contains("Clause anti-spéculative"), text)
        // Each rule names its source: the PLH's action, or a default still to confirm.
        XCTAssertTrue(text.contains("Règle de calcul : 4 000 € par ménage (PLH, action 4)"), text)
        XCTAssertTrue(text.contains("Abondement de la commune (condition du versement de l'aide de la CAPSO) (PLH, action 4)"), text)
        XCTAssertTrue(text.contains("Ancienneté du bien (PLH, action 4 ; seuil : valeur par défaut à confirmer)"), text)
        XCTAssertTrue(text.contains("« De la clause anti-spéculative d'interdiction de vente sur 6 ans. »"), text)
        XCTAssertTrue(text.contains("règle de remboursement : valeur par défaut à confirmer"), text)
        XCTAssertTrue(text.contains("Voies et délais de recours"), text)
        XCTAssertFalse(text.contains("agent.accueil"), text)
    }

    // MARK: Payment order

    func testPaymentOrderCarriesBankDetailsCommitmentAndImputationButNoLogin() throws {
        let (d, s) = try dossier { $0.payments.count >= 1 && $0.status == .partiallyPaid && $0.applicant.household != nil }
        var paid = d
        paid.payments[paid.payments.count - 1].agent = "agent.accueil"
        let order = try letter(.paymentOrder, paid, s)
        let text = try text(order)
        XCTAssertTrue(try windowText(try pdf(order, "order.pdf")).contains("Service de gestion comptable de Saint-Omer"))
        let bank = try XCTUnwrap(d.applicant.bankAccount)
        XCTAssertTrue(text.contains("IBAN : \(bank.iban.description)"), text)
        XCTAssertTrue(text.contains("Titulaire du compte : \(bank.holder)"), text)
        XCTAssertTrue(text.contains("Engagement n° : \(try XCTUnwrap(d.grant?.commitmentNumber))"), text)
        XCTAssertTrue(text.contains("chapitre 204, article 20422, fonction 552"), text)
        XCTAssertTrue(text.contains(ReportTestSupport.normalised(FrenchFormat.money(d.payments.last!.amount))), text)
        XCTAssertTrue(text.contains(ReportTestSupport.normalised(FrenchFormat.money(d.remainingToPay))), text)
        XCTAssertFalse(text.contains("agent.accueil"), text)
    }

    func testPaymentOrderNeedsBankDetailsAndACommitmentNumber() throws {
        var (d, s) = try dossier { $0.payments.count >= 1 && $0.status == .partiallyPaid }
        var noBank = d
        noBank.applicant.bankAccount = nil
        XCTAssertThrowsError(try letter(.paymentOrder, noBank, s)) { XCTAssertTrue(String(describing: $0).contains("IBAN"), "\($0)") }
        d.grant?.commitmentNumber = nil
        XCTAssertThrowsError(try letter(.paymentOrder, d, s)) { XCTAssertTrue(String(describing: $0).contains("engagement"), "\($0)") }
    }

    func testLettersRefusedWhenTheDossierHasNoGrantOrPayment() throws {
        let (d, s) = try dossier { $0.status == .underReview }
        XCTAssertThrowsError(try letter(.notification, d, s)) {
            XCTAssertTrue(String(describing: $0).contains("aucune aide accordée"))
        }
        XCTAssertThrowsError(try letter(.paymentOrder, d, s))
        XCTAssertEqual(DossierDocuments.available(for: d), [.acknowledgement])
    }

    // MARK: Typography and reprints

    func testLettersAreSetInFrenchTypography() throws {
        let (d, s) = try dossier { $0.schemeCode == "ACC" && $0.grant != nil && $0.status != .cancelled }
        let raw = try ReportTestSupport.rawPDFText(try pdf(try letter(.notification, d, s)))
        XCTAssertTrue(raw.contains("l’Habitat"), "typographic apostrophes")
        XCTAssertFalse(raw.contains("l'Habitat"), "no straight apostrophe")
        // (pdftotext reads no-break spaces as spaces: they are checked on `FrenchTypography` itself.)
        XCTAssertFalse(raw.contains("(s)"), "plurals agree")
        XCTAssertTrue(raw.contains("décembre 2026"), "dates in words")
    }

    func testALetterKeptAsProducedReprintsIdentically() throws {
        let (d, s) = try dossier { $0.status == .submitted }
        let letter = try letter(.acknowledgement, d, s)
        let kept = try ReportLetter.decode(try letter.encoded())
        XCTAssertEqual(kept, letter)
        XCTAssertEqual(try ReportTestSupport.pdfText(try pdf(kept, "second.pdf")), try ReportTestSupport.pdfText(try pdf(letter, "first.pdf")))
    }
}
