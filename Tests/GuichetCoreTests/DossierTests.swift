import Foundation
import XCTest
import GuichetCore

final class DossierTests: XCTestCase {
    func testNumberParseAndFormat() throws {
        let n = try DossierNumber.parse("2026-ACC-0042")
        XCTAssertEqual(n, DossierNumber(year: 2026, scheme: "ACC", sequence: 42))
        XCTAssertEqual(n.formatted, "2026-ACC-0042")
        XCTAssertEqual(DossierNumber(parsing: " 2026-acc-0042 "), n)
        XCTAssertEqual(DossierNumber(year: 2026, scheme: "PIG", sequence: 12_345).formatted, "2026-PIG-12345")
        XCTAssertEqual(DossierNumber(parsing: "2026-PIG-12345")?.sequence, 12_345)
        for bad in ["2026-ACC-42", "26-ACC-0042", "2026-A-0042", "2026-ACCES-0042", "2026-ACC-0000", "2026-ACC-00x2", "2026/ACC/0042", ""] {
            XCTAssertNil(DossierNumber(parsing: bad), bad)
        }
        XCTAssertThrowsError(try DossierNumber.parse("x", field: "numero")) { e in
            XCTAssertEqual((e as? ValidationError)?.field, "numero")
        }
        XCTAssertLessThan(DossierNumber(year: 2026, scheme: "ACC", sequence: 9), n)
        XCTAssertEqual(String(data: try JSONEncoder().encode(n), encoding: .utf8), "\"2026-ACC-0042\"")
    }

    func testValidateNamesTheFields() {
        var d = Fixtures.dossier("ACC")
        XCTAssertEqual(d.validate(), [])
        d.requestedAmount = Money(euros: -5)
        d.applicant.household!.members[0].lastName = ""
        d.property.inseeCode = "6276"
        d.property.adaptedDwellings = 2
        let fields = d.validate().map(\.field)
        XCTAssertTrue(fields.contains("requestedAmount"))
        XCTAssertTrue(fields.contains("applicant.household.members[0].lastName"))
        XCTAssertTrue(fields.contains("property.inseeCode"))
        XCTAssertTrue(fields.contains("property.adaptedDwellings"))
        XCTAssertEqual(d.validate().first { $0.field == "requestedAmount" }?.message, "le montant ne peut pas être négatif")
    }

    func testOrganisationSiretIsChecked() {
        var d = Fixtures.dossier("PLV")
        d.applicant.organisation!.siret = "73282932000075"
        XCTAssertEqual(d.validate(), [ValidationError(field: "applicant.organisation.siret", "SIRET invalide (clé de contrôle)")])
        d.applicant.organisation = nil
        XCTAssertEqual(d.validate().map(\.field), ["applicant.organisation"])
    }

    func testPaymentsAboveGrantAreInvalidRecords() {
        var d = Fixtures.granted("ACC")
        d.payments = [Payment(date: Fixtures.today, amount: d.grantedAmount + Money(cents: 1), agent: "a")]
        XCTAssertTrue(d.validate().contains { $0.field == "payments" })
        d.grant!.envelopeYear += 1
        XCTAssertTrue(d.validate().contains { $0.field == "grant.envelopeYear" })
    }

    func testCodableRoundTrip() throws {
        let d = Fixtures.run(Fixtures.granted("ACC"), [.pay(Money(euros: 1_000))])
        let data = try JSONEncoder().encode(d)
        XCTAssertEqual(try JSONDecoder().decode(AidDossier.self, from: data), d)
        XCTAssertEqual(d.applicant.displayName, "DELATTRE Julie")
    }

    func testQueryFiltersSortsAndPages() throws {
        let store = InMemoryDossierStore()
        var a = Fixtures.dossier("ACC", sequence: 1); a.property.commune = "Thérouanne"
        var b = Fixtures.dossier("ACC", sequence: 2); b.applicant.household!.members[0].lastName = "Ébert"
        let c = Fixtures.granted("PSV", sequence: 1)
        for d in [a, b, c] { _ = try store.insertDossier(d) }
        XCTAssertEqual(try store.dossiers(DossierQuery(text: "therouanne")).map(\.number), [a.number])
        XCTAssertEqual(try store.dossiers(DossierQuery(text: "ebert")).map(\.number), [b.number])
        XCTAssertEqual(try store.dossiers(DossierQuery(text: "PSV-0001")).map(\.number), [c.number])
        XCTAssertEqual(try store.countDossiers(DossierQuery(statuses: [.granted])), 1)
        XCTAssertEqual(try store.countDossiers(DossierQuery(schemes: ["ACC"], year: 2026)), 2)
        XCTAssertEqual(try store.countDossiers(DossierQuery(year: 2025)), 0)
        let byApplicant = try store.dossiers(DossierQuery(sort: .applicant, ascending: true)).map(\.applicant.displayName)
        XCTAssertEqual(byApplicant, byApplicant.sorted { DossierQuery.fold($0) < DossierQuery.fold($1) })
        let desc = try store.dossiers(DossierQuery(sort: .granted, ascending: false))
        XCTAssertEqual(desc.first?.number, c.number)
        XCTAssertEqual(try store.dossiers(DossierQuery(offset: 1, limit: 1)).map(\.number), [a.number, b.number, c.number].sorted()[1...1].map { $0 })
        XCTAssertEqual(try store.nextDossierNumber(year: 2026, scheme: "ACC").formatted, "2026-ACC-0003")
        XCTAssertEqual(try store.nextDossierSequence(year: 2027, scheme: "ACC"), 1)
    }

