import Foundation

/// One parameter of a territory profile with its source: what `guichet territoires` lists (the
/// defaults still to confirm, the checks left to agents) and what the PLH-quote check reads.
public struct ProfileParameter: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        /// Set by the PLH, a local decision or a national text: applied.
        case binding
        /// A value the product proposes until the service fixes one: shown, never enforced.
        case defaultValue
        /// A condition without a binding figure: the agent records it on each dossier.
        case agentCheck
    }
    /// The profile part ("schemes", "plh") and the key path in its file.
    public var part: String
    public var path: String
    /// "ACC — Ancienneté du bien".
    public var subject: String
    /// The figure in words, when there is one.
    public var value: String?
    public var source: ParameterSource
    public var status: Status
}

extension TerritoryProfile {
    /// Every sourced parameter of the schemes and the PLH, in file order.
    public var parameters: [ProfileParameter] {
        var out: [ProfileParameter] = []
        for (i, s) in (schemes?.schemes ?? []).enumerated() {
            out += s.parameters(at: "schemes[\(i)]")
        }
        for (i, a) in (plh?.actions ?? []).enumerated() {
            for (j, l) in a.allLines.enumerated() {
                out.append(ProfileParameter(part: "plh", path: "actions[\(i)].lines[\(j)].envelope.source", subject: "Action \(a.number) — \(l.label)",
                                            value: l.envelope.label, source: l.envelope.source.orDefault,
                                            status: l.envelope.source.orDefault.isBinding ? .binding : .defaultValue))
            }
        }
        return out
    }

    /// Parameters still to confirm or to be checked by agents.
    public var pendingParameters: [ProfileParameter] { parameters.filter { $0.status != .binding } }
}

extension AidScheme {
    func parameters(at prefix: String) -> [ProfileParameter] {
        var out: [ProfileParameter] = []
        func add(_ path: String, _ subject: String, _ value: String?, _ source: ParameterSource?, status: ProfileParameter.Status? = nil) {
            let s = source.orDefault
            out.append(ProfileParameter(part: "schemes", path: "\(prefix).\(path)", subject: "\(code) — \(subject)", value: value, source: s,
                                        status: status ?? (s.isBinding ? .binding : .defaultValue)))
        }
        let money = { (m: Money) in FrenchFormat.money(m, alwaysCents: false) }
        if amountRule.amount != nil || amountRule.source != nil {
            add("amountRule.source", "montant", amountRule.label, amountRule.source)
        }
        if let cap = amountRule.cap { add("amountRule.capSource", "plafond", money(cap), amountRule.capSource) }
        if envelope.hasOwnAmount { add("envelope.source", "enveloppe", envelope.label, envelope.source) }
        for (j, c) in allCoFunding.enumerated() where c.amount != nil {
            add("coFunding[\(j)].source", c.label, c.amount.map(money), c.source)
        }
        for (j, b) in allBonuses.enumerated() { add("bonuses[\(j)].source", b.label, money(b.amount), b.source) }
        for (j, c) in conditions.enumerated() {
            let checked: ProfileParameter.Status = c.isCheckedByProduct ? .binding : .agentCheck
            if c.needsFigure {
                add("conditions[\(j)].source", c.text, nil, c.source)
                add("conditions[\(j)].thresholdSource", "\(c.text) (seuil)", c.figureText ?? "aucun seuil fixé", c.thresholdSource, status: checked)
            } else {
                add("conditions[\(j)].source", c.text, nil, c.source, status: checked)
            }
        }
        if let a = antiSpeculation {
            add("antiSpeculation.source", "clause anti-spéculative (durée)", "\(a.years) ans", a.source)
            add("antiSpeculation.startSource", "clause anti-spéculative (point de départ)", a.startsFrom.label, a.startSource)
            add("antiSpeculation.repaymentSource", "clause anti-spéculative (remboursement)", a.repayment.label, a.repaymentSource)
        }
        return out
    }
}

/// The PLH's own text, to check that every quote of the profile is verbatim. Every profile
/// load (the window's opening, each command) checks its hundred-odd quotes against the 90 KB of
/// text: the text is normalised and lower-cased once, in one pass over its scalars, and quotes
/// are looked up as bytes. (Regular expressions, `lowercased()` of the whole text per title and
/// NSString searches made that check cost 1.8 billion instructions, half a second, per load.)
public struct PLHSourceText: Sendable {
    /// The normalised text as composed (NFC) UTF-8, and the same in lower case.
    let normalised: [UInt8]
    let lowercased: [UInt8]
    /// The same without the calendars' marks ("×", "X", "x" alone in a cell): a lever's label
    /// broken over two rows of its calendar reads whole.
    let withoutMarks: [UInt8]

