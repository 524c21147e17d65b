/// French typography for printed documents (Lexique des règles typographiques en usage à
/// l'Imprimerie nationale): the apostrophe is ’; a no-break space comes before « : » and inside
/// « guillemets », a narrow no-break space before « ; », « ! » and « ? »; "n°" keeps its number.
/// Applied to the text of PDF letters and reports as it is set, so that data typed with straight
/// apostrophes and ordinary spaces prints right; CSV and spreadsheets keep the text as typed.
public enum FrenchTypography {
    public static let noBreakSpace: Character = "\u{00A0}"
    public static let narrowNoBreakSpace: Character = "\u{202F}"

    /// The text set the French way; idempotent (setting it twice changes nothing more).
    public static func apply(_ text: String) -> String {
        guard text.contains(where: { Self.triggers.contains($0) || $0 == " " }) else { return text }
        let chars = Array(text)
        var out: [Character] = []
        out.reserveCapacity(chars.count + 8)
        for (i, c) in chars.enumerated() {
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "'":
                out.append("’")
            case ":", ";", "!", "?":
                let previous = out.last
                // Not in "https://", "10:30", "?!" runs, nor at the start of a text.
                let isURL = c == ":" && next == "/"
                let isTime = c == ":" && (previous?.isNumber ?? false) && (next?.isNumber ?? false)
                if let p = previous, !isURL, !isTime, !Self.closingPunctuation.contains(p) {
                    let space = c == ":" ? noBreakSpace : narrowNoBreakSpace
                    if p == " " || p == noBreakSpace || p == narrowNoBreakSpace {
                        out[out.count - 1] = space
                    } else if p.isLetter || p.isNumber || p == "»" || p == ")" || p == "’" {
                        // "Objet: x" gets its space only before a word or the end, never inside a token.
                        if next == nil || next == " " || next == "\n" { out.append(space) }
                    }
                }
                out.append(c)
            case "«":
                out.append(c)
                if next == " " { continue } else if next != noBreakSpace && next != nil { out.append(noBreakSpace) }
            case "»":
                if let p = out.last, p == " " || p == narrowNoBreakSpace { out[out.count - 1] = noBreakSpace }
                else if let p = out.last, p != noBreakSpace { out.append(noBreakSpace) }
                out.append(c)
            case " ":
                // The space after « and after n° does not break, nor the ones of "13 h 30",
                // "12 %" and "300 €".
                let afterNext: Character? = i + 2 < chars.count ? chars[i + 2] : nil
                let lastIsDigit = out.last?.isNumber ?? false
                let hour = lastIsDigit && next == "h" && (afterNext == nil || afterNext == " " || afterNext!.isNumber || afterNext == "," || afterNext == ".")
                let minutes = out.count >= 3 && out[out.count - 1] == "h" && out[out.count - 2] == noBreakSpace
                    && out[out.count - 3].isNumber && (next?.isNumber ?? false)
                if let p = out.last, p == "«" { out.append(noBreakSpace) }
                else if hour || minutes || (lastIsDigit && (next == "€" || next == "%")) { out.append(noBreakSpace) }
                else if out.count >= 2, out[out.count - 1] == "°", out[out.count - 2] == "n" || out[out.count - 2] == "N" { out.append(noBreakSpace) }
                else { out.append(c) }
            default:
                out.append(c)
            }
        }
        return String(out)
    }

    static let triggers: Set<Character> = ["'", ":", ";", "!", "?", "«", "»", "°"]
    /// Punctuation after which ; : ! ? take no space ("?!", "…:").
    static let closingPunctuation: Set<Character> = ["!", "?", ";", ":"]
}
