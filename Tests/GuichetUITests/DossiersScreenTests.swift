import Foundation
import GtkKit
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// The Dossiers screen on a real database of generated dossiers: counts and search against
/// storage, and a save conflict that keeps what the agent typed.
final class DossiersScreenTests: XCTestCase {
    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    /// The day the tests run "on": the year filter and the new dossiers' numbers follow it.
    private static let today = CalendarDate(year: 2026, month: 11, day: 1)!

    private func makeWorkspace(count: Int) throws -> Workspace {
        let url = temporaryFolder(prefix: "dossiers-screen").file("essai.sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let store = try SQLiteStore.create(url, territory: profile.id, clock: .fixed(Self.today))
        let dossiers = DemoDossiers.generate(count: count, seed: 7, schemes: try XCTUnwrap(profile.schemes),
                                             years: 2024...2026, referenceDate: Self.today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "essai") }
        return Workspace(store: store, profile: profile, clock: .fixed(Self.today))
    }

    func testRowsReadBeforeTheWindowAreShownOnceThenStorageIsRead() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 120)
        // What the launcher reads while GTK starts, made recognisable: a total storage does not have.
        var early = StartupPrefetch.read(from: workspace, section: nil)
        XCTAssertEqual(early.dossiers?.total, 120)
        XCTAssertEqual(early.dossiers?.rows.count, DossierListSource.pageSize)
        var page = try XCTUnwrap(early.dossiers)
        page.total = 7
        page.rows = Array(page.rows.prefix(7))
        early.dossiers = page
        XCTAssertNil(StartupPrefetch.read(from: workspace, section: "budget").dossiers, "only the first screen's rows")
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self, prefetch: early)
            defer { main.window.destroy() }
            XCTAssertEqual(screen.table.rowCount, 7, "the rows read early are shown, not read again")
            screen.search.text = "saint"
            screen.search.text = ""
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
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self)
            defer { main.window.destroy() }
            let row = try XCTUnwrap((0..<screen.table.rowCount).first { screen.table.text(row: $0, column: 0) == number.formatted })
            screen.table.select(row: row)
            let form = try XCTUnwrap(screen.builtForm)
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
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self)
            defer { main.window.destroy() }
            XCTAssertEqual(screen.table.rowCount, 300)
            screen.search.text = "saint"
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
            screen.search.text = ""
            XCTAssertEqual(screen.table.rowCount, 300)
            // Header click: sorted by storage, descending by applicant.
            screen.table.sort(by: "applicant", descending: true)
            let first = try workspace.store.read { try $0.dossiers(DossierQuery(sort: .applicant, ascending: false, limit: 1)) }
            XCTAssertEqual(screen.table.text(row: 0, column: 0), first.first?.number.formatted)
            // Status filter ("Soldé" is the 6th status after "Tous les statuts").
            let settledIndex = try XCTUnwrap(DossierStatus.allCases.firstIndex(of: .settled)) + 1
            screen.statusFilter.selectedIndex = settledIndex
            let settled = try workspace.store.read { try $0.countDossiers(DossierQuery(statuses: [.settled])) }
            XCTAssertEqual(screen.table.rowCount, settled)
            XCTAssertEqual(screen.table.text(row: 0, column: 4), "Soldé")
            XCTAssertEqual(DossierListSource.countText(12_345), "12\u{202F}345 dossiers")
        }
    }

    func testConflictKeepsTypedValuesAndNamesTheOtherChanges() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 20)
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(DossiersScreen.factory, on: workspace, as: DossiersScreen.self)
            defer { main.window.destroy() }
            main.present()
            XCTAssertNil(screen.builtForm, "the form waits until a dossier is opened")
            screen.table.select(row: 0)
            let form = try XCTUnwrap(screen.builtForm, "opening a dossier builds the form")
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
            XCTAssertTrue(form.banner.isVisible)
            XCTAssertTrue(form.banner.text.contains("modifié par un autre agent"), form.banner.text)
            XCTAssertTrue(form.banner.text.contains("property.commune"), form.banner.text)
            XCTAssertTrue(form.banner.text.contains("Longuenesse"), form.banner.text)
            XCTAssertEqual(address.text, "7 rue de l’Essai", "typed value kept")
            let stored = try XCTUnwrap(try workspace.store.read { try $0.dossier(number: number) })
            XCTAssertNotEqual(stored.property.address, "7 rue de l’Essai", "nothing saved over the other agent's version")
            XCTAssertTrue(form.isDirty)
            XCTAssertFalse(screen.canLeave(), "unsaved changes guard the section")
        }
    }
}
