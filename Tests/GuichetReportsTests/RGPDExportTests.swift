import Foundation
import XCTest
import GuichetCore
@testable import GuichetReports

final class RGPDExportTests: XCTestCase {
    func testExportHoldsEveryDossierOfThePersonWithHistoryAndNothingElse() throws {
        let profile = try ReportTestSupport.profile()
        var dossiers = ReportTestSupport.dossiers(40, profile: profile)
        // The person is applicant in one dossier and co-applicant in another.
        var own = try XCTUnwrap(dossiers.first { $0.applicant.household != nil })
        own.applicant = .household(Household(members: [HouseholdMember(lastName: "Dupré", firstName: "Évelyne", role: .applicant)]))
        var shared = try XCTUnwrap(dossiers.last { $0.applicant.household != nil && $0.number != own.number })
        shared.applicant.household!.members.append(HouseholdMember(lastName: "DUPRE", firstName: "Evelyne", role: .coApplicant))
        dossiers = dossiers.map { $0.number == own.number ? own : ($0.number == shared.number ? shared : $0) }
        let folder = temporaryFolder().url
        let store = try ReportTestSupport.database(in: folder, dossiers: [])
        try store.write { s in for d in dossiers { _ = try s.insertDossier(d) } }
        // And co-requester of a social-housing request; a stranger's request stays out.
        let grid = try XCTUnwrap(profile.cotation)
        let on = CalendarDate(year: 2026, month: 11, day: 1)!
        let hers = SocialHousingRequest(id: "DLS-2026-000001", requestDate: on, members: [
            RequestMember(role: .requester, birthDate: CalendarDate(year: 1980, month: 1, day: 1)!, lastName: "Martin", firstName: "Paul"),
            RequestMember(role: .coRequester, birthDate: CalendarDate(year: 1982, month: 1, day: 1)!, lastName: "Dupré", firstName: "Évelyne")],
            annualResources: Money(euros: 12_000))
        var strangers = hers
        strangers.id = "DLS-2026-000002"
        strangers.members.removeLast()
        try store.write { s in
            _ = try s.insertRequest(hers, grid: grid, on: on)
            _ = try s.insertRequest(strangers, grid: grid, on: on)
        }

        let export = try store.read { try RGPDReport.collect(name: "evelyne dupré", in: $0, context: ReportTestSupport.context) }
        XCTAssertEqual(Set(export.dossiers.map(\.dossier.number)), [own.number, shared.number])
        XCTAssertEqual(export.dossiers.first { $0.dossier.number == shared.number }?.roles, ["co-demandeur"])
        XCTAssertTrue(export.dossiers.allSatisfy { !$0.history.isEmpty }, "creation line of each dossier")
        XCTAssertEqual(export.requests.map(\.request.id), [hers.id])
        XCTAssertEqual(export.requests.first?.roles, ["co-demandeur"])
        XCTAssertEqual(export.requests.first?.scores.count, 1)

        let json = folder.appendingPathComponent("acces.json")
        try RGPDReport.writeJSON(export, to: json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let entries = try XCTUnwrap(object["dossiers"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 2)
        let text = try String(contentsOf: json, encoding: .utf8)
        XCTAssertTrue(text.contains("Dupré"))
        let stranger = try XCTUnwrap(dossiers.first { $0.number != own.number && $0.number != shared.number && $0.applicant.household != nil })
        XCTAssertFalse(text.contains(stranger.number.formatted), "nobody else's dossier")

        let pdf = folder.appendingPathComponent("acces.pdf")
        try ReportWriter.write(RGPDReport.document(export, context: ReportTestSupport.context), format: .pdf, to: pdf)
        let pdfText = try ReportTestSupport.pdfText(pdf)
        XCTAssertTrue(pdfText.contains(own.number.formatted))
        XCTAssertTrue(pdfText.contains(shared.number.formatted))
        XCTAssertTrue(pdfText.contains("Historique du dossier"))
        XCTAssertTrue(pdfText.contains("Demande de logement social \(hers.id)"))
        XCTAssertFalse(pdfText.contains(strangers.id))
    }
}
