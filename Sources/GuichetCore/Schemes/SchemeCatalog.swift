/// `schemes.json`: every aid scheme of a territory.
public struct SchemeCatalog: ProfilePart, Codable, Equatable {
    public var schemes: [AidScheme]

    public init(schemes: [AidScheme]) { self.schemes = schemes }

    public func scheme(code: String) -> AidScheme? { schemes.first { $0.code == code } }

    /// Schemes whose money sits on a PLH action's budget line.
    public func schemes(budgetAction action: Int) -> [AidScheme] { schemes.filter { $0.budgetAction == action } }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!schemes.isEmpty, "schemes", "au moins un dispositif")
        var seen = Set<String>()
        for (i, s) in schemes.enumerated() {
            if !seen.insert(s.code).inserted { v.add(ValidationError(field: "schemes[\(i)].code", "code « \(s.code) » en double")) }
            v.add(s.validate(), under: "schemes[\(i)]")
        }
        let codes = Set(schemes.map(\.code))
        for (i, s) in schemes.enumerated() {
            if let other = s.envelope.fromScheme, !codes.contains(other) || other == s.code {
                v.add(ValidationError(field: "schemes[\(i)].envelope.fromScheme", "dispositif « \(other) » inconnu"))
            }
        }
        return v.errors
    }

    /// Checks against the PLH: every action a scheme names exists in it.
    public func crossCheck(plh: PLHProgramme) -> [ValidationError] {
        var v = ValidationCollector()
        for (i, s) in schemes.enumerated() {
            for (j, a) in s.actions.enumerated() where plh.action(a) == nil {
                v.add(ValidationError(field: "schemes[\(i)].actions[\(j)]", "l'action \(a) n'existe pas dans le PLH"))
            }
            if plh.action(s.budgetAction) == nil {
                v.add(ValidationError(field: "schemes[\(i)].budgetAction", "l'action \(s.budgetAction) n'existe pas dans le PLH"))
            }
        }
        return v.errors
    }
}
