/// What reaches the terminal: text that came from files and the base may hold NUL, escape
/// sequences (which would move the cursor, recolour or retitle the terminal) or direction
/// overrides. They are shown as visible escapes; message lines are cut at a readable length.
enum TerminalText {
    /// A line of an error message longer than this is cut, with the number of characters left out.
    static let maximumMessageLine = 2_000

    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if needsEscape(s) {
                let hex = String(s.value, radix: 16, uppercase: true)
                out.append(contentsOf: (s.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}").unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls but line feed and tab, DEL, and the bidirectional overrides.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Escapes, then cuts each line of a message past `maximumMessageLine` characters.
    static func message(_ text: String) -> String {
        escaped(text).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.count > maximumMessageLine else { return String(line) }
            return String(line.prefix(maximumMessageLine)) + "… (\(line.count - maximumMessageLine) caractères coupés)"
        }.joined(separator: "\n")
    }
}
