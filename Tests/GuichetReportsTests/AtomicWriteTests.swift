import Foundation
import GuichetCore
import Testing
@testable import GuichetReports

struct ProducerFailure: Error, CustomStringConvertible {
    var description: String { "la base de données ne répond plus" }
}

@Suite final class AtomicWriteTests {
    /// A fresh folder per test, removed afterwards.
    private let temporary = TemporaryFolder()
    var folder: URL { temporary.url }
    deinit { temporary.remove() }

    /// A table whose producer fails after `after` rows.
    func failingTable(after: Int) -> ReportTable {
        ReportTable(name: "Dossiers", columns: Fixtures.dossierColumns, rows: ReportRows { emit in
            for (i, row) in Fixtures.dossierRows(after + 10).enumerated() {
                if i == after { throw ProducerFailure() }
                try emit(row)
            }
        })
    }

    @Test(arguments: ReportFormat.allCases)
    func failingProducerLeavesTheTargetIntact(format: ReportFormat) throws {
        let dir = folder
        let url = dir.appendingPathComponent("rapport.\(format.fileExtension)")
        let previous = Data("version précédente".utf8)
        try previous.write(to: url)
        let document = ReportDocument(territory: "T", title: "Échec", producedOn: Fixtures.producedOn,
                                      sections: [ReportSection(heading: "S", tables: [failingTable(after: 5_000)])])
        #expect {
            try ReportWriter.write(document, format: format, to: url)
        } throws: { error in
            let text = "\(error)"
            return text.contains(url.path) && text.contains("interrompue") && text.contains("ne répond plus")
        }
        #expect(try Data(contentsOf: url) == previous)
        // No temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["rapport.\(format.fileExtension)"])
    }

    @Test func successReplacesAnExistingFile() throws {
        let dir = folder
        let url = dir.appendingPathComponent("rapport.csv")
        try Data("ancien".utf8).write(to: url)
        try ReportWriter.writeCSV(Fixtures.dossierTable(3), to: url)
        #expect(CSVReader.parse(try String(contentsOf: url, encoding: .utf8)).count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["rapport.csv"])
    }

    @Test func aFolderAtTheTargetIsReportedInFrench() throws {
        let url = folder.appendingPathComponent("rapport.csv")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        #expect {
            try ReportWriter.writeCSV(Fixtures.dossierTable(3), to: url)
        } throws: { "\($0)".contains("un dossier porte déjà ce nom") && "\($0)".contains(url.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rapport.csv"])
    }

    @Test func missingFolderIsNamedInFrench() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/rapport.pdf")
        #expect {
            try ReportWriter.write(Fixtures.sampleDocument(), format: .pdf, to: url)
        } throws: { error in
            "\(error)".contains("n'existe pas") && "\(error)".contains(url.path)
        }
    }
}

/// Counts producer runs across the PDF writer's two passes.
final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

@Suite final class PDFSecondPassTests {
    /// A fresh folder per test, removed afterwards.
    private let temporary = TemporaryFolder()
    var folder: URL { temporary.url }
    deinit { temporary.remove() }

    @Test func failureWhileDrawingLeavesNoFile() throws {
        let dir = folder
        let url = dir.appendingPathComponent("rapport.pdf")
        let counter = RunCounter()
        let rows = Fixtures.dossierRows(150)
        let table = ReportTable(name: "Dossiers", columns: Fixtures.dossierColumns, rows: ReportRows { emit in
            let run = counter.next()
            for (i, row) in rows.enumerated() {
                if run == 2 && i == 100 { throw ProducerFailure() }
                try emit(row)
            }
        })
        let document = ReportDocument(territory: "T", title: "Deux passes", producedOn: Fixtures.producedOn,
                                      sections: [ReportSection(heading: "S", tables: [table])])
        #expect(throws: ReportError.self) { try ReportWriter.write(document, format: .pdf, to: url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func rowsThatChangeBetweenPassesAreRefused() throws {
        let dir = folder
        let url = dir.appendingPathComponent("rapport.pdf")
        let counter = RunCounter()
        let table = ReportTable(name: "Dossiers", columns: Fixtures.dossierColumns, rows: ReportRows { emit in
            // The second pass sees many more rows than the first: page numbers would lie.
            for row in Fixtures.dossierRows(counter.next() == 1 ? 10 : 300) { try emit(row) }
        })
        let document = ReportDocument(territory: "T", title: "Instable", producedOn: Fixtures.producedOn,
                                      sections: [ReportSection(heading: "S", tables: [table])])
        #expect { try ReportWriter.write(document, format: .pdf, to: url) } throws: { "\($0)".contains("deux passages") }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
