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

/// The PLH's own text, to check that every quote of the profile is verbatim.
public struct PLHSourceText: Sendable {
    let normalised: SearchableText
    /// The same in lower case, made once: titles are compared without case.
    let lowercased: SearchableText
    /// The same without the calendars' marks ("×", "X", "x" alone in a cell): a lever's label
    /// broken over two rows of its calendar reads whole.
    let withoutMarks: SearchableText

    public init(_ text: String) {
        let n = Self.normalise(text)
        normalised = SearchableText(n)
        lowercased = SearchableText(n.lowercased())
        withoutMarks = SearchableText(Self.normalise(text.replacingOccurrences(of: "\t[×Xx]?(?=[\t\n])", with: "", options: .regularExpression)))
    }

    /// Table markup and emphasis of the extracted text removed, white space folded: a quote taken
    /// across a line break or a table cell still matches, a changed word does not.
    public static func normalise(_ text: String) -> String {
        var t = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: "**", with: "")
        // A superscript of the extraction ("1 ^{er}") reads as printed ("1er").
        t = t.replacingOccurrences(of: #"\s*\^\{(\w+)\}"#, with: "$1", options: .regularExpression)
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public func contains(quote: String) -> Bool { normalised.contains(Self.normalise(quote)) }
    /// A label of a calendar row, which the extraction may break over two rows.
    public func contains(calendarLabel: String) -> Bool { withoutMarks.contains(Self.normalise(calendarLabel)) }
    /// Titles are printed in capitals on the action sheets: compared without case.
    public func contains(title: String) -> Bool { lowercased.contains(Self.normalise(title).lowercased()) }

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

/// A text searched many times for exact substrings: its UTF-8 bytes (composed form), so that
/// hundreds of quotes are looked up in a 100 KB text in milliseconds, every time a profile loads.
struct SearchableText: Sendable {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.precomposedStringWithCanonicalMapping.utf8) }

    func contains(_ text: String) -> Bool {
        let needle = Array(text.precomposedStringWithCanonicalMapping.utf8)
        guard let first = needle.first else { return true }
        guard needle.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                let last = hay.count - n.count
                while i <= last {
                    if hay[i] == first {
                        var j = 1
                        while j < n.count && hay[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
