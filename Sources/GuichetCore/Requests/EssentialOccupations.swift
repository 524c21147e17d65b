/// Occupations of the essential-worker list (annex 2 of the CIA) as agents type them: « facteur »,
/// « EBOUEURS », « aide soignant », « auxiliaire de vie » all find their line of the annex.
public struct OccupationMatch: Sendable, Equatable {
    /// The annex's own wording of the line ("Facteurs").
    public var occupation: String
    public var group: EssentialWorkerGroup
}

public enum OccupationKey {
    /// Case, accents, punctuation (hyphens, apostrophes, « », "...") and the plural of each word
    /// are ignored: "Aides-soignants" and "aide soignant" give the same key.
    public static func key(_ text: String) -> String {
        LooseName.key(text).split(separator: " ").map { word -> String in
            var w = String(word)
            // Plural marks: "éboueurs" → "eboueur", "travaux" → "travau" (both sides alike).
            if w.count > 3, let last = w.last, last == "s" || last == "x" { w.removeLast() }
            return w
        }.joined(separator: " ")
    }

    /// The keys a line of the annex answers to: the whole line, and each of the occupations a
    /// comma separates in it ("Aides à domicile, auxiliaires de vie"); an ellipsis part is none.
    static func keys(ofLine line: String) -> [String] {
        let parts = line.split(separator: ",").map(String.init)
        let keys = [key(line)] + (parts.count > 1 ? parts.map(key) : [])
        return keys.filter { !$0.isEmpty }
    }
}

extension CotationGrid {
    /// The line of the essential-worker list `typed` names, whatever its case, accents,
    /// punctuation or plural; nil when none does.
    public func essentialOccupation(matching typed: String) -> OccupationMatch? {
        let wanted = OccupationKey.key(typed)
        guard !wanted.isEmpty else { return nil }
        for group in essentialWorkerGroups {
            for occupation in group.occupations where OccupationKey.keys(ofLine: occupation).contains(wanted) {
                return OccupationMatch(occupation: occupation, group: group)
            }
        }
        return nil
    }

    /// Every line of the list, in the annex's order, with its group (the form's choice).
    public var essentialOccupations: [OccupationMatch] {
        essentialWorkerGroups.flatMap { g in g.occupations.map { OccupationMatch(occupation: $0, group: g) } }
    }

    /// The lines whose words hold every word typed, in any order, as the agent types ("fact",
    /// "ouvrier froid"); every line when nothing is typed.
    public func essentialOccupations(containing typed: String) -> [OccupationMatch] {
        let words = OccupationKey.key(typed).split(separator: " ")
        return essentialOccupations.filter { match in
            let line = OccupationKey.key(match.occupation)
            return words.allSatisfy { line.contains($0) }
        }
    }
}
