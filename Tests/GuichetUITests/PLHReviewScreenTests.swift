import Foundation
import GtkKit
import GuichetApp
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// Bilan du PLH on a demo database: the review computed off the main thread, every action in the
/// list, the chosen action's figures as the review computes them, the bilan exported.
final class PLHReviewScreenTests: XCTestCase {
    private static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    private func makeWorkspace() throws -> Workspace {
        let url = temporaryFolder(prefix: "plh-review").file("essai.sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let store = try SQLiteStore.create(url, territory: profile.id, clock: .fixed(Self.today))
        let dossiers = DemoDossiers.generate(count: 600, seed: 3, schemes: try XCTUnwrap(profile.schemes), years: 2023...2026, referenceDate: Self.today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "Essai") }
        return Workspace(store: store, profile: profile, clock: .fixed(Self.today))
    }

    func testTheChosenActionShowsTheReviewsFiguresAndExports() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace()
        let guichet = Guichet(store: workspace.store, profile: workspace.profile, clock: .fixed(Self.today))
        let pdf = temporaryFolder(prefix: "plh-review-export").file("bilan.pdf").path
        try MainActor.assumeIsolated {
            _ = try awaiting {
                try await guichet.setIndicator(action: 18, measure: "personnes-accueillies", year: 2026, value: nil,
                                               parts: [("renovation", "12"), ("logement-social", "30")], comment: "Registre")
            }
            let (main, screen) = try openSection(PLHReviewScreen.factory, on: guichet, as: PLHReviewScreen.self)
            defer { main.window.destroy() }
            XCTAssertTrue(MainLoop.iterate(timeout: 30) { screen.review != nil }, "the review is computed off the main thread and shown")
            let review = try XCTUnwrap(screen.review)
            XCTAssertEqual(review.year, 2026, "the workspace's year")
            XCTAssertEqual(review.actions.count, 20)
            XCTAssertEqual(screen.selectedAction, 1)
            // Action 18: the entered value, and a button to enter it.
            screen.select(action: 18)
            XCTAssertEqual(review.action(18)?.measure("personnes-accueillies")?.value(2026), .count(42))
            XCTAssertEqual(screen.measureButtons["personnes-accueillies"]?.label, "Saisir…")
            XCTAssertEqual(screen.measureButtons["demandes-enregistrees"]?.label, "Détail…")
            // Another year recomputes.
            screen.select(year: 2024)
            XCTAssertTrue(MainLoop.iterate(timeout: 30) { screen.review?.year == 2024 }, "2024 computed")
            XCTAssertEqual(screen.review?.action(18)?.measure("personnes-accueillies")?.text(2024), "—")
            let outcome = try awaiting { await screen.exportBilan(to: pdf, format: .pdf) }
            XCTAssertFalse(outcome.failed, outcome.message)
            XCTAssertTrue(FileManager.default.fileExists(atPath: pdf))
        }
    }
}
