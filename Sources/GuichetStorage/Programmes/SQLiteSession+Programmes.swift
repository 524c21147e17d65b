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

    func applyImport(_ report: ImportReport, sourceName: String, acceptWideDifferences: Bool) throws -> ImportOutcome {
        guard !report.failed else {
            throw StoreError.constraint("Import de \(sourceName) refusé : le fichier comporte des erreurs bloquantes (rien n'a été enregistré).")
        }
        var outcome = ImportOutcome(sourceName: sourceName, kind: report.kind, skipped: report.skipped.count)
        switch report.kind {
        case .construction:
            try apply(report.construction, into: Self.constructionTable, sourceName: sourceName,
                      rules: report.plausibility, accept: acceptWideDifferences, outcome: &outcome)
        case .rehabilitation:
            try apply(report.rehabilitation, into: Self.rehabilitationTable, sourceName: sourceName,
                      rules: report.plausibility, accept: acceptWideDifferences, outcome: &outcome)
        }
        return outcome
    }

    /// Carries out the `ImportPlan` of the rows against the stored programmes of their families.
    /// New programmes go in as one batch with one history line for it (as bulk dossier inserts
    /// do: 20,000 rows in seconds, not a minute); each update keeps its own line with the changes.
    private func apply<P>(_ rows: [ImportedRow<P>], into table: ProgrammeTable<P>, sourceName: String,
                          rules: PlausibilityRules, accept: Bool, outcome: inout ImportOutcome) throws {
        let stored = try table.keys(in: self)
        let families = Set(rows.map { ProgrammeKey.family($0.naturalKey) })
        let related = stored.filter { families.contains(ProgrammeKey.family($0)) }
        let existing = Dictionary(try table.documents.records(forKeys: Array(related), in: self).map { ($0.key, $0) },
                                  uniquingKeysWith: { a, _ in a })
        let plan = ImportPlan(rows: rows, stored: existing.mapValues(\.programme), rules: rules, acceptWideDifferences: accept)
        let landlordIds = Set(try String.fetchAll(db, sql: "SELECT key FROM landlord"))
        for row in rows {
            if let id = row.programme.landlordId, !landlordIds.contains(id) {
                throw StoreError.constraint("ligne \(row.line) : bailleur « \(id) » inconnu de la base : rien n'a été importé")
            }
        }
        var fresh: [ProgrammeRecord<P>] = []
        var touched: Set<String> = []
        for action in plan.actions {
            switch action {
            case .insert(let key, let row):
                fresh.append(ProgrammeRecord(key: key, version: 1, programme: row.programme, sourceName: sourceName, sourceLine: row.line))
                touched.insert(key)
            case .unchanged(let key, _):
                outcome.unchanged += 1
                touched.insert(key)
            case .held(let key, _):
                outcome.held += 1
                touched.insert(key)
            case .update(let key, let row):
                guard let old = existing[key] else { continue }
                let record = ProgrammeRecord(key: key, version: old.version, programme: row.programme,
                                             sourceName: sourceName, sourceLine: row.line)
                _ = try table.update(record, expectedVersion: old.version, in: self, action: "import",
                                     comment: "import de \(sourceName), ligne \(row.line)")
                outcome.updated += 1
                touched.insert(key)
            }
        }
        if !fresh.isEmpty {
            try table.documents.bulkInsert(fresh, key: \.key, in: self)
            try append(HistoryEvent(at: clock.now(), agent: agent, entity: "programme", entityKey: "*", action: "import",
                                    changes: [], comment: "import de \(sourceName) : \(fresh.count) programme(s) de \(outcome.kind.label) ajouté(s)"))
        }
        outcome.imported = fresh.count
        outcome.reviews = plan.reviews
        outcome.notInFile = stored.subtracting(touched).count
    }

    func columnChoices(signature: String) throws -> ColumnChoices? {
        guard let json = try String.fetchOne(db, sql: "SELECT choices FROM import_column_choice WHERE signature = ?",
                                             arguments: [signature]) else { return nil }
        return try? JSONDecoder().decode(ColumnChoices.self, from: Data(json.utf8))
    }

    func saveColumnChoices(_ choices: ColumnChoices, signature: String) throws {
        if choices.isEmpty {
            try db.execute(sql: "DELETE FROM import_column_choice WHERE signature = ?", arguments: [signature])
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(choices), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO import_column_choice (signature, choices, savedAt, agent) VALUES (?, ?, ?, ?)
            ON CONFLICT(signature) DO UPDATE SET choices = excluded.choices, savedAt = excluded.savedAt, agent = excluded.agent
            """, arguments: [signature, json, ISO8601DateFormatter().string(from: clock.now()), agent])
    }

    /// A programme may name no landlord (unknown spelling kept), but never a missing one.
    func requireLandlord(_ id: String?) throws {
        guard let id else { return }
        guard try Self.landlordTable.exists(id, in: self) else {
            throw StoreError.constraint("bailleur « \(id) » inconnu de la base : ajoutez-le avant ses programmes")
        }
    }
}
