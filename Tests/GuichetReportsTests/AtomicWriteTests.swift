import Foundation
import GuichetCore
import Testing
@testable import GuichetReports

struct ProducerFailure: Error, CustomStringConvertible {
    var description: String { "la base de données ne répond plus" }
}

@Suite struct AtomicWriteTests {
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
        let dir = try Fixtures.temporaryFolder()
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
        let dir = try Fixtures.temporaryFolder()
        let url = dir.appendingPathComponent("rapport.csv")
        try Data("ancien".utf8).write(to: url)
        try ReportWriter.writeCSV(Fixtures.dossierTable(3), to: url)
        #expect(CSVReader.parse(try String(contentsOf: url, encoding: .utf8)).count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["rapport.csv"])
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
