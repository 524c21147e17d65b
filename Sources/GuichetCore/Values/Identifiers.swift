/// Luhn check used by SIREN and SIRET.
enum Luhn {
    static func isValid(_ digits: String) -> Bool {
        var sum = 0
        for (i, ch) in digits.reversed().enumerated() {
            guard let d = ch.wholeNumberValue else { return false }
            if i % 2 == 1 { let x = d * 2; sum += x > 9 ? x - 9 : x } else { sum += d }
        }
        return sum % 10 == 0
    }
}

/// Strips the spaces people type inside identifiers ("356 000 000 00048").
private func compact(_ s: String) -> String {
    String(s.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" })
}

/// 9-digit identifier of an organisation (INSEE's Sirene register).
public struct Siren: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public static let laPoste = "356000000"

    public init(_ text: String, field: String = "siren") throws(ValidationError) {
        let v = compact(text)
        guard v.count == 9, v.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: field, "un SIREN compte 9 chiffres")
        }
        guard Luhn.isValid(v) else { throw ValidationError(field: field, "SIREN invalide (clé de contrôle)") }
        value = v
    }
    public var description: String {
        let a = Array(value)
        return "\(String(a[0..<3])) \(String(a[3..<6])) \(String(a[6..<9]))"
    }
    public init(from decoder: any Decoder) throws { try self.init(decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(value) }
}

/// 14-digit identifier of an establishment: SIREN + 5-digit NIC, Luhn-checked
/// (La Poste's establishments also pass when their digit sum is a multiple of 5).
public struct Siret: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String, field: String = "siret") throws(ValidationError) {
        let v = compact(text)
        guard v.count == 14, v.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: field, "un SIRET compte 14 chiffres")
        }
        let valid = Luhn.isValid(v)
            || (v.hasPrefix(Siren.laPoste) && v.compactMap(\.wholeNumberValue).reduce(0, +) % 5 == 0)
        guard valid else { throw ValidationError(field: field, "SIRET invalide (clé de contrôle)") }
        value = v
    }
    public var siren: String { String(value.prefix(9)) }
    public var description: String {
        let a = Array(value)
        return "\(String(a[0..<3])) \(String(a[3..<6])) \(String(a[6..<9])) \(String(a[9..<14]))"
    }
    public init(from decoder: any Decoder) throws { try self.init(decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(value) }
}

/// INSEE commune code (COG): 5 characters, département first; Corsica is 2A / 2B.
/// Not a postcode.
public struct InseeCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String, field: String = "codeInsee") throws(ValidationError) {
        let v = compact(text).uppercased()
        let chars = Array(v)
        guard chars.count == 5 else {
            throw ValidationError(field: field, "un code commune INSEE compte 5 caractères")
        }
        let dept = String(chars[0..<2])
        let rest = chars[2..<5]
        let deptOK = dept == "2A" || dept == "2B" || (dept.allSatisfy { $0.isASCII && $0.isNumber } && dept != "00" && dept != "20")
        guard deptOK, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: field, "code commune INSEE invalide « \(text) »")
        }
        value = v
    }
    public var departement: String {
        value.hasPrefix("97") || value.hasPrefix("98") ? String(value.prefix(3)) : String(value.prefix(2))
    }
    public var description: String { value }
    public init(from decoder: any Decoder) throws { try self.init(decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(value) }
}

/// French postcode: 5 digits.
public struct Postcode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public init(_ text: String, field: String = "codePostal") throws(ValidationError) {
        let v = compact(text)
        guard v.count == 5, v.allSatisfy({ $0.isASCII && $0.isNumber }), !v.hasPrefix("00") else {
            throw ValidationError(field: field, "un code postal compte 5 chiffres")
        }
        value = v
    }
    public var description: String { value }
    public init(from decoder: any Decoder) throws { try self.init(decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(value) }
}
