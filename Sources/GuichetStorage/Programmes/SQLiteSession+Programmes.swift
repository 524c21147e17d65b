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

    /// Inserts new keys, updates changed programmes, leaves identical ones untouched. New
    /// programmes go in as one batch with one history line for it (as bulk dossier inserts do:
    /// 20,000 rows in seconds, not a minute); each update keeps its own line with the changes.
    private func upsert<P>(_ rows: [ImportedRow<P>], into table: ProgrammeTable<P>, sourceName: String,
                           outcome: inout ImportOutcome) throws {
        let stored = try table.keys(in: self)
        let existing = Dictionary(try table.documents.records(forKeys: rows.map(\.naturalKey).filter(stored.contains), in: self)
            .map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let landlordIds = Set(try String.fetchAll(db, sql: "SELECT key FROM landlord"))
        var fresh: [ProgrammeRecord<P>] = []
        for row in rows {
            if let id = row.programme.landlordId, !landlordIds.contains(id) {
                throw StoreError.constraint("ligne \(row.line) : bailleur « \(id) » inconnu de la base : rien n'a été importé")
            }
            var record = ProgrammeRecord(key: row.naturalKey, programme: row.programme, sourceName: sourceName, sourceLine: row.line)
            guard let old = existing[row.naturalKey] else {
                record.version = 1
                fresh.append(record)
                continue
            }
            if old.programme == row.programme {
                outcome.unchanged += 1
                continue
            }
            record.version = old.version
            _ = try table.update(record, expectedVersion: old.version, in: self, action: "import",
                                 comment: "import de \(sourceName), ligne \(row.line)")
            outcome.updated += 1
        }
        if !fresh.isEmpty {
            try table.documents.bulkInsert(fresh, key: \.key, in: self)
            try append(HistoryEvent(at: clock.now(), agent: agent, entity: "programme", entityKey: "*", action: "import",
                                    changes: [], comment: "import de \(sourceName) : \(fresh.count) programme(s) de \(outcome.kind.label) ajouté(s)"))
        }
        outcome.imported = fresh.count
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
