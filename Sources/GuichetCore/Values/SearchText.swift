import Foundation

/// What an agent typed in a search box, as every list compares it: case and accents ignored,
/// split into words at spaces, hyphens, apostrophes, commas, dots and slashes, every word to be
/// found somewhere in the searched texts, in any order. "theo lecomte" finds LECOMTE Théo,
/// "saint omer" Saint-Omer, "2023 acc 10" the dossier 2023-ACC-0010.
///
/// Made once, where a query is built (the window's search box, a command's `--search`), and
/// passed as is to the store: the lists of dossiers, requests and programmes all read it.
public struct SearchText: Sendable, Hashable, CustomStringConvertible {
    /// The text as typed, trimmed (what a report says was searched).
    public let typed: String
    /// The folded words, in the order typed; empty when there is nothing to search.
    public let words: [String]

    public init(_ typed: String?) {
        let trimmed = (typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        self.typed = trimmed
        words = Self.fold(trimmed).split(whereSeparator: Self.isSeparator).map(String.init)
    }

    public static let none = SearchText(nil)

    public var isEmpty: Bool { words.isEmpty }
    public var description: String { typed }

    /// Case- and accent-insensitive form of a text ("Évelyne Dupré" → "evelyne dupre"). The
    /// searched side is stored folded the same way.
    public static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Characters that separate words in what is typed: "Saint-Omer", "l'Aa", "Dupont, Marie".
    static func isSeparator(_ c: Character) -> Bool {
        c.isWhitespace || "-‐–—'’`,;./\\_()".contains(c)
    }

    /// Whether every word is found in one of the texts, already folded.
    public func matches(folded texts: [String]) -> Bool {
        words.allSatisfy { word in texts.contains { $0.contains(word) } }
    }

    /// Whether every word is found in one of the texts (folded here).
    public func matches(_ texts: [String]) -> Bool {
        isEmpty || matches(folded: texts.map(Self.fold))
    }
}

extension SearchText: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
