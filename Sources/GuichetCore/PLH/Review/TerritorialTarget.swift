/// A production target the service enters for a commune or a group of communes, a year and a
/// product (action 7: « Territorialisation des objectifs de production dans le cadre du PLH »).
/// Attainment is counted from programmes financed (PLUS, PLAI, PLS) and from assisted-ownership
/// dossiers granted (households), in the commune or the group's communes, that year.
public struct TerritorialTarget: Codable, Sendable, Equatable {
    public var scope: TargetScope
    public var year: Int
    public var product: HousingProduct
    public var dwellings: Int
    public var comment: String?
    public var agent: String
    public var enteredOn: CalendarDate

    public init(scope: TargetScope, year: Int, product: HousingProduct, dwellings: Int, comment: String? = nil,
                agent: String, enteredOn: CalendarDate) {
        self.scope = scope; self.year = year; self.product = product; self.dwellings = dwellings
        self.comment = comment; self.agent = agent; self.enteredOn = enteredOn
    }

    public var key: String { Self.key(scope: scope, year: year, product: product) }
    public static func key(scope: TargetScope, year: Int, product: HousingProduct) -> String { "\(scope.key)|\(year)|\(product.rawValue)" }

    public func sameContent(as other: TerritorialTarget) -> Bool {
        dwellings == other.dwellings && (comment ?? "") == (other.comment ?? "") && scope.name == other.scope.name
    }
}

/// A commune (INSEE code, name) or a group of the profile (id, name).
public struct TargetScope: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case commune, group }
    public var kind: Kind
    /// INSEE code of a commune, id of a group.
    public var id: String
    public var name: String

    public init(kind: Kind, id: String, name: String) { self.kind = kind; self.id = id; self.name = name }

    public var key: String { "\(kind.rawValue):\(id)" }
    public var label: String { kind == .group ? "\(name) (groupe)" : name }

    /// Reads "62765", "Saint-Omer", "groupe:pole-urbain" or a group's name against the profile's
    /// groups and the communes the product knows (name ↔ INSEE code).
    public static func resolve(_ text: String, groups: CommuneGroups?, communes: [(name: String, inseeCode: String)]) throws(ValidationError) -> TargetScope {
        let t = text.trimmingSpaces()
        let key = LooseName.key(t)
        let groupText = t.lowercased().hasPrefix("groupe:") ? String(t.dropFirst(7)) : nil
        if let g = groups?.groups.first(where: { $0.id == (groupText ?? t) || LooseName.key($0.name) == LooseName.key(groupText ?? t) }) {
            return TargetScope(kind: .group, id: g.id, name: g.name)
        }
        if groupText != nil {
            throw ValidationError(field: "territoire", "groupe de communes inconnu « \(InputLimits.quoted(t)) »" + (groups == nil ? " (le profil n'en définit aucun)" : ""))
        }
        if let code = try? InseeCode(t) {
            let name = communes.first { $0.inseeCode == code.value }?.name
                ?? groups?.groups.flatMap(\.communes).first { $0.inseeCode == code.value }?.name
            return TargetScope(kind: .commune, id: code.value, name: name ?? code.value)
        }
        if let c = communes.first(where: { LooseName.key($0.name) == key }) { return TargetScope(kind: .commune, id: c.inseeCode, name: c.name) }
        if let c = groups?.groups.flatMap(\.communes).first(where: { LooseName.key($0.name) == key }) {
            return TargetScope(kind: .commune, id: c.inseeCode, name: c.name)
        }
        throw ValidationError(field: "territoire", "commune inconnue « \(InputLimits.quoted(t)) » : donnez son code INSEE")
    }
}

/// The products of territorialised targets.
public enum HousingProduct: String, Codable, Sendable, CaseIterable {
    case plus, plai, pls, accession

    public var label: String {
        switch self {
        case .plus: "PLUS"
        case .plai: "PLAI"
        case .pls: "PLS"
        case .accession: "Accession aidée"
        }
    }

    public init?(parsing text: String) {
        let k = LooseName.key(text)
        guard let p = Self.allCases.first(where: { $0.rawValue == k || LooseName.key($0.label) == k }) else { return nil }
        self = p
    }
}

extension TerritorialTarget {
    /// Checks what the agent typed.
    public static func make(scope: TargetScope, year: Int, years: ClosedRange<Int>, product: String, dwellings: String,
                            comment: String?, agent: String, on day: CalendarDate) throws(ValidationErrors) -> TerritorialTarget {
        var errors: [ValidationError] = []
        if !years.contains(year) { errors.append(ValidationError(field: "année", "année \(year) hors de la période du PLH (\(years.lowerBound)-\(years.upperBound))")) }
        let p = HousingProduct(parsing: product)
        if p == nil { errors.append(ValidationError(field: "produit", "produit inconnu « \(InputLimits.quoted(product)) » (attendu : PLUS, PLAI, PLS ou accession)")) }
        var n: Int?
        do { n = Int(try IndicatorValue.parse(dwellings, kind: .count, field: "logements").number! / 100) } catch { errors.append(error) }
        let c = comment?.trimmingSpaces()
        guard errors.isEmpty, let p, let n else { throw ValidationErrors(errors) }
        return TerritorialTarget(scope: scope, year: year, product: p, dwellings: n, comment: (c?.isEmpty ?? true) ? nil : c, agent: agent, enteredOn: day)
    }
}
