/// A dossier number: year, scheme code, sequence within (year, scheme): `2026-ACC-0042`.
/// Sequences have at least four digits; a 10 000th dossier is `2026-ACC-10000`.
public struct DossierNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let scheme: String
    public let sequence: Int

    public init(year: Int, scheme: String, sequence: Int) {
        self.year = year; self.scheme = scheme; self.sequence = sequence
    }

    public init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), y >= 1000,
              AidScheme.isValidCode(String(parts[1])),
              parts[2].count >= 4, parts[2].allSatisfy({ $0.isASCII && $0.isNumber }), let s = Int(parts[2]), s >= 1
        else { return nil }
        self.init(year: y, scheme: String(parts[1]), sequence: s)
    }

    public static func parse(_ text: String, field: String = "numero") throws(ValidationError) -> DossierNumber {
        guard let n = DossierNumber(parsing: text) else {
            throw ValidationError(field: field, "numéro de dossier invalide « \(text) » (attendu AAAA-CODE-0001)")
        }
        return n
    }

    public var formatted: String {
        let s = String(sequence)
        return "\(year)-\(scheme)-" + String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
    public var description: String { formatted }

    public static func < (a: DossierNumber, b: DossierNumber) -> Bool {
        (a.year, a.scheme, a.sequence) < (b.year, b.scheme, b.sequence)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let n = DossierNumber(parsing: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "numéro de dossier invalide « \(s) »")
        }
        self = n
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(formatted)
    }
}
