import Foundation
import GRDB
import GuichetCore

/// Landlords, commune facts and conventions in SQLite. These are small tables; an upsert writes
/// (and leaves a history line) only when the record changed.
extension SQLiteSession {
    static let landlordTable = DocumentTable<Landlord>(table: "landlord", entity: "bailleur", projections: [
        ("name", { $0.name }), ("nameFold", { ProgrammeQuery.fold($0.name) }),
    ])
    static let communeTable = DocumentTable<CommuneFacts>(table: "commune_facts", entity: "commune", projections: [
        ("name", { $0.name }),
    ])
    static let conventionTable = DocumentTable<Convention>(table: "convention", entity: "convention", projections: [])
    static let agglomerationTable = DocumentTable<AgglomerationResults>(table: "agglomeration_results",
                                                                        entity: "résultats d'agglomération", projections: [])

    /// Inserts, or replaces when different (last save wins: these records carry no version).
    func upsertDocument<R: Codable & Equatable>(_ record: R, key: String, in table: DocumentTable<R>) throws -> Bool {
        guard let (stored, version) = try table.fetch(key, in: self) else {
            try table.insert(record, key: key, in: self)
            return true
        }
        guard stored != record else { return false }
        try table.update(record, key: key, expectedVersion: version, in: self)
        return true
    }

    func landlords() throws -> [Landlord] { try Self.landlordTable.fetchAll(orderBy: "nameFold, key", in: self) }
    func landlord(id: String) throws -> Landlord? { try Self.landlordTable.fetch(id, in: self)?.0 }

    func upsertLandlord(_ landlord: Landlord) throws -> Bool {
        guard !landlord.id.isEmpty, !landlord.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.constraint("un bailleur doit avoir un identifiant et un nom")
        }
        return try upsertDocument(landlord, key: landlord.id, in: Self.landlordTable)
    }

    func addLandlordAlias(_ alias: String, landlordId: String) throws -> Landlord {
        let all = try landlords()
        guard var l = all.first(where: { $0.id == landlordId }) else { throw StoreError.notFound(entity: "bailleur", key: landlordId) }
        let trimmed = alias.trimmingCharacters(in: .whitespaces)
        guard !LooseName.key(trimmed).isEmpty else { throw StoreError.constraint("alias vide") }
        if let other = LandlordDirectory(all).match(trimmed) {
            if other.id == landlordId { return l }
            throw StoreError.constraint("« \(trimmed) » désigne déjà le bailleur \(other.name) (\(other.id))")
        }
        l.aliases.append(trimmed)
        _ = try upsertDocument(l, key: l.id, in: Self.landlordTable)
        return l
    }

    func communeFacts() throws -> [CommuneFacts] { try Self.communeTable.fetchAll(orderBy: "key", in: self) }

    func upsertCommuneFacts(_ facts: CommuneFacts) throws -> Bool {
        let valid = try facts.validated()
        return try upsertDocument(valid, key: LooseName.key(valid.name), in: Self.communeTable)
    }

    func conventions() throws -> [Convention] { try Self.conventionTable.fetchAll(in: self) }
    func convention(landlordId: String) throws -> Convention? { try Self.conventionTable.fetch(landlordId, in: self)?.0 }

    func upsertConvention(_ convention: Convention) throws -> Bool {
        guard try Self.landlordTable.exists(convention.landlordId, in: self) else {
            throw StoreError.notFound(entity: "bailleur", key: convention.landlordId)
        }
        return try upsertDocument(convention, key: convention.landlordId, in: Self.conventionTable)
    }

    func agglomerationResults() throws -> AgglomerationResults? { try Self.agglomerationTable.fetch("agglomeration", in: self)?.0 }

    func setAgglomerationResults(_ results: AgglomerationResults) throws {
        _ = try upsertDocument(results, key: "agglomeration", in: Self.agglomerationTable)
    }
}
