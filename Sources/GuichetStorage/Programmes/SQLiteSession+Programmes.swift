import Foundation
import GRDB
import GuichetCore

/// Construction and rehabilitation programmes in SQLite, and the import of a programme table.
extension SQLiteSession {
    static let constructionTable = ProgrammeTable<ConstructionProgramme>(table: "construction_programme")
    static let rehabilitationTable = ProgrammeTable<RehabilitationProgramme>(table: "rehabilitation_programme")

    func insertConstruction(_ record: ConstructionRecord) throws -> ConstructionRecord {
        try Self.constructionTable.insert(record, in: self)
    }
    func insertRehabilitation(_ record: RehabilitationRecord) throws -> RehabilitationRecord {
        try Self.rehabilitationTable.insert(record, in: self)
    }
    func updateConstruction(_ record: ConstructionRecord, expectedVersion: Int) throws -> ConstructionRecord {
        try Self.constructionTable.update(record, expectedVersion: expectedVersion, in: self)
    }
    func updateRehabilitation(_ record: RehabilitationRecord, expectedVersion: Int) throws -> RehabilitationRecord {
        try Self.rehabilitationTable.update(record, expectedVersion: expectedVersion, in: self)
    }
    func construction(key: String) throws -> ConstructionRecord? { try Self.constructionTable.fetch(key, in: self) }
    func rehabilitation(key: String) throws -> RehabilitationRecord? { try Self.rehabilitationTable.fetch(key, in: self) }

    func constructionPage(_ query: ProgrammeQuery, rules: ProgrammeRules?) throws -> ProgrammePage<ConstructionProgramme> {
        try Self.constructionTable.page(query, in: self, findings: try findingsFunction(rules))
    }

    func rehabilitationPage(_ query: ProgrammeQuery) throws -> ProgrammePage<RehabilitationProgramme> {
        try Self.rehabilitationTable.page(query, in: self) { _ in [] }
    }

    func countProgrammes(_ query: ProgrammeQuery, rules: ProgrammeRules?) throws -> Int {
        switch query.kind {
        case .construction: try Self.constructionTable.count(query, in: self, findings: try findingsFunction(rules))
        case .rehabilitation: try Self.rehabilitationTable.count(query, in: self) { _ in [] }
        }
    }

    /// The rules' findings against the stored commune facts (read once per list).
    private func findingsFunction(_ rules: ProgrammeRules?) throws -> (ConstructionProgramme) -> [RuleFinding] {
        guard let rules else { return { _ in [] } }
        let facts = CommuneFactsTable(try communeFacts())
        return { p in rules.check(p, commune: facts.facts(commune: p.commune, inseeCode: p.inseeCode)) }
    }

    func applyImport(_ report: ImportReport, sourceName: String) throws -> ImportOutcome {
        guard !report.failed else {
            throw StoreError.constraint("Import de \(sourceName) refusé : le fichier comporte des erreurs bloquantes (rien n'a été enregistré).")
        }
        var outcome = ImportOutcome(sourceName: sourceName, kind: report.kind, skipped: report.skipped.count)
        switch report.kind {
        case .construction:
            try upsert(report.construction, into: Self.constructionTable, sourceName: sourceName, outcome: &outcome)
        case .rehabilitation:
            try upsert(report.rehabilitation, into: Self.rehabilitationTable, sourceName: sourceName, outcome: &outcome)
        }
        return outcome
    }

    /// Inserts new keys, updates changed programmes, leaves identical ones untouched.
    private func upsert<P>(_ rows: [ImportedRow<P>], into table: ProgrammeTable<P>, sourceName: String,
                           outcome: inout ImportOutcome) throws {
        let stored = try table.keys(in: self)
        for row in rows {
            let comment = "import de \(sourceName), ligne \(row.line)"
            let record = ProgrammeRecord(key: row.naturalKey, programme: row.programme, sourceName: sourceName, sourceLine: row.line)
            guard let existing = try table.fetch(row.naturalKey, in: self) else {
                _ = try table.insert(record, in: self, comment: comment)
                outcome.imported += 1
                continue
            }
            if existing.programme == row.programme {
                outcome.unchanged += 1
                continue
            }
            var changed = record
            changed.version = existing.version
            _ = try table.update(changed, expectedVersion: existing.version, in: self, action: "import", comment: comment)
            outcome.updated += 1
        }
        outcome.notInFile = stored.subtracting(rows.map(\.naturalKey)).count
    }

    /// A programme may name no landlord (unknown spelling kept), but never a missing one.
    func requireLandlord(_ id: String?) throws {
        guard let id else { return }
        guard try Self.landlordTable.exists(id, in: self) else {
            throw StoreError.constraint("bailleur « \(id) » inconnu de la base : ajoutez-le avant ses programmes")
        }
    }
}
