import Foundation
import GRDB
import GuichetCore

/// RGPD anonymisation of closed dossiers (brief §9): the record keeps its amounts for the budget
/// figures, loses its personal data, and its history (field diffs full of names and addresses) is
/// replaced by one line. History is append-only: `duringRGPDPurge` lets its lines go, inside this
/// same transaction.
extension SQLiteSession {
    static let anonymisationAction = "anonymisation RGPD"
    private static let closedStatuses = DossierStatus.allCases.filter(\.isClosed).map { "'\($0.rawValue)'" }.joined(separator: ",")

    func dossiersDueForAnonymisation(closedBefore date: CalendarDate) throws -> [RetentionDue] {
        try dueDossiers(closedBefore: date).map { RetentionDue(key: $0.number.formatted, since: $0.retentionStart!) }
    }

    func anonymiseDossiers(_ numbers: [String], closedBefore date: CalendarDate, on today: CalendarDate) throws -> Int {
        // Each one read again: still closed, not anonymised, due (another agent may have acted).
        var due: [AidDossier] = []
        for key in numbers {
            guard let number = DossierNumber(parsing: key), let d = try dossier(number: number),
                  d.status.isClosed, !d.isAnonymised, let start = d.retentionStart, start < date else { continue }
            due.append(d)
        }
        guard !due.isEmpty else { return 0 }
        let now = clock.now()
        try duringRGPDPurge(searchIndexes: []) {
            for stored in due {
                let key = stored.number.formatted
                var d = stored.anonymised(on: today)
                d.version = stored.version + 1
                d.updatedAt = now
                try Self.dossiers.replaceWithoutHistory(d, key: key, version: d.version, in: self, now: now)
                try db.execute(sql: "DELETE FROM history WHERE entity = ? AND entityKey = ?", arguments: [Self.dossiers.entity, key])
                try deleteLetters(of: key)
                try append(HistoryEvent(at: now, agent: agent, entity: Self.dossiers.entity, entityKey: key,
                                        action: Self.anonymisationAction, changes: [],
                                        comment: "Données personnelles effacées au \(FrenchFormat.date(today)) : durée de conservation échue"))
            }
        }
        return due.count
    }

    /// Closed, not anonymised, retention started before `date`. The status narrows the scan in
    /// SQL; the retention start (last payment, closure, anti-speculation end) is the domain's.
    private func dueDossiers(closedBefore date: CalendarDate) throws -> [AidDossier] {
        var out: [AidDossier] = []
        try Self.dossiers.forEach(where: "status IN (\(Self.closedStatuses)) AND json_extract(d.data, '$.anonymisedOn') IS NULL",
                                  orderBy: "year, scheme, sequence", in: self) { d in
            if !d.isAnonymised, let start = d.retentionStart, start < date { out.append(d) }
        }
        return out
    }

    func compactAfterRGPDPurge() throws {
        try duringRGPDPurge(searchIndexes: [Self.dossiers.ftsTable, Self.requests.ftsTable]) {}
    }
}
