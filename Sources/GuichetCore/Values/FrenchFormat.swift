import Foundation

/// French display formats, in one place: 1 234,56 €, 35,1 %, 22/11/2026.
/// The thousands separator is U+202F (narrow no-break space), as current CLDR writes it.
public enum FrenchFormat {
    public static let thousandsSeparator: Character = "\u{202F}"

    /// Groups digits by three: 1234567 → "1 234 567".
    public static func integer(_ n: Int64, separator: Character = thousandsSeparator) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
    public static func integer(_ n: Int) -> String { integer(Int64(n)) }

    /// "1 234,56 €"; with `alwaysCents: false`, "1 234 €" when the cents are zero.
    public static func money(_ m: Money, symbol: Bool = true, alwaysCents: Bool = true) -> String {
        let cents = Int(m.cents.magnitude % 100)
        var s = integer(Int64(m.cents.magnitude / 100))
        if m.cents < 0 { s = "-" + s }
        if alwaysCents || cents != 0 { s += "," + (cents < 10 ? "0" : "") + String(cents) }
        return symbol ? s + "\u{00A0}€" : s
    }

    /// Plain decimal for CSV cells: "1234,56" (no grouping so spreadsheets read a number).
    public static func plainDecimal(cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let c = cents.magnitude
        let r = c % 100
        return "\(sign)\(c / 100),\(r < 10 ? "0" : "")\(r)"
    }

    /// "35,1 %" with `decimals` digits (default one), rounded half up.
    public static func percent(_ p: Percentage, decimals: Int = 1) -> String {
        let dropped = 2 - max(0, min(2, decimals))
        var divisor = 1
        for _ in 0..<dropped { divisor *= 10 }
        let bp = p.basisPoints
        let rounded = (abs(bp) * 2 + divisor) / (2 * divisor)
        let unit = 100 / divisor
        var s = String(rounded / unit)
        if decimals > 0 {
            let frac = String(rounded % unit)
            s += "," + String(repeating: "0", count: decimals - frac.count) + frac
        }
        return (bp < 0 ? "-" : "") + s + "\u{00A0}%"
    }

    /// "de Béthune", "d'Annezin", "d'Isbergues": "de" elided before a vowel (not before an
    /// h, aspirated in most place names: "de Houdain", "de Haillicourt").
    public static func of(_ name: String) -> String {
        let first = name.decomposedStringWithCanonicalMapping.unicodeScalars.first.map { Character($0).lowercased() } ?? ""
        return ["a", "e", "i", "o", "u", "y"].contains(first) ? "d'\(name)" : "de \(name)"
    }

    /// "1er juillet 2024", "22 novembre 2026": a date in a sentence.
    public static func longDate(_ d: CalendarDate) -> String {
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                      "novembre", "décembre"]
        return "\(d.day == 1 ? "1er" : String(d.day)) \(months[d.month - 1]) \(d.year)"
    }

    /// "22/11/2026".
    public static func date(_ d: CalendarDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let year = d.year < 1000 ? String(repeating: "0", count: 4 - String(d.year).count) + String(d.year) : String(d.year)
        return "\(two(d.day))/\(two(d.month))/\(year)"
    }
}

/// Parsing of numbers as French people type them.
public enum FrenchNumber {
    /// Spaces of every kind used as thousands separators (U+0020, U+00A0, U+202F).
    static let groupSeparators: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\t"]

    /// Parses "13 404,00 €", "1234.5", "-12", "0" into an integer scaled by 10^scale.
    /// Returns nil on anything else ("?", "voir 2024", "").
    public static func parseDecimal(_ text: String, scale: Int) -> Int64? {
        var t = Substring(text)
        t = t.drop(while: { groupSeparators.contains($0) })
        while let last = t.last, groupSeparators.contains(last) { t = t.dropLast() }
        if t.hasSuffix("€") { t = t.dropLast() }
        else if t.uppercased().hasSuffix("EUR") { t = t.dropLast(3) }
        while let last = t.last, groupSeparators.contains(last) { t = t.dropLast() }
        var negative = false
        var intPart = "", fracPart = ""
        var seenSep = false, seenDigit = false
        for (i, ch) in t.enumerated() {
            if ch == "-" && i == 0 { negative = true; continue }
            if ch == "+" && i == 0 { continue }
            if groupSeparators.contains(ch) { if seenSep { return nil }; continue }
            if ch == "," || ch == "." {
                if seenSep { return nil }
                seenSep = true; continue
            }
            guard let v = ch.wholeNumberValue, ch.isASCII else { return nil }
            seenDigit = true
            if seenSep { fracPart.append(Character(String(v))) } else { intPart.append(Character(String(v))) }
        }
        guard seenDigit, intPart.count <= 15 else { return nil }
        guard fracPart.count <= scale || fracPart.dropFirst(scale).allSatisfy({ $0 == "0" }) else { return nil }
        var value = Int64(intPart.isEmpty ? "0" : intPart)!
        var frac = Array(fracPart.prefix(scale))
        while frac.count < scale { frac.append("0") }
        for _ in 0..<scale { value *= 10 }
        if scale > 0 { value += Int64(String(frac))! }
        return negative ? -value : value
    }

    /// Parses a French amount in euros into cents ("13 404,00 €" → 1 340 400).
    public static func parseMoney(_ text: String) -> Money? {
        parseDecimal(text, scale: 2).map { Money(cents: $0) }
    }
}
