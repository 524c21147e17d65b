/// What a cell of a column holds, for the engine: figures are what TOTAL rows add up and what
/// makes a row worth importing.
public enum CellKind: String, Hashable, Sendable, Codable {
    case text, year, count, money
    public var isFigure: Bool { self == .count || self == .money }
}

/// A canonical column of some kind of table (programmes, allocation extracts…), described by
/// meaning: the words that say it, and words that say it is something else.
public protocol ImportField: Hashable, Sendable, Codable, CaseIterable, RawRepresentable where RawValue == String {
    /// French name used in messages and in the column choices ("nombre de logements").
    var label: String { get }
    /// Phrases in canonical header words (see `HeaderVocabulary`): a header meaning this field
    /// holds every word of one of them ("subvention etat", "logement").
    var headerPatterns: [String] { get }
    /// A header holding one of these words does not mean this field ("annee" is not the
    /// financing year when it says "permis").
    var excludedWords: Set<String> { get }
    var cellKind: CellKind { get }
}

extension ImportField {
    public var excludedWords: Set<String> { [] }
}
