import Foundation
import GuichetCore

/// CSV the way French Excel opens it with a double click: UTF-8 with BOM, `;` between
/// fields, CRLF line ends, decimal comma without grouping, dd/mm/yyyy dates.
///
/// Percentages are written as a plain number of percent ("35,10" for 35,1 %) under a
/// header ending in "(%)": with a "%" sign Excel keeps the cell as text when the space
/// before the sign is a no-break space, and "0,351" would read as a fraction to a human.
enum CSVWriter {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let separator = ";"
    static let lineEnd = "\r\n"

    /// Streams one table to `url` (a fresh file): header, rows, totals. Each row is encoded
    /// straight into bytes (no intermediate strings): exports of 100,000 rows stay close to
    /// the cost of reading them.
    static func write(_ table: ReportTable, to url: URL) throws {
        let out = try ChunkedTextWriter(creating: url)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1_024)
        func emit(_ row: [ReportCell]) throws {
            bytes.removeAll(keepingCapacity: true)
            append(row, to: &bytes)
            try out.write(bytes: bytes)
        }
        try out.write(bytes: bom)
        try emit(table.columns.map { .text(headerTitle($0)) })
        var index = 0
        try table.rows.forEach { row in
            index += 1
            try table.check(row, index: index)
            try emit(row)
        }
        for total in table.totals {
            index += 1
            try table.check(total, index: index)
            try emit(total)
        }
        try out.close()
    }

    /// One record: fields separated by `;`, ended by CRLF.
    static func append(_ cells: [ReportCell], to bytes: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(0x3B) }
            switch cell {
            case .text(let s): appendText(s, to: &bytes)
            case .empty: break
            default: bytes.append(contentsOf: field(cell).utf8)
            }
        }
        bytes.append(0x0D); bytes.append(0x0A)
    }

    /// `quoted(neutralised(s))`, byte by byte.
    static func appendText(_ s: String, to bytes: inout [UInt8]) {
        let utf8 = s.utf8
        let formula = utf8.first.map { (b: UInt8) -> Bool in b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D } ?? false
        let quote = utf8.contains { (b: UInt8) -> Bool in b == 0x3B || b == 0x22 || b == 0x0A || b == 0x0D }
        if quote { bytes.append(0x22) }
        if formula { bytes.append(0x27) }
        if quote {
            for b in utf8 { if b == 0x22 { bytes.append(0x22) }; bytes.append(b) }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    static func headerTitle(_ column: ReportColumn) -> String {
        column.kind == .percent && !column.title.contains("%") ? column.title + " (%)" : column.title
    }

    static func line(_ cells: [ReportCell]) -> String {
        cells.map(field).joined(separator: separator) + lineEnd
    }

    /// One field: numbers as spreadsheets read them, text neutralised and quoted.
    static func field(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let s): return quoted(neutralised(s))
        case .integer(let n): return String(n)
        case .money(let m): return FrenchFormat.plainDecimal(cents: m.cents)
        case .percent(let p), .rate(let p): return FrenchFormat.plainDecimal(cents: Int64(p.basisPoints))
        case .date(let d): return FrenchFormat.date(d)
        case .empty: return ""
        }
    }

    /// A text starting like a formula gets a leading apostrophe, so a spreadsheet
    /// shows it instead of running it (CSV injection).
    static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    /// RFC 4180: a field holding the separator, a quote or a line break goes between
    /// quotes, with its quotes doubled.
    static func quoted(_ s: String) -> String {
        guard s.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
