import Foundation
import GuichetCore

/// How a value read from a source table is written on screen: known values in French format,
/// unknown ones as unknown with the source's own text, never as 0.
enum SourceValueText {
    /// A list cell: "12", "2024 (?)" for a doubtful value, "« voir 2024 »" for an unreadable
    /// cell, "—" for a blank or absent one.
    static func cell<V>(_ v: SourceValue<V>, _ format: (V) -> String) -> String {
        if let value = v.value { return v.doubtful ? "\(format(value)) (?)" : format(value) }
        if let raw = v.raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty { return "« \(raw) »" }
        return "—"
    }

    /// The text an edit field starts with: the formatted value, or the source's text when unknown.
    static func field<V>(_ v: SourceValue<V>, _ format: (V) -> String) -> String {
        if let value = v.value { return format(value) }
        return v.raw ?? ""
    }

    /// What the field's hint says about the value; nil for a clean known value.
    static func hint<V>(_ v: SourceValue<V>) -> String? {
        if v.value != nil {
            return v.doubtful ? "douteux (source : « \(v.raw ?? "") »)" : nil
        }
        if let raw = v.raw {
            return raw.trimmingCharacters(in: .whitespaces).isEmpty ? "inconnu (cellule vide)" : "inconnu (source : « \(raw) »)"
        }
        return "inconnu (absent de la source)"
    }

    static func count(_ n: Int) -> String { FrenchFormat.integer(n) }
    static func year(_ n: Int) -> String { String(n) }
    static func money(_ m: Money) -> String { FrenchFormat.money(m) }
}
