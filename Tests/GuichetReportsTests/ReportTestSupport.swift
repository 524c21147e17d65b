import Foundation
import XCTest
import GuichetCore
import GuichetStorage
@testable import GuichetReports

/// Temporary databases and profiles for the report tests, and PDF text extraction.
enum ReportTestSupport {
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }

    static func profile(_ territory: String = "demo") throws -> TerritoryProfile {
        try ProfileDirectory.load(territory: territory, from: repositoryRoot.appendingPathComponent("data"))
    }

    static let context = ReportContext(territory: "Agglomération de démonstration (données fictives)",
                                       producedOn: CalendarDate(year: 2026, month: 11, day: 22)!)

    /// Deterministic demo dossiers of the demo profile's schemes.
    static func dossiers(_ count: Int, profile: TerritoryProfile, seed: UInt64 = 7) -> [AidDossier] {
        DemoDossiers.generate(count: count, seed: seed, schemes: profile.schemes!, years: 2023...2026,
                              referenceDate: CalendarDate(year: 2026, month: 11, day: 1)!)
    }

    /// A fresh database in `folder` holding `dossiers`.
    static func database(in folder: URL, dossiers: [AidDossier], name: String = "test.sqlite") throws -> SQLiteStore {
        let store = try SQLiteStore.create(folder.appendingPathComponent(name), territory: "demo", agent: "test")
        if !dossiers.isEmpty {
            try store.write { s in
                for start in stride(from: 0, to: dossiers.count, by: 5_000) {
                    try s.bulkInsertDossiers(Array(dossiers[start..<min(dossiers.count, start + 5_000)]), historyNote: "test")
                }
            }
        }
        return store
    }

    /// pdftotext of a whole PDF or one page, spaces and apostrophes normalised (`normalised`).
    static func pdfText(_ url: URL, page: Int? = nil) throws -> String {
        guard Fixtures.onPath("pdftotext") else { throw XCTSkip("pdftotext absent") }
        var args = ["-layout"]
        if let page { args += ["-f", "\(page)", "-l", "\(page)"] }
        return normalised(try Fixtures.run("pdftotext", args + [url.path, "-"]))
    }

    /// pdftotext as it reads the characters (no-break spaces and typographic apostrophes kept).
    static func rawPDFText(_ url: URL) throws -> String {
        guard Fixtures.onPath("pdftotext") else { throw XCTSkip("pdftotext absent") }
        return try Fixtures.run("pdftotext", [url.path, "-"])
    }

    /// Text as typed, to search it: the typographic apostrophe and no-break spaces PDFs are set
    /// with read as ' and spaces (`rawPDFText` keeps them, to check the typography itself).
    static func normalised(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "’", with: "'")
    }

    static func pageCount(_ url: URL) throws -> Int {
        let info = try Fixtures.run("pdfinfo", [url.path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
    }
}

/// Not a test: `GUICHET_MAKE_DB=/path/x.sqlite GUICHET_MAKE_DB_SIZE=100000 swift test --filter MakeDatabase`
/// writes a demo database of that many dossiers, for the benchmark and for looking at reports.
final class MakeDatabase: XCTestCase {
    func testMakeDatabaseWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["GUICHET_MAKE_DB"] else { throw XCTSkip("GUICHET_MAKE_DB non défini") }
        let size = Int(ProcessInfo.processInfo.environment["GUICHET_MAKE_DB_SIZE"] ?? "") ?? 200
        let url = URL(fileURLWithPath: path)
        let profile = try ReportTestSupport.profile()
        _ = try ReportTestSupport.database(in: url.deletingLastPathComponent(),
                                           dossiers: ReportTestSupport.dossiers(size, profile: profile), name: url.lastPathComponent)
    }
}
