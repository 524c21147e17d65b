/// Who may apply for an aid scheme (brief §4, "who applies").
public enum ApplicantKind: String, Codable, Sendable, CaseIterable {
    case privateOwner, household, socialLandlord, commune, association, `operator`

    public var label: String {
        switch self {
        case .privateOwner: return "Propriétaire privé"
        case .household: return "Ménage"
        case .socialLandlord: return "Bailleur social"
        case .commune: return "Commune"
        case .association: return "Association"
        case .operator: return "Opérateur"
        }
    }

    /// Organisations carry a SIRET; households carry members and incomes.
    public var isOrganisation: Bool { self != .household && self != .privateOwner }
}
