import Foundation
import GtkKit
import GuichetApp
import GuichetCore
import GuichetReports
import GuichetStorage
@testable import GuichetUI
import XCTest

/// The Budget section on a temporary database of demo dossiers: what it shows is read back from
/// its labels and compared with the ledger computed from the same database.
final class BudgetScreenTests: XCTestCase {
    private lazy var folder = temporaryFolder(prefix: "budget").url

    private static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    /// A database holding `count` demo dossiers over 2023-2026.
    private func makeWorkspace(count: Int) throws -> Workspace {
        let profile = try ProfileDirectory.load(territory: "demo")
        let store = try SQLiteStore.create(folder.appendingPathComponent("essai.sqlite"), territory: profile.id, clock: .fixed(Self.today))
        let dossiers = DemoDossiers.generate(count: count, seed: 7, schemes: try XCTUnwrap(profile.schemes),
                                             years: 2023...2026, referenceDate: Self.today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "Essai") }
        return Workspace(store: store, profile: profile, clock: .fixed(Self.today))
    }

    private static func ledger(_ ws: Workspace) throws -> BudgetLedger {
        let plh = try XCTUnwrap(ws.profile.plh)
        return BudgetLedger(catalog: try XCTUnwrap(ws.profile.schemes),
                            figures: try ws.store.read { try $0.budgetFigures(years: plh.years) })
    }

    private static func money(_ m: Money) -> String { FrenchFormat.money(m, alwaysCents: false) }
    /// Compares figures whatever space separates the thousands.
    private static func normalised(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// The screen on `ws` once it has read its figures.
    @MainActor
    private static func screen(_ ws: Workspace) throws -> BudgetScreen {
        let screen = try BudgetScreen(guichet: guichet(ws, today: today), window: nil)
        waitFor("the budget") { !screen.isLoading }
        return screen
    }

    /// Changes something that reads the figures again, and waits for them.
    @MainActor
    private static func settled(_ screen: BudgetScreen, _ change: () -> Void) {
        change()
        waitFor("the budget") { !screen.isLoading }
    }

    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    func testYearTotalsEqualTheLedger() throws {
        try skipWithoutDisplay()
        let ws = try makeWorkspace(count: 600)
        let ledger = try Self.ledger(ws)
        try MainActor.assumeIsolated {
            let screen = try Self.screen(ws)
            XCTAssertEqual(screen.selectedYear, 2026, "the current year is chosen at start")
            for year in [2024, 2026] {
                Self.settled(screen) { screen.select(year: year) }
                let envelopes = ledger.envelopes(year: year)
                let committed = envelopes.sum(\.committed), paid = envelopes.sum(\.paid)
                let envelope = envelopes.compactMap(\.envelope).sum { $0 }
                XCTAssertGreaterThan(committed, .zero, "demo dossiers commit money in \(year)")
                XCTAssertEqual(screen.envelopeTotalLabels.map(\.text), [
                    Self.money(envelope), Self.money(committed), Self.money(paid), Self.money(envelope - committed),
                    FrenchFormat.integer(envelopes.reduce(0) { $0 + $1.figures.dossierCount }),
                ], "year \(year)")
                // The synthesis: committed and paid per action summed over the actions.
                let plh = try XCTUnwrap(ws.profile.plh)
                let actions = plh.actions.map { ledger.actionStatus(action: $0.number, year: year) }
                XCTAssertEqual(screen.synthesisTotalLabels[4].text, Self.money(actions.sum(\.committed)))
                XCTAssertEqual(screen.synthesisTotalLabels[5].text, Self.money(actions.sum(\.paid)))
            }
        }
    }

    func testSynthesisTotalsReproduceTheBrief() throws {
        try skipWithoutDisplay()
        let ws = try makeWorkspace(count: 200)
        try MainActor.assumeIsolated {
            let screen = try Self.screen(ws)
            Self.settled(screen) { screen.select(year: nil) }
            // Figures printed in brief §3, reproduced by the screen from the profile's lines.
            XCTAssertEqual(screen.synthesisTotalLabels.prefix(4).map { Self.normalised($0.text) },
                           ["14 285 000 €", "2 380 833 € par an", "1 316 000 €", "219 333 € par an"])
            let lines = try XCTUnwrap(screen.overview?.plh?.lines)
            XCTAssertEqual(lines.filter { $0.investmentOutsideBudget || $0.operatingOutsideBudget }.map(\.action), [1, 13, 18],
                           "outside-budget lines are shown apart")
        }
    }

    func testUnderAndOverSpendingAreFlagged() throws {
        try skipWithoutDisplay()
        let ws = try makeWorkspace(count: 600)
        let ledger = try Self.ledger(ws)
        try MainActor.assumeIsolated {
            let screen = try Self.screen(ws)
            Self.settled(screen) { screen.select(year: 2026) }
            let rows = try XCTUnwrap(screen.overview?.schemes.filter { $0.envelopeOf == $0.code })
            let rule = ConsumptionRule()
            let under = Set(ledger.envelopes(year: 2026).filter { s in
                s.committedShare.map { rule.lags(committedShare: $0, elapsed: BudgetLedger.elapsed(year: 2026, on: Self.today)) } ?? false
            }.map(\.label))
            for row in rows {
                let status = ledger.envelopeStatus(scheme: row.code, year: 2026)
                switch row.consumption {
                case .over: XCTAssertTrue(status.remaining?.isNegative ?? false, row.code)
                case .under: XCTAssertTrue(under.contains(row.code), row.code)
                case .normal: XCTAssertFalse(under.contains(row.code) || (status.remaining?.isNegative ?? false), row.code)
                case .noEnvelope: XCTAssertNil(status.envelope, row.code)
                }
            }
        }
    }

    func testActivateRereadsTheDatabase() throws {
        try skipWithoutDisplay()
        let ws = try makeWorkspace(count: 100)
        try MainActor.assumeIsolated {
            let screen = try Self.screen(ws)
            Self.settled(screen) { screen.select(year: nil) }
            let before = screen.envelopeTotalLabels[1].text
            let more = DemoDossiers.generate(count: 300, seed: 99, schemes: try XCTUnwrap(ws.profile.schemes),
                                             years: 2027...2027, referenceDate: CalendarDate(year: 2027, month: 12, day: 1)!)
            try ws.store.write { try $0.bulkInsertDossiers(more, historyNote: "Essai") }
            Self.settled(screen) { screen.activate() }
            let after = try Self.ledger(ws)
            let committed = after.catalog.schemes.filter { $0.envelope.fromScheme == nil }
                .flatMap { s in (2023...2028).map { after.envelopeStatus(scheme: s.code, year: $0).committed } }.sum { $0 }
            XCTAssertNotEqual(screen.envelopeTotalLabels[1].text, before)
            XCTAssertEqual(screen.envelopeTotalLabels[1].text, Self.money(committed))
        }
    }

    func testExportWritesTheBilan() throws {
        try skipWithoutDisplay()
        let ws = try makeWorkspace(count: 100)
        let folder = self.folder
        try MainActor.assumeIsolated {
            let screen = try Self.screen(ws)
            let pdf = folder.appendingPathComponent("bilan").path
            let outcome = (try awaiting { await screen.exportBilan(to: pdf, format: .pdf) })
            XCTAssertFalse(outcome.failed, outcome.message)
            XCTAssertTrue(FileManager.default.fileExists(atPath: pdf + ".pdf"), "the extension is added")
            XCTAssertTrue(outcome.message.hasPrefix("Écrit : \(pdf).pdf ("), outcome.message)
            let failed = (try awaiting { await screen.exportBilan(to: "/nonexistent-folder/bilan.ods", format: .pdf) })
            XCTAssertTrue(failed.failed)
            XCTAssertTrue(failed.message.contains("/nonexistent-folder/bilan.ods"), failed.message)
        }
    }
}
