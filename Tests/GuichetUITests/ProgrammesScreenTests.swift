import Foundation
import GtkKit
import GuichetApp
@testable import GuichetCLI
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// The Programmes and Bailleurs screens on a temporary `demo` database holding the brief's 43
/// construction programmes and the CIA results (what `guichet demo` imports).
final class ProgrammesScreenTests: XCTestCase {
    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    /// The day the tests run "on" (conventions' objectives are seeded up to its year).
    private static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    private func makeWorkspace() throws -> Workspace {
        let url = temporaryFolder(prefix: "programmes-screen").file("essai.sqlite")
        let profile = try ProfileDirectory.load(territory: "demo")
        let store = try SQLiteStore.create(url, territory: profile.id, clock: .fixed(Self.today))
        try Seeding.seed(profile: profile, into: store, on: Self.today)
        let counts = try ProgrammeDemo.populate(store: store, profile: profile)
        guard counts["programmes de construction"] == 43 else { throw XCTSkip("fixture des programmes introuvable") }
        return Workspace(store: store, profile: profile, clock: .fixed(Self.today))
    }

    private static func spaces(_ s: String) -> String {
        String(s.map { $0.isWhitespace ? " " : $0 })
    }

    func testListSummaryFiltersAndFindingsFromStorage() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace()
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(ProgrammesScreen.factory, on: workspace, as: ProgrammesScreen.self)
            defer { main.window.destroy() }
            waitFor("the programmes") { !screen.isLoading }
            let page = screen.construction
            XCTAssertEqual(page.table.rowCount, 43)
            // Summary: last line is the total, computed from the stored rows; the brief prints 1,230.
            let dwellings = try workspace.store.read { try $0.allConstruction() }.compactMap(\.dwellings).reduce(0, +)
            let last = page.summaryTable.rowCount - 1
            XCTAssertEqual(page.summaryTable.text(row: last, column: 0), "Total")
            XCTAssertEqual(page.summaryTable.text(row: last, column: 6), FrenchFormat.integer(dwellings))
            XCTAssertEqual(Self.spaces(page.summaryTable.text(row: last, column: 6)), "1 230")
            XCTAssertEqual(Self.spaces(page.summaryTable.text(row: last, column: 2)), "735")
            // The rules column names a PLAI share below 30 % where the rules find one.
            let flagged = try XCTUnwrap(page.data.firstIndex { $0.findings.contains { $0.rule == .plaiShare && $0.severity == .notMet } })
            XCTAssertTrue(page.table.text(row: flagged, column: 11).contains("⚠ Part de PLAI < 30"), page.table.text(row: flagged, column: 11))
            // Year filter: as many rows as storage counts for 2022, and the summary follows.
            let in2022 = try workspace.store.read { try $0.countProgrammes(ProgrammeQuery(kind: .construction, year: 2022), rules: nil) }
            let yearFilter = screen.yearFilter
            yearFilter.selectedIndex = try XCTUnwrap(yearFilter.items.firstIndex(of: "2022"))
            waitFor("the 2022 programmes") { !screen.isLoading }
            XCTAssertEqual(page.table.rowCount, in2022)
            XCTAssertTrue((0..<page.table.rowCount).allSatisfy { page.table.text(row: $0, column: 0) == "2022" })
            XCTAssertEqual(page.summaryTable.rowCount, 2)
            yearFilter.selectedIndex = 0
            // Search.
            screen.searchEntry?.text = "pasteur"
            waitFor("the search") { !screen.isLoading }
            let matching = try workspace.store.read { try $0.countProgrammes(ProgrammeQuery(kind: .construction, text: "pasteur"), rules: nil) }
            XCTAssertGreaterThan(matching, 0)
            XCTAssertEqual(page.table.rowCount, matching)
            screen.searchEntry?.text = ""
            waitFor("every programme") { !screen.isLoading }
            XCTAssertEqual(page.table.rowCount, 43)
        }
    }

    func testFormShowsUnknownsSavesAndKeepsTypedTextOnConflict() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace()
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(ProgrammesScreen.factory, on: workspace, as: ProgrammesScreen.self)
            defer { main.window.destroy() }
            waitFor("the programmes") { !screen.isLoading }
            let page = screen.construction
            // A programme whose PLS cell is blank: shown as unknown, never as 0.
            let blankPLS = try XCTUnwrap(page.data.firstIndex { $0.record.programme.pls.isBlank })
            page.table.select(row: blankPLS)
            let form = page.form
            XCTAssertEqual(form.record?.key, page.data[blankPLS].record.key)
            XCTAssertEqual(form.entry(labeled: "PLS")?.text, "")
            XCTAssertEqual(form.hint(labeled: "PLS"), "inconnu (cellule vide)")
            XCTAssertEqual(page.table.text(row: blankPLS, column: 7), "—")
            // Save: version + 1 in storage, PLS known.
            let key = try XCTUnwrap(form.record?.key)
            form.entry(labeled: "PLS")?.text = "4"
            XCTAssertTrue(form.isDirty)
            form.save()
            waitFor("the save and the list read again") { !form.isSaving && !screen.isLoading }
            let saved = try XCTUnwrap(try workspace.store.read { try $0.construction(key: key) })
            XCTAssertEqual(saved.version, 2)
            XCTAssertEqual(saved.programme.pls.value, 4)
            XCTAssertFalse(form.isDirty)
            XCTAssertEqual(form.record?.version, 2)
            // Another agent saves meanwhile: refused, typed text kept.
            var other = saved
            other.programme.status = "livré"
            _ = try workspace.store.write { try $0.updateConstruction(other, expectedVersion: 2) }
            form.entry(labeled: "PLS")?.text = "5"
            form.save()
            waitFor("the refused save") { !form.isSaving }
            XCTAssertTrue(form.messageText.contains("un autre agent"), form.messageText)
            XCTAssertEqual(form.entry(labeled: "PLS")?.text, "5")
            XCTAssertEqual(try workspace.store.read { try $0.construction(key: key) }?.programme.pls.value, 4)
        }
    }

    func testReimportingTheFixtureChangesNothing() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace()
        let url = try XCTUnwrap(ProgrammeFiles.fixture("programmes-construction-2020-2023.csv"))
        let preview = try ProgrammeImportRun.run(try Data(contentsOf: url), kind: .construction, strict: false,
                                                 sourceName: url.lastPathComponent, dryRun: true, store: workspace.store)
        XCTAssertEqual(preview.outcome.unchanged, 43)
        XCTAssertEqual(preview.outcome.imported, 0)
        let text = ImportReportText.detail(preview)
        XCTAssertTrue(text.contains("43 ligne(s) lue(s) : 0 nouvelle(s), 0 mise(s) à jour, 43 inchangée(s)"), text)
        for warning in preview.report.warnings { XCTAssertTrue(text.contains(warning.description)) }
    }

    func testLandlordsReviewFlagsMissedTargetsAndSourceInconsistencies() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace()
        try MainActor.assumeIsolated {
            let (main, screen) = try openSection(LandlordsScreen.factory, on: workspace, as: LandlordsScreen.self)
            defer { main.window.destroy() }
            waitFor("the landlords") { !screen.isLoading }
            let stored = try workspace.store.read { try $0.landlords() }
            XCTAssertEqual(screen.table.rowCount, stored.count)
            // The source's stock that does not add up is flagged as given.
            let hli = try XCTUnwrap(stored.firstIndex { $0.stock?.outsideQPV == 78 && $0.stock?.total == 223 })
            XCTAssertEqual(Self.spaces(screen.table.text(row: hli, column: 5)), "⚠ 78 + 0 ≠ 223")
            XCTAssertEqual(screen.table.text(row: hli, column: 4), "223")
            // Flandre Opale Habitat, 2023: the priority-household target is missed (7,75 % < 25 %).
            XCTAssertTrue(screen.select(landlordNamed: "Flandre Opale Habitat"))
            waitFor("the landlord's review") { !screen.isLoading }
            XCTAssertTrue(screen.select(year: 2023))
            let missed = screen.lines.filter { $0.year == 2023 && $0.missed }
            XCTAssertFalse(missed.isEmpty)
            let priority = try XCTUnwrap(screen.lines.first { $0.year == 2023 && $0.indicator == .allocationPriorityExcludingTransfers })
            XCTAssertEqual(priority.result, 775)
            XCTAssertTrue(priority.missed)
            // The chart has one point per year of the agreement, 2023 under its objective.
            let point2023 = try XCTUnwrap(screen.chart.points.first { $0.label.hasPrefix("2023") })
            XCTAssertEqual(point2023.value, 775)
            XCTAssertEqual(point2023.objective, 2500)
            XCTAssertFalse(screen.select(year: 1990))
        }
    }

    /// "Open in the form, save without change stores nothing new", for every stored programme of
    /// both kinds: no new version, no history line.
    func testEveryProgrammeOpenedAndSavedUnchangedStoresNothing() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace()
        let app = guichet(workspace)
        let construction = try workspace.store.read { try $0.constructionPage(ProgrammeQuery(kind: .construction), rules: nil).rows }
        let rehabilitation = try workspace.store.read { try $0.rehabilitationPage(ProgrammeQuery(kind: .rehabilitation)).rows }
        XCTAssertFalse(construction.isEmpty)
        let countHistory = { () throws -> Int in
            try workspace.store.read { s in
                try (construction.map(\.record.key) + rehabilitation.map(\.record.key)).reduce(0) { $0 + (try s.history(entity: "programme", key: $1).count) }
            }
        }
        let before = try countHistory()
        try MainActor.assumeIsolated {
            let built = ProgrammeForm(fields: ProgrammeFormFields.construction(directory: { nil }), accessibleName: "essai")
            built.store = { r in try await app.saveConstruction(r) }
            for row in construction {
                built.show(row.record, findings: row.findings, heading: row.record.key)
                XCTAssertFalse(built.isDirty, row.record.key)
                built.save()
                waitFor("the save of \(row.record.key)") { !built.isSaving }
                XCTAssertEqual(built.messageText, "Aucune modification à enregistrer.", row.record.key)
            }
            let renovated = ProgrammeForm(fields: ProgrammeFormFields.rehabilitation(directory: { nil }), accessibleName: "essai")
            renovated.store = { r in try await app.saveRehabilitation(r) }
            for row in rehabilitation {
                renovated.show(row.record, findings: row.findings, heading: row.record.key)
                renovated.save()
                waitFor("the save of \(row.record.key)") { !renovated.isSaving }
                XCTAssertEqual(renovated.messageText, "Aucune modification à enregistrer.", row.record.key)
            }
        }
        let after = try workspace.store.read { try $0.constructionPage(ProgrammeQuery(kind: .construction), rules: nil).rows }
        XCTAssertEqual(after.map(\.record), construction.map(\.record), "identical records, same versions")
        XCTAssertEqual(try countHistory(), before, "no history line")
    }
}
