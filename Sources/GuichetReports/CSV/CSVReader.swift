/// Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes),
/// dropping a UTF-8 BOM. It proves the writer's output round-trips and serves imports.
public enum CSVReader {
    /// Splits `text` into records of fields. CRLF and LF both end a record; a final
    /// line end does not add an empty record.
    public static func parse(_ text: String, separator: Character = ";") -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        if text.first == "\u{FEFF}" { _ = chars.next() }

        func endField() { record.append(field); field = ""; fieldStarted = false }
        func endRecord() { endField(); records.append(record); record = [] }

        while let ch = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if ch == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                } else {
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"" where !fieldStarted && field.isEmpty:
                inQuotes = true; fieldStarted = true
            case separator:
                endField()
            case "\r\n", "\n", "\r":
                endRecord()
            default:
                field.append(ch); fieldStarted = true
            }
        }
        if fieldStarted || !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
