/// Reads the cells of an allocation extract as people and tools write them. A cell that does not
/// read gives nil, and the importer says so at its line and column: nothing is guessed.
enum AllocationCells {
    /// "oui", "O", "x", "1", "vrai" / "non", "N", "0", "faux".
    static func flag(_ text: String) -> Bool? {
        switch LooseName.key(text) {
        case "oui", "o", "x", "1", "vrai", "yes", "y", "true": true
        case "non", "n", "0", "faux", "no", "false": false
        default: nil
        }
    }

    /// ISO "2024-04-02", "02/04/2024", "2/4/2024", with a time of day after it ("02/04/2024 00:00").
    static func date(_ text: String) -> CalendarDate? {
        let first = text.trimmingSpaces().split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
        return CalendarDate(parsing: first)
    }

    /// "T3", "3", "F3", "T5 et +", "T6" (counted with T5+), "T1 bis".
    static func typology(_ text: String) -> Typology? {
        var key = Substring(LooseName.key(text).replacingOccurrences(of: " ", with: ""))
        for prefix in ["type", "t", "f"] where key.hasPrefix(prefix) {
            key = key.dropFirst(prefix.count)
            break
        }
        guard let n = Int(key.prefix { $0.isNumber }) else { return nil }
        switch n {
        case 1: return .t1
        case 2: return .t2
        case 3: return .t3
        case 4: return .t4
        case 5...12: return .t5Plus
        default: return nil
        }
    }

    /// "1", "Q1", "1er quartile", "2e", "quartile 3".
    static func quartile(_ text: String) -> Int? {
        let words = LooseName.key(text).split(separator: " ").map(String.init)
        for w in words {
            let d = w.drop { $0 == "q" }.prefix { $0.isNumber }
            let rest = w.drop { $0 == "q" }.dropFirst(d.count)
            if let n = Int(d), (1...4).contains(n), ["", "er", "e", "eme", "ème", "ieme"].contains(String(rest)) { return n }
        }
        return nil
    }

    /// Number of persons, 1 to 20.
    static func householdSize(_ text: String) -> Int? {
        guard let n = CellReader.count(text).value, (1...20).contains(n) else { return nil }
        return n
    }

    /// "État", "Préfecture", "contingent préfectoral", "Commune de Béthune", "Mairie", "Action Logement",
    /// "EPCI", "CABBALR", "Département", "Bailleur", "non réservé"; anything else is another holder,
    /// named as written.
    static func holder(_ text: String, name: String? = nil) -> ReservationHolder? {
        let t = text.trimmingSpaces()
        let key = LooseName.key(t)
        guard !key.isEmpty else { return nil }
        let words = Set(key.split(separator: " ").map(String.init))
        if !words.isDisjoint(with: ["etat", "prefecture", "prefectoral", "prefet", "dreets", "ddets", "syplo"]) {
            return ReservationHolder(kind: .state)
        }
        if key.hasPrefix("action logement") || key == "al" || key.contains("1 logement") { return ReservationHolder(kind: .actionLogement) }
        if !words.isDisjoint(with: ["departement", "departemental", "cd62"]) { return ReservationHolder(kind: .departement) }
        if !words.isDisjoint(with: ["epci", "agglomeration", "agglo", "communaute", "cabbalr", "capso", "intercommunal"]) {
            return ReservationHolder(kind: .epci)
        }
        if !words.isDisjoint(with: ["commune", "mairie", "ville", "ccas", "municipal"]) {
            // "Commune de Béthune", "Ville d'Auchel": the name after the word, else the given one.
            let stripped = t.replacingOccurrences(of: #"^(?i)(commune|mairie|ville|ccas)\s*(de\s+|d['’]\s*|du\s+)?"#,
                                                  with: "", options: .regularExpression).trimmingSpaces()
            return ReservationHolder(kind: .commune, name: name ?? (stripped.isEmpty ? nil : stripped))
        }
        if !words.isDisjoint(with: ["bailleur", "reserve", "propre", "organisme"]) || key.contains("non reserve") {
            return ReservationHolder(kind: .landlord)
        }
        return ReservationHolder(kind: .other, name: name ?? t)
    }

    /// The QPV column: a flag, "hors QPV" / "en QPV", or a QPV's code or name (then in QPV).
    static func qpv(_ text: String) -> (inQPV: Bool, name: String?)? {
        if let f = flag(text) { return (f, nil) }
        let key = LooseName.key(text)
        if key.hasPrefix("hors") || key == "non qpv" || key == "pas en qpv" { return (false, nil) }
        if key == "qpv" || key == "en qpv" || key == "dans qpv" { return (true, nil) }
        // QPV codes: "QP062012", "QN06201M".
        let compact = key.replacingOccurrences(of: " ", with: "")
        if compact.count >= 6, compact.hasPrefix("qp") || compact.hasPrefix("qn") { return (true, text.trimmingSpaces()) }
        return nil
    }

    /// "Mutation" / "Première attribution", "interne" / "externe", or a flag (the column says "mutation").
    static func transfer(_ text: String) -> Bool? {
        if let f = flag(text) { return f }
        let key = LooseName.key(text)
        if key.contains("mutation") || key == "interne" || key.contains("locataire hlm") { return true }
        if key.contains("premiere attribution") || key.contains("1ere attribution") || key == "externe" || key == "entrant"
            || key.contains("nouvel entrant") { return false }
        return nil
    }

    /// A priority category of the profile whose label (or id) the text names, loosely.
    static func category(_ text: String, in categories: [PriorityCategory]) -> PriorityCategory? {
        let key = LooseName.key(text)
        guard !key.isEmpty else { return nil }
        return categories.first { LooseName.key($0.label) == key || $0.id == key.replacingOccurrences(of: " ", with: "-") }
            ?? categories.first { let l = LooseName.key($0.label); return l.contains(key) || key.contains(l) }
    }
}
