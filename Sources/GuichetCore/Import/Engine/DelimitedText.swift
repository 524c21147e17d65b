/// Line endings found in a table.
public enum LineEnding: String, Hashable, Sendable, Codable {
    case crlf, lf, cr, mixed, none
}

/// Splits decoded text into records (RFC 4180 quoting, separator sniffed from the header line,
/// CRLF / LF / CR), remembering the physical line where each record starts.
///
/// Linear in the size of the text whatever its shape, within `ImportLimits` (columns, cell
/// length, rows), each overrun reported once with its line. A quote opened and never closed
/// does not swallow the rest of the file: the text is read again from that record with quoted
/// cells confined to their line, the quote kept as a character and the row flagged.
struct DelimitedText {
    struct Record {
        var line: Int
        var cells: [String]
        /// A quote in this record was never closed and was read as a plain character.
        var recoveredQuote = false
    }

    var separator: Character
    var lineEnding: LineEnding
    var records: [Record]
    var issues: [ImportIssue] = []
    /// The row limit stopped the reading before the end of the text.
    var truncated = false

    static let candidates: [Unicode.Scalar] = [";", "\t", ","]

    init(_ text: String, limits: ImportLimits = .standard) {
        let scalars = Array(text.unicodeScalars)
        let sep = DelimitedText.sniff(scalars)
        separator = Character(sep)
        var parser = Parser(scalars: scalars, separator: sep, limits: limits)
        parser.run()
        records = parser.records
        issues = parser.issues
        truncated = parser.truncated
        lineEnding = parser.endings.count > 1 ? .mixed : (parser.endings.first ?? .none)
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

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let separator: Unicode.Scalar
        let limits: ImportLimits
        var records: [Record] = []
        var issues: [ImportIssue] = []
        var endings = Set<LineEnding>()
        var truncated = false

        // State of the record being read.
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var cellLength = 0
        /// Nothing but spaces read so far in the cell: a quote there opens a quoted cell.
        var cellBlank = true
        var cellCut = false
        var quotedCell = false
        var cellLineBreaks = 0
        var cellHasSeparator = false
        var recordLine = 1
        var recordStart = 0
        var issuesAtRecordStart = 0
        var recovered = false
        var columnsCut = false
        var line = 1
        /// After an unclosed quote: quoted cells may no longer span lines.
        var quotesConfinedToLine = false

        init(scalars: [Unicode.Scalar], separator: Unicode.Scalar, limits: ImportLimits) {
            self.scalars = scalars; self.separator = separator; self.limits = limits
        }

        mutating func run() {
            var i = 0
            var inQuotes = false
            var quoteOpenedAt = 0
            let n = scalars.count
            while true {
                if i >= n {
                    // A quote still open at the end of the text: read again from its record with
                    // quotes confined to their line (once: the second pass cannot swallow lines).
                    guard inQuotes, !quotesConfinedToLine else { break }
                    issues.removeSubrange(issuesAtRecordStart...)
                    issues.append(ImportIssue(.warning, line: lineOf(quoteOpenedAt),
                        "guillemet ouvert jamais refermé : la fin du fichier aurait été lue comme une seule cellule ; "
                        + "lignes relues sans ce guillemet"))
                    inQuotes = false; quotesConfinedToLine = true
                    i = recordStart; line = recordLine
                    cells = []; cell = String.UnicodeScalarView(); cellLength = 0; cellBlank = true; cellCut = false
                    quotedCell = false; cellLineBreaks = 0; cellHasSeparator = false; recovered = false; columnsCut = false
                    continue
                }
                let c = scalars[i]
                if inQuotes {
                    if c == "\"" {
                        if i + 1 < n, scalars[i + 1] == "\"" { append("\""); i += 2; continue }
                        inQuotes = false; i += 1; continue
                    }
                    if c == "\n" || c == "\r" {
                        if c == "\n" || !(i + 1 < n && scalars[i + 1] == "\n") { line += 1; cellLineBreaks += 1 }
                    }
                    if c == separator { cellHasSeparator = true }
                    append(c); i += 1; continue
                }
                switch c {
                case "\"" where cellBlank:
                    if quotesConfinedToLine && !closesOnItsLine(from: i + 1) {
                        recovered = true
                        issues.append(ImportIssue(.warning, line: line, column: SourceColumn(index: cells.count + 1, header: ""),
                            "guillemet ouvert jamais refermé : lu comme un caractère, ligne à vérifier"))
                        append(c)
                    } else {
                        cell = String.UnicodeScalarView(); cellLength = 0; cellBlank = false
                        inQuotes = true; quotedCell = true; quoteOpenedAt = i
                    }
                case separator:
                    endCell()
                case "\r", "\n":
                    if c == "\r", i + 1 < n, scalars[i + 1] == "\n" { endings.insert(.crlf); i += 1 }
                    else { endings.insert(c == "\r" ? .cr : .lf) }
                    endRecord()
                    line += 1; recordLine = line; recordStart = i + 1
                    if records.count >= limits.maxRows {
                        if i + 1 < n {
                            truncated = true
                            issues.append(ImportIssue(.error, line: line,
                                "plus de \(FrenchFormat.integer(limits.maxRows)) lignes (limite d'Excel) : la suite du fichier n'est pas lue"))
                        }
                        return
                    }
                default:
                    append(c)
                }
                i += 1
            }
            if cellLength > 0 || !cells.isEmpty || inQuotes { endRecord() }
        }

        /// Whether a quote opened just before `start` is closed before the end of its line.
        private func closesOnItsLine(from start: Int) -> Bool {
            var j = start
            while j < scalars.count {
                let c = scalars[j]
                if c == "\"" {
                    if j + 1 < scalars.count, scalars[j + 1] == "\"" { j += 2; continue }
                    return true
                }
                if c == "\n" || c == "\r" { return false }
                j += 1
            }
            return false
        }

        /// Physical line of a position inside the current record (counted from the record's start).
        private func lineOf(_ position: Int) -> Int {
            var l = recordLine, j = recordStart
            while j < position {
                let c = scalars[j]
                if c == "\n" || (c == "\r" && !(j + 1 < scalars.count && scalars[j + 1] == "\n")) { l += 1 }
                j += 1
            }
            return l
        }

        private mutating func append(_ c: Unicode.Scalar) {
            if cellBlank && !(c == " " || c == "\t" || c == "\u{00A0}" || c == "\u{202F}") { cellBlank = false }
            cellLength += 1
            if cellLength <= limits.maxCellCharacters { cell.append(c); return }
            if !cellCut {
                cellCut = true
                issues.append(ImportIssue(.error, line: recordLine, column: SourceColumn(index: cells.count + 1, header: ""),
                    "cellule de plus de \(FrenchFormat.integer(limits.maxCellCharacters)) caractères (limite d'Excel) : coupée"))
            }
        }

        private mutating func endCell() {
            defer {
                cell = String.UnicodeScalarView(); cellLength = 0; cellBlank = true; cellCut = false; quotedCell = false
                cellLineBreaks = 0; cellHasSeparator = false
            }
            if cellLineBreaks > 0 && cellHasSeparator {
                issues.append(ImportIssue(.warning, line: recordLine, column: SourceColumn(index: cells.count + 1, header: ""),
                    "cellule entre guillemets sur \(cellLineBreaks + 1) lignes contenant des « \(Character(separator)) » : "
                    + "des lignes ont peut-être été lues comme une seule cellule"))
            }
            guard cells.count < limits.maxColumns else {
                if !columnsCut {
                    columnsCut = true
                    issues.append(ImportIssue(.error, line: recordLine,
                        "plus de \(FrenchFormat.integer(limits.maxColumns)) colonnes (limite d'Excel) : les suivantes sont ignorées"))
                }
                return
            }
            var s = String(cell)
            if !quotedCell { s = s.trimmingSpaces() }
            cells.append(s)
        }

        private mutating func endRecord() {
            endCell()
            records.append(Record(line: recordLine, cells: cells, recoveredQuote: recovered))
            cells = []; recovered = false; columnsCut = false
            issuesAtRecordStart = issues.count
        }
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
