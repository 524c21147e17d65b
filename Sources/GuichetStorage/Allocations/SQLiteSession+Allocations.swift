import Foundation
import GRDB
import GuichetCore

/// The allocation register in SQLite. Anonymous by design: no column holds a name, and the JSON
/// holds none either (the domain record has no field for one).
extension SQLiteSession {
    static let allocationTable = DocumentTable<StoredAllocationDocument>(table: "allocation", entity: "attribution", projections: [
        ("year", { $0.allocation.year }),
        ("calYear", { $0.allocation.calDecisionDate?.year }),
        ("landlordId", { $0.allocation.landlordId }),
        ("holderKind", { $0.allocation.reservationHolder?.kind.rawValue }),
        ("communeKey", { LooseName.key($0.allocation.commune) }),
        ("inQPV", { $0.allocation.inQPV }),
        ("transfer", { $0.allocation.transfer }),
        ("priority", { $0.allocation.isPriority }),
    ])

    func allocations(landlordId: String?, years: ClosedRange<Int>?) throws -> [AllocationRecord] {
        var conditions: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let landlordId { conditions.append("landlordId = ?"); args.append(landlordId) }
        if let years { conditions.append("year BETWEEN ? AND ?"); args += [years.lowerBound, years.upperBound] }
        let condition = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        var out: [AllocationRecord] = []
        let versions = Dictionary(try Row.fetchAll(db, sql: "SELECT key, version FROM allocation WHERE \(condition)",
                                                   arguments: StatementArguments(args)).map { ($0[0] as String, $0[1] as Int) },
                                  uniquingKeysWith: { a, _ in a })
        try Self.allocationTable.forEach(where: condition, arguments: StatementArguments(args), orderBy: "allocation.key", in: self) { d in
            out.append(AllocationRecord(key: d.key, version: versions[d.key] ?? 1, allocation: d.allocation,
                                        sourceName: d.sourceName, sourceLine: d.sourceLine))
        }
        return out
    }

    func allocationCount() throws -> Int { try Self.allocationTable.count(in: self) }

    func allocationCounts() throws -> AllocationCounts {
        var counts = AllocationCounts()
        for row in try Row.fetchAll(db, sql: "SELECT year, COUNT(*) FROM allocation GROUP BY year") {
            if let year = row[0] as Int? { counts.byYear[year] = row[1] } else { counts.awaitingLease = row[1] }
        }
        return counts
    }

    func insertAllocation(_ allocation: Allocation) throws -> AllocationRecord {
        try requireLandlord(allocation.landlordId)
        var key = AllocationKey.natural(allocation)
        if allocation.sneNumber.flatMap(AllocationKey.sne) != nil {
            if try Self.allocationTable.exists(key, in: self) {
                throw StoreError.constraint("Le numéro unique \(allocation.sneNumber ?? "") est déjà enregistré : "
                                            + "cette attribution figure déjà au registre.")
            }
        } else {
            // A second identical row without SNE number is a second allocation: the next rank.
            var rank = 1
            while try Self.allocationTable.exists(key, in: self) {
                rank += 1
                key = AllocationKey.natural(allocation, rank: rank)
            }
        }
        let document = StoredAllocationDocument(key: key, allocation: allocation)
        try Self.allocationTable.insert(document, key: key, in: self, action: "saisie")
        return AllocationRecord(key: key, version: 1, allocation: allocation)
    }

    func applyAllocationImport(_ rows: [ImportedAllocation], sourceName: String) throws -> AllocationImportOutcome {
        var outcome = AllocationImportOutcome(sourceName: sourceName)
        let landlordIds = Set(try String.fetchAll(db, sql: "SELECT key FROM landlord"))
        let keys = rows.map(\.key)
        var stored: [String: (StoredAllocationDocument, Int)] = [:]
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
            let found = try Row.fetchAll(db, sql: """
                SELECT t.key, t.version, d.data FROM allocation t JOIN allocation_data d ON d.ref = t.key
                WHERE t.key IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(chunk))
            for r in found { stored[r[0]] = (try Self.allocationTable.decode(r[2]), r[1]) }
        }
        var fresh: [StoredAllocationDocument] = []
        var freshIndex: [String: Int] = [:]
        for row in rows {
            if let id = row.allocation.landlordId, !landlordIds.contains(id) {
                throw StoreError.constraint("ligne \(row.line) : bailleur « \(id) » inconnu de la base : rien n'a été importé")
            }
            if let i = freshIndex[row.key] {
                fresh[i].allocation = fresh[i].allocation.merging(row.allocation, fields: row.fields)
                continue
            }
            guard let (old, version) = stored[row.key] else {
                freshIndex[row.key] = fresh.count
                fresh.append(StoredAllocationDocument(key: row.key, allocation: row.allocation, sourceName: sourceName, sourceLine: row.line))
                continue
            }
            let merged = old.allocation.merging(row.allocation, fields: row.fields)
            guard merged != old.allocation else {
                outcome.unchanged += 1
                continue
            }
            let updated = StoredAllocationDocument(key: row.key, allocation: merged, sourceName: sourceName, sourceLine: row.line)
            let newVersion = try Self.allocationTable.update(updated, key: row.key, expectedVersion: version, in: self, action: "import",
                                                             comment: "import de \(sourceName), ligne \(row.line)")
            stored[row.key] = (updated, newVersion)
            outcome.updated += 1
        }
        if !fresh.isEmpty {
            try Self.allocationTable.bulkInsert(fresh, key: \.key, in: self)
            try append(HistoryEvent(at: clock.now(), agent: agent, entity: "attribution", entityKey: "*", action: "import",
                                    changes: [], comment: "import de \(sourceName) : \(fresh.count) attribution(s) ajoutée(s)"))
        }
        outcome.imported = fresh.count
        return outcome
    }
}

/// What the allocation table holds as JSON: the allocation, its key, and its last source line.
struct StoredAllocationDocument: Codable, Sendable, Equatable {
    var key: String
    var allocation: Allocation
    var sourceName: String?
    var sourceLine: Int?
}
