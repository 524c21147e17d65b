import Foundation
import GuichetCore

/// Programmes, landlords and conventions: lists with the rules' findings, hand edits of a
/// programme, and the import of a programme table (the engine lives in GuichetCore/Import; this
/// wrapper only runs it off the caller's thread).
extension Guichet {
    // MARK: Reading

    /// A page of construction programmes with the findings of the territory's rules.
    public func constructionPage(_ query: ProgrammeQuery) async throws -> ProgrammePage<ConstructionProgramme> {
        let rules = profile.programmeRules
        return try await storage.read { try $0.constructionPage(query, rules: rules) }
    }

    public func rehabilitationPage(_ query: ProgrammeQuery) async throws -> ProgrammePage<RehabilitationProgramme> {
        try await storage.read { try $0.rehabilitationPage(query) }
    }

    /// The stored landlords and the financing years of the programmes of `kind` (the filters of
    /// the Programmes section).
    public func programmeFilters(kind: ProgrammeTableKind) async throws -> (landlords: [Landlord], years: [Int]) {
        try await storage.read { s in
            let all: [Int?] = kind == .construction ? try s.allConstruction().map(\.financingYear.value)
                                                    : try s.allRehabilitation().map(\.financingYear.value)
            return (try s.landlords(), Set(all.compactMap { $0 }).sorted())
        }
    }

    /// The landlords and the latest year of results of their conventions.
    public func landlords() async throws -> (landlords: [Landlord], latestResultYear: Int?) {
        try await storage.read { s in (try s.landlords(), try s.conventions().flatMap { $0.results.map(\.year) }.max()) }
    }

    /// A landlord's convention and its review lines (results derived from the landlord's stored
    /// programmes when none were entered).
    public func conventionReview(landlordId: String) async throws -> (convention: Convention?, lines: [ReviewLine]) {
        try await storage.read { s in
            let c = try s.convention(landlordId: landlordId)
            let built = try s.constructionPage(ProgrammeQuery(kind: .construction, landlordId: landlordId), rules: nil).rows.map(\.record.programme)
            let renovated = try s.rehabilitationPage(ProgrammeQuery(kind: .rehabilitation, landlordId: landlordId)).rows.map(\.record.programme)
            return (c, c.map { ConventionReview.review([$0], construction: built, rehabilitation: renovated) } ?? [])
        }
    }

    // MARK: Writing

    /// Saves a programme edited by hand, read at its version; nothing is written when it is the
    /// stored one (no new version, no history line).
    public func saveConstruction(_ record: ConstructionRecord) async throws -> Saved<ConstructionRecord> {
        try await storage.write { s in
            if let stored = try s.construction(key: record.key), stored == record { return Saved(stored, changed: false) }
            return Saved(try s.updateConstruction(record, expectedVersion: record.version), changed: true)
        }
    }

    public func saveRehabilitation(_ record: RehabilitationRecord) async throws -> Saved<RehabilitationRecord> {
        try await storage.write { s in
            if let stored = try s.rehabilitation(key: record.key), stored == record { return Saved(stored, changed: false) }
            return Saved(try s.updateRehabilitation(record, expectedVersion: record.version), changed: true)
        }
    }

    /// Reads a programme table and applies it in one write transaction (`dryRun`: rolled back
    /// after counting, the preview is the real import). See `ProgrammeImportRun`.
    public func importProgrammes(_ data: Data, kind: ProgrammeTableKind, options: ProgrammeImportOptions = ProgrammeImportOptions(),
                                 sourceName: String, dryRun: Bool, acceptWideDifferences: Bool = false) async throws -> ProgrammeImportRun.Result {
        let store = storage.store
        return try await storage.detached {
            try ProgrammeImportRun.run(data, kind: kind, options: options, sourceName: sourceName, dryRun: dryRun,
                                       acceptWideDifferences: acceptWideDifferences, store: store)
        }
    }
}
