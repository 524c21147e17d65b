import Foundation
import GtkKit
import GuichetApp
import GuichetCore
import GuichetStorage
@testable import GuichetUI
import XCTest

/// The requests section on a temporary database of the demo territory: list ranked as storage
/// ranks it, live score as fields change, validation, save and conflict.
final class RequestsScreenTests: XCTestCase {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!
    private lazy var directory = temporaryFolder(prefix: "requests-ui").url

    private static var dataDirectory: URL {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return root.appendingPathComponent("data")
    }

    /// A demo database with `count` generated requests, and the window's configuration on it.
    private func makeWorkspace(count: Int) throws -> Workspace {
        let url = directory.appendingPathComponent("demandes.sqlite")
        let store = try SQLiteStore.create(url, territory: "demo", agent: "test", clock: .fixed(Self.today))
        let profile = try ProfileDirectory.load(territory: "demo", from: Self.dataDirectory)
        let grid = try XCTUnwrap(profile.cotation)
        let requests = DemoRequests.generate(count: count, seed: 3, grid: grid, referenceDate: Self.today)
        try store.write { s in
            try s.bulkInsertRequests(requests.map {
                ScoredRequest(request: $0, result: CotationEngine.score($0, grid: grid, on: Self.today))
            }, historyNote: "test")
        }
        return Workspace(store: store, profile: profile, clock: .fixed(Self.today))
    }

    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    @MainActor
    private static func makeScreen(_ workspace: Workspace) throws -> (MainWindow, RequestsScreen) {
        let configuration = WindowConfiguration(territoryName: "Démo", databasePath: "demandes.sqlite",
                                                initialSection: "demandes", guichet: guichet(workspace, today: Self.today))
        let main = try MainWindow(configuration: configuration, screens: GuichetScreens.standard, application: nil)
        let screen = try XCTUnwrap(main.currentScreen as? RequestsScreen)
        main.present()
        waitFor("the requests list") { screen.source.isIdle }
        return (main, screen)
    }

    /// Changes a filter (or anything that re-reads the list) and waits for the new result.
    @MainActor
    private static func settled(_ screen: RequestsScreen, _ change: () -> Void) {
        change()
        waitFor("the list") { screen.source.isIdle && !screen.isWorking }
    }

