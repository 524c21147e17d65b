import Foundation
import GuichetCore

/// A formal French administrative letter: the service's letterhead, the recipient in the
/// window of the envelope, place and date, references and the officer who follows the dossier,
/// object, body, signature, then the legal mentions in small print. It may run over several A4
/// pages. Codable: a produced letter is kept as is and reprints identically.
public struct ReportLetter: Sendable, Codable, Equatable {
    public enum Block: Sendable, Equatable, Codable {
        case paragraph(String)
        /// A heading followed by bullet items ("Pièces manquantes :").
        case list(title: String, items: [String])
        /// Label / value lines, values right-aligned (amounts).
        case figures([Figure])
        /// A framed block with a heading (payment details, what the silence means).
        case notice(title: String, lines: [String])
    }

    public struct Figure: Sendable, Equatable, Codable {
        public var label: String
        public var value: String
        public var bold: Bool
        public init(_ label: String, _ value: String, bold: Bool = false) { self.label = label; self.value = value; self.bold = bold }
    }

    /// "Dossier n°" / "2026-ACC-0001", "Affaire suivie par" / "Claire Lemaire, conseillère habitat".
    public struct Reference: Sendable, Equatable, Codable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) { self.label = label; self.value = value }
    }

    public var letterhead: Letterhead
    /// Document kind for the PDF metadata, the footer and the history ("Accusé de réception").
    public var kind: String
    public var recipient: [String]
    /// The town of the date line ("Saint-Omer, le 3 décembre 2026").
    public var place: String?
    public var date: CalendarDate
    public var references: [Reference]
    public var object: String
    public var salutation: String
    public var body: [Block]
    public var closing: String
    /// "Pour le Président et par délégation,", the signatory's title, then their name (bold).
    public var signature: [String]
    /// Legal mentions after the signature, in small print ("Voies et délais de recours").
    public var mentions: [Block]

    public init(letterhead: Letterhead, kind: String, recipient: [String], place: String?, date: CalendarDate,
                references: [Reference], object: String, salutation: String = "Madame, Monsieur,", body: [Block],
                closing: String, signature: [String], mentions: [Block] = []) {
        self.letterhead = letterhead; self.kind = kind; self.recipient = recipient; self.place = place; self.date = date
        self.references = references; self.object = object; self.salutation = salutation; self.body = body
        self.closing = closing; self.signature = signature; self.mentions = mentions
    }

    /// "Saint-Omer, le 3 décembre 2026" (the month in words, "1er" for the first).
    public var dateLine: String {
        (place.map { "\($0), le " } ?? "Le ") + FrenchWords.date(date)
    }

    /// Every text of the letter in reading order (tests, searching a letter's words).
    public var allText: [String] {
        func texts(_ b: Block) -> [String] {
            switch b {
            case .paragraph(let t): return [t]
            case let .list(title, items): return [title] + items
            case .figures(let f): return f.flatMap { [$0.label, $0.value] }
            case let .notice(title, lines): return [title] + lines
            }
        }
        return [letterhead.authority, letterhead.service] + letterhead.address + letterhead.contact + recipient + [dateLine]
            + references.flatMap { [$0.label, $0.value] } + [object, salutation] + body.flatMap(texts) + [closing]
            + signature + mentions.flatMap(texts)
    }

    /// The letter as kept in a dossier (JSON with sorted keys: the same letter, the same bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> ReportLetter {
        try JSONDecoder().decode(ReportLetter.self, from: data)
    }
}
