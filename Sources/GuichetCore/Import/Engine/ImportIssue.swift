/// A column of the source table: 1-based position and header as written.
public struct SourceColumn: Hashable, Sendable, Codable {
    public var index: Int
    public var header: String

    public init(index: Int, header: String) { self.index = index; self.header = header }

    /// "A", "B", … "Z", "AA" as spreadsheets name columns.
    public var letter: String { SourceColumn.letter(index) }

    public static func letter(_ index: Int) -> String {
        var n = index, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// "colonne D (BAILLEURS)"; long headers are cut so a message stays readable.
    public var reference: String {
        header.isEmpty ? "colonne \(letter)" : "colonne \(letter) (\(ImportText.cut(header, 60)))"
    }
}

/// A problem met while importing, located by line and column, in French.
public struct ImportIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The row or file is wrong; `strict` imports stop on it.
        case error
        /// Kept as given, to be looked at.
        case warning
    }
    public var severity: Severity
    /// 1-based physical line of the file; nil for the file as a whole.
    public var line: Int?
    public var column: SourceColumn?
    public var message: String

    public init(_ severity: Severity, line: Int?, column: SourceColumn? = nil, _ message: String) {
        self.severity = severity; self.line = line; self.column = column; self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("ligne \(line)") }
        if let column { place.append(column.reference) }
        let prefix = severity == .error ? "Erreur" : "Attention"
        return place.isEmpty ? "\(prefix) : \(message)" : "\(prefix), \(place.joined(separator: ", ")) : \(message)"
    }
}

extension [ImportIssue] {
    /// At most `limit` issues, errors first kept; the rest summed up in one closing line so that a
    /// file of a million bad cells still gives a readable report.
    func capped(_ limit: Int) -> [ImportIssue] {
        guard count > limit else { return self }
        let errors = filter { $0.severity == .error }, warnings = filter { $0.severity == .warning }
        let keptErrors = Array(errors.prefix(limit)), keptWarnings = Array(warnings.prefix(limit - keptErrors.count))
        let leftErrors = errors.count - keptErrors.count, leftWarnings = warnings.count - keptWarnings.count
        var out = keptErrors + keptWarnings
        out.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        out.append(ImportIssue(leftErrors > 0 ? .error : .warning, line: nil,
            "\(leftErrors + leftWarnings) autre(s) problème(s) non détaillé(s) (\(leftErrors) erreur(s), "
            + "\(leftWarnings) avertissement(s)) : seuls les \(limit) premiers sont listés"))
        return out
    }
}

/// Text helpers for messages.
public enum ImportText {
    /// A value quoted in a message, cut to `max` characters so that a 10 MB cell is never echoed whole.
    public static func cut(_ text: String, _ max: Int = 80) -> String {
        guard text.count > max else { return text }
        return String(text.prefix(max)) + "… (\(text.count) caractères)"
    }
}