    public init(_ text: String) {
        let text = Self.superscriptsJoined(text)
        normalised = Self.bytes(of: text, lowercased: false)
        lowercased = Self.bytes(of: text, lowercased: true)
        withoutMarks = Self.bytes(of: text.replacingOccurrences(of: "\t[×Xx]?(?=[\t\n])", with: "", options: .regularExpression),
                                  lowercased: false)
    }

    /// Table markup and emphasis of the extracted text removed, white space folded: a quote taken
    /// across a line break or a table cell still matches, a changed word does not.
    public static func normalise(_ text: String) -> String {
        String(decoding: bytes(of: superscriptsJoined(text), lowercased: false), as: UTF8.self)
    }

    /// A superscript of the extraction ("1 ^{er}") reads as printed ("1er"). Rare, so the
    /// regular expression only runs on a text that has one.
    static func superscriptsJoined(_ text: String) -> String {
        guard text.contains("^{") else { return text }
        return text.replacingOccurrences(of: #"\s*\^\{(\w+)\}"#, with: "$1", options: .regularExpression)
    }

    private static func needle(_ text: String, lowercased: Bool) -> [UInt8] {
        bytes(of: superscriptsJoined(text), lowercased: lowercased)
    }

    public func contains(quote: String) -> Bool { Self.bytes(Self.needle(quote, lowercased: false), occurIn: normalised) }
    /// A label of a calendar row, which the extraction may break over two rows.
    public func contains(calendarLabel: String) -> Bool { Self.bytes(Self.needle(calendarLabel, lowercased: false), occurIn: withoutMarks) }
    /// Titles are printed in capitals on the action sheets: compared without case.
    public func contains(title: String) -> Bool { Self.bytes(Self.needle(title, lowercased: true), occurIn: lowercased) }

    /// The normalised text as composed UTF-8, in one pass over its bytes: a tag (`<` up to the
    /// next `>`, at least one character between) becomes a space, `**` goes, every run of white
    /// space (Unicode's, line breaks and non-breaking spaces included) becomes one space, none
    /// at the ends.
    static func bytes(of text: String, lowercased: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var composedAlready = true
        var pendingSpace = false
        let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), star = UInt8(ascii: "*")
        var text = text
        text.makeContiguousUTF8()
        _ = text.utf8.withContiguousStorageIfAvailable { (bytes: UnsafeBufferPointer<UInt8>) in
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == lessThan, i + 1 < bytes.count, bytes[i + 1] != greaterThan,
                   let close = bytes[(i + 1)...].firstIndex(of: greaterThan) {
                    pendingSpace = true
                    i = close + 1
                    continue
                }
                if byte == star, i + 1 < bytes.count, bytes[i + 1] == star {
                    i += 2
                    continue
                }
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(bytes.count, i + length)
                let scalar: Unicode.Scalar
                if length == 1 {
                    scalar = Unicode.Scalar(byte)
                } else {
                    var decoder = UTF8()
                    var iterator = bytes[i..<end].makeIterator()
                    guard case .scalarValue(let decoded) = decoder.decode(&iterator) else { i = end; continue }
                    scalar = decoded
                }
                let isWhitespace = length == 1 ? byte == 0x20 || (0x09...0x0D).contains(byte) : scalar.properties.isWhitespace
                if isWhitespace {
                    pendingSpace = true
                } else {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    if length == 1 {
                        out.append(lowercased && byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                    } else {
                        if scalar.properties.canonicalCombiningClass != .notReordered { composedAlready = false }
                        if lowercased && scalar.properties.changesWhenLowercased {
                            out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                        } else {
                            out.append(contentsOf: bytes[i..<end])
                        }
                    }
                }
                i = end
            }
        }
        if composedAlready { return out }
        return Array(String(decoding: out, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether `needle` (not empty) occurs in `haystack`.
    static func bytes(_ needle: [UInt8], occurIn haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var start = haystack.startIndex
        let last = haystack.count - needle.count
        while start <= last {
            guard let found = haystack[start...last].firstIndex(of: first) else { return false }
            if haystack[found..<found + needle.count].elementsEqual(needle) { return true }
            start = found + 1
        }
        return false
    }

    /// Every PLH quote of the profile that the text does not hold, and every action title, by key path.
    public func problems(in profile: TerritoryProfile) -> [(part: String, error: ValidationError)] {
        var out: [(String, ValidationError)] = []
        for p in profile.parameters where p.source.kind == .plh {
            if let q = p.source.quote, !contains(quote: q) {
                out.append((p.part, ValidationError(field: "\(p.path).text", "citation introuvable dans le texte du PLH : « \(q) »")))
            }
        }
        for (i, a) in (profile.plh?.actions ?? []).enumerated() where !contains(title: a.title) {
            out.append(("plh", ValidationError(field: "actions[\(i)].title", "titre introuvable dans le texte du PLH : « \(a.title) »")))
        }
        out += (profile.plhActions?.problems(in: self) ?? []).map { ("plhActions", $0) }
        return out
    }
}
