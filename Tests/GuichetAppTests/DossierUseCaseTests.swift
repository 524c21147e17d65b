import Foundation
import GuichetApp
import GuichetCore
import GuichetStorage
import XCTest

/// The dossier use cases on real SQLite bases: one creation for the window and the command line,
/// saves that write nothing unchanged, actions that keep what the form does not show, grants in
/// one transaction, payments that never guess an amount, history in French.
final class DossierUseCaseTests: XCTestCase {
    static let household = Applicant(kind: .household, household: Household(
        members: [HouseholdMember(lastName: "Delattre", firstName: "Céline", role: .applicant)], yearlyIncome: Money(euros: 28_000), size: 2))
    static let home = Property(address: "12 rue Carnot", postcode: "62500", commune: "Saint-Omer", inseeCode: "62765", buildYear: 1965)
    static let accDraft = DossierDraft(applicant: household, property: home,
                                       facts: DossierFacts(worksAmount: Money(euros: 18_000), communeCoFunding: Money(euros: 1_500),
                                                           purchaseDate: CalendarDate(year: 2026, month: 2, day: 1)))

    /// Every mandatory document of the dossier's scheme marked valid.
    private func validateDocuments(_ d: AidDossier, _ app: Guichet) throws {
        let scheme = try app.scheme(d.schemeCode)
        for req in scheme.mandatoryDocuments {
            _ = try blocking { try await app.recordDocument(req.id, state: .valid, on: d.number) }
        }
    }

    func testTheFormAndTheFileCreateTheSameDossier() throws {
        let (app, workspace) = try makeGuichet(territory: "capso")
        let fromFile = try blocking { try await app.createDossier(Self.accDraft, scheme: "acc") }
        let acc = try app.scheme("ACC")
        var form = DossierFormInput(schemeCode: "ACC", applicantKind: .household, texts: [:])
        let blank = DossierFormModel.blank(scheme: acc, year: testDay.year, createdAt: Date())
        var typed = DossierFormModel.texts(of: fromFile)
        typed = typed.filter { DossierField.fields(for: acc, applicant: .household).contains($0.key) }
        form.texts = typed
        XCTAssertNotEqual(DossierFormModel.texts(of: blank), typed)
        let fromForm = try blocking { [form] in try await app.createDossier(from: form) }
        XCTAssertEqual(fromFile.number.formatted, "2026-ACC-0001")
        XCTAssertEqual(fromForm.number.formatted, "2026-ACC-0002")
        for d in [fromFile, fromForm] {
            XCTAssertEqual(d.status, .draft)
            XCTAssertEqual(d.timeline.map(\.to), [.draft], "the initial « brouillon » line")
            XCTAssertEqual(d.timeline.first?.agent, "essai")
            XCTAssertEqual(d.computedAmount, acc.computeAmount(for: d).total, "the computed amount")
            XCTAssertNotNil(d.computedAmount)
            let history = try workspace.store.read { try $0.history(entity: "dossier", key: d.number.formatted) }
            XCTAssertEqual(history.map(\.action), ["création"])
        }
        XCTAssertEqual(fromForm.property, fromFile.property)
        XCTAssertEqual(fromForm.facts, fromFile.facts)
        XCTAssertEqual(fromForm.applicant.household?.members, fromFile.applicant.household?.members)
    }

    /// "Open, save without change stores nothing new", through the use case and storage, for
    /// every dossier of the demo base of every territory with schemes.
    func testSavingWithoutChangeStoresNothingNew() throws {
        for territory in try territoriesWithSchemes() {
            let (app, workspace) = try makeGuichet(territory: territory, dossiers: 300)
            let all = try workspace.store.read { try $0.dossiers(DossierQuery()) }
            let historyBefore = try workspace.store.read { try $0.history(entity: "dossier", key: "*").count }
            for d in all {
                let scheme = try app.scheme(d.schemeCode)
                let saved = try blocking { try await app.saveDossier(d.number, expectedVersion: d.version, form: .showing(d, scheme: scheme)) }
                XCTAssertFalse(saved.changed, "\(territory) \(d.number)")
                XCTAssertEqual(saved.value, d)
            }
            let after = try workspace.store.read { try $0.dossiers(DossierQuery()) }
            XCTAssertEqual(after, all, "identical documents, same versions (\(territory))")
            for d in all.prefix(50) {
                let lines = try workspace.store.read { try $0.history(entity: "dossier", key: d.number.formatted) }
                XCTAssertTrue(lines.isEmpty, "no history line for \(d.number): \(lines.map(\.action))")
            }
            XCTAssertEqual(try workspace.store.read { try $0.history(entity: "dossier", key: "*").count }, historyBefore)
        }
    }

