import Foundation
import XCTest
import GuichetCore
@testable import GuichetReports

final class DossierDocumentTests: XCTestCase {
    private func dossier(where accept: (AidDossier) -> Bool) throws -> (AidDossier, AidScheme) {
        let profile = try ReportTestSupport.profile()
        let d = try XCTUnwrap(ReportTestSupport.dossiers(400, profile: profile).first(where: accept))
        return (d, try XCTUnwrap(profile.schemes?.scheme(code: d.schemeCode)))
    }

    private func text(_ letter: ReportLetter) throws -> String {
        let url = temporaryFolder().url.appendingPathComponent("courrier.pdf")
        try ReportWriter.write(letter, to: url)
        XCTAssertEqual(try ReportTestSupport.pageCount(url), 1, "un courrier tient sur une page")
        // Words joined by single spaces: layout line breaks do not split a phrase.
        return try ReportTestSupport.pdfText(url).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func testAcknowledgementListsReceivedAndMissingDocuments() throws {
        let (base, scheme) = try dossier { $0.status == .draft && $0.schemeCode == "ACC" }
        var d = base
        d.documents = []
        let first = try XCTUnwrap(scheme.mandatoryDocuments.first), second = try XCTUnwrap(scheme.mandatoryDocuments.dropFirst().first)
        d.record(document: SupportingDocument(id: first.id, state: .valid, date: CalendarDate(year: 2026, month: 3, day: 2)!))
        d.record(document: SupportingDocument(id: second.id, state: .invalid, date: CalendarDate(year: 2026, month: 3, day: 2)!, comment: "illisible"))
        let letter = try DossierDocuments.letter(.acknowledgement, dossier: d, scheme: scheme, context: ReportTestSupport.context)
        let text = try text(letter)
        XCTAssertTrue(text.contains(d.number.formatted))
        XCTAssertTrue(text.contains("Pièces reçues"))
        XCTAssertTrue(text.contains("reçue le 02/03/2026"))
        XCTAssertTrue(text.contains("Pièces manquantes"))
        XCTAssertTrue(text.contains("non conforme : illisible"))
        for missing in scheme.mandatoryDocuments.dropFirst(2) {
            XCTAssertTrue(text.contains(missing.label), "pièce manquante « \(missing.label) »")
        }
        XCTAssertTrue(text.contains(d.applicant.displayName))
        XCTAssertTrue(text.contains("Objet : Accusé de réception"))
    }

    func testNotificationStatesTheAmountConditionsAndAntiSpeculationClause() throws {
        let (d, scheme) = try dossier { $0.schemeCode == "ACC" && $0.grant != nil && $0.status != .cancelled }
        XCTAssertNotNil(scheme.antiSpeculation, "assisted ownership carries the no-resale clause")
        let text = try text(try DossierDocuments.letter(.notification, dossier: d, scheme: scheme, context: ReportTestSupport.context))
        XCTAssertTrue(text.contains(d.number.formatted))
        XCTAssertTrue(text.contains(ReportTestSupport.normalised(FrenchFormat.money(d.grantedAmount))))
        XCTAssertTrue(text.contains("Clause anti-spéculative"))
        XCTAssertTrue(text.contains("Conditions de l'aide"))
        // Each rule names its source: the PLH's action, or a default still to confirm.
        XCTAssertTrue(text.contains("Règle de calcul : 4 000 € par ménage (PLH, action 4)"), text)
        XCTAssertTrue(text.contains("Abondement de la commune (condition du versement de l'aide de la CAPSO) (PLH, action 4)"), text)
        XCTAssertTrue(text.contains("Ancienneté du bien (PLH, action 4 ; seuil : valeur par défaut à confirmer)"), text)
        XCTAssertTrue(text.contains("« De la clause anti-spéculative d'interdiction de vente sur 6 ans. »"), text)
        XCTAssertTrue(text.contains("règle de remboursement : valeur par défaut à confirmer"), text)
        let (other, otherScheme) = try dossier { $0.schemeCode == "PIG" && $0.grant != nil && $0.status != .cancelled }
        XCTAssertFalse(try self.text(try DossierDocuments.letter(.notification, dossier: other, scheme: otherScheme, context: ReportTestSupport.context))
            .contains("anti-spéculative"), "no clause where the scheme has none")
    }

    func testPaymentOrderStatesTheInstalmentAndWhatRemains() throws {
        let (d, scheme) = try dossier { $0.payments.count >= 1 && $0.status == .partiallyPaid }
        let text = try text(try DossierDocuments.letter(.paymentOrder, dossier: d, scheme: scheme, context: ReportTestSupport.context))
        XCTAssertTrue(text.contains(d.number.formatted))
        XCTAssertTrue(text.contains(ReportTestSupport.normalised(FrenchFormat.money(d.payments.last!.amount))))
        XCTAssertTrue(text.contains(ReportTestSupport.normalised(FrenchFormat.money(d.remainingToPay))))
    }

    func testLettersRefusedWhenTheDossierHasNoGrantOrPayment() throws {
        let (d, scheme) = try dossier { $0.status == .underReview }
        XCTAssertThrowsError(try DossierDocuments.letter(.notification, dossier: d, scheme: scheme, context: ReportTestSupport.context)) {
            XCTAssertTrue(String(describing: $0).contains("aucune aide accordée"))
        }
        XCTAssertThrowsError(try DossierDocuments.letter(.paymentOrder, dossier: d, scheme: scheme, context: ReportTestSupport.context))
    }
}
