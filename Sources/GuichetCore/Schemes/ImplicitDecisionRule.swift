/// What the administration's silence on an application means, and when it starts to mean it
/// (Code des relations entre le public et l'administration, CRPA). The acknowledgement of receipt
/// must state it (art. R. 112-5, 1° : « La date de réception de la demande et la date à laquelle,
/// à défaut d'une décision expresse, celle-ci sera réputée acceptée ou rejetée »). A scheme
/// states its own rule in `schemes.json` (`implicitDecision`), with its source; without one,
/// an aid being a request of a financial nature, silence kept two months means refusal
/// (art. L. 231-4, 3°).
public struct ImplicitDecisionRule: Codable, Sendable, Equatable {
    public enum Meaning: String, Codable, Sendable {
        case rejection, acceptance

        /// "rejetée", "acceptée": as in « réputée rejetée ».
        public var participle: String { self == .rejection ? "rejetée" : "acceptée" }
        public var noun: String { self == .rejection ? "décision implicite de rejet" : "décision implicite d'acceptation" }
    }

    public var meaning: Meaning
    /// Months of silence after the complete application's receipt.
    public var months: Int
    public var source: ParameterSource

    public init(meaning: Meaning, months: Int, source: ParameterSource) {
        self.meaning = meaning; self.months = months; self.source = source
    }

    /// The rule of the law for an aid (a request of a financial nature).
    public static let financialAid = ImplicitDecisionRule(
        meaning: .rejection, months: 2,
        source: ParameterSource(kind: .sourceText, text: CRPA.silenceOnFinancialRequest))

    /// The day silence becomes a decision: `months` after the receipt of the complete application,
    /// on the same day of the month (the last day of a shorter month).
    public func decisionDate(receivedOn: CalendarDate) -> CalendarDate { receivedOn.adding(months: months) }

    /// "deux mois".
    public var delayInWords: String { FrenchWords.cardinal(months) + " mois" }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check((1...24).contains(months), "months", "le délai doit être compris entre 1 et 24 mois")
        v.add(source.validate(), under: "source")
        return v.errors
    }
}

/// The articles of the Code des relations entre le public et l'administration that letters
/// quote, verbatim (Légifrance, version in force since 1 January 2016).
public enum CRPA {
    /// Art. L. 112-3, first paragraph.
    public static let acknowledgementDue = "« Toute demande adressée à l'administration fait l'objet d'un accusé de réception. » (art. L. 112-3)"
    /// Art. L. 231-4, opening and 3°.
    public static let silenceOnFinancialRequest = "Code des relations entre le public et l'administration, art. L. 231-4 : « Par dérogation à l'article L. 231-1, le silence gardé par l'administration pendant deux mois vaut décision de rejet : […] 3° Si la demande présente un caractère financier […] »"
}
