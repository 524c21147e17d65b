import Foundation
import GtkKit
import GuichetApp
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// The Dossiers screen on a real database of generated dossiers: counts and search against
/// storage, read off the main thread; a save conflict that keeps what the agent typed; an action
/// that keeps what the form does not show.
final class DossiersScreenTests: XCTestCase {
    static let today = CalendarDate(year: 2026, month: 11, day: 1)!

    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    private func makeWorkspace(count: Int) throws -> Workspace {
        let url = temporaryFolder(prefix: "dossiers-screen").file("essai.sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let store = try SQLiteStore.create(url, territory: profile.id, clock: .fixed(Self.today))
        let dossiers = DemoDossiers.generate(count: count, seed: 7, schemes: try XCTUnwrap(profile.schemes),
                                             years: 2024...2026, referenceDate: Self.today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "essai") }
        return Workspace(store: store, profile: profile, clock: .fixed(Self.today))
    }

    /// Types into the search and waits for the list to show the new result.
    @MainActor
    private static func search(_ text: String, in screen: DossiersScreen) {
        screen.search.text = text
        waitFor("the result of « \(text) »") { screen.source.isIdle }
    }

    @MainActor
    private static func open(row: Int, in screen: DossiersScreen) throws -> DossierForm {
        screen.table.select(row: row)
        waitFor("the dossier of row \(row)") { !screen.isOpening && screen.builtForm?.stored != nil }
        return try XCTUnwrap(screen.builtForm)
    }

