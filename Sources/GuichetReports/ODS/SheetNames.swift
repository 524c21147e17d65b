import Foundation

/// Sheet and file names derived from table names.
enum SheetNames {
    /// Names spreadsheets accept: no []*?:/\, at most 31 characters (Excel's limit),
    /// unique in the workbook ("Dossiers", "Dossiers (2)").
    static func unique(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, raw in
            let forbidden: Set<Character> = ["[", "]", "*", "?", ":", "/", "\\"]
            var base = String(raw.map { forbidden.contains($0) || $0.isNewline ? " " : $0 })
                .trimmingCharacters(in: .whitespaces)
            while base.hasPrefix("'") { base.removeFirst() }
            if base.isEmpty { base = "Feuille \(index + 1)" }
            base = String(base.prefix(31)).trimmingCharacters(in: .whitespaces)
            var name = base, n = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(n))"
                name = String(base.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// A file-name fragment: lower case, no accents, words joined by "-".
    static func slug(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for ch in folded {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) }
            else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "tableau" : out
    }
}
