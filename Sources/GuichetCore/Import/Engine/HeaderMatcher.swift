/// How the import understood one column's header, in words an agent can check.
public struct HeaderReading: Hashable, Sendable, Codable {
    public enum How: String, Hashable, Sendable, Codable {
        /// The header's words mean one field.
        case recognised
        /// The same, once a word one letter off was corrected.
        case corrected
        /// Chosen by the agent (now or for an earlier file with the same headers).
        case assigned
        /// Left out by the agent.
        case ignored
        /// Several fields fit equally: the agent chooses.
        case ambiguous
        /// A share or a rate ("% PLAI"): computed from other columns, not imported.
        case computed
        /// The field is already read from an earlier column.
        case duplicate
        /// No field fits.
        case unrecognised
        /// No header.
        case empty
    }
    public var how: How
    /// The header's meaningful words.
    public var words: [String]
    /// Typos corrected: as written → as understood.
    public var corrections: [String: String]
    /// Fields that fit (raw values): one when recognised, several when ambiguous.
    public var candidates: [String]

    public init(how: How, words: [String] = [], corrections: [String: String] = [:], candidates: [String] = []) {
        self.how = how; self.words = words; self.corrections = corrections; self.candidates = candidates
    }
}

/// A column of a table as the import understood it.
public struct ImportColumn<Field: ImportField>: Hashable, Sendable, Codable {
    public var index: Int
    public var header: String
    public var field: Field?
    public var reading: HeaderReading

    public init(index: Int, header: String, field: Field?, reading: HeaderReading) {
        self.index = index; self.header = header; self.field = field; self.reading = reading
    }

    public var source: SourceColumn { SourceColumn(index: index, header: header) }
    public var letter: String { source.letter }
    public var reference: String { source.reference }

    /// "colonne F (nbre de logts réhabilités) → nombre de logements (mots : nombre, logement)".
    public var explanation: String {
        let words = reading.words.isEmpty ? "" : " (mots : \(reading.words.joined(separator: ", ")))"
        func label(_ raw: String) -> String { Field(rawValue: raw).map { "« \($0.label) »" } ?? raw }
        switch reading.how {
        case .recognised: return "\(reference) → \(label(field!.rawValue))\(words)"
        case .corrected:
            let fixes = reading.corrections.sorted { $0.key < $1.key }.map { "« \($0.key) » lu « \($0.value) »" }
            return "\(reference) → \(label(field!.rawValue)) (\(fixes.joined(separator: ", ")))"
        case .assigned: return "\(reference) → \(label(field!.rawValue)) (choix de l'agent)"
        case .ignored: return "\(reference) : ignorée (choix de l'agent)"
        case .ambiguous:
            return "\(reference) : ambiguë, \(reading.candidates.map(label).joined(separator: " ou ")) ? à attribuer"
        case .computed: return "\(reference) : colonne calculée (pourcentage ou taux), non importée"
        case .duplicate: return "\(reference) : \(label(reading.candidates.first ?? "")) déjà lu dans une colonne précédente, ignorée"
        case .unrecognised: return "\(reference) : non reconnue\(words), à attribuer ou ignorer"
        case .empty: return "\(reference) : sans en-tête"
        }
    }
}

/// Matches headers to fields by meaning: the field one of whose patterns has the most words all
/// present in the header wins; a tie is ambiguous. Results are cached per header text, so a
/// header of 16,384 columns costs 16,384 look-ups at most.
public struct HeaderMatcher<Field: ImportField> {
    private struct Pattern { var field: Field; var words: Set<String> }
    private let fields: [Field]
    private let patterns: [Pattern]
    private let vocabulary: HeaderVocabulary
    private var cache: [String: HeaderReading] = [:]

    public init(fields: [Field]) {
        self.fields = fields
        var patterns: [Pattern] = []
        var words: Set<String> = []
        for f in fields {
            for p in f.headerPatterns {
                let w = Set(p.split(separator: " ").map(String.init))
                words.formUnion(w)
                patterns.append(Pattern(field: f, words: w))
            }
            words.formUnion(f.excludedWords)
        }
        self.patterns = patterns
        vocabulary = HeaderVocabulary(extraWords: Array(words))
    }

    /// The reading of one header on its own (duplicates are the caller's business).
    public mutating func read(_ header: String) -> HeaderReading {
        if let hit = cache[header] { return hit }
        let reading = compute(header)
        if cache.count < 100_000 { cache[header] = reading }
        return reading
    }

