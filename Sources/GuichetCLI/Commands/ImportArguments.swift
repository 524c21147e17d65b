import GuichetCore

/// What every table import of the command line shares: `--column LETTRE=champ|ignore` read into
/// the agent's column choices, and the JSON of problems and columns (line, column letter, header).
enum ImportArguments {
    /// The choices of `--column` options (nil when none), for the fields `allowed` of a kind of table.
    static func choices<F: ImportField>(_ specs: [String], allowed: [F], example: String, tableName: String) throws -> ColumnChoices? {
        guard !specs.isEmpty else { return nil }
        var c = ColumnChoices()
        for spec in specs {
            let parts = spec.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let index = columnIndex(parts[0]) else {
                throw CLIFailure("--column « \(spec) » : écrire LETTRE=champ, par exemple \(example) ou K=ignore", code: 64)
            }
            if ["ignore", "ignorer"].contains(parts[1].lowercased()) { c.ignored.insert(index); continue }
            guard let field = F(rawValue: parts[1]), allowed.contains(field) else {
                throw CLIFailure("--column « \(spec) » : champ inconnu pour \(tableName) ; champs possibles : "
                                 + allowed.map(\.rawValue).joined(separator: ", ") + ", ignore", code: 64)
            }
            c.assignments[index] = field.rawValue
        }
        return c
    }

    /// "F", "AA" or a 1-based number.
    static func columnIndex(_ text: String) -> Int? {
        if let n = Int(text), n > 0, n <= 16_384 { return n }
        let letters = text.uppercased()
        guard (1...3).contains(letters.count), letters.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else { return nil }
        return letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }

    /// A problem of the file in JSON.
    struct Issue: Encodable {
        var line: Int?
        var column: String?
        var header: String?
        var message: String
        var text: String
        init(_ i: ImportIssue) {
            line = i.line; column = i.column?.letter; header = i.column?.header; message = i.message; text = i.description
        }
    }

    /// How a column of the file was understood, in JSON.
    struct Column: Encodable {
        var column: String
        var header: String
        var field: String?
        /// recognised, corrected, assigned, ignored, ambiguous, computed, duplicate, unrecognised, empty.
        var reading: String
        var candidates: [String]
        var text: String
        init<F: ImportField>(_ c: ImportColumn<F>) {
            column = c.letter; header = c.header; field = c.field?.rawValue; reading = c.reading.how.rawValue
            candidates = c.reading.candidates; text = c.explanation
        }
    }
}
