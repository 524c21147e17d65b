/// A column header reduced to the words that carry its meaning, as agents type them by hand:
/// case, accents and punctuation folded, plurals dropped, the field's abbreviations expanded
/// ("nbre de logts réhabilités" → nombre logement rehabilitation; "Subv. CA" → subvention
/// agglo), small words dropped ("de", "la", "l'"), and a word one letter away from a known
/// one corrected ("baillleurs" → bailleur).
public struct HeaderWords: Hashable, Sendable {
    /// Meaningful words, in the header's order, each in its canonical spelling.
    public var words: [String]
    /// Words corrected for a typo: as written → as understood.
    public var corrections: [String: String]

    public init(_ header: String, vocabulary: HeaderVocabulary) {
        var words: [String] = [], corrections: [String: String] = [:]
        // "%" is a word of its own: a share is a computed column, not a count.
        if header.contains("%") { words.append("pourcentage") }
        for raw in HeaderWords.split(String(header.prefix(200))) {
            let singular = HeaderWords.singular(raw)
            if HeaderVocabulary.stopWords.contains(raw) || HeaderVocabulary.stopWords.contains(singular) { continue }
            if let expanded = vocabulary.expansion(raw) ?? vocabulary.expansion(singular) {
                words += expanded
            } else if let fixed = vocabulary.correction(singular) {
                corrections[raw] = fixed.joined(separator: " ")
                words += fixed
            } else {
                words.append(singular)
            }
        }
        self.words = words
        self.corrections = corrections
    }

    /// Folded words: "P.L.A.I." → plai (runs of single letters are one acronym), "T5+" → t5.
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var acronym = ""
        for w in LooseName.key(text).split(separator: " ") {
            if w.count == 1, w.first!.isLetter { acronym += w; continue }
            if !acronym.isEmpty { words.append(acronym); acronym = "" }
            words.append(String(w))
        }
        if !acronym.isEmpty { words.append(acronym) }
        return words
    }

    /// "logements" → logement, "bailleurs" → bailleur; words of four letters or less are kept
    /// ("plus" is a product, not a plural).
    static func singular(_ word: String) -> String {
        guard word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") else { return word }
        return String(word.dropLast())
    }
}

/// The words a kind of table's headers are made of: canonical words and the spellings that
/// stand for them. `common` holds the housing field's abbreviations; an import adds its fields'
/// own words.
public struct HeaderVocabulary: Sendable {
    private var expansions: [String: [String]] = [:]
    /// Spellings of five letters or more by length, for the one-typo correction.
    private var byLength: [Int: [String]] = [:]

