import Foundation

/// Reads one cell of a source table into a `SourceValue`. A clean value is known; a value
/// followed by a doubt mark or words ("2024?", "E en maj", "F?") keeps the recognised part and is
/// doubtful; anything else that is not blank ("?", "voir 2024") stays unknown. A blank stays
/// unknown, never 0. In money cells Excel's accounting zero ("- €", "-", "–") is 0.
public enum CellReader {
    public static func count(_ raw: String) -> SourceValue<Int> {
        read(raw) { text in
            guard let v = FrenchNumber.parseDecimal(text, scale: 0), v >= 0, v <= Int64(Int32.max) else { return nil }
            return Int(v)
        }
    }

    public static func year(_ raw: String) -> SourceValue<Int> {
        read(raw) { text in
            let digits = text.trimmingSpaces()
            guard digits.count == 4, let y = Int(digits), (1900...2100).contains(y) else { return nil }
            return y
        }
    }

    /// "13 404,00 €" (any space kind), "1 000 EUR", "1234.5", "-250", and the accounting zero
    /// "- €" / "-" / "–": see `FrenchNumber.parseMoney`.
    public static func money(_ raw: String) -> SourceValue<Money> {
        if isAccountingZero(raw) { return SourceValue(value: .zero, raw: raw.trimmingSpaces()) }
        return read(raw, FrenchNumber.parseMoney)
    }

    /// Excel's accounting format writes zero as a dash, with or without the currency.
    static func isAccountingZero(_ raw: String) -> Bool {
        var t = raw.trimmingSpaces()
        if t.hasSuffix("€") { t = String(t.dropLast()).trimmingSpaces() }
        else if t.uppercased().hasSuffix("EUR") { t = String(t.dropLast(3)).trimmingSpaces() }
        return ["-", "–", "—", "- -"].contains(t)
    }

    /// A money cell within the limits: an amount beyond `limits.maxAmountCents`, or a negative
    /// one where `allowNegative` is false, is left unknown with the reason (an error to report).
    public static func money(_ raw: String, limits: ImportLimits, allowNegative: Bool) -> (SourceValue<Money>, problem: String?) {
        let v = money(raw)
        guard let m = v.value else { return (v, nil) }
        let unknown = SourceValue<Money>(value: nil, raw: v.raw, doubtful: true)
        if m.cents.magnitude > limits.maxAmountCents.magnitude {
            return (unknown, "montant « \(ImportText.cut(raw.trimmingSpaces(), 40)) » hors limites "
                    + "(au plus \(FrenchFormat.money(Money(cents: limits.maxAmountCents)))) : laissé inconnu")
        }
        if m.cents < 0 && !allowNegative {
            return (unknown, "montant négatif « \(ImportText.cut(raw.trimmingSpaces(), 40)) » refusé : une subvention ne peut pas être négative ; laissé inconnu")
        }
        return (v, nil)
    }

    /// A count cell within the limits (`limits.maxCount`).
    public static func count(_ raw: String, limits: ImportLimits) -> (SourceValue<Int>, problem: String?) {
        let v = count(raw)
        if let n = v.value, n > limits.maxCount {
            return (SourceValue(value: nil, raw: v.raw, doubtful: true),
                    "nombre « \(ImportText.cut(raw.trimmingSpaces(), 40)) » hors limites (au plus \(FrenchFormat.integer(limits.maxCount))) : laissé inconnu")
        }
        return (v, nil)
    }

    /// Cleanly parsed → known; parsed once a "?" is removed → doubtful; else unknown.
    static func read<V>(_ raw: String, _ parse: (String) -> V?) -> SourceValue<V> {
        let text = raw.trimmingSpaces()
        if text.isEmpty { return SourceValue(value: nil, raw: "") }
        // Nothing readable is longer than this: keep the text for messages, not a parse of 32,767 characters.
        guard text.utf8.count <= 64 else { return SourceValue(value: nil, raw: text, doubtful: true) }
        let hasDoubtMark = text.contains("?")
        let cleaned = text.replacingOccurrences(of: "?", with: "").trimmingSpaces()
        if !cleaned.isEmpty, let v = parse(cleaned) {
            return SourceValue(value: v, raw: text, doubtful: hasDoubtMark)
        }
        return SourceValue(value: nil, raw: text, doubtful: true)
    }

    /// Like `read`, but a value in the first word followed by other words ("E en maj") is kept
    /// as doubtful.
    static func readFirstWord<V>(_ raw: String, _ parse: (String) -> V?) -> SourceValue<V> {
        let direct = read(raw) { parse(LooseName.key($0)) }
        guard direct.value == nil, !direct.isBlank, raw.utf8.count <= 64 else { return direct }
        let words = LooseName.key(raw).split(separator: " ")
        if words.count > 1, let v = parse(String(words[0])) {
            return SourceValue(value: v, raw: raw.trimmingSpaces(), doubtful: true)
        }
        return direct
    }
}
