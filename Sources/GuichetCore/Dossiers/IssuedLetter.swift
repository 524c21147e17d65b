import Foundation

/// A letter produced for a dossier (acknowledgement, notification, payment order), kept as it
/// was printed: reprinting it gives the same letter even after the dossier or the profile changed.
/// Its content is opaque here (the reports layer writes and reads it); the dossier's history
/// gets a line for each one (date, kind, agent).
public struct IssuedLetter: Codable, Sendable, Equatable {
    public var dossier: DossierNumber
    /// 1, 2, 3… in the order the dossier's letters were produced.
    public var sequence: Int
    /// "accuse-reception", "notification", "ordre-paiement".
    public var kind: String
    /// "Accusé de réception".
    public var title: String
    /// The letter's date (its date line).
    public var date: CalendarDate
    /// When it was produced, and by whom (the login).
    public var at: Date
    public var agent: String
    /// The letter as laid out, to reprint it identically.
    public var content: Data

    public init(dossier: DossierNumber, sequence: Int = 0, kind: String, title: String, date: CalendarDate, at: Date,
                agent: String, content: Data) {
        self.dossier = dossier; self.sequence = sequence; self.kind = kind; self.title = title; self.date = date
        self.at = at; self.agent = agent; self.content = content
    }
}

/// The letters produced for dossiers: appended, never changed (the RGPD anonymisation of a
/// dossier removes them with its other personal data).
public protocol LetterStore {
    /// Stores a produced letter under the dossier's next sequence, with a history line for the
    /// dossier; returns it numbered. Throws `StoreError.notFound` for an unknown dossier.
    func recordLetter(_ letter: IssuedLetter) throws -> IssuedLetter
    /// The dossier's letters in the order they were produced.
    func letters(of dossier: DossierNumber) throws -> [IssuedLetter]
}

extension LetterStore {
    public func letter(of dossier: DossierNumber, sequence: Int) throws -> IssuedLetter? {
        try letters(of: dossier).first { $0.sequence == sequence }
    }
}
