import Foundation
import GuichetCore
import GuichetReports

/// The letters of a dossier (acknowledgement of receipt, grant notification, payment order):
/// which ones its state allows, a preview, the letter recorded in the dossier when it is printed
/// or saved, the letters produced before and their identical reprints. The window and the command
/// line go through these; the layout is `GuichetReports`' (one drawing for the PDF file, the
/// printer and the preview).
extension Guichet {
    public typealias LetterKind = DossierDocuments.Kind

    /// The letters the dossier's state allows, in the order the fiche offers them.
    public func availableLetters(for dossier: AidDossier) -> [LetterKind] { DossierDocuments.available(for: dossier) }

    /// The letter as it would go out today (or on `date`), not recorded: what the agent previews.
    /// Throws `DossierDocuments.Refusal` (in French) when the dossier's state or data does not allow it.
    public func letterPreview(_ kind: LetterKind, for number: DossierNumber, on date: CalendarDate? = nil) async throws -> ReportLetter {
        let store = storage.store, profile = profile, day = date ?? today
        return try await storage.detached { try DossierLetters.preview(kind, for: number, on: day, store: store, profile: profile) }
    }

    /// Records a previewed letter in the dossier (history: date, letter, agent), once printed or saved.
    @discardableResult
    public func recordLetter(_ letter: ReportLetter, kind: LetterKind, for number: DossierNumber) async throws -> IssuedLetter {
        let store = storage.store
        return try await storage.detached { try DossierLetters.record(letter, kind: kind, for: number, store: store) }
    }

    /// Makes, records and writes a letter as PDF in one go (the command line).
    @discardableResult
    public func writeLetter(_ kind: LetterKind, for number: DossierNumber, on date: CalendarDate? = nil, to url: URL) async throws -> IssuedLetter {
        let store = storage.store, profile = profile, day = date ?? today
        return try await storage.detached {
            let produced = try DossierLetters.issue(kind, for: number, on: day, store: store, profile: profile)
            try ReportWriter.write(produced.letter, to: url)
            return produced.record
        }
    }

    /// Writes a letter (previewed or reprinted) as PDF, atomically.
    public func writeLetter(_ letter: ReportLetter, to url: URL) async throws {
        try await storage.detached { try ReportWriter.write(letter, to: url) }
    }

    /// The letters produced for the dossier, oldest first.
    public func letters(of number: DossierNumber) async throws -> [IssuedLetter] {
        let store = storage.store
        return try await storage.detached { try DossierLetters.list(number, store: store) }
    }

    /// A letter produced before, exactly as it was printed.
    public func reprintLetter(_ number: DossierNumber, sequence: Int) async throws -> (letter: ReportLetter, record: IssuedLetter) {
        let store = storage.store
        let produced = try await storage.detached { try DossierLetters.reprint(number, sequence: sequence, store: store) }
        return (produced.letter, produced.record)
    }

    /// Whether letters name the agent at this counter (the service's directory knows the login).
    public func agentIsInDirectory(_ login: String) -> Bool { profile.service?.agent(login) != nil }
}