    /// Every field a scheme's form shows, typed, saved and read back from the base.
    func testEveryShownFieldRoundTripsThroughTheBase() throws {
        for territory in try territoriesWithSchemes() {
            let (app, workspace) = try makeGuichet(territory: territory, dossiers: 400)
            let all = try workspace.store.read { try $0.dossiers(DossierQuery()) }.filter { !$0.isAnonymised && !$0.status.isClosed }
            // One open dossier of each scheme and kind of applicant.
            var seen = Set<String>()
            for d in all where seen.insert("\(d.schemeCode)/\(d.applicant.kind)").inserted {
                let scheme = try app.scheme(d.schemeCode)
                var current = d
                for field in DossierField.fields(for: scheme, applicant: d.applicant.kind) {
                    var form = DossierFormInput.showing(current, scheme: scheme)
                    let typed = DossierFormModelTests.newText(for: field, current: form.texts[field] ?? "", dossier: current)
                    form.texts[field] = typed
                    let saved = try blocking { [current, form] in try await app.saveDossier(current.number, expectedVersion: current.version, form: form) }
                    XCTAssertTrue(saved.changed, "\(d.number) \(field)")
                    let reopened = try XCTUnwrap(try blocking { try await app.dossier(d.number) })
                    XCTAssertEqual(DossierFormModel.texts(of: reopened)[field], typed, "\(territory) \(d.number) \(field)")
                    current = reopened
                }
            }
            XCTAssertGreaterThan(seen.count, 5, territory)
        }
    }

    /// Issue 12's income case, through the use case: "Mettre en instruction" with the form of an
    /// ACC dossier (which does not show the income) keeps the income.
    func testAnActionWithTheFormKeepsWhatTheFormDoesNotShow() throws {
        let (app, workspace) = try makeGuichet(territory: "demo", dossiers: 400)
        let target = try XCTUnwrap(try workspace.store.read { s in
            try s.dossiers(DossierQuery(statuses: [.submitted], schemes: ["ACC"])).first { $0.applicant.household?.yearlyIncome != nil }
        })
        let form = DossierFormInput.showing(target, scheme: try app.scheme("ACC"))
        XCTAssertNil(form.texts[.income])
        let reviewed = try blocking { [form] in try await app.perform(.startReview, on: target.number, expectedVersion: target.version, form: form) }
        XCTAssertEqual(reviewed.status, .underReview)
        XCTAssertEqual(reviewed.applicant, target.applicant, "income and household kept")
        let last = try XCTUnwrap(try workspace.store.read { try $0.history(entity: "dossier", key: target.number.formatted) }.last)
        XCTAssertEqual(Set(last.changes.map(\.field).filter { !$0.hasPrefix("timeline") }), Set(["status", "updatedAt", "version"]))
    }

    func testGrantNeedsEveryMandatoryDocumentValidInBothFrontEnds() throws {
        let (app, _) = try makeGuichet(territory: "capso")
        var d = try blocking { try await app.createDossier(Self.accDraft, scheme: "ACC") }
        let scheme = try app.scheme("ACC")
        for req in scheme.mandatoryDocuments {
            d = try blocking { [d] in try await app.recordDocument(req.id, state: .received, on: d.number) }
        }
        d = try blocking { [d] in try await app.perform(.submit, on: d.number) }
        d = try blocking { [d] in try await app.perform(.startReview, on: d.number) }
        XCTAssertThrowsError(try blocking { [d] in try await app.perform(.grant(amount: nil, reason: nil, overspendReason: nil), on: d.number) }) {
            let e = $0 as? LifecycleError
            XCTAssertEqual(e?.code, .missingDocuments)
            XCTAssertTrue(e?.message.contains("(reçue, non vérifiée)") ?? false, "\(String(describing: e))")
        }
        try validateDocuments(d, app)
        let granted = try blocking { [d] in try await app.perform(.grant(amount: nil, reason: nil, overspendReason: nil), on: d.number) }
        XCTAssertEqual(granted.status, .granted)
        XCTAssertEqual(granted.grantedAmount, scheme.computeAmount(for: granted).total, "an empty amount grants the computed one")
    }

