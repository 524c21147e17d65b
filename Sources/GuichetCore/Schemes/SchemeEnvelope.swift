/// The yearly envelope a scheme draws on: an amount ("about 30 000 €" is `approximate`),
/// another scheme's envelope (`fromScheme`), or none.
public struct SchemeEnvelope: Codable, Sendable, Equatable {
    public var yearly: Money?
    public var approximate: Bool?
    /// Code of the scheme whose envelope pays (the architect fee is paid from the innovation fund).
    public var fromScheme: String?
    /// What the envelope is meant to fund ("10 logements", "50 ménages").
    public var target: String?

    public init(yearly: Money? = nil, approximate: Bool? = nil, fromScheme: String? = nil, target: String? = nil) {
        self.yearly = yearly; self.approximate = approximate; self.fromScheme = fromScheme; self.target = target
    }

    public var isApproximate: Bool { approximate ?? false }

    public var label: String {
        if let y = yearly { return (isApproximate ? "environ " : "") + FrenchFormat.money(y, alwaysCents: false) + " par an" }
        if let s = fromScheme { return "sur l'enveloppe du dispositif \(s)" }
        return "pas d'enveloppe annuelle"
    }
}

/// Anti-speculation clause: no resale for `years` after the purchase (or the payment);
/// a sale before the end makes the aid repayable, in full or pro rata of the time left.
public struct AntiSpeculationRule: Codable, Sendable, Equatable {
    public enum Start: String, Codable, Sendable { case purchase, payment }
    public enum Repayment: String, Codable, Sendable {
        /// The whole paid aid is repaid.
        case full
        /// The paid aid × days left until the end / days of the clause, rounded to the cent.
        case proRata
    }
    public var years: Int
    public var startsFrom: Start
    public var repayment: Repayment
    public var productDefault: Bool?

    public init(years: Int, startsFrom: Start, repayment: Repayment) {
        self.years = years; self.startsFrom = startsFrom; self.repayment = repayment
    }

    func validate() -> [ValidationError] {
        (1...30).contains(years) ? [] : [ValidationError(field: "years", "doit être compris entre 1 et 30")]
    }
}

/// One supporting document of a scheme's checklist (pièce justificative).
public struct DocumentRequirement: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var mandatory: Bool

    public init(id: String, label: String, mandatory: Bool) { self.id = id; self.label = label; self.mandatory = mandatory }
}
