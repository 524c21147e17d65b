/// A share held in basis points (1/100 of a percent) so that 19,13 % is exact.
public struct Percentage: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }
    public init(percent: Int) { self.basisPoints = percent * 100 }

    /// The share `part / whole`, rounded half away from zero to the basis point (a fall of
    /// 207 out of 1 708 is −12,12 %, as a rise of 207 is +12,12 %); nil when `whole` is 0.
    public static func ratio(_ part: Int64, of whole: Int64) -> Percentage? {
        guard whole != 0 else { return nil }
        let negative = (part < 0) != (whole < 0)
        let p = part.magnitude, w = whole.magnitude
        let rounded = Int((p * 10_000 * 2 + w) / (2 * w))
        return Percentage(basisPoints: negative ? -rounded : rounded)
    }
    public static func ratio(_ part: Int, of whole: Int) -> Percentage? {
        ratio(Int64(part), of: Int64(whole))
    }

    /// Parses "19,13", "19.13", "35 %", "35%".
    public init?(parsing text: String) {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard let d = FrenchNumber.parseDecimal(t, scale: 2) else { return nil }
        basisPoints = Int(d)
    }

    /// Checks a share that must lie between 0 and 100 %.
    public static func validated(basisPoints: Int, field: String) throws(ValidationError) -> Percentage {
        guard (0...10_000).contains(basisPoints) else {
            throw ValidationError(field: field, "le pourcentage doit être compris entre 0 et 100 %")
        }
        return Percentage(basisPoints: basisPoints)
    }

    public static func < (a: Percentage, b: Percentage) -> Bool { a.basisPoints < b.basisPoints }

    public var description: String { FrenchFormat.percent(self) }

    public init(from decoder: any Decoder) throws {
        basisPoints = try decoder.singleValueContainer().decode(Int.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(basisPoints)
    }
}

import Foundation
