import Foundation

/// Reads one cell of a source table into a `SourceValue`. A clean value is known; a value
/// followed by a doubt mark or words ("2024?", "E en maj", "F?") keeps the recognised part and is
/// doubtful; anything else that is not blank ("?", "voir 2024", "-") stays unknown. Never 0.
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

    /// "13 404,00 €" (any space kind), "1 000 EUR", "1234.5", "-250": see `FrenchNumber.parseMoney`.
    public static func money(_ raw: String) -> SourceValue<Money> {
        read(raw, FrenchNumber.parseMoney)
    }

    public static func label(_ raw: String) -> SourceValue<EnergyLabel> {
        readFirstWord(raw) { EnergyLabel(rawValue: $0.uppercased()) }
    }

    public static func projectManagement(_ raw: String) -> SourceValue<ProjectManagement> {
        readFirstWord(raw) { word in
            switch word { case "vefa": .vefa; case "mod": .mod; default: nil }
        }
    }

    public static func worksKind(_ raw: String) -> SourceValue<WorksKind> {
        read(raw) { text in
            switch LooseName.key(text) {
            case "neuf", "construction neuve", "construction": .newBuild
            case "aa", "acquisition amelioration", "acq amelioration", "acquisition": .acquisitionImprovement
            default: nil
            }
        }
    }

    public static func rehabilitationStatus(_ raw: String) -> SourceValue<RehabilitationStatus> {
        read(raw) { text in
            switch LooseName.key(text) {
            case "a financer": .toFinance
            case "non demarre", "pas demarre", "non demarree": .notStarted
            case "demarre", "demarree": .started
            case "en cours", "en travaux", "travaux en cours": .inProgress
            case "termine", "terminee", "acheve", "livre": .finished
            case "clos", "cloture", "solde": .closed
            default: nil
            }
        }
    }

    /// Cleanly parsed → known; parsed once a "?" is removed → doubtful; else unknown.
    static func read<V>(_ raw: String, _ parse: (String) -> V?) -> SourceValue<V> {
        let text = raw.trimmingSpaces()
        if text.isEmpty { return SourceValue(value: nil, raw: "") }
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
        guard direct.value == nil, !direct.isBlank else { return direct }
        let words = LooseName.key(raw).split(separator: " ")
        if words.count > 1, let v = parse(String(words[0])) {
            return SourceValue(value: v, raw: raw.trimmingSpaces(), doubtful: true)
        }
        return direct
    }
}
