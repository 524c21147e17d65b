import Foundation
import XCTest
@testable import GuichetCore

/// Files the programme tests read: the repository root is found by walking up from this file.
enum ImportTestFiles {
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }

    static func territoryFile(_ name: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent("data/territories/cabbalr/\(name)"))
    }

    /// The brief's fixture, shipped in data/demo (also in ../shared next to the repository); skips when absent.
    static func fixture(_ name: String) throws -> Data {
        let candidates = [
            repositoryRoot.appendingPathComponent("data/demo/\(name)"),
            repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/domain/fixtures/\(name)"),
        ]
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw XCTSkip("fixture \(name) introuvable (cherché dans \(candidates.map(\.path).joined(separator: ", ")))")
        }
        return try Data(contentsOf: url)
    }

    static func profile() throws -> LandlordsProfile {
        try LandlordsProfile.decode(territoryFile("landlords.json"))
    }

    static func importer() throws -> ProgrammeTableImporter {
        ProgrammeTableImporter(directory: try profile().directory)
    }
}

extension String {
    /// Windows-1252 bytes of a text holding only characters that encoding has.
    var windows1252: Data {
        var out: [UInt8] = []
        let high: [Unicode.Scalar: UInt8] = ["€": 0x80, "œ": 0x9C, "Œ": 0x8C, "’": 0x92, "…": 0x85]
        for scalar in unicodeScalars {
            if let b = high[scalar] { out.append(b); continue }
            precondition(scalar.value < 256, "pas en Windows-1252 : \(scalar)")
            out.append(UInt8(scalar.value))
        }
        return Data(out)
    }
}

/// The CIA review's annexes as the spreadsheet exports them (`scripts/export-cia-annexes.py`),
/// and an independent reading of their rows for the oracles: cells split on ";", amounts parsed
/// here, not by the importer.
enum CIAAnnex {
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: ImportTestFiles.repositoryRoot.appendingPathComponent("Tests/fixtures/cia/\(name)"))
    }

    /// Lines of the file (1-based line → cells).
    static func rows(_ name: String) throws -> [(line: Int, cells: [String])] {
        let text = try XCTUnwrap(String(data: try data(name), encoding: .windowsCP1252))
        XCTAssertFalse(text.contains("\""), "the annexes need no quoting")
        return text.components(separatedBy: "\r\n").enumerated().dropLast().map { ($0.offset + 1, $0.element.components(separatedBy: ";")) }
    }

    /// Data rows between the header (line 2) and each TOTAL row, in blocks; the TOTAL rows themselves.
    static func blocks(_ name: String) throws -> (blocks: [[(line: Int, cells: [String])]], totals: [(line: Int, cells: [String])]) {
        var blocks: [[(line: Int, cells: [String])]] = [[]], totals: [(line: Int, cells: [String])] = []
        for r in try rows(name).dropFirst(2) {
            if r.cells[0].uppercased().hasPrefix("TOTAL") { totals.append(r); blocks.append([]) }
            else if r.cells.contains(where: { !$0.isEmpty }) { blocks[blocks.count - 1].append(r) }
        }
        return (blocks.filter { !$0.isEmpty }, totals)
    }

    /// "1 230 000,00 €" → 123000000; "- €", "-", "0" → 0; blank, "?", "voir 2024" → nil.
    static func cents(_ text: String) -> Int64? {
        let t = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "€", with: "")
        if t == "-" { return 0 }
        let parts = t.split(separator: ",")
        guard let euros = Int64(parts.first ?? "x") else { return nil }
        return euros * 100 + (parts.count > 1 ? Int64(parts[1])! : 0)
    }

    static func sum(_ rows: [(line: Int, cells: [String])], _ column: Int, _ read: (String) -> Int64?) -> Int64 {
        rows.compactMap { read($0.cells[column]) }.reduce(0, +)
    }
}
