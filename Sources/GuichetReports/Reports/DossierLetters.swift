import Foundation
import GuichetCore

/// Producing a dossier's letter and keeping it: the letter is made from the dossier as stored
/// and recorded in the same write transaction (the dossier's history says when, which letter and
/// by whom), so that what was printed can be printed again identically, whatever changed since.
/// One function for every front end (command line, window).
public enum DossierLetters {
    /// A produced letter: as laid out, and as recorded in the dossier.
    public struct Produced: Sendable {
        public var letter: ReportLetter
        public var record: IssuedLetter
    }

    /// Makes the letter of `kind` for the dossier, dated `date`, records it, and returns both.
    /// Throws `DossierDocuments.Refusal` when the dossier's state or data does not allow it,
    /// `StoreError.notFound` for an unknown dossier.
    public static func issue(_ kind: DossierDocuments.Kind, for number: DossierNumber, on date: CalendarDate,
                             store: any GuichetStore, profile: TerritoryProfile) throws -> Produced {
        try store.write { s in
            guard let dossier = try s.dossier(number: number) else { throw StoreError.notFound(entity: "dossier", key: number.formatted) }
            let context = ReportContext(profile: profile, producedOn: date, agent: s.agent)
            let letter = try DossierDocuments.letter(kind, dossier: dossier, scheme: profile.schemes?.scheme(code: dossier.schemeCode),
                                                     context: context)
            let record = try s.recordLetter(IssuedLetter(dossier: number, kind: kind.rawValue, title: kind.label, date: date,
                                                         at: s.clock.now(), agent: s.agent, content: try letter.encoded()))
            return Produced(letter: letter, record: record)
        }
    }

    /// The letter as it would be produced now, without recording it (the window's preview).
    public static func preview(_ kind: DossierDocuments.Kind, for number: DossierNumber, on date: CalendarDate,
                               store: any GuichetStore, profile: TerritoryProfile) throws -> ReportLetter {
        try store.read { s in
            guard let dossier = try s.dossier(number: number) else { throw StoreError.notFound(entity: "dossier", key: number.formatted) }
            return try DossierDocuments.letter(kind, dossier: dossier, scheme: profile.schemes?.scheme(code: dossier.schemeCode),
                                               context: ReportContext(profile: profile, producedOn: date, agent: s.agent))
        }
    }

    /// Records a letter the agent previewed, once it is printed or saved: what is kept is exactly
    /// what went out.
    public static func record(_ letter: ReportLetter, kind: DossierDocuments.Kind, for number: DossierNumber,
                              store: any GuichetStore) throws -> IssuedLetter {
        try store.write { s in
            try s.recordLetter(IssuedLetter(dossier: number, kind: kind.rawValue, title: kind.label, date: letter.date,
                                            at: s.clock.now(), agent: s.agent, content: try letter.encoded()))
        }
    }

    /// A letter produced before, as it was.
    public static func reprint(_ number: DossierNumber, sequence: Int, store: any GuichetStore) throws -> Produced {
        try store.read { s in
            guard try s.dossier(number: number) != nil else { throw StoreError.notFound(entity: "dossier", key: number.formatted) }
            guard let record = try s.letter(of: number, sequence: sequence) else {
                throw StoreError.notFound(entity: "courrier", key: "\(number.formatted) n° \(sequence)")
            }
            return Produced(letter: try ReportLetter.decode(record.content), record: record)
        }
    }

    /// The dossier's letters, oldest first.
    public static func list(_ number: DossierNumber, store: any GuichetStore) throws -> [IssuedLetter] {
        try store.read { s in
            guard try s.dossier(number: number) != nil else { throw StoreError.notFound(entity: "dossier", key: number.formatted) }
            return try s.letters(of: number)
        }
    }
}