    /// Spelling → canonical word(s) of social-housing tables (CIA, PLH, DDTM, landlords' extracts).
    public static let common: [String: String] = [
        "nbre": "nombre", "nb": "nombre", "nbr": "nombre", "nombre": "nombre", "n": "nombre", "no": "nombre",
        "logts": "logement", "logt": "logement", "lgts": "logement", "lgt": "logement", "log": "logement",
        "logement": "logement", "lls": "logement", "llts": "logement", "lgmt": "logement", "lgmts": "logement",
        "rehab": "rehabilitation", "reha": "rehabilitation", "rehabilite": "rehabilitation",
        "rehabilitee": "rehabilitation", "rehabilitation": "rehabilitation", "rehabiliter": "rehabilitation",
        "subv": "subvention", "sub": "subvention", "subvention": "subvention", "aide": "subvention",
        "subventionnement": "subvention", "dotation": "subvention",
        "agglo": "agglo", "agglomeration": "agglo", "epci": "agglo", "ca": "agglo", "cabbalr": "agglo",
        "capso": "agglo", "communaute": "agglo", "interco": "agglo", "intercommunalite": "agglo",
        "etat": "etat", "dreal": "etat", "ddtm": "etat",
        "financt": "financement", "financ": "financement", "financement": "financement", "finance": "financement",
        "financee": "financement", "financer": "financement", "fin": "financement",
        "pc": "permis", "permis": "permis",
        "annee": "annee", "an": "annee", "millesime": "annee", "exercice": "annee",
        "op": "operation", "ope": "operation", "oper": "operation", "operation": "operation",
        "cne": "commune", "commune": "commune", "ville": "commune", "com": "commune", "localite": "commune",
        "bail": "bailleur", "bailleur": "bailleur", "organisme": "bailleur", "moa": "bailleur", "mo": "bailleur",
        "etiq": "etiquette", "etiquette": "etiquette", "dpe": "etiquette", "classe": "etiquette",
        "energie": "energie", "energetique": "energie", "ener": "energie",
        "av": "avant", "avant": "avant", "initial": "avant", "initiale": "avant", "actuel": "avant", "actuelle": "avant",
        "ap": "apres", "apres": "apres", "vise": "apres", "visee": "apres", "final": "apres", "finale": "apres",
        "projete": "apres", "projetee": "apres",
        "trvx": "travaux", "tvx": "travaux", "trav": "travaux", "travaux": "travaux",
        "mt": "montant", "mnt": "montant", "montant": "montant",
        "statut": "statut", "avancement": "statut", "situation": "statut",
        "adr": "adresse", "adresse": "adresse",
        "prog": "programme", "programme": "programme", "projet": "programme",
        "tot": "total", "total": "total", "totaux": "total", "totale": "total",
        "taux": "pourcentage", "tx": "pourcentage", "part": "pourcentage", "ratio": "pourcentage",
        "pourcentage": "pourcentage", "pct": "pourcentage",
        "adapte": "adapte", "adaptee": "adapte", "pla": "plai",
        "aa": "acquisition", "acq": "acquisition", "acquisition": "acquisition", "amelioration": "acquisition",
        "cog": "insee", "insee": "insee",
        "libelle": "nom", "intitule": "nom", "designation": "nom", "denomination": "nom",
        "typologie": "type", "typo": "type",
    ]
    /// Spellings that stand for several words.
    public static let commonPhrases: [String: [String]] = [
        "plaia": ["plai", "adapte"], "plaio": ["plai"], "t1bis": ["t1"], "t6": ["t5"], "t7": ["t5"],
    ]
    /// Words that say nothing about the column.
    public static let stopWords: Set<String> = [
        "de", "du", "des", "la", "le", "les", "l", "d", "en", "et", "a", "au", "aux", "par", "pour", "sur", "dont",
        "un", "une", "the", "of", "ou", "y", "compris", "eur", "euro", "euros", "e",
    ]

    /// `extra`: words an import adds (its fields' canonical words map to themselves).
    public init(extraWords: [String] = []) {
        for (spelling, word) in Self.common { expansions[spelling] = [word] }
        for (spelling, words) in Self.commonPhrases { expansions[spelling] = words }
        for w in Set(Self.common.values).union(extraWords) where expansions[w] == nil { expansions[w] = [w] }
        for spelling in expansions.keys where spelling.count >= 5 { byLength[spelling.count, default: []].append(spelling) }
        for k in byLength.keys { byLength[k]!.sort() }
    }

    func expansion(_ word: String) -> [String]? { expansions[word] }

    /// The one canonical word (or spelling) one edit away from `word`, when there is exactly one;
    /// only for words of five letters or more (shorter ones collide: "plus"/"pls").
    func correction(_ word: String) -> [String]? {
        guard word.count >= 5, word.count <= 30 else { return nil }
        var found: Set<[String]> = []
        for length in (word.count - 1)...(word.count + 1) {
            for spelling in byLength[length] ?? [] where Self.withinOneEdit(word, spelling) {
                found.insert(expansions[spelling]!)
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// Levenshtein distance ≤ 1, in one pass.
    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > 1 { return false }
        var i = 0, j = 0, edits = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if x.count < y.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }
}
