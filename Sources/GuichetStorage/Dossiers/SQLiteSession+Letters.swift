import Foundation
import GRDB
import GuichetCore

/// Letters produced for dossiers (`dossier_letter`), numbered per dossier, each with a line in
/// the dossier's history.
extension SQLiteSession {
    static let letterAction = "courrier"

    func recordLetter(_ letter: IssuedLetter) throws -> IssuedLetter {
        let key = letter.dossier.formatted
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM dossier WHERE key = ?", arguments: [key]) != nil else {
            throw StoreError.notFound(entity: "dossier", key: key)
        }
        var stored = letter
        stored.sequence = 1 + (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM dossier_letter WHERE dossier = ?", arguments: [key]) ?? 0)
        try db.execute(sql: """
            INSERT INTO dossier_letter(dossier, sequence, kind, title, date, at, agent, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [key, stored.sequence, stored.kind, stored.title, stored.date.iso, Timestamp.string(stored.at),
                             stored.agent, stored.content])
        try append(HistoryEvent(at: stored.at, agent: stored.agent, entity: Self.dossiers.entity, entityKey: key,
                                action: Self.letterAction, changes: [],
                                comment: "\(stored.title) n° \(stored.sequence) daté du \(FrenchFormat.date(stored.date))"))
        return stored
    }

    func letters(of dossier: DossierNumber) throws -> [IssuedLetter] {
        try Row.fetchAll(db, sql: "SELECT * FROM dossier_letter WHERE dossier = ? ORDER BY sequence",
                         arguments: [dossier.formatted]).compactMap { row in
            guard let date = CalendarDate(parsing: row["date"]) else { return nil }
            return IssuedLetter(dossier: dossier, sequence: row["sequence"], kind: row["kind"], title: row["title"], date: date,
                                at: Timestamp.date(row["at"]) ?? Date(timeIntervalSince1970: 0), agent: row["agent"],
                                content: row["content"])
        }
    }

    /// Inside an RGPD purge: the letters of an anonymised dossier hold its personal data.
    func deleteLetters(of key: String) throws {
        try db.execute(sql: "DELETE FROM dossier_letter WHERE dossier = ?", arguments: [key])
    }
}
