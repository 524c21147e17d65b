/// Line endings found in a table.
public enum LineEnding: String, Hashable, Sendable, Codable {
    case crlf, lf, cr, mixed, none
}

/// Splits decoded text into records (RFC 4180 quoting, separator sniffed from the header line,
/// CRLF / LF / CR), remembering the physical line where each record starts.
struct DelimitedText {
    struct Record { var line: Int; var cells: [String] }

    var separator: Character
    var lineEnding: LineEnding
    var records: [Record]
    /// Lines where a quoted cell is never closed.
    var unterminatedQuoteLine: Int?

    static let candidates: [Unicode.Scalar] = [";", "\t", ","]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let sep = DelimitedText.sniff(scalars)
        separator = Character(sep)
        var records: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var inQuotes = false, quotedCell = false
        var endings = Set<LineEnding>()
        var i = 0
        func endCell() {
            var s = String(cell)
            if !quotedCell { s = s.trimmingSpaces() }
            cells.append(s)
            cell = String.UnicodeScalarView(); quotedCell = false
        }
        func endRecord() {
            endCell()
            records.append(Record(line: recordLine, cells: cells))
            cells = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { cell.append("\""); i += 2; continue }
                    inQuotes = false; i += 1; continue
                }
                if c == "\n" || (c == "\r" && !(i + 1 < scalars.count && scalars[i + 1] == "\n")) { line += 1 }
                cell.append(c); i += 1; continue
            }
            switch c {
            case "\"" where String(cell).trimmingSpaces().isEmpty:
                cell = String.UnicodeScalarView(); inQuotes = true; quotedCell = true
            case sep:
                endCell()
            case "\r", "\n":
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { endings.insert(.crlf); i += 1 }
                else { endings.insert(c == "\r" ? .cr : .lf) }
                endRecord()
                line += 1; recordLine = line
            default:
                cell.append(c)
            }
            i += 1
        }
        unterminatedQuoteLine = inQuotes ? recordLine : nil
        if !cell.isEmpty || !cells.isEmpty || inQuotes { endRecord() }
        self.records = records
        lineEnding = endings.count > 1 ? .mixed : (endings.first ?? .none)
    }

    /// The candidate separator met most often outside quotes on the first line (";" wins ties).
    static func sniff(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var inQuotes = false
        for c in scalars {
            if c == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == "\n" || c == "\r" { break }
            if candidates.contains(c) { counts[c, default: 0] += 1 }
        }
        return candidates.max { counts[$0, default: 0] < counts[$1, default: 0] }
            .flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? ";"
    }
}

extension String {
    func trimmingSpaces() -> String {
        let spaces: Set<Character> = [" ", "\t", "\u{00A0}", "\u{202F}"]
        var s = Substring(self)
        while let f = s.first, spaces.contains(f) { s = s.dropFirst() }
        while let l = s.last, spaces.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
