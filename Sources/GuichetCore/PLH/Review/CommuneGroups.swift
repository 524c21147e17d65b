/// Groups of communes a territory reports by (profile part `communeGroups`): the "pôles" of a
/// PLH's territorial framework, used to enter and review production targets by group. Neither
/// PLH text at hand lists CAPSO's groups: a profile defines its own, each with its source.
public struct CommuneGroups: ProfilePart, Equatable {
    public var groups: [CommuneGroup]
    /// Where the grouping comes from (a PLH volume, a local decision, or a default to confirm).
    public var source: ParameterSource

    public init(groups: [CommuneGroup], source: ParameterSource) {
        self.groups = groups
        self.source = source
    }

    public func group(_ id: String) -> CommuneGroup? { groups.first { $0.id == id } }

    /// The group a commune belongs to (INSEE code first, then its loosely compared name).
    public func group(ofCommune name: String, inseeCode: String? = nil) -> CommuneGroup? {
        if let code = inseeCode, let g = groups.first(where: { $0.communes.contains { $0.inseeCode == code } }) { return g }
        let key = LooseName.key(name)
        return groups.first { $0.communes.contains { LooseName.key($0.name) == key } }
    }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.checkUnique(groups.map(\.id), list: "groups")
        var seen: [String: String] = [:]
        for (i, g) in groups.enumerated() {
            v.check(!g.id.isEmpty && g.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "groups[\(i)].id",
                    "identifiant attendu en minuscules, chiffres et tirets")
            v.check(!g.name.trimmingSpaces().isEmpty, "groups[\(i)].name", "le nom du groupe est obligatoire")
            v.check(!g.communes.isEmpty, "groups[\(i)].communes", "au moins une commune")
            for (j, c) in g.communes.enumerated() {
                do { _ = try InseeCode(c.inseeCode, field: "inseeCode") } catch { v.add(error.prefixed("groups[\(i)].communes[\(j)]")) }
                if let other = seen[c.inseeCode], other != g.id {
                    v.add(ValidationError(field: "groups[\(i)].communes[\(j)]", "\(c.name) est déjà dans le groupe « \(other) »"))
                }
                seen[c.inseeCode] = g.id
            }
        }
        v.check(!source.text.trimmingSpaces().isEmpty, "source.text", "dire d'où vient le regroupement")
        v.add(source.validate(), under: "source")
        return v.errors
    }
}

public struct CommuneGroup: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var communes: [GroupCommune]
    public init(id: String, name: String, communes: [GroupCommune]) { self.id = id; self.name = name; self.communes = communes }
}

/// A commune of a group, by name and INSEE code (COG).
public struct GroupCommune: Codable, Sendable, Equatable {
    public var name: String
    public var inseeCode: String
    public init(name: String, inseeCode: String) { self.name = name; self.inseeCode = inseeCode }
}
