/// Numbers and dates as a French letter writes them: "deux mois", "le 1er décembre 2026",
/// "3 pièces manquantes" / "1 pièce manquante".
public enum FrenchWords {
    static let units = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
                        "onze", "douze", "treize", "quatorze", "quinze", "seize"]
    static let tens = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"]

    /// Cardinal in words from 0 to 99 ("vingt et un", "soixante-dix", "quatre-vingts"); digits beyond.
    public static func cardinal(_ n: Int) -> String {
        guard n >= 0, n < 100 else { return FrenchFormat.integer(n) }
        if n <= 16 { return units[n] }
        if n < 20 { return "dix-" + units[n - 10] }
        let t = n / 10, u = n % 10
        switch t {
        case 7: return "soixante" + (u == 1 ? " et onze" : "-" + cardinal(10 + u))
        case 8: return "quatre-vingt" + (u == 0 ? "s" : "-" + units[u])
        case 9: return "quatre-vingt-" + cardinal(10 + u)
        default: return tens[t] + (u == 0 ? "" : u == 1 ? " et un" : "-" + units[u])
        }
    }

    public static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                "septembre", "octobre", "novembre", "décembre"]

    /// "3 décembre 2026", "1er mars 2027": the month in words, as letters date things.
    public static func date(_ d: CalendarDate) -> String {
        "\(d.day == 1 ? "1er" : String(d.day)) \(months[d.month - 1]) \(d.year)"
    }

    /// "1 pièce manquante", "3 pièces manquantes": `count` and the noun phrase in the right number
    /// (`plural` defaults to the singular with an s on each word).
    public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        let phrase = count > 1 ? (plural ?? singular.split(separator: " ").map { $0 + "s" }.joined(separator: " ")) : singular
        return "\(FrenchFormat.integer(count)) \(phrase)"
    }
}
