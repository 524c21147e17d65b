import Foundation

/// Whether a private owner lives in the home or lets it (PO / PB): action 3's own indicator counts
/// "propriétaires occupants et propriétaires bailleurs" apart, and the adapted-dwelling condition
/// of action 11 concerns landlords' operations only.
public enum OwnerStatus: String, Codable, Sendable, CaseIterable {
    case occupant, landlord

    public var label: String {
        switch self {
        case .occupant: return "Propriétaire occupant"
        case .landlord: return "Propriétaire bailleur"
        }
    }

    /// "PO" / "PB", as the PLH and Anah write them.
    public var abbreviation: String { self == .occupant ? "PO" : "PB" }

    /// Accepts the raw value, the abbreviation or the French label, in any case and with or without accents.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased().folding(options: .diacriticInsensitive, locale: nil)
        guard let s = Self.allCases.first(where: {
            [$0.rawValue, $0.abbreviation.lowercased(), $0.label.lowercased().folding(options: .diacriticInsensitive, locale: nil)].contains(t)
        }) else { return nil }
        self = s
    }
}
