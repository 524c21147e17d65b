/// The communes' facts entered by the service, found for a programme by INSEE code or by name.
public struct CommuneFactsTable: Sendable {
    public let communes: [CommuneFacts]

    public init(_ communes: [CommuneFacts]) { self.communes = communes }

    /// INSEE code first (names change and repeat), then the loosely compared name.
    public func facts(commune: String, inseeCode: InseeCode? = nil) -> CommuneFacts? {
        if let code = inseeCode, let hit = communes.first(where: { $0.inseeCode == code }) { return hit }
        let key = LooseName.key(commune)
        return communes.first { LooseName.key($0.name) == key }
    }
}

extension CommuneFacts {
    /// Checks what an agent typed: a name, a population of at least 0, a share between 0 and 100 %.
    public func validated() throws(ValidationErrors) -> CommuneFacts {
        var errors: [ValidationError] = []
        if name.trimmingSpaces().isEmpty { errors.append(ValidationError(field: "nom", "le nom de la commune est obligatoire")) }
        if let p = population, p < 0 { errors.append(ValidationError(field: "population", "la population ne peut pas être négative")) }
        if let s = socialHousingShare {
            do { _ = try Percentage.validated(basisPoints: s.basisPoints, field: "tauxLogementsSociaux") } catch { errors.append(error) }
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return self
    }
}
