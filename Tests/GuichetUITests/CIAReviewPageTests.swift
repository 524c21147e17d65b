import Foundation
import GtkKit
@testable import GuichetCLI
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// Bailleurs et conventions › Bilan de la CIA and Registre des attributions on a demo database
/// holding the published results and the demo register.
final class CIAReviewPageTests: XCTestCase {
    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    /// The day the tests run "on".
    private static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    private func makeWorkspace(register: Bool = true) throws -> Workspace {
        let url = temporaryFolder(prefix: "cia-page").file("essai.sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let store = try SQLiteStore.create(url, territory: profile.id, clock: .fixed(Self.today))
        try Seeding.seed(profile: profile, into: store, on: Self.today)
        _ = try ProgrammeDemo.populate(store: store, profile: profile)
        if register { _ = try AllocationDemo.populate(store: store, profile: profile, demo: DemoSettings(date: Self.today, seed: 1, size: 0)) }
        return Workspace(store: store, profile: profile, clock: .fixed(Self.today))
    }

    func testTheAgglomerationViewShowsComputedBesidePublishedAndTheYearsObligations() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace()
        let pdf = temporaryFolder(prefix: "cia-export").file("bilan.pdf").path
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(LandlordsScreen.factory, on: workspace, as: LandlordsScreen.self)
            defer { main.window.destroy() }
            screen.show(view: "cia")
            let page = screen.ciaPage
            XCTAssertTrue(MainLoop.iterate(timeout: 30) { page.data != nil }, "the review is computed off the main thread and shown")
            let data = try XCTUnwrap(page.data)
            // The headline cell of 2021: 22,80 % computed, 22,83 % published, marked.
            let share = try XCTUnwrap(data.headline.row(AgglomerationHeadline.Label.share))
            let column = try XCTUnwrap(data.headline.columns.firstIndex(of: ReviewColumn(year: 2021, transfers: .included)))
            XCTAssertEqual(CIAReviewText.headlineCell(share.cells[column], .basisPoints), "22,80\u{00A0}%\npublié 22,83\u{00A0}% ≠")
            // The latest year is chosen first; another year shows its own obligations.
            XCTAssertEqual(page.selectedYear, 2023)
            page.yearChoice.selectedIndex = try XCTUnwrap(page.years.firstIndex(of: 2022))
            XCTAssertEqual(page.selectedYear, 2022)
            // The export writes the yearly review of the chosen year.
            let outcome = try awaiting { await page.export(year: 2022, format: .pdf, to: pdf) }
            XCTAssertFalse(outcome.failed, outcome.message)
            XCTAssertTrue(FileManager.default.fileExists(atPath: pdf))
        }
    }

    func testAnAllocationTypedInTheRegisterIsValidatedStoredAndCounted() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(register: false)
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(LandlordsScreen.factory, on: workspace, as: LandlordsScreen.self)
            defer { main.window.destroy() }
            screen.show(view: "registre")
            let page = screen.registerPage
            waitFor("the register's counts and choices") { !page.isLoading }
            let form = page.form
            // Nothing typed: every missing field is named, nothing is stored.
            page.save()
            XCTAssertEqual(try workspace.store.read { try $0.allocationCount() }, 0)
            form.calDecisionDate.text = "12/03/2024"
            form.leaseDate.text = "02/04/2024"
            form.landlord.selectedIndex = try XCTUnwrap(form.landlord.items.firstIndex(of: "SIA Habitat"))
            form.commune.text = "Béthune"
            form.inQPV.selectedIndex = 1
            form.resourcesPerUC.text = "8 058,00"
            form.priority.selectedIndex = 2
            form.transfer.selectedIndex = 1
            form.holderKind.selectedIndex = 2 // Commune
            page.save()
            waitFor("the allocation stored") { form.commune.text == "" }
            let stored = try workspace.store.read { try $0.allAllocations() }
            XCTAssertEqual(stored.count, 1)
            let a = try XCTUnwrap(stored.first)
            XCTAssertEqual(a.landlordId, "sia-habitat")
            XCTAssertEqual(a.inQPV, false)
            XCTAssertEqual(a.resourcesPerUC, Money(euros: 8_058))
            XCTAssertEqual(a.priority, false)
            XCTAssertEqual(a.transfer, false)
            XCTAssertEqual(a.reservationHolder, ReservationHolder(kind: .commune, name: "Béthune"))
            XCTAssertEqual(a.year, 2024)
            XCTAssertEqual(form.commune.text, "", "the form is emptied for the next allocation")
        }
    }
}
