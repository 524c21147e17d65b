/// International bank account number (ISO 13616), checked by its key: the number moved four
/// characters to the right, letters turned into 10…35, taken modulo 97, gives 1. French IBANs
/// (and Monaco's, used by some beneficiaries of the Nord) have 27 characters: FR, 2 check digits,
/// bank (5), branch (5), account (11), RIB key (2). Other SEPA countries are accepted with
/// their own length when known.
public struct IBAN: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Upper case, without spaces: "FR7630006000011234567890189".
    public let value: String

    /// Lengths of the SEPA countries' IBANs (the ones a French local authority may pay to).
    static let lengths: [String: Int] = [
        "FR": 27, "MC": 27, "BE": 16, "DE": 22, "LU": 20, "NL": 18, "ES": 24, "IT": 27, "PT": 25,
        "CH": 21, "GB": 22, "IE": 22, "AT": 20, "PL": 28, "GR": 27, "FI": 18, "SE": 24, "DK": 18,
    ]

    public init(_ text: String, field: String = "iban") throws(ValidationError) {
        let v = String(text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "-" }).uppercased()
        guard v.count >= 15, v.count <= 34, v.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ValidationError(field: field, "un IBAN compte de 15 à 34 lettres et chiffres (27 pour un compte français)")
        }
        let country = String(v.prefix(2))
        guard country.allSatisfy(\.isLetter), v.dropFirst(2).prefix(2).allSatisfy(\.isNumber) else {
            throw ValidationError(field: field, "un IBAN commence par le code du pays et deux chiffres de contrôle (FR76…)")
        }
        if let expected = Self.lengths[country], v.count != expected {
            throw ValidationError(field: field, "un IBAN \(country) compte \(expected) caractères (\(v.count) saisis)")
        }
        guard Self.remainder(v) == 1 else {
            throw ValidationError(field: field, "IBAN invalide (clé de contrôle) : vérifiez la saisie")
        }
        value = v
    }

    /// An IBAN its maker computed and checked itself (demo data): no second validation.
    init(checked value: String) { self.value = value }

    /// ISO 13616 key: mod 97 of the rearranged number, computed digit by digit (no big integers).
    static func remainder(_ v: String) -> Int {
        var r = 0
        for ch in v.dropFirst(4) + v.prefix(4) {
            guard let n = ch.wholeNumberValue ?? ch.asciiValue.map({ Int($0) - 55 }) else { return -1 }
            r = (n > 9 ? r * 100 + n : r * 10 + n) % 97
        }
        return r
    }

    public var country: String { String(value.prefix(2)) }

    /// "FR76 3000 6000 0112 3456 7890 189": groups of four, as a RIB prints it.
    public var description: String { Self.grouped(Array(value)) }

    /// Only the country and the last four characters shown, the rest as dots: what a screen
    /// shows at the counter (the whole number is printed on the payment order alone).
    public var masked: String {
        let chars = Array(value)
        return Self.grouped(chars.enumerated().map { i, c in i < 2 || i >= chars.count - 4 ? c : "•" })
    }

    static func grouped(_ chars: [Character]) -> String {
        stride(from: 0, to: chars.count, by: 4).map { String(chars[$0..<min($0 + 4, chars.count)]) }.joined(separator: " ")
    }

    public init(from decoder: any Decoder) throws { try self.init(decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(value) }
}

/// Where a grant is paid: the account holder's name as the bank knows it, the IBAN and,
/// for accounts outside France, the BIC (a French payment needs the IBAN alone).
public struct BankAccount: Codable, Sendable, Equatable {
    public var holder: String
    public var iban: IBAN
    public var bic: String?

    public init(holder: String, iban: IBAN, bic: String? = nil) { self.holder = holder; self.iban = iban; self.bic = bic }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!holder.trimmingCharacters(in: .whitespaces).isEmpty, "holder", "le titulaire du compte est obligatoire")
        if let bic, !bic.isEmpty {
            let b = bic.filter { !$0.isWhitespace }
            v.check((b.count == 8 || b.count == 11) && b.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) },
                    "bic", "un BIC compte 8 ou 11 lettres et chiffres")
        }
        return v.errors
    }
}
