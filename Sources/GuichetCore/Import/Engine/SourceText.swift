import Foundation

/// How a table's bytes were written.
public enum SourceEncoding: String, Hashable, Sendable, Codable {
    case utf8WithBOM, utf8, windows1252, utf16LE, utf16BE
    public var label: String {
        switch self {
        case .utf8WithBOM: "UTF-8 avec BOM"
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252"
        case .utf16LE: "UTF-16 LE"
        case .utf16BE: "UTF-16 BE"
        }
    }
}

/// Decodes a table's bytes: a BOM decides, else valid UTF-8, else Windows-1252 (what French Excel
/// writes for "CSV (séparateur : point-virgule)").
enum SourceText {
    struct Decoded {
        var text: String
        var encoding: SourceEncoding
        /// Byte offsets of Windows-1252 bytes with no character (0x81, 0x8D, 0x8F, 0x90, 0x9D).
        var undefinedBytes: [Int]
    }

    static func decode(_ data: Data) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: .utf8WithBOM, undefinedBytes: [])
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: true), encoding: .utf16LE, undefinedBytes: []) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: false), encoding: .utf16BE, undefinedBytes: []) }
        if isValidUTF8(bytes) { return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, undefinedBytes: []) }
        var scalars = String.UnicodeScalarView()
        var undefined: [Int] = []
        for (offset, b) in bytes.enumerated() {
            if (0x80...0x9F).contains(b) {
                let mapped = cp1252[Int(b - 0x80)]
                if mapped == 0xFFFD { undefined.append(offset) }
                scalars.append(Unicode.Scalar(mapped)!)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return Decoded(text: String(scalars), encoding: .windows1252, undefinedBytes: undefined)
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func utf16<C: Collection>(_ bytes: C, littleEndian: Bool) -> String where C.Element == UInt8 {
        let a = Array(bytes)
        var units: [UInt16] = []
        units.reserveCapacity(a.count / 2)
        var i = 0
        while i + 1 < a.count {
            let lo = UInt16(a[littleEndian ? i : i + 1]), hi = UInt16(a[littleEndian ? i + 1 : i])
            units.append(hi << 8 | lo)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252 0x80…0x9F (the rest is Latin-1); undefined bytes become U+FFFD.
    private static let cp1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