    func testPaymentsNeverGuessTheAmountAndAskInWordsThatStateIt() throws {
        XCTAssertThrowsError(try DossierAction.payment(amount: " ")) {
            XCTAssertTrue(($0 as? ValidationError)?.message.contains("Solder") ?? false, "\($0)")
        }
        XCTAssertThrowsError(try DossierAction.payment(amount: "0"))
        XCTAssertThrowsError(try DossierAction.payment(amount: "douze"))
        XCTAssertEqual(try DossierAction.payment(amount: "1 200,00"), .pay(Money(euros: 1_200), label: nil))

        let (app, _) = try makeGuichet(territory: "capso")
        var d = try blocking { try await app.createDossier(Self.accDraft, scheme: "ACC") }
        try validateDocuments(d, app)
        for step in [DossierAction.submit, .startReview, .grant(amount: nil, reason: nil, overspendReason: nil)] {
            d = try blocking { [d] in try await app.perform(step, on: d.number) }
        }
        let granted = d.grantedAmount
        XCTAssertEqual(app.confirmation(for: .submit, on: d), nil, "no question for a step without money")
        let first = try XCTUnwrap(app.confirmation(for: .pay(Money(euros: 1_500), label: nil), on: d))
        XCTAssertEqual(first.question, "Verser 1\u{202F}500,00\u{00A0}€ au dossier \(d.number.formatted) ?")
        XCTAssertEqual(first.consequence, "Il restera \(FrenchFormat.money(granted - Money(euros: 1_500))) à verser.")
        d = try blocking { [d] in try await app.perform(.pay(Money(euros: 1_500), label: nil), on: d.number) }
        let last = try XCTUnwrap(app.confirmation(for: .settle(label: nil), on: d))
        XCTAssertEqual(last.question, "Verser \(FrenchFormat.money(d.remainingToPay)) et solder le dossier \(d.number.formatted) ?")
        XCTAssertEqual(app.confirmation(for: .pay(d.remainingToPay, label: nil), on: d), last, "paying the remainder says it settles")
        d = try blocking { [d] in try await app.perform(.settle(label: nil), on: d.number) }
        XCTAssertEqual(d.status, .settled)
        XCTAssertEqual(d.paidAmount, granted)
        XCTAssertEqual(d.payments.last?.label, "Solde")
        let cancel = try XCTUnwrap(DossierAction.cancel(reason: "x").confirmation(for: d, scheme: try app.scheme("ACC"), on: testDay))
        XCTAssertTrue(cancel.destructive)
    }

    func testHistorySpeaksFrenchWithTheFormsLabels() throws {
        let (app, workspace) = try makeGuichet(territory: "capso")
        let arc = try app.scheme("ARC")
        XCTAssertTrue(DossierField.fields(for: arc, applicant: .household).contains(.income), "ARC asks the income (PSLA)")
        var draft = Self.accDraft
        draft.applicant.household?.yearlyIncome = Money(euros: 36_480)
        let d = try blocking { [draft] in try await app.createDossier(draft, scheme: "ARC") }
        var form = DossierFormInput.showing(d, scheme: arc)
        form.texts[.income] = ""
        let saved = try blocking { [form] in try await app.saveDossier(d.number, expectedVersion: d.version, form: form) }
        XCTAssertTrue(saved.changed)
        XCTAssertNil(saved.value.applicant.household?.yearlyIncome)
        let sheet = try blocking { try await app.dossierSheet(d.number) }
        let line = try XCTUnwrap(sheet.historyLines.first)
        XCTAssertTrue(line.contains("Revenu fiscal de référence : 36\u{202F}480,00\u{00A0}€ → vide"), line)
        XCTAssertFalse(line.contains("applicant."), "no key path: \(line)")
        _ = workspace
    }

    func testASaveFromAnOldVersionIsRefusedAndWritesNothing() throws {
        let (app, workspace) = try makeGuichet(territory: "capso")
        let created = try blocking { try await app.createDossier(Self.accDraft, scheme: "ACC") }
        _ = try blocking { try await app.recordDocument("rib", state: .received, on: created.number) }
        XCTAssertThrowsError(try blocking {
            try await app.recordDocument("devis", state: .valid, on: created.number, expectedVersion: created.version)
        }) { e in
            guard case .conflict(_, _, let changes)? = e as? StoreError else { return XCTFail("\(e)") }
            XCTAssertTrue(changes.contains { $0.field.hasPrefix("documents") })
        }
        var form = DossierFormInput.showing(created, scheme: try app.scheme("ACC"))
        form.texts[.commune] = "Arques"
        XCTAssertThrowsError(try blocking { [form] in try await app.saveDossier(created.number, expectedVersion: created.version, form: form) }) {
            guard case .conflict? = $0 as? StoreError else { return XCTFail("\($0)") }
        }
        let stored = try XCTUnwrap(try blocking { try await app.dossier(created.number) })
        XCTAssertEqual(stored.version, 2)
        XCTAssertEqual(stored.documents.map(\.id), ["rib"])
        XCTAssertEqual(stored.property.commune, "Saint-Omer")
        let history = try workspace.store.read { try $0.history(entity: "dossier", key: created.number.formatted) }
        XCTAssertEqual(history.map(\.action), ["création", "modification"])
        // A refused transition leaves the dossier untouched.
        XCTAssertThrowsError(try blocking { try await app.perform(.submit, on: created.number) }) {
            XCTAssertEqual(($0 as? LifecycleError)?.code, .missingDocuments)
        }
        XCTAssertEqual(try blocking { try await app.dossier(created.number) }?.version, 2)
    }
}
