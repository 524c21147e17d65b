import Foundation

/// A commune the household wishes to live in: an INSEE code when known, else the name typed.
/// Encoded as one string ("62119" or "Béthune").
public enum WishedCommune: Codable, Sendable, Equatable, CustomStringConvertible {
    case code(InseeCode)
    case name(String)

    public init(_ text: String) {
        if let code = try? InseeCode(text) { self = .code(code) } else {
            self = .name(text.trimmingCharacters(in: .whitespaces))
        }
    }

    /// True when `query` names this commune: same INSEE code, or same name ignoring case and
    /// accents. A code never matches a name (that needs the COG table, outside the core).
    public func matches(_ query: String) -> Bool {
        matchKey == WishedCommune(query).matchKey
    }

    /// What `matches` compares: "code:62765" or "nom:saint omer" (folded). Storage indexes this
    /// key so that a SQL filter matches exactly what `matches` does.
    public var matchKey: String {
        switch self {
        case .code(let c): "code:" + c.value
        case .name(let n): "nom:" + WishedCommune.fold(n)
        }
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "-", with: " ")
    }

    public var description: String {
        switch self {
        case .code(let c): c.value
        case .name(let n): n
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Size of the dwelling wished for: T1 to T5 and more.
public enum Typology: String, Codable, Sendable, CaseIterable, Comparable {
    case t1 = "T1", t2 = "T2", t3 = "T3", t4 = "T4", t5Plus = "T5+"

    public static func < (a: Typology, b: Typology) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
