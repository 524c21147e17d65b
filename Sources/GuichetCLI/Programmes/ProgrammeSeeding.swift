import Foundation
import GuichetCore
import GuichetStorage

/// What a new database receives from a profile with landlords: the landlords, and for those the
/// CIA table lists (they have figures at signature), the agreement's objectives for every year
/// from its first full year to the current one. Published results are not seeded: they are
/// observed history, imported with `guichet conventions import-results FILE` (the demo does it).
enum ProgrammeSeeding {
    /// The CABBALR CIA was signed on 13 November 2019: 2020 is its first full year.
    static let firstAgreementYear = 2020

    static func seed(profile: TerritoryProfile, into store: any GuichetStore, currentYear: Int) throws {
        guard let landlords = profile.landlords else { return }
        try store.write { s in
            for l in landlords.landlords { try s.upsertLandlord(l) }
            guard let objectives = landlords.allocationObjectives, currentYear >= firstAgreementYear else { return }
            for l in landlords.landlords where l.stock != nil {
                var c = try s.convention(landlordId: l.id) ?? Convention(landlordId: l.id)
                for year in firstAgreementYear...currentYear where !c.objectives.contains(where: { $0.year == year }) {
                    c.objectives.append(ConventionYear(year: year, allocations: AllocationShares(objectives: objectives)))
                }
                try s.upsertConvention(c)
            }
        }
    }

    /// Imports a published results file (`cia-results-2020-2023.json`); returns agreements changed
    /// and the source names the landlords' directory does not resolve.
    static func importResults(_ data: Data, profile: TerritoryProfile, in s: any StoreSession) throws -> (changed: Int, unresolved: [String]) {
        let results = try AllocationResults.decode(data)
        guard let objectives = profile.landlords?.allocationObjectives else {
            throw CLIFailure("Le profil « \(profile.id) » ne définit pas d'objectifs d'attribution (landlords.json) : résultats non importés.")
        }
        let unresolved = results.unresolvedNames(in: try s.landlordDirectory())
        return (try s.importAllocationResults(results, objectives: objectives), unresolved)
    }
}

/// Files the demo reads: the real programme table shipped in `data/demo/` (a public table of
/// the CABBALR, 2020-2023) and the CIA results kept beside the profile.
enum ProgrammeFiles {
    static func fixture(_ name: String) -> URL? {
        guard let url = ProfileDirectory.locate()?.appendingPathComponent("demo/\(name)") else { return nil }
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The results file kept beside the profile's landlords part.
    static func allocationResults(for profile: TerritoryProfile) -> URL? {
        guard let part = profile.manifest.parts["landlords"], let data = ProfileDirectory.locate() else { return nil }
        let url = ProfileDirectory.territories(in: data).appendingPathComponent(profile.id).appendingPathComponent(part)
            .deletingLastPathComponent().appendingPathComponent("cia-results-2020-2023.json").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
