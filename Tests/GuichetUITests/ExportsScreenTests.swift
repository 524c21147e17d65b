import Foundation
import GtkKit
import GuichetApp
import GuichetCore
import GuichetReports
import GuichetStorage
@testable import GuichetUI
import XCTest

/// The Exports section writes the chosen report through the shared builders, and says what it
/// wrote or why it could not, in French.
final class ExportsScreenTests: XCTestCase {
    private lazy var folder = temporaryFolder(prefix: "exports").url

    private static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    /// A database holding demo dossiers over 2023-2026 (no programme, no convention).
    private func makeWorkspace() throws -> (Workspace, [AidDossier]) {
        let profile = try ProfileDirectory.load(territory: "demo")
        let store = try SQLiteStore.create(folder.appendingPathComponent("essai.sqlite"), territory: profile.id, clock: .fixed(Self.today))
        let dossiers = DemoDossiers.generate(count: 300, seed: 11, schemes: try XCTUnwrap(profile.schemes),
                                             years: 2023...2026, referenceDate: Self.today)
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "Essai") }
        return (Workspace(store: store, profile: profile, clock: .fixed(Self.today)), dossiers)
    }

    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    func testBilanIsWrittenInEachFormat() throws {
        try skipWithoutDisplay()
        let (ws, _) = try makeWorkspace()
        let folder = self.folder
        try MainActor.assumeIsolated {
            let screen = try ExportsScreen(guichet: guichet(ws, today: Self.today), window: nil)
            XCTAssertEqual(screen.kind, .bilanPLH)
            screen.select(year: 2025)
            for format in [ReportFormat.pdf, .ods] {
                screen.select(format: format)
                let path = folder.appendingPathComponent("bilan-2025.\(format.fileExtension)").path
                let outcome = (try awaiting { await screen.export(to: path) })
                XCTAssertFalse(outcome.failed, outcome.message)
                let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
                XCTAssertGreaterThan(size, 1000)
                XCTAssertEqual(outcome.message, "Écrit : \(path) (\(ReportSaver.sizeText(size)))")
            }
            // CSV: one file per table of the bilan, all named in the status.
            screen.select(format: .csv)
            let outcome = (try awaiting { await screen.export(to: folder.appendingPathComponent("bilan.csv").path) })
            XCTAssertFalse(outcome.failed, outcome.message)
            XCTAssertTrue(outcome.message.hasPrefix("Écrits : "), outcome.message)
        }
    }

    func testAnonymisedDossierListHidesNames() throws {
        try skipWithoutDisplay()
        let (ws, dossiers) = try makeWorkspace()
        let folder = self.folder
        try MainActor.assumeIsolated {
            let screen = try ExportsScreen(guichet: guichet(ws, today: Self.today), window: nil)
            screen.select(.dossiers)
            screen.select(format: .csv)
            screen.select(year: 2025)
            let named = folder.appendingPathComponent("dossiers.csv").path
            XCTAssertFalse((try awaiting { await screen.export(to: named) }).failed)
            screen.anonymised = true
            let anonymous = folder.appendingPathComponent("dossiers-anonymes.csv").path
            XCTAssertFalse((try awaiting { await screen.export(to: anonymous) }).failed)
            let of2025 = dossiers.filter { $0.number.year == 2025 }
            let names = of2025.compactMap { $0.applicant.household?.members.first?.lastName }.filter { $0.count > 3 }
            XCTAssertFalse(names.isEmpty)
            let namedText = try String(contentsOfFile: named, encoding: .utf8)
            let anonymousText = try String(contentsOfFile: anonymous, encoding: .utf8)
            XCTAssertTrue(names.contains { namedText.localizedCaseInsensitiveContains($0) }, "the named list names people")
            XCTAssertFalse(names.contains { anonymousText.localizedCaseInsensitiveContains($0) }, "the anonymised list does not")
        }
    }

    func testMissingDataAndBadTargetsSayWhyInFrench() throws {
        try skipWithoutDisplay()
        let (ws, _) = try makeWorkspace()
        let folder = self.folder
        try MainActor.assumeIsolated {
            let screen = try ExportsScreen(guichet: guichet(ws, today: Self.today), window: nil)
            screen.select(.programmes)
            let programmes = (try awaiting { await screen.export(to: folder.appendingPathComponent("programmes.pdf").path) })
            XCTAssertTrue(programmes.failed)
            XCTAssertTrue(programmes.message.contains("Aucun programme"), programmes.message)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("programmes.pdf").path))
            screen.select(.bilanPLH)
            let bad = (try awaiting { await screen.export(to: "/dossier-inexistant/bilan.pdf") })
            XCTAssertTrue(bad.failed)
            XCTAssertTrue(bad.message.contains("/dossier-inexistant/bilan.pdf"), bad.message)
        }
    }

    func testRGPDExportOfAnApplicantIsAPDF() throws {
        try skipWithoutDisplay()
        let (ws, dossiers) = try makeWorkspace()
        let folder = self.folder
        try MainActor.assumeIsolated {
            let screen = try ExportsScreen(guichet: guichet(ws, today: Self.today), window: nil)
            screen.select(format: .ods)
            screen.select(.rgpd)
            XCTAssertEqual(screen.selectedFormat, .pdf, "the RGPD export is a PDF")
            let member = try XCTUnwrap(dossiers.lazy.compactMap { $0.applicant.household?.members.first }.first)
            screen.applicant = "\(member.firstName) \(member.lastName)"
            let path = folder.appendingPathComponent("rgpd").path
            let outcome = (try awaiting { await screen.export(to: path) })
            XCTAssertFalse(outcome.failed, outcome.message)
            XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".pdf"))
            XCTAssertFalse(outcome.message.contains("Aucun dossier"), outcome.message)
            screen.applicant = "Personne Inconnue-De-La-Base"
            let none = (try awaiting { await screen.export(to: folder.appendingPathComponent("rgpd-vide.pdf").path) })
            XCTAssertFalse(none.failed, none.message)
            let found = try ws.store.read { try RGPDReport.collect(name: "Personne Inconnue-De-La-Base", in: $0, context: ReportContext(profile: ws.profile, producedOn: Self.today)) }
            XCTAssertEqual(found.dossiers.count, 0)
            XCTAssertTrue(none.message.contains("Aucun dossier ne mentionne"), none.message)
        }
    }
}
