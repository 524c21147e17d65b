/// Plausible ranges for values that come from outside (input files, command-line options,
/// forms), checked where they enter: past them a value is an error naming its field and the
/// range, never an overflow or a date no calendar computation can handle. Local decisions
/// ("default to confirm"), not the PLH's: no source sets them.
public enum InputLimits {
    /// Dates of decisions, payments, births, purchases, closures.
    public static let years: ClosedRange<Int> = 1900...2100
    /// One amount (an aid, a rent, yearly resources, a subsidy): one billion euros. Sums of
    /// 100,000 such amounts stay far inside 64-bit cents.
    public static let maximumAmount = Money(cents: 100_000_000_000)
    /// One text value (a name, a comment, a label).
    public static let maximumTextLength = 10_000
    /// One input file (a dossier, a request, results): far above any real one.
    public static let maximumFileBytes = 20_000_000

    public static var yearsText: String { "\(years.lowerBound) à \(years.upperBound)" }

    /// Checks a year given from outside (an income year, a financing year).
    public static func checkYear(_ year: Int, field: String) throws(ValidationError) {
        guard years.contains(year) else { throw ValidationError(field: field, "année \(year) hors de la plage admise (\(yearsText))") }
    }

    /// Checks an amount in cents given from outside; `allowsNegative` for the rare signed figure.
    public static func checkAmount(cents: Int64, field: String, allowsNegative: Bool = false) throws(ValidationError) {
        let low = allowsNegative ? -maximumAmount.cents : 0
        guard cents >= low, cents <= maximumAmount.cents else {
            let range = allowsNegative ? "de -\(maximumAmount) à \(maximumAmount)" : "de 0 à \(maximumAmount)"
            throw ValidationError(field: field, "montant hors de la plage admise (\(range))")
        }
    }

    /// Cuts a value quoted in a message: the agent sees its start and its length, not 10 MB.
    public static func quoted(_ text: String, limit: Int = 80) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(FrenchFormat.integer(text.count)) caractères)"
    }
}

extension CodingUserInfoKey {
    /// Set by `InputJSON`: dates and amounts decoded from an input file are checked against
    /// `InputLimits` (stored documents, already checked, are decoded without it).
    public static let checksInputLimits = CodingUserInfoKey(rawValue: "guichet.checksInputLimits")!
}
