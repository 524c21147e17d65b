/// The rules of one territory, read from `data/territories/<id>/`: data the housing service
/// can read and edit, not code. A profile names its parts by file; a part may be borrowed from
/// another territory (`../capso/plh.json`), which is how the `demo` profile merges a PLH with a CIA.
public struct TerritoryProfile: Sendable {
    public var manifest: TerritoryManifest
    public var plh: PLHProgramme?
    public var schemes: SchemeCatalog?
    public var cotation: CotationGrid?
    public var landlords: LandlordsProfile?
    public var programmeRules: ProgrammeRules?
    /// The territory's communes from the official geographic code (empty without a `communes` part).
    public var communes: [COGCommune] = []
    /// The service's letterhead, signatory and letter rules (`service.json`).
    public var service: ServiceProfile?
    /// The PLH's action sheets: objectives, levers, partners, result indicators (yearly review).
    public var plhActions: PLHActionSheets?
    /// Groups of communes the territory reports by ("pôles"), for territorialised targets.
    public var communeGroups: CommuneGroups?

    public var id: String { manifest.id }
    public var name: String { manifest.name }

    public init(manifest: TerritoryManifest) { self.manifest = manifest }
}

/// `territory.json`: who the territory is, which parts it has, its general parameters.
public struct TerritoryManifest: ProfilePart, Equatable {
    public var id: String
    public var name: String
    public var shortName: String
    /// True for a demonstration profile: the window and every report say so.
    public var demonstration: Bool
    /// Part name → file path relative to this manifest.
    public var parts: [String: String]
    public var retention: RetentionRules

    public static let knownParts: Set<String> = ["plh", "schemes", "cotation", "landlords", "programmeRules", "communes", "service", "plhActions", "communeGroups"]

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!id.isEmpty && id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "id",
                "identifiant attendu en minuscules, chiffres et tirets")
        v.check(!name.trimmingCharacters(in: .whitespaces).isEmpty, "name", "le nom est obligatoire")
        v.check(!shortName.isEmpty, "shortName", "le nom court est obligatoire")
        for key in parts.keys.sorted() where !Self.knownParts.contains(key) {
            v.add(ValidationError(field: "parts.\(key)", "partie inconnue (attendu : \(Self.knownParts.sorted().joined(separator: ", ")))"))
        }
        v.add(retention.validate(), under: "retention")
        return v.errors
    }
}

/// RGPD retention periods (brief §9): both are **default** parameters of the profile.
public struct RetentionRules: Codable, Sendable, Equatable {
    /// Closed aid files are purged this many years after closing (default 5).
    public var closedDossierYears: Int
    /// Social-housing requests are purged this many years after being struck off (national rule: 1).
    public var struckOffRequestYears: Int
    /// Agents are warned this many days before a purge (default 14).
    public var warningDays: Int

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(closedDossierYears >= 1, "closedDossierYears", "doit être ≥ 1")
        v.check(struckOffRequestYears >= 1, "struckOffRequestYears", "doit être ≥ 1")
        v.check(warningDays >= 0, "warningDays", "doit être ≥ 0")
        return v.errors
    }
}

import Foundation
