import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GuichetCore
import Testing
@testable import GuichetReports

/// Collects the sheets of a content.xml: for each table:table, its rows of cells with
/// their attributes and text.
final class ODSContentReader: NSObject, XMLParserDelegate {
    struct Cell { var attributes: [String: String]; var text: String }
    var sheets: [(name: String, rows: [[Cell]])] = []
    private var row: [Cell]? = nil
    private var cell: Cell? = nil

    static func parse(_ data: Data) -> ODSContentReader {
        let reader = ODSContentReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        #expect(parser.parse(), "content.xml doit être du XML bien formé")
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "table:table": sheets.append((attributes["table:name"] ?? "", []))
        case "table:table-row": row = []
        case "table:table-cell": cell = Cell(attributes: attributes, text: "")
        case "text:line-break": cell?.text += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { cell?.text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "table:table-cell": if let c = cell { row?.append(c) }; cell = nil
        case "table:table-row": if let r = row { sheets[sheets.count - 1].rows.append(r) }; row = nil
        default: break
        }
    }
}

@Suite final class ODSWriterTests {
    /// A fresh folder per test, removed afterwards.
    private let temporary = TemporaryFolder()
    var folder: URL { temporary.url }
    deinit { temporary.remove() }

    func writeSample() throws -> URL {
        let url = folder.appendingPathComponent("bilan.ods")
        try ReportWriter.write(Fixtures.sampleDocument(), format: .ods, to: url)
        return url
    }

    func entry(_ name: String, of url: URL) throws -> Data {
        Data(try Fixtures.run("unzip", ["-p", url.path, name]).utf8)
    }

    @Test func mimetypeComesFirstAndStored() throws {
        let url = try writeSample()
        let bytes = [UInt8](try Data(contentsOf: url))
        // Local file header: signature, then compression method at offset 8 (0 = stored),
        // name length at 26, name at 30, data right after.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        #expect(String(decoding: bytes[30..<30 + nameLength], as: UTF8.self) == "mimetype")
        let start = 30 + nameLength + extraLength
        let mime = "application/vnd.oasis.opendocument.spreadsheet"
        #expect(String(decoding: bytes[start..<start + mime.utf8.count], as: UTF8.self) == mime)
        let listing = try Fixtures.run("unzip", ["-Z1", url.path]).split(separator: "\n")
        #expect(listing == ["mimetype", "META-INF/manifest.xml", "meta.xml", "styles.xml", "settings.xml", "content.xml"])
    }

    @Test func cellsAreTyped() throws {
        let url = try writeSample()
        let content = ODSContentReader.parse(try entry("content.xml", of: url))
        #expect(content.sheets.map(\.name) == ["Aides engagées par dispositif", "Dossiers de l'année",
                                               "Logements locatifs sociaux par"])
        let schemes = content.sheets[0].rows
        #expect(schemes[0].map(\.text) == ["Dispositif", "Dossiers", "Montant engagé", "Consommation de l'enveloppe"])
        let facades = schemes[1]
        #expect(facades[0].attributes["office:value-type"] == "string")
        #expect(facades[0].text == "Ravalement de façades")
        #expect(facades[1].attributes["office:value-type"] == "float")
        #expect(facades[1].attributes["office:value"] == "18")
        #expect(facades[2].attributes["office:value-type"] == "currency")
        #expect(facades[2].attributes["office:currency"] == "EUR")
        #expect(facades[2].attributes["office:value"] == "13404.00")
        #expect(facades[2].text == FrenchFormat.money(Money(cents: 1_340_400)))
        #expect(facades[3].attributes["office:value-type"] == "percentage")
        #expect(facades[3].attributes["office:value"] == "0.351")
        // The total row sums the amounts of the data rows, and is styled apart.
        let total = schemes.last!
        let sum = schemes.dropFirst().dropLast().compactMap { FrenchNumber.parseDecimal($0[2].attributes["office:value"] ?? "", scale: 2) }.reduce(0, +)
        #expect(total[2].attributes["office:value"] == XMLText.decimal(sum, scale: 2))
        #expect(total[2].attributes["table:style-name"] == "ce_money_total")

        let dossiers = content.sheets[1].rows
        #expect(dossiers.count == 1 + 70 + 1)
        #expect(dossiers[1][3].attributes["office:value-type"] == "date")
        #expect(dossiers[1][3].attributes["office:date-value"] == "2025-01-06")
        #expect(dossiers[1][3].text == "06/01/2025")
        #expect(dossiers[3][1].text == "Martin\nBertrand")
        #expect(dossiers[2][1].text == "Le \"Clos\" des Tilleuls")
    }

    @Test func headerRowIsFrozenOnEverySheet() throws {
        let url = try writeSample()
        let settings = String(decoding: try entry("settings.xml", of: url), as: UTF8.self)
        #expect(settings.components(separatedBy: "config:name=\"VerticalSplitPosition\" config:type=\"int\">1<").count - 1 == 3)
        #expect(settings.contains("config:name=\"Dossiers de l&apos;année\""))
        let styles = String(decoding: try entry("content.xml", of: url), as: UTF8.self)
        #expect(styles.contains("<number:currency-symbol number:language=\"fr\" number:country=\"FR\">€</number:currency-symbol>"))
    }

    @Test func decimalsAreBuiltFromIntegers() {
        #expect(XMLText.decimal(1_340_400, scale: 2) == "13404.00")
        #expect(XMLText.decimal(-5, scale: 2) == "-0.05")
        #expect(XMLText.decimal(3_510, scale: 4, trimZeros: true) == "0.351")
        #expect(XMLText.decimal(10_000, scale: 4, trimZeros: true) == "1")
    }

    @Test(.enabled(if: Fixtures.onPath("libreoffice") || Fixtures.onPath("soffice")))
    func libreOfficeReadsTheValues() throws {
        let url = try writeSample()
        let tool = Fixtures.onPath("libreoffice") ? "libreoffice" : "soffice"
        let out = url.deletingLastPathComponent()
        try Fixtures.run(tool, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", out.path, url.path])
        let records = CSVReader.parse(try String(contentsOf: out.appendingPathComponent("bilan.csv"), encoding: .utf8))
        #expect(records[1][0] == "Ravalement de façades")
        #expect(FrenchNumber.parseMoney(records[1][2]) == Money(cents: 1_340_400))
    }
}
