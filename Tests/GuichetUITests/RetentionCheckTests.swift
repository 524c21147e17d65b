import CGtk
import Foundation
import GtkKit
import GuichetApp
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

final class RetentionCheckTests: XCTestCase {
    func testTheNoticeCountsWhatIsDueAndNamesNoOne() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
        let url = temporaryFolder(prefix: "retention-check").file("essai.sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let today = CalendarDate(year: 2026, month: 11, day: 1)!
        let store = try SQLiteStore.create(url, territory: profile.id, clock: .fixed(today))
        let dossiers = DemoDossiers.generate(count: 60, seed: 7, schemes: try XCTUnwrap(profile.schemes),
                                             years: 2024...2026, referenceDate: today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "essai") }
        let app = guichet(Workspace(store: store, profile: profile, clock: .fixed(today)))
        let later = CalendarDate(year: 2040, month: 1, day: 1)!
        let schedule = RetentionSchedule(rules: profile.manifest.retention, today: later)
        let due = dossiers.filter { schedule.state(of: $0) == .due }.count
        XCTAssertGreaterThan(due, 0, "generated closed dossiers are long due in 2040")
        try MainActor.assumeIsolated {
            let window = Window(borrowing: UnsafeMutableRawPointer(gtk_window_new()!))
            defer { window.destroy() }
            let box = Box(vertical: true)
            gtk_window_set_child(window.window, box.widget)
            let label = Label()
            label.isVisible = false
            box.append(label)
            RetentionCheck.start(guichet: app, label: label, today: later, after: .zero)
            XCTAssertTrue(MainLoop.iterate(timeout: 10) { label.isVisible }, "the notice appears once counted")
            XCTAssertTrue(label.text.contains("\(FrenchFormat.integer(due)) dossier"), label.text)
            let someone = try XCTUnwrap(dossiers.first { schedule.state(of: $0) == .due }).applicant.displayName
            XCTAssertFalse(label.text.contains(someone), "no name in the notice")

            let quiet = Label()
            quiet.isVisible = true
            box.append(quiet)
            RetentionCheck.start(guichet: app, label: quiet, today: today, after: .zero)
            XCTAssertTrue(MainLoop.iterate(timeout: 10) { !quiet.isVisible }, "nothing due: no notice")

            let orphan = Label()
            orphan.isVisible = false
            RetentionCheck.start(guichet: app, label: orphan, today: later, after: .zero)
            MainLoop.iterate(timeout: 1) { false }
            XCTAssertFalse(orphan.isVisible, "a label no longer in a window is left alone")
        }
    }
}
