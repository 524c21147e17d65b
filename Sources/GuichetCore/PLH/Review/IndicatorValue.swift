/// A value of a measure for a year: a number in hundredths of the measure's unit (a count of 12
/// is 1 200, 35,20 % is 3 520 — basis points —, 4 000,00 € is 400 000 — cents —, a ratio of
/// 3,25 is 325), or a text for a qualitative review.
public enum IndicatorValue: Codable, Sendable, Hashable {
    case number(Int64)
    case text(String)

    public static func count(_ n: Int) -> IndicatorValue { .number(Int64(n) * 100) }

    public var number: Int64? { if case .number(let n) = self { n } else { nil } }
    public var text: String? { if case .text(let t) = self { t } else { nil } }

    /// The value as shown: "1 234 logements", "4 000 €", "35,2 %", "3,25", the text.
    public func formatted(_ kind: MeasureKind, unit: String? = nil) -> String {
        switch self {
        case .text(let t): return t
        case .number(let n): return Self.format(n, kind, unit: unit)
        }
    }

    /// A number of hundredths of a measure's unit in French.
    public static func format(_ hundredths: Int64, _ kind: MeasureKind, unit: String? = nil) -> String {
        let suffix = unit.map { $0.isEmpty ? "" : "\u{00A0}\($0)" } ?? ""
        switch kind {
        case .money: return FrenchFormat.money(Money(cents: hundredths), alwaysCents: false)
        case .percent: return FrenchFormat.percent(Percentage(basisPoints: Int(hundredths)))
        case .count: return FrenchFormat.integer(hundredths / 100) + suffix
        default:
            let m = hundredths.magnitude
            let frac = Int(m % 100)
            let decimals = frac == 0 ? "" : "," + (frac < 10 ? "0\(frac)" : (frac % 10 == 0 ? "\(frac / 10)" : "\(frac)"))
            return (hundredths < 0 ? "-" : "") + FrenchFormat.integer(Int64(m / 100)) + decimals + suffix
        }
    }

    /// Reads what an agent typed for a measure of `kind` ("1 234", "35,2 %", "4 000 €", "3,25";
    /// any text for a qualitative measure). The message names the field and what was expected.
    public static func parse(_ input: String, kind: MeasureKind, field: String = "valeur") throws(ValidationError) -> IndicatorValue {
        let trimmed = input.trimmingSpaces()
        guard !trimmed.isEmpty else { throw ValidationError(field: field, "la valeur est vide") }
        if kind == .text {
            guard trimmed.count <= InputLimits.maximumTextLength else {
                throw ValidationError(field: field, "texte trop long (au plus \(FrenchFormat.integer(InputLimits.maximumTextLength)) caractères)")
            }
            return .text(trimmed)
        }
        var t = trimmed
        if kind == .percent, t.hasSuffix("%") { t = String(t.dropLast()) }
        if kind == .area { for unit in ["m²", "m2"] where t.hasSuffix(unit) { t = String(t.dropLast(unit.count)) } }
        guard let n = FrenchNumber.parseDecimal(t, scale: 2) else {
            throw ValidationError(field: field, "« \(InputLimits.quoted(trimmed)) » n'est pas \(expected(kind))")
        }
        guard n >= 0 else { throw ValidationError(field: field, "la valeur ne peut pas être négative") }
        switch kind {
        case .count:
            guard n % 100 == 0 else { throw ValidationError(field: field, "un nombre entier est attendu (« \(InputLimits.quoted(trimmed)) »)") }
            guard n <= 100_000_000_000 else { throw ValidationError(field: field, "nombre trop grand (au plus 1 milliard)") }
        case .percent:
            guard n <= 10_000 else { throw ValidationError(field: field, "un pourcentage est compris entre 0 et 100") }
        case .money:
            try InputLimits.checkAmount(cents: n, field: field)
        default:
            guard n <= 100_000_000_000 else { throw ValidationError(field: field, "nombre trop grand") }
        }
        return .number(n)
    }

    static func expected(_ kind: MeasureKind) -> String {
        switch kind {
        case .count: "un nombre entier"
        case .money: "un montant en euros"
        case .percent: "un pourcentage (« 35,2 % »)"
        case .ratio: "un nombre (« 3,25 »)"
        case .area: "une surface en m²"
        default: "une valeur"
        }
    }
}
