/// A value read from a source table or typed by an agent, which the source may leave unknown or
/// doubtful. "?", "voir 2024", "-" and blanks stay unknown (never 0); "2024?" or "E en maj" keep
/// the recognised part with `doubtful` set. `raw` is the text as given; nil when the source has
/// no such field at all (a column missing from the table).
public struct SourceValue<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var value: Value?
    public var raw: String?
    public var doubtful: Bool

    public init(value: Value?, raw: String?, doubtful: Bool = false) {
        self.value = value
        self.raw = raw
        self.doubtful = doubtful
    }

    /// A value entered or read cleanly.
    public static func known(_ value: Value, raw: String? = nil) -> SourceValue {
        SourceValue(value: value, raw: raw, doubtful: false)
    }
    /// The source has no such field (the column is absent).
    public static var notProvided: SourceValue { SourceValue(value: nil, raw: nil) }
    /// The source's cell is empty.
    public static var blank: SourceValue { SourceValue(value: nil, raw: "") }

    public var isKnown: Bool { value != nil }
    public var isProvided: Bool { raw != nil || value != nil }
    public var isBlank: Bool { value == nil && (raw ?? "").isEmpty }
    /// Unknown although the source wrote something ("?", "voir 2024", "-").
    public var isUnreadable: Bool { value == nil && !(raw ?? "").isEmpty }
}

extension SourceValue: CustomStringConvertible {
    public var description: String {
        guard let value else { return raw.map { $0.isEmpty ? "(vide)" : "« \($0) » (inconnu)" } ?? "(absent)" }
        return doubtful ? "\(value) (douteux : « \(raw ?? "") »)" : "\(value)"
    }
}