    private func compute(_ header: String) -> HeaderReading {
        let hw = HeaderWords(header, vocabulary: vocabulary)
        guard !hw.words.isEmpty else {
            return HeaderReading(how: header.trimmingSpaces().isEmpty ? .empty : .unrecognised)
        }
        let present = Set(hw.words)
        var best = 0
        var winners: [Field] = []
        var saysShare = false
        for p in patterns where p.words.isSubset(of: present) && p.field.excludedWords.isDisjoint(with: present) {
            if p.words.count > best { best = p.words.count; winners = [p.field]; saysShare = p.words.contains("pourcentage") }
            else if p.words.count == best, !winners.contains(p.field) { winners.append(p.field) }
        }
        // "% PLAI / PLUS+PLAI", "taux de T1/T2": a share computed from other columns.
        if present.contains("pourcentage") && !saysShare { return HeaderReading(how: .computed, words: hw.words) }
        let how: HeaderReading.How = hw.corrections.isEmpty ? .recognised : .corrected
        if winners.count == 1 {
            return HeaderReading(how: how, words: hw.words, corrections: hw.corrections, candidates: [winners[0].rawValue])
        }
        if winners.count > 1 {
            return HeaderReading(how: .ambiguous, words: hw.words, corrections: hw.corrections, candidates: winners.map(\.rawValue))
        }
        return HeaderReading(how: .unrecognised, words: hw.words, corrections: hw.corrections)
    }

    /// Columns of a header row: each header read, the agent's choices applied, a field read
    /// from its first column only.
    public mutating func columns(_ headers: [String], choices: ColumnChoices?) -> [ImportColumn<Field>] {
        var taken: Set<Field> = []
        var out: [ImportColumn<Field>] = []
        out.reserveCapacity(headers.count)
        // The agent's assignments take their fields first.
        var assigned: [Int: Field] = [:]
        for (i, _) in headers.enumerated() {
            if let raw = choices?.assignments[i + 1], let f = Field(rawValue: raw), fields.contains(f) {
                assigned[i + 1] = f; taken.insert(f)
            }
        }
        for (i, header) in headers.enumerated() {
            let index = i + 1
            if let f = assigned[index] {
                out.append(ImportColumn(index: index, header: header, field: f, reading: HeaderReading(how: .assigned, candidates: [f.rawValue])))
                continue
            }
            if choices?.ignored.contains(index) == true {
                out.append(ImportColumn(index: index, header: header, field: nil, reading: HeaderReading(how: .ignored)))
                continue
            }
            var reading = read(header)
            var field: Field?
            if reading.how == .recognised || reading.how == .corrected, let f = reading.candidates.first.flatMap(Field.init) {
                if taken.contains(f) { reading.how = .duplicate } else { field = f; taken.insert(f) }
            }
            out.append(ImportColumn(index: index, header: header, field: field, reading: reading))
        }
        return out
    }

    /// Distinct fields a row of headers names: how the header row is found.
    public mutating func distinctFields(_ headers: [String]) -> Int {
        var seen: Set<String> = []
        for h in headers {
            let r = read(h)
            if r.how == .recognised || r.how == .corrected, let c = r.candidates.first { seen.insert(c) }
        }
        return seen.count
    }
}

/// The agent's decisions about columns the import could not read alone (or read wrongly):
/// column position → field, and columns to leave out. Remembered per header signature.
public struct ColumnChoices: Hashable, Sendable, Codable {
    /// 1-based column → field raw value.
    public var assignments: [Int: String]
    /// 1-based columns left out.
    public var ignored: Set<Int>

    public init(assignments: [Int: String] = [:], ignored: Set<Int> = []) {
        self.assignments = assignments; self.ignored = ignored
    }

    public var isEmpty: Bool { assignments.isEmpty && ignored.isEmpty }

    /// The same headers (folded: case, accents, spaces) in the same order give the same signature.
    public static func signature(kind: String, headers: [String]) -> String {
        var trimmed = headers.map { LooseName.key(String($0.prefix(200))) }
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        let text = trimmed.joined(separator: "|")
        guard text.utf8.count > 1_000 else { return kind + "|" + text }
        // Very wide headers: a stable 64-bit FNV-1a digest (Swift's Hasher differs per process).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return kind + "|#" + String(hash, radix: 16) + "|\(trimmed.count)"
    }
}
