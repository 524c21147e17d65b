import Foundation
import GuichetCore
import GuichetStorage
import ZIPFoundation

/// An OpenDocument spreadsheet, one sheet per table, typed cells.
/// content.xml is streamed to a temporary file row by row, then deflated into the archive,
/// so memory stays flat with 100 000 rows.
enum ODSWriter {
    static func write(_ document: ReportDocument, to url: URL) throws {
        let tables = document.tables
        let names = SheetNames.unique(tables.map(\.name))
        // content.xml holds every cell uncompressed: a temporary file like the archive itself
        // (0600, swept after a kill), not a name of its own.
        let content = TemporaryFiles.url(beside: url)
        defer { unlink(content.path) }
        try writeContent(tables: tables, sheetNames: names, to: content)

        let archive: Archive
        do {
            // The archive goes into the file as created (0600, by AtomicOutput): an empty ZIP
            // (its end-of-directory record alone) opened for update, not a file made anew.
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
            try handle.close()
            archive = try Archive(url: url, accessMode: .update)
        } catch {
            throw ReportError.cannotCreate(path: url.path, reason: "archive ZIP : \(error)")
        }
        do {
            // ODF: "mimetype" first, stored uncompressed, so tools can sniff the type.
            try add(archive, "mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8), .none)
            try add(archive, "META-INF/manifest.xml", Data(ODSStyles.manifest.utf8), .deflate)
            let meta = ODSStyles.meta(title: document.title, subject: document.territory, date: document.producedOn.iso)
            try add(archive, "meta.xml", Data(meta.utf8), .deflate)
            try add(archive, "styles.xml", Data(ODSStyles.styles.utf8), .deflate)
            try add(archive, "settings.xml", Data(ODSStyles.settings(sheetNames: names).utf8), .deflate)
            try archive.addEntry(with: "content.xml", fileURL: content, compressionMethod: .deflate)
        } catch {
            throw ReportError.cannotWrite(path: url.path, reason: "archive ZIP : \(error)")
        }
    }

    private static func add(_ archive: Archive, _ path: String, _ data: Data, _ method: CompressionMethod) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: method) { position, size in
            let start = Int(position)
            return data.subdata(in: start..<min(data.count, start + size))
        }
    }

    static func writeContent(tables: [ReportTable], sheetNames: [String], to url: URL) throws {
        let out = try ChunkedTextWriter(creating: url)
        let widths = Set(tables.flatMap { $0.columns.map(\.effectiveWidth) })
        try out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        try out.write("<office:document-content \(ODSStyles.namespaces)>")
        try out.write(ODSStyles.automaticStyles(columnWidths: widths))
        try out.write("<office:body><office:spreadsheet>")
        for (table, name) in zip(tables, sheetNames) {
            try out.write("<table:table table:name=\"\(XMLText.escaped(name))\">")
            for column in table.columns {
                let cellStyle = ODSStyles.cellStyle(cell(of: column.kind), total: false)
                try out.write("<table:table-column table:style-name=\"\(ODSStyles.columnStyle(width: column.effectiveWidth))\" table:default-cell-style-name=\"\(cellStyle)\"/>")
            }
            try out.write("<table:table-header-rows><table:table-row table:style-name=\"ro_head\">")
            for column in table.columns {
                try out.write("<table:table-cell table:style-name=\"ce_head\" office:value-type=\"string\"><text:p>\(XMLText.escaped(column.title))</text:p></table:table-cell>")
            }
            try out.write("</table:table-row></table:table-header-rows>")
            var index = 0
            try table.rows.forEach { row in
                index += 1
                try table.check(row, index: index)
                try out.write(self.row(row, total: false))
            }
            for total in table.totals {
                index += 1
                try table.check(total, index: index)
                try out.write(self.row(total, total: true))
            }
            try out.write("</table:table>")
        }
        try out.write("</office:spreadsheet></office:body></office:document-content>")
        try out.close()
    }

    /// A representative cell of a kind, to pick a column's default style.
    private static func cell(of kind: ReportColumnKind) -> ReportCell {
        switch kind {
        case .text: return .empty
        case .integer: return .integer(0)
        case .money: return .money(.zero)
        case .percent: return .percent(Percentage(basisPoints: 0))
        case .date: return .date(CalendarDate(year: 2000, month: 1, day: 1)!)
        }
    }

    static func row(_ cells: [ReportCell], total: Bool) -> String {
        var s = "<table:table-row>"
        for cell in cells { s += self.cell(cell, total: total) }
        return s + "</table:table-row>"
    }

    /// A typed cell: the value for computing, the French text for reading.
    static func cell(_ cell: ReportCell, total: Bool) -> String {
        let style = "table:style-name=\"\(ODSStyles.cellStyle(cell, total: total))\""
        let value: String
        switch cell {
        case .empty:
            return total ? "<table:table-cell \(style)/>" : "<table:table-cell/>"
        case .text:
            value = "office:value-type=\"string\""
        case .integer(let n):
            value = "office:value-type=\"float\" office:value=\"\(n)\""
        case .money(let m):
            value = "office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"\(XMLText.decimal(m.cents, scale: 2))\""
        case .percent(let p), .rate(let p):
            value = "office:value-type=\"percentage\" office:value=\"\(XMLText.decimal(Int64(p.basisPoints), scale: 4, trimZeros: true))\""
        case .date(let d):
            value = "office:value-type=\"date\" office:date-value=\"\(d.iso)\""
        }
        let lines = cell.displayText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { XMLText.escaped(String($0)) }
            .joined(separator: "<text:line-break/>")
        return "<table:table-cell \(style) \(value)><text:p>\(lines)</text:p></table:table-cell>"
    }
}
