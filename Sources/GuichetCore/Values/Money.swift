/// An amount of euros held in integer cents: money is never floating point.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public init(euros: Int64) { self.cents = euros * 100 }

    public static let zero = Money(cents: 0)

    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func * (a: Money, n: Int) -> Money { Money(cents: a.cents * Int64(n)) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func -= (a: inout Money, b: Money) { a.cents -= b.cents }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static prefix func - (a: Money) -> Money { Money(cents: -a.cents) }

    public var isNegative: Bool { cents < 0 }

    /// Checks an amount that cannot be negative (an aid, a payment, an envelope).
    public static func nonNegative(cents: Int64, field: String) throws(ValidationError) -> Money {
        guard cents >= 0 else { throw ValidationError(field: field, "le montant ne peut pas être négatif") }
        return Money(cents: cents)
    }

    /// Divides and rounds half away from zero, as the brief's yearly figures do (25 000 / 6 → 4 167).
    public func divided(by n: Int, roundingTo unit: Int64 = 1) -> Money {
        precondition(n > 0)
        let step = unit
        let units = cents / step
        let q = (2 * units + (units >= 0 ? Int64(n) : -Int64(n))) / (2 * Int64(n))
        return Money(cents: q * step)
    }

    public var description: String { FrenchFormat.money(self) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        cents = try c.decode(Int64.self)
        if decoder.userInfo[.checksInputLimits] != nil, cents < -InputLimits.maximumAmount.cents || cents > InputLimits.maximumAmount.cents {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "montant hors de la plage admise (au plus \(InputLimits.maximumAmount))")
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(cents)
    }
}

extension Sequence {
    /// Sum of amounts taken from each element.
    public func sum(_ amount: (Element) -> Money) -> Money {
        reduce(into: Money.zero) { $0 += amount($1) }
    }
}
