/// Text and numbers as XML files want them.
enum XMLText {
    /// Escapes markup characters and drops control characters XML 1.0 forbids.
    static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A machine decimal with a point, built from an integer scaled by 10^scale so no
    /// floating point is involved: (1340400, 2) → "13404.00", (3510, 4) → "0.3510".
    /// `trimZeros` drops trailing fraction zeros ("0.351").
    static func decimal(_ scaled: Int64, scale: Int, trimZeros: Bool = false) -> String {
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = scaled.magnitude
        var fraction = String(magnitude % divisor)
        fraction = String(repeating: "0", count: scale - fraction.count) + fraction
        if trimZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let sign = scaled < 0 ? "-" : ""
        let whole = String(magnitude / divisor)
        return fraction.isEmpty ? sign + whole : sign + whole + "." + fraction
    }
}