    func testOptimisticLockingReportsTheOtherAgentsChanges() throws {
        let store = InMemoryDossierStore()
        let stored = try store.insertDossier(Fixtures.dossier("ACC"))
        XCTAssertEqual(stored.version, 1)
        var mine = stored, theirs = stored
        theirs.facts.worksAmount = Money(euros: 25_000)
        let saved = try store.updateDossier(theirs, expectedVersion: 1)
        XCTAssertEqual(saved.version, 2)
        mine.comments.append(DossierComment(date: Fixtures.today, agent: "a", text: "Appel du demandeur"))
        XCTAssertThrowsError(try store.updateDossier(mine, expectedVersion: 1)) { e in
            guard case let .conflict(_, key, changes)? = e as? StoreError else { return XCTFail("\(e)") }
            XCTAssertEqual(key, stored.number.formatted)
            XCTAssertTrue(changes.contains { $0.field == "facts.worksAmount" && $0.new == "2500000" }, "\(changes)")
        }
    }

    func testDemoDataIsDeterministicAndConsistent() throws {
        let ref = CalendarDate(year: 2026, month: 11, day: 23)!
        let a = DemoDossiers.generate(count: 3_000, seed: 42, schemes: Fixtures.catalog, years: 2023...2028, referenceDate: ref)
        let b = DemoDossiers.generate(count: 3_000, seed: 42, schemes: Fixtures.catalog, years: 2023...2028, referenceDate: ref)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, DemoDossiers.generate(count: 3_000, seed: 43, schemes: Fixtures.catalog, years: 2023...2028, referenceDate: ref))
        XCTAssertEqual(Set(a.map(\.number)).count, a.count, "numbers unique")
        XCTAssertEqual(Set(a.map(\.status)), Set(DossierStatus.allCases))
        XCTAssertEqual(Set(a.map(\.schemeCode)), Set(Fixtures.catalog.schemes.map(\.code)))
        for d in a {
            let s = Fixtures.scheme(d.schemeCode)
            XCTAssertEqual(d.validate(), [], d.number.formatted)
            XCTAssertTrue(s.actions.contains(d.plhAction))
            XCTAssertTrue((2023...ref.year).contains(d.number.year))
            let dates = d.timeline.map(\.date)
            XCTAssertEqual(dates, dates.sorted(), d.number.formatted)
            XCTAssertLessThanOrEqual(dates.last!, ref)
            XCTAssertEqual(d.timeline.last?.to, d.status)
            if d.status >= .submitted { XCTAssertTrue(DossierLifecycle(scheme: s).missingDocuments(d).isEmpty, d.number.formatted) }
            switch d.status {
            case .granted, .partiallyPaid, .settled, .cancelled:
                let g = try XCTUnwrap(d.grant, d.number.formatted)
                XCTAssertEqual(g.envelopeYear, g.date.year)
                if let max = s.computeAmount(for: d).maximum { XCTAssertLessThanOrEqual(g.amount, max, d.number.formatted) }
                XCTAssertLessThanOrEqual(g.amount, g.computedAmount)
                if g.amount < g.computedAmount { XCTAssertNotNil(g.reason) }
                XCTAssertTrue(EligibilityCheck.evaluate(d, scheme: s, on: g.date).isEligible, d.number.formatted)
            default:
                XCTAssertNil(d.grant); XCTAssertTrue(d.payments.isEmpty)
            }
            switch d.status {
            case .granted: XCTAssertEqual(d.paidAmount, .zero)
            case .partiallyPaid: XCTAssertTrue(d.paidAmount > .zero && d.paidAmount < d.grantedAmount, d.number.formatted)
            case .settled: XCTAssertEqual(d.paidAmount, d.grantedAmount)
            case .cancelled: XCTAssertEqual(d.closure?.released, d.grantedAmount - d.paidAmount)
            case .refused, .abandoned: XCTAssertNotNil(d.closure)
            default: break
            }
            if let clause = d.antiSpeculation, let sale = clause.saleDate {
                XCTAssertEqual(clause.repaymentDue, DossierLifecycle.repayment(clause, paid: d.paidAmount, saleDate: sale))
            }
        }
        // The aggregate equals sums over dossiers.
        let figures = BudgetFigures.aggregate(a)
        XCTAssertEqual(figures.sum(\.committed), a.sum(\.committedAmount))
        XCTAssertEqual(figures.sum(\.paid), a.sum(\.paidAmount))
        XCTAssertEqual(figures.reduce(0) { $0 + $1.dossierCount }, a.count)
    }

    /// Speed is the benchmark's business (`guichet benchmark`); this checks what the
    /// generator promises at the scale the product is built for: 100,000 distinct numbers.
    func testHundredThousandDemoDossiersHaveDistinctNumbers() {
        let all = DemoDossiers.generate(count: 100_000, seed: 7, schemes: Fixtures.catalog, years: 2023...2028,
                                        referenceDate: CalendarDate(year: 2026, month: 11, day: 23)!)
        XCTAssertEqual(all.count, 100_000)
        XCTAssertEqual(Set(all.map(\.number)).count, 100_000)
    }
}
