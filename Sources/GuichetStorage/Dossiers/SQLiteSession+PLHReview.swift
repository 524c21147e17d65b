import Foundation
import GRDB
import GuichetCore

/// The PLH review's entries in SQLite, and the light reads the review needs. A save that
/// changes nothing writes nothing: no new version, no history line.
extension SQLiteSession {
    static let indicatorValues = DocumentTable<EnteredIndicatorValue>(table: "plh_indicator_value", entity: PLHReviewEntity.indicator, projections: [
        ("year", { $0.year }), ("action", { $0.action }),
    ])
    static let leverProgresses = DocumentTable<LeverProgress>(table: "plh_lever_progress", entity: PLHReviewEntity.lever, projections: [
        ("year", { $0.year }), ("action", { $0.action }),
    ])
    static let territorialTargets = DocumentTable<TerritorialTarget>(table: "plh_territorial_target", entity: PLHReviewEntity.target, projections: [
        ("year", { $0.year }),
    ])

    static func yearCondition(_ years: ClosedRange<Int>?) -> (String, StatementArguments) {
        guard let years else { return ("1", []) }
        return ("year BETWEEN ? AND ?", [years.lowerBound, years.upperBound])
    }

    func enteredIndicatorValues(years: ClosedRange<Int>?) throws -> [EnteredIndicatorValue] {
        let (c, a) = Self.yearCondition(years)
        return try Self.indicatorValues.fetchAll(where: c, arguments: a, in: self)
    }

    func leverProgress(years: ClosedRange<Int>?) throws -> [LeverProgress] {
        let (c, a) = Self.yearCondition(years)
        return try Self.leverProgresses.fetchAll(where: c, arguments: a, in: self)
    }

    func territorialTargets(years: ClosedRange<Int>?) throws -> [TerritorialTarget] {
        let (c, a) = Self.yearCondition(years)
        return try Self.territorialTargets.fetchAll(where: c, arguments: a, in: self)
    }

    /// Inserts or updates a record unless its content is the stored one; history says what changed.
    private func save<R: Codable & Sendable>(_ table: DocumentTable<R>, _ record: R, key: String, same: (R, R) -> Bool) throws -> Bool {
        guard let (stored, version) = try table.fetch(key, in: self) else {
            try table.insert(record, key: key, in: self, action: "saisie")
            return true
        }
        guard !same(stored, record) else { return false }
        try table.update(record, key: key, expectedVersion: version, in: self, action: "modification")
        return true
    }

    func saveIndicatorValue(_ value: EnteredIndicatorValue) throws -> Bool {
        try save(Self.indicatorValues, value, key: value.key) { $0.sameContent(as: $1) }
    }

    func saveLeverProgress(_ progress: LeverProgress) throws -> Bool {
        try save(Self.leverProgresses, progress, key: progress.key) { $0.sameContent(as: $1) }
    }

    func saveTerritorialTarget(_ target: TerritorialTarget) throws -> Bool {
        try save(Self.territorialTargets, target, key: target.key) { $0.sameContent(as: $1) }
    }

    func removeTerritorialTarget(key: String) throws -> Bool {
        guard let (stored, _) = try Self.territorialTargets.fetch(key, in: self) else { return false }
        try db.execute(sql: "DELETE FROM plh_territorial_target WHERE key = ?", arguments: [key])
        try recordChange(entity: PLHReviewEntity.target, key: key, action: "suppression", old: stored, new: nil as TerritorialTarget?)
        return true
    }

    /// Read from the narrow columns and a few JSON paths of each dossier, never the whole record:
    /// no name, no address, no household member leaves the database here.
    func dossierReviewFacts(years: ClosedRange<Int>) throws -> [DossierReviewFacts] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.key, d.scheme, d.plhAction, d.status, d.grantedCents, d.receivedOn, d.commune,
                   json_extract(x.data, '$.grant.date') AS grantedOn,
                   json_extract(x.data, '$.property.dwellings') AS dwellings,
                   json_extract(x.data, '$.property.adaptedDwellings') AS adapted,
                   json_extract(x.data, '$.property.inseeCode') AS insee,
                   json_extract(x.data, '$.applicant.kind') AS kind,
                   json_extract(x.data, '$.applicant.organisation.name') AS organisation,
                   json_extract(x.data, '$.applicant.ownerStatus') AS ownerStatus
            FROM dossier d JOIN dossier_data x ON x.ref = d.key
            WHERE d.budgetYear BETWEEN ? AND ? OR d.receivedOn BETWEEN ? AND ?
            ORDER BY d.key
            """, arguments: [years.lowerBound, years.upperBound, "\(years.lowerBound)-01-01", "\(years.upperBound)-12-31"])
        var out: [DossierReviewFacts] = []
        while let r = try rows.next() {
            guard let status = DossierStatus(rawValue: r["status"]) else { continue }
            let kind = ApplicantKind(rawValue: r["kind"] ?? "") ?? .household
            out.append(DossierReviewFacts(
                number: r["key"], scheme: r["scheme"], plhAction: r["plhAction"] ?? 0, status: status,
                grantedOn: (r["grantedOn"] as String?).flatMap(CalendarDate.init(parsing:)),
                receivedOn: (r["receivedOn"] as String?).flatMap(CalendarDate.init(parsing:)),
                dwellings: r["dwellings"] ?? 1, adaptedDwellings: r["adapted"] ?? 0,
                householdApplicant: !kind.isOrganisation, ownerStatus: r["ownerStatus"],
                commune: r["commune"] ?? "", inseeCode: r["insee"] ?? "",
                organisation: kind.isOrganisation ? r["organisation"] : nil, grantedAmount: Money(cents: r["grantedCents"] ?? 0)))
        }
        return out
    }

    func requestsRegisteredByYear(years: ClosedRange<Int>) throws -> [Int: Int] {
        var out: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT CAST(substr(requestDate, 1, 4) AS INTEGER) AS y, COUNT(*) AS n FROM request
            WHERE requestDate BETWEEN ? AND ? GROUP BY y
            """, arguments: ["\(years.lowerBound)-01-01", "\(years.upperBound)-12-31"]) {
            out[row["y"]] = row["n"]
        }
        return out
    }
}