    func testListIsRankedAsStorageRanksAndFilters() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 120)
        try MainActor.assumeIsolated {
            let (main, screen) = try Self.makeScreen(workspace)
            defer { main.window.destroy() }
            let expected = try workspace.store.read { try $0.requests(RequestQuery()) }
            XCTAssertEqual(screen.table.rowCount, expected.count)
            // The last row's page is read when asked for.
            _ = screen.table.text(row: expected.count - 1, column: 0)
            waitFor("the last page") { screen.source.isIdle }
            for row in [0, 1, expected.count - 1] {
                XCTAssertEqual(screen.table.text(row: row, column: 0), String(row + 1))
                XCTAssertTrue(screen.table.text(row: row, column: 1).hasPrefix(expected[row].id))
                XCTAssertEqual(screen.table.text(row: row, column: 2), expected[row].request.applicantName ?? "")
                XCTAssertEqual(screen.table.text(row: row, column: 4), FrenchFormat.integer(expected[row].score!.total))
            }
            Self.settled(screen) { screen.priorityFilter.isActive = true }
            let priority = try workspace.store.read { try $0.countRequests(RequestQuery(priorityOnly: true)) }
            XCTAssertLessThan(priority, expected.count)
            XCTAssertEqual(screen.table.rowCount, priority)
            Self.settled(screen) { screen.priorityFilter.isActive = false }
            Self.settled(screen) { screen.search.text = expected[5].id }
            XCTAssertEqual(screen.table.rowCount, 1)
            XCTAssertTrue(screen.table.text(row: 0, column: 1).hasPrefix(expected[5].id))
        }
    }

    func testScoreFollowsTheFormAndSaveStoresTheRequest() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 20)
        let grid = try XCTUnwrap(workspace.profile.cotation)
        try MainActor.assumeIsolated {
            let (main, screen) = try Self.makeScreen(workspace)
            defer { main.window.destroy() }
            screen.newItem()
            let form = screen.form
            XCTAssertFalse(screen.saveButton.isSensitive, "resources missing")
            XCTAssertFalse(form.priorityList.isExpanded, "no category ticked: the list waits collapsed")
            let declaredOnly = grid.priorityCategories.filter(\.isDeclaredOnly)
            XCTAssertEqual(form.priorityList.label, "Aucune catégorie cochée (\(declaredOnly.count))")
            form.memberRows[0].birthDate.text = "12/03/1985"
            form.resources.text = "30 000,00"
            form.communes.text = "Arques"
            XCTAssertTrue(screen.saveButton.isSensitive)
            var withCategory = try XCTUnwrap(form.draft().request, "a draft to show")
            withCategory.priorityCategories = [try XCTUnwrap(declaredOnly.first).id]
            form.show(withCategory)
            XCTAssertTrue(form.priorityList.isExpanded, "a request with a category shows the list")
            XCTAssertEqual(form.priorityList.label, "1 catégorie cochée sur \(declaredOnly.count)")
            withCategory.priorityCategories = []
            form.show(withCategory) // back to the typed request, without category
            let before = try XCTUnwrap(Int(screen.score.total.text.filter(\.isNumber)))
            let dalo = try XCTUnwrap(form.claimRow("dalo"))
            dalo.declared.isActive = true
            XCTAssertEqual(Int(screen.score.total.text.filter(\.isNumber)), before,
                           "a declared criterion without its document scores nothing")
            let document = try XCTUnwrap(dalo.document, "declaring shows the document's state")
            XCTAssertNil(form.claimRow("handicap")?.document, "undeclared situations have no document line")
            document.selectedIndex = ClaimRow.statuses.firstIndex(of: .valid)
            let points = try XCTUnwrap(grid.criterion(id: "dalo")).awardedPoints
            XCTAssertEqual(Int(screen.score.total.text.filter(\.isNumber)), before + points)
            XCTAssertTrue(screen.isDirty)
            let daloLabel = try XCTUnwrap(grid.criterion(id: "dalo")).label
            XCTAssertTrue(screen.score.listedCriteria.contains(daloLabel), "a scored criterion is listed")
            XCTAssertFalse(screen.score.listedCriteria.contains(try XCTUnwrap(grid.criterion(id: "handicap")).label),
                           "criteria that do not apply wait in the collapsed list")
            XCTAssertEqual(screen.score.othersLabel,
                           "Critères sans points (\(grid.criteria.count - screen.score.listedCriteria.count))")

            // A birth date after the request date is refused next to the field, and blocks saving.
            form.memberRows[0].birthDate.text = "01/01/2099"
            XCTAssertFalse(screen.saveButton.isSensitive)
            XCTAssertTrue(form.memberRows[0].error.isVisible)
            XCTAssertTrue(form.memberRows[0].error.text.contains("postérieure"))
            form.memberRows[0].birthDate.text = "12/03/1985"
            form.homeStatus.selectedIndex = 2 // private tenant
            form.rent.text = "-5"
            XCTAssertFalse(screen.saveButton.isSensitive, "negative rent")
            form.rent.text = "450,00"
            XCTAssertTrue(screen.saveButton.isSensitive)
            XCTAssertFalse(screen.canLeave(), "unsaved typing keeps the section (the agent is asked)")

            XCTAssertTrue(main.window.activateAction("win.save"), "Ctrl+S reaches the screen")
            waitFor("the save") { !screen.isWorking && screen.source.isIdle }
            let id = "DLS-\(Self.today.year)-"
            let saved = try workspace.store.read { try $0.requests(RequestQuery(text: "Arques")) }
                .first { $0.id.hasPrefix(id) && $0.request.claim(for: "dalo") != nil }
            let stored = try XCTUnwrap(saved, "saved request found by storage")
            XCTAssertEqual(stored.score?.total, before + points)
            XCTAssertFalse(screen.isDirty)
            Self.settled(screen) { screen.search.text = stored.id }
            XCTAssertEqual(screen.table.rowCount, 1)
            XCTAssertEqual(screen.table.text(row: 0, column: 4), FrenchFormat.integer(before + points))
            // DALO justified: the household is priority, derived from the criterion.
            XCTAssertTrue(screen.score.priority.text.hasPrefix("Ménage prioritaire"), screen.score.priority.text)

            // Another agent saves the same request: this save is refused and what was typed stays.
            _ = try workspace.store.write { s in
                var other = stored.request
                other.annualResources = Money(euros: 1)
                return try s.updateRequest(other, expectedVersion: stored.version, grid: grid, on: Self.today)
            }
            form.resources.text = "31 000,00"
            Self.settled(screen) { screen.save() }
            XCTAssertEqual(form.resources.text, "31 000,00")
            XCTAssertTrue(screen.banner.text.contains("autre agent"), screen.banner.text)
            XCTAssertTrue(screen.isDirty)
        }
    }

    /// Names of the applicants are saved and found by the list search in any order; the form warns
    /// as soon as a second exclusive situation is ticked; the occupation is chosen from annex 2.
    func testNamesExclusiveWarningAndOccupationChoice() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 5)
        let grid = try XCTUnwrap(workspace.profile.cotation)
        try MainActor.assumeIsolated {
            let (main, screen) = try Self.makeScreen(workspace)
            defer { main.window.destroy() }
            screen.newItem()
            let form = screen.form
            form.memberRows[0].birthDate.text = "12/03/1985"
            form.memberRows[0].lastName.text = "Lecomte"
            form.memberRows[0].firstName.text = "Théo"
            form.resources.text = "30 000,00"

            let group = try XCTUnwrap(grid.exclusiveGroups?.first)
            XCTAssertFalse(form.exclusiveWarning.isVisible)
            try XCTUnwrap(form.claimRow(group.criteria[0])).declared.isActive = true
            XCTAssertFalse(form.exclusiveWarning.isVisible, "one situation of the group: nothing to say")
            try XCTUnwrap(form.claimRow(group.criteria[1])).declared.isActive = true
            XCTAssertTrue(form.exclusiveWarning.isVisible, "the second one: the form warns at once")
            let second = try XCTUnwrap(grid.criterion(id: group.criteria[1])).label
            XCTAssertTrue(form.exclusiveWarning.text.contains(second), form.exclusiveWarning.text)
            try XCTUnwrap(form.claimRow(group.criteria[1])).declared.isActive = false
            XCTAssertFalse(form.exclusiveWarning.isVisible)
            try XCTUnwrap(form.claimRow(group.criteria[0])).declared.isActive = false

            let worker = try XCTUnwrap(form.claimRow(CotationGrid.essentialWorkerCriterionId))
            worker.declared.isActive = true
            let chooser = try XCTUnwrap(worker.occupation)
            XCTAssertTrue(chooser.box.isVisible)
            chooser.entry.text = "eboueur"
            XCTAssertTrue(chooser.status.text.contains("« Éboueurs »"), chooser.status.text)
            XCTAssertEqual(form.draft().request?.claim(for: worker.criterion.id)?.detail, "eboueur")

            Self.settled(screen) { screen.save() }
            let saved = try workspace.store.read { try $0.requests(RequestQuery(text: "theo LECOMTE")) }
            XCTAssertEqual(saved.count, 1)
            XCTAssertEqual(saved.first?.request.applicantName, "LECOMTE Théo")
            Self.settled(screen) { screen.search.text = "lecomte theo" }
            XCTAssertEqual(screen.table.rowCount, 1)
            XCTAssertEqual(screen.table.text(row: 0, column: 2), "LECOMTE Théo")
        }
    }

    /// "Open in the form, save without change stores nothing new", for every request of a demo
    /// base: no new version, no new score, no history line.
    func testEveryRequestOpenedAndSavedUnchangedStoresNothing() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 150)
        let app = guichet(workspace, today: Self.today)
        let all = try workspace.store.read { try $0.requests(RequestQuery(includeStruckOff: true)) }
        let historyBefore = try workspace.store.read { s in try all.map { try s.history(entity: SocialHousingRequest.historyEntity, key: $0.id).count } }
        let scoresBefore = try workspace.store.read { s in try all.map { try s.scoreHistory(requestId: $0.id).count } }
        try MainActor.assumeIsolated {
            let form = RequestForm(grid: try XCTUnwrap(workspace.profile.cotation), today: Self.today)
            for stored in all {
                form.show(stored.request)
                let (draft, errors) = form.draft()
                let shown = try XCTUnwrap(draft, "\(stored.id): \(errors)")
                XCTAssertEqual(shown, stored.request, "\(stored.id): the form gives back the request as stored")
                var saved: Saved<StoredRequest>?
                Task { saved = try await app.saveRequest(shown, expectedVersion: stored.version) }
                waitFor("the save of \(stored.id)") { saved != nil }
                XCTAssertEqual(saved?.changed, false, stored.id)
            }
        }
        let after = try workspace.store.read { try $0.requests(RequestQuery(includeStruckOff: true)) }
        XCTAssertEqual(after.map(\.version), all.map(\.version), "no new version")
        XCTAssertEqual(try workspace.store.read { s in try all.map { try s.history(entity: SocialHousingRequest.historyEntity, key: $0.id).count } },
                       historyBefore, "no history line")
        XCTAssertEqual(try workspace.store.read { s in try all.map { try s.scoreHistory(requestId: $0.id).count } }, scoresBefore, "no new score")
    }

    /// Escape in the requests section behaves as in the dossiers section: nothing typed is
    /// dropped without the agent's word; with nothing typed it goes back to the stored request.
    func testEscapeNeverDropsTypedInputSilently() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 10)
        try MainActor.assumeIsolated {
            let (main, screen) = try Self.makeScreen(workspace)
            defer { main.window.destroy() }
            screen.table.select(row: 0)
            waitFor("the request") { !screen.isWorking && screen.form.loaded != nil }
            let resources = screen.form.resources.text
            screen.form.resources.text = "99 999,00"
            XCTAssertTrue(screen.isDirty)
            XCTAssertFalse(screen.canLeave(), "the agent is asked")
            XCTAssertEqual(screen.form.resources.text, "99 999,00", "typed input kept while the agent decides")
            screen.form.resources.text = resources
            XCTAssertFalse(screen.isDirty)
        }
    }

    /// A condition on "the person concerned" follows the person the agent picks in the household.
    func testThePersonConcernedDecidesAnAgeCondition() throws {
        try skipWithoutDisplay()
        let workspace = try makeWorkspace(count: 5)
        let grid = try XCTUnwrap(workspace.profile.cotation)
        let criterion = try XCTUnwrap(grid.criteria.first { $0.conditions?.contains { $0.who == .concerned && $0.below != nil } == true })
        let limit = try XCTUnwrap(criterion.conditions?.first?.below)
        try MainActor.assumeIsolated {
            let (main, screen) = try Self.makeScreen(workspace)
            defer { main.window.destroy() }
            let form = screen.form
            var r = SocialHousingRequest(id: "", requestDate: Self.today, members: [
                RequestMember(role: .requester, birthDate: Self.today.adding(years: -(limit + 4))),
                RequestMember(role: .otherAdult, birthDate: Self.today.adding(years: -(limit - 20)))],
                annualResources: Money(euros: 30_000))
            r.criteria = [CriterionClaim(criterionId: criterion.id, document: .valid, member: 0)]
            form.show(r)
            let row = try XCTUnwrap(form.claimRow(criterion.id))
            let person = try XCTUnwrap(row.person, "the situation asks who it concerns")
            XCTAssertEqual(person.items.count, 3, "any member, then the two persons")
            XCTAssertEqual(person.selectedIndex, 1)
            let total = { @MainActor () -> Int? in Int(screen.score.total.text.filter(\.isNumber)) }
            person.selectedIndex = 2
            let younger = try XCTUnwrap(total())
            XCTAssertEqual(form.draft().request?.criteria.first?.member, 1)
            person.selectedIndex = 1
            XCTAssertEqual(total(), younger - criterion.awardedPoints, "the requester is \(limit + 4): the condition fails")
            XCTAssertEqual(form.draft().request?.criteria.first?.member, 0)
        }
    }
}
