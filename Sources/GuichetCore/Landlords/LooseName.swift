import Foundation

/// Loose comparison key for names typed by people: "Pas-de-Calais Habitat", "PAS DE CALAIS  HABITAT"
/// and "pas de calais habitat" give the same key. Case, accents, punctuation, hyphens, "&"/"et"
/// and runs of spaces are ignored.
public enum LooseName {
    public static func key(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let piece: String
            switch scalar {
            case "œ", "Œ": piece = "oe"
            case "æ", "Æ": piece = "ae"
            case "ß": piece = "ss"
            case "&": piece = " et "
            default: piece = String(scalar)
            }
            for ch in piece.lowercased() {
                if ch.isLetter || ch.isNumber {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(ch)
                } else {
                    pendingSpace = true
                }
            }
        }
        return out
    }

    /// A looser key for column headers, which carry the source's own typos: letters doubled or
    /// tripled ("baillleurs") count once and a plural "s" at the end of a word is dropped.
    public static func headerKey(_ text: String) -> String {
        // "P.L.A.I." → "plai": runs of single letters are one acronym.
        var words: [String] = []
        var acronym = ""
        for w in key(text).split(separator: " ") {
            if w.count == 1, w.first!.isLetter { acronym += w; continue }
            if !acronym.isEmpty { words.append(acronym); acronym = "" }
            words.append(String(w))
        }
        if !acronym.isEmpty { words.append(acronym) }
        return words.map { word -> String in
            var w = ""
            for ch in word where w.last != ch || ch.isNumber { w.append(ch) }
            if w.count > 3, w.hasSuffix("s") { w.removeLast() }
            return w
        }.joined(separator: " ")
    }

    /// Levenshtein distance, for the last-resort header match (one typo).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
