/// A commune of the official geographic code (COG, INSEE): its code, its name as the COG writes
/// it, its postcodes (La Poste) and its intercommunality (SIREN of the EPCI). The territory's
/// communes come from the COG list of its département kept in `data/communes/`.
public struct COGCommune: Sendable, Hashable {
    public var insee: String
    public var name: String
    public var postcodes: [String]
    public var epci: String

    public init(insee: String, name: String, postcodes: [String], epci: String) {
        self.insee = insee; self.name = name; self.postcodes = postcodes; self.epci = epci
    }

    /// "Saint-Omer (62500)", as a suggestion shows it.
    public var label: String { postcodes.isEmpty ? name : "\(name) (\(postcodes.joined(separator: ", ")))" }

    /// The name's words, folded ("saint", "omer").
    var words: [String] { SearchText(name).words }

    /// Communes whose name holds every typed word at the start of one of its words (any order,
    /// accents, case and hyphens ignored: "st omer" is not a name, "saint omer" and "omer" are),
    /// or whose postcode or INSEE code starts with a typed number; the closest first.
    public static func matching(_ typed: SearchText, in communes: [COGCommune]) -> [COGCommune] {
        guard !typed.isEmpty else { return [] }
        let hits = communes.filter { c in
            let words = c.words
            return typed.words.allSatisfy { w in
                words.contains { $0.hasPrefix(w) } || c.insee.hasPrefix(w) || c.postcodes.contains { $0.hasPrefix(w) }
            }
        }
        let wanted = typed.words.joined(separator: " ")
        func rank(_ c: COGCommune) -> Int {
            let name = c.words.joined(separator: " ")
            return name == wanted ? 0 : (name.hasPrefix(wanted) ? 1 : 2)
        }
        return hits.sorted { (rank($0), SearchText.fold($0.name)) < (rank($1), SearchText.fold($1.name)) }
    }

    /// The commune the text names exactly ("saint omer" → Saint-Omer), nil when none or several.
    public static func named(_ text: String, in communes: [COGCommune]) -> COGCommune? {
        let wanted = SearchText(text).words
        guard !wanted.isEmpty else { return nil }
        let found = communes.filter { $0.words == wanted }
        return found.count == 1 ? found[0] : nil
    }

    /// Reads the COG list (`code_insee;nom;codes_postaux;epci_siren;epci_nom`, postcodes
    /// separated by spaces, a header line); a malformed line is an error naming it.
    public static func parse(csv text: String) throws(ValidationError) -> [COGCommune] {
        var out: [COGCommune] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 4, cells[0].count == 5, !cells[1].isEmpty else {
                throw ValidationError(field: "ligne \(index + 1)", "ligne illisible (attendu : code INSEE;nom;codes postaux;EPCI)")
            }
            out.append(COGCommune(insee: cells[0], name: cells[1], postcodes: cells[2].split(separator: " ").map(String.init), epci: cells[3]))
        }
        return out
    }
}

/// The `communes` part of a profile (`communes.json`): which COG list, and which of its
/// communes are the territory's (its EPCI, by SIREN; several for a demonstration territory).
public struct CommunesPart: ProfilePart, Equatable {
    /// Path of the COG list, relative to this file (`../../communes/62.csv`).
    public var cog: String
    public var epci: [String]
    public var source: String?

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!cog.isEmpty, "cog", "le fichier du code officiel géographique est obligatoire")
        v.check(!epci.isEmpty && epci.allSatisfy { $0.count == 9 && $0.allSatisfy(\.isNumber) }, "epci",
                "au moins un SIREN d’EPCI (9 chiffres)")
        return v.errors
    }
}
