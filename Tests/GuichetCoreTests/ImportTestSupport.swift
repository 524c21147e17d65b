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
