import GuichetCore

/// A formal French administrative letter on one A4 page: sender and addressee blocks, place
/// and date, references and object, body, signature block of the service.
public struct ReportLetter: Sendable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// A heading followed by bullet items ("Pièces manquantes :").
        case list(title: String, items: [String])
        /// Label / value lines, values right-aligned (amounts).
        case figures([Figure])
    }

    public struct Figure: Sendable, Equatable {
        public var label: String
        public var value: String
        public var bold: Bool
        public init(_ label: String, _ value: String, bold: Bool = false) { self.label = label; self.value = value; self.bold = bold }
    }

    /// Sender: the territory, then the service and its contact lines.
    public var territory: String
    public var sender: [String]
    public var addressee: [String]
    public var producedOn: CalendarDate
    public var place: String?
    public var references: [String]
    public var object: String
    public var salutation: String
    public var body: [Block]
    public var closing: String
    /// "Pour le Président et par délégation,", then the signer's function.
    public var signature: [String]
    /// Document kind for the PDF metadata and the footer ("Accusé de réception").
    public var kind: String

    public init(territory: String, sender: [String], addressee: [String], producedOn: CalendarDate, place: String? = nil,
                references: [String], object: String, salutation: String = "Madame, Monsieur,", body: [Block],
                closing: String, signature: [String], kind: String) {
        self.territory = territory; self.sender = sender; self.addressee = addressee; self.producedOn = producedOn
        self.place = place; self.references = references; self.object = object; self.salutation = salutation
        self.body = body; self.closing = closing; self.signature = signature; self.kind = kind
    }
}
