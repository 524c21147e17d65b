import GuichetCore

/// The service's identity at the head of its letters and reports: the authority, the service,
/// how to reach it, its logo. Made from the profile's `service.json`; Codable so that a letter
/// kept in a dossier reprints with the letterhead it had.
public struct Letterhead: Codable, Sendable, Equatable {
    /// "Communauté d'agglomération du Pays de Saint-Omer" (with "données fictives" for a demo).
    public var authority: String
    /// "Service Habitat — Maison de l'Habitat".
    public var service: String
    /// Postal address lines of the service.
    public var address: [String]
    /// "Tél. 03 53 01 00 00", "habitat@…", "Accueil : du lundi au vendredi…".
    public var contact: [String]
    public var logoSVG: String?

    public init(authority: String, service: String, address: [String] = [], contact: [String] = [], logoSVG: String? = nil) {
        self.authority = authority; self.service = service; self.address = address; self.contact = contact; self.logoSVG = logoSVG
    }

    /// From the profile: the territory's name unless the service names its authority.
    public init(profile: TerritoryProfile) {
        let demo = profile.manifest.demonstration && !profile.name.localizedCaseInsensitiveContains("fictive")
        let s = profile.service
        let authority = s?.authority ?? profile.name
        self.init(authority: demo && !authority.localizedCaseInsensitiveContains("fictive") ? "\(authority) (données fictives)" : authority,
                  service: s?.name ?? "Service Habitat",
                  address: s?.address?.lines ?? [],
                  contact: Letterhead.contactLines(s),
                  logoSVG: s?.logoSVG)
    }

    static func contactLines(_ s: ServiceProfile?) -> [String] {
        guard let s else { return [] }
        var lines: [String] = []
        if let p = s.phone, !p.isEmpty { lines.append("Tél. \(p)") }
        if let e = s.email, !e.isEmpty { lines.append(e) }
        if let w = s.website, !w.isEmpty { lines.append(w) }
        if let h = s.openingHours, !h.isEmpty { lines.append("Accueil \(h)") }
        return lines
    }
}

/// Whether a report is a working document or the final version (said on every page).
public enum ReportStatus: String, Sendable, Codable, CaseIterable {
    case draft = "travail"
    case final = "definitif"

    public var mention: String { self == .draft ? "Document de travail" : "Version définitive" }
}