    func testRowsReadBeforeTheWindowAreShownOnceThenStorageIsRead() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 120)
        let app = guichet(workspace, today: Self.today)
        try MainActor.assumeIsolated {
            // What the launcher starts reading while GTK starts, made recognisable: a total storage does not have.
            let started = StartupPrefetch.start(on: app, section: nil)
            let early = try XCTUnwrap(started.dossiers)
            XCTAssertNil(StartupPrefetch.start(on: app, section: "budget").dossiers, "only the first screen's rows")
            var fake: DossierRowPage?
            Task { var page = try await early.task.value; page.total = 7; page.rows = Array(page.rows.prefix(7)); fake = page }
            waitFor("the early page") { fake != nil }
            let page = try XCTUnwrap(fake)
            XCTAssertEqual(page.rows.count, 7)
            let (main, screen) = try openSection(DossiersScreen.factory, on: app, as: DossiersScreen.self,
                                                 prefetch: StartupPrefetch(dossiers: Prefetched(value: page)))
            defer { main.window.destroy() }
            waitFor("the first result") { screen.source.isIdle }
            XCTAssertEqual(screen.table.rowCount, 7, "the rows read early are shown, not read again")
            Self.search("saint", in: screen)
            Self.search("", in: screen)
            XCTAssertEqual(screen.table.rowCount, 120, "afterwards the list reads storage")
        }
    }

    func testAnAnonymisedDossierOpensReadOnly() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 40)
        let later = CalendarDate(year: 2040, month: 1, day: 1)!
        let limit = RetentionSchedule(rules: workspace.profile.manifest.retention, today: later).closedDossierLimit
        let anonymised = try workspace.store.write { try $0.anonymiseClosedDossiers(closedBefore: limit, on: later) }
        XCTAssertGreaterThan(anonymised, 0)
        let number = try XCTUnwrap(try workspace.store.read { s in
            try s.dossiers(DossierQuery()).first { $0.isAnonymised }?.number
        })
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self, today: Self.today)
            defer { main.window.destroy() }
            waitFor("the list") { screen.source.isIdle }
            let row = try XCTUnwrap((0..<screen.table.rowCount).first { screen.table.text(row: $0, column: 0) == number.formatted })
            let form = try Self.open(row: row, in: screen)
            XCTAssertEqual(form.stored?.number, number)
            XCTAssertFalse(form.isEditable, "an anonymised dossier is read only")
            XCTAssertTrue(form.subtitle.text.contains("Anonymisé le 01/01/2040 (RGPD)"), form.subtitle.text)
            XCTAssertFalse(form.saveButton.isSensitive)
            form.startNew()
            XCTAssertTrue(form.isEditable, "a new dossier is editable again")
        }
    }

    func testListCountsSearchAndFiltersFromStorage() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 300)
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self, today: Self.today)
            defer { main.window.destroy() }
            waitFor("the list") { screen.source.isIdle }
            XCTAssertEqual(screen.table.rowCount, 300)
            XCTAssertEqual(screen.countLabel.text, "300 dossiers")
            Self.search("saint", in: screen)
            let expected = try workspace.store.read { try $0.countDossiers(DossierQuery(text: "saint")) }
            XCTAssertGreaterThan(expected, 0)
            XCTAssertLessThan(expected, 300)
            XCTAssertEqual(screen.table.rowCount, expected)
            // Every row shown matches the search, as storage says.
            for row in 0..<min(expected, 20) {
                let number = try XCTUnwrap(DossierNumber(parsing: screen.table.text(row: row, column: 0)))
                let dossier = try XCTUnwrap(try workspace.store.read { try $0.dossier(number: number) })
                XCTAssertTrue(DossierQuery(text: "saint").matches(dossier))
            }
            Self.search("", in: screen)
            XCTAssertEqual(screen.table.rowCount, 300)
            // Header click: sorted by storage, descending by applicant.
            screen.table.sort(by: "applicant", descending: true)
            waitFor("the sorted list") { screen.source.isIdle }
            let first = try workspace.store.read { try $0.dossiers(DossierQuery(sort: .applicant, ascending: false, limit: 1)) }
            XCTAssertEqual(screen.table.text(row: 0, column: 0), first.first?.number.formatted)
            // Rows further down are read when they come into view.
            screen.table.scroll(toRow: 200)
            waitFor("rows 200 and on") { screen.source.isIdle }
            XCTAssertNotEqual(screen.table.text(row: 200, column: 0), "")
            // Status filter ("Soldé" is the 6th status after "Tous les statuts").
            let settledIndex = try XCTUnwrap(DossierStatus.allCases.firstIndex(of: .settled)) + 1
            screen.statusFilter.selectedIndex = settledIndex
            waitFor("the filtered list") { screen.source.isIdle }
            let settled = try workspace.store.read { try $0.countDossiers(DossierQuery(statuses: [.settled])) }
            XCTAssertEqual(screen.table.rowCount, settled)
            XCTAssertEqual(screen.table.text(row: 0, column: 4), "Soldé")
            XCTAssertEqual(DossierListSource.countText(12_345), "12\u{202F}345 dossiers")
        }
    }

    func testANewerKeystrokeCancelsTheOlderSearchAndTheListKeepsItsRowsMeanwhile() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 200)
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self, today: Self.today)
            defer { main.window.destroy() }
            waitFor("the list") { screen.source.isIdle }
            let before = screen.table.text(row: 0, column: 0)
            screen.search.text = "sai"
            screen.search.text = "saint"
            // Nothing read yet: the previous result is still on screen.
            XCTAssertEqual(screen.table.rowCount, 200)
            XCTAssertEqual(screen.table.text(row: 0, column: 0), before)
            waitFor("the last keystroke's result") { screen.source.isIdle }
            XCTAssertEqual(screen.table.rowCount, try workspace.store.read { try $0.countDossiers(DossierQuery(text: "saint")) })
        }
    }

    func testConflictKeepsTypedValuesAndNamesTheOtherChanges() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 20)
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self, today: Self.today)
            defer { main.window.destroy() }
            main.present()
            waitFor("the list") { screen.source.isIdle }
            XCTAssertNil(screen.builtForm, "the form waits until a dossier is opened")
            let form = try Self.open(row: 0, in: screen)
            let number = try XCTUnwrap(form.stored?.number)
            // Another agent changes the commune meanwhile.
            try workspace.store.write { session in
                var other = try XCTUnwrap(try session.dossier(number: number))
                other.property.commune = "Longuenesse"
                _ = try session.updateDossier(other, expectedVersion: other.version)
            }
            let address = try XCTUnwrap(form.entry(.address))
            address.text = "7 rue de l’Essai"
            XCTAssertTrue(form.isDirty)
            XCTAssertTrue(form.saveButton.isSensitive)
            screen.save()
            waitFor("the refused save") { !form.isBusy }
            XCTAssertTrue(form.banner.isVisible)
            XCTAssertTrue(form.banner.text.contains("modifié par un autre agent"), form.banner.text)
            XCTAssertTrue(form.banner.text.contains("Commune : « "), "fields named as the form names them: \(form.banner.text)")
            XCTAssertTrue(form.banner.text.contains("Longuenesse"), form.banner.text)
            XCTAssertEqual(address.text, "7 rue de l’Essai", "typed value kept")
            let stored = try XCTUnwrap(try workspace.store.read { try $0.dossier(number: number) })
            XCTAssertNotEqual(stored.property.address, "7 rue de l’Essai", "nothing saved over the other agent's version")
            XCTAssertTrue(form.isDirty)
            XCTAssertFalse(screen.canLeave(), "unsaved changes guard the section")
        }
    }

    /// The income case of issue 12: an ACC dossier's form does not show the household's income;
    /// "Mettre en instruction" (or a save) must keep it, and write no history line about it.
    func testAnActionKeepsWhatTheFormDoesNotShow() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 400)
        let target = try XCTUnwrap(try workspace.store.read { s in
            try s.dossiers(DossierQuery(statuses: [.submitted], schemes: ["ACC"])).first { $0.applicant.household?.yearlyIncome != nil }
        }, "the demo base holds a submitted ACC dossier with an income")
        let acc = try XCTUnwrap(workspace.profile.schemes?.scheme(code: "ACC"))
        XCTAssertFalse(DossierField.fields(for: acc, applicant: target.applicant.kind).contains(.income), "ACC's form hides the income")
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self, today: Self.today)
            defer { main.window.destroy() }
            main.present()
            Self.search(target.number.formatted, in: screen)
            XCTAssertEqual(screen.table.rowCount, 1)
            let form = try Self.open(row: 0, in: screen)
            XCTAssertFalse(form.isDirty, "a dossier just opened has nothing unsaved")
            _ = try XCTUnwrap(form.actionButtons["Mettre en instruction"]).activate()
            waitFor("the dossier under review (\(form.actionMessage.text))") { form.stored?.status == .underReview && !form.isBusy }
        }
        let after = try XCTUnwrap(try workspace.store.read { try $0.dossier(number: target.number) })
        XCTAssertEqual(after.applicant.household?.yearlyIncome, target.applicant.household?.yearlyIncome, "income kept")
        XCTAssertEqual(after.applicant, target.applicant)
        XCTAssertEqual(after.property, target.property)
        let last = try XCTUnwrap(try workspace.store.read { try $0.history(entity: "dossier", key: target.number.formatted) }.last)
        XCTAssertFalse(last.changes.contains { $0.field.hasPrefix("applicant") }, "\(last.changes)")
    }

    func testEscapeAsksBeforeDroppingWhatWasTyped() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 20)
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self, today: Self.today)
            defer { main.window.destroy() }
            main.present()
            waitFor("the list") { screen.source.isIdle }
            screen.newItem()
            let form = try XCTUnwrap(screen.builtForm)
            let name = try XCTUnwrap(form.entry(.lastName))
            name.text = "Dupuis"
            XCTAssertTrue(form.isDirty)
            XCTAssertFalse(screen.canLeave(), "typed input is never dropped without a confirmation")
            XCTAssertEqual(name.text, "Dupuis")
            XCTAssertTrue(form.isShowingDossier)
        }
    }
}
