/// A yearly envelope: an amount each year ("about 30 000 €" is `approximate`), amounts that
/// differ by year (`byYear`: ORI 100 000 € in 2023 and 2024 only), a total over the whole PLH
/// (`period`: an étude of 25 000 € "sur la durée du PLH"), another scheme's envelope
/// (`fromScheme`), or none. Used by aid schemes and by the PLH's other budget lines.
public struct SchemeEnvelope: Codable, Sendable, Equatable {
    public var yearly: Money?
    /// Amounts for given years ("2023" → 100 000 €), instead of `yearly` in those years.
    public var byYear: [String: Money]?
    /// A total over the PLH period, committable in any of its years.
    public var period: Money?
    public var approximate: Bool?
    /// Code of the scheme whose envelope pays (the architect fee is paid from the innovation fund).
    public var fromScheme: String?
    /// What the envelope is meant to fund ("10 logements", "50 ménages").
    public var target: String?
    /// Where the amount comes from.
    public var source: ParameterSource?

    public init(yearly: Money? = nil, byYear: [Int: Money]? = nil, period: Money? = nil, approximate: Bool? = nil,
                fromScheme: String? = nil, target: String? = nil, source: ParameterSource? = nil) {
        self.yearly = yearly; self.approximate = approximate; self.fromScheme = fromScheme; self.target = target
        self.byYear = byYear.map { Dictionary(uniqueKeysWithValues: $0.map { (String($0.key), $0.value) }) }
        self.period = period; self.source = source
    }

    public var isApproximate: Bool { approximate ?? false }

    /// The envelope of `year`: its own amount when listed, else the yearly one; nil when none
    /// (a period-only envelope has no yearly amount).
    public func amount(year: Int) -> Money? { byYear?[String(year)] ?? yearly }

    /// Whether the envelope has anything of its own.
    public var hasOwnAmount: Bool { yearly != nil || !(byYear ?? [:]).isEmpty || period != nil }

    /// What the envelope brings to a year of a `years`-long programme, as the PLH averages its own
    /// lines: the year's amount, plus the period total divided by the years (rounded to the euro).
    public func yearlyEquivalent(year: Int, years: Int) -> Money? {
        let own = amount(year: year)
        let share = period.map { $0.divided(by: max(1, years), roundingTo: 100) }
        if own == nil && share == nil { return nil }
        return (own ?? .zero) + (share ?? .zero)
    }

    /// The years listed in `byYear`, sorted.
    public var listedYears: [Int] { (byYear ?? [:]).keys.compactMap(Int.init).sorted() }

    public var label: String {
        var parts: [String] = []
        let prefix = isApproximate ? "environ " : ""
        if let y = yearly { parts.append(prefix + FrenchFormat.money(y, alwaysCents: false) + " par an") }
        for year in listedYears { parts.append("\(FrenchFormat.money(byYear![String(year)]!, alwaysCents: false)) en \(year)") }
        if let p = period { parts.append(FrenchFormat.money(p, alwaysCents: false) + " sur la durée du PLH") }
        if !parts.isEmpty { return parts.joined(separator: ", ") }
        if let s = fromScheme { return "sur l'enveloppe du dispositif \(s)" }
        return "pas d'enveloppe annuelle"
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        if let y = yearly, y.isNegative { v.add(ValidationError(field: "yearly", "doit être ≥ 0")) }
        if let p = period, p.isNegative { v.add(ValidationError(field: "period", "doit être ≥ 0")) }
        for (key, m) in (byYear ?? [:]).sorted(by: { $0.key < $1.key }) {
            v.check(Int(key).map { (2000...2100).contains($0) } ?? false, "byYear.\(key)", "année attendue (« 2023 »)")
            v.check(!m.isNegative, "byYear.\(key)", "doit être ≥ 0")
        }
        if hasOwnAmount && fromScheme != nil {
            v.add(ValidationError(field: "fromScheme", "une enveloppe propre ou celle d'un autre dispositif, pas les deux"))
        }
        if let s = source { v.add(s.validate(), under: "source") }
        return v.errors
    }
}

/// Anti-speculation clause (« clause anti-spéculative d'interdiction de vente sur 6 ans »): no
/// sale for `years` from a start the profile names (the deed of purchase by default); a sale
/// before the end asks for repayment, in full unless the service's rule says pro rata. Each
/// parameter carries its source: the years are the PLH's, the start and the repayment a local rule.
public struct AntiSpeculationRule: Codable, Sendable, Equatable {
    public enum Start: String, Codable, Sendable {
        /// The date of the deed of purchase (acte authentique).
        case purchase
        /// The first payment of the aid.
        case payment

        public var label: String { self == .purchase ? "la date de l'acte d'achat" : "le premier versement de l'aide" }
    }
    public enum Repayment: String, Codable, Sendable {
        /// The whole paid aid is repaid.
        case full
        /// The paid aid × days left until the end / days of the clause, rounded to the cent.
        case proRata

        public var label: String { self == .full ? "en totalité" : "au prorata de la durée restant à courir" }
    }
    public var years: Int
    public var startsFrom: Start
    public var repayment: Repayment
    /// Where the duration comes from.
    public var source: ParameterSource?
    public var startSource: ParameterSource?
    public var repaymentSource: ParameterSource?

    public init(years: Int, startsFrom: Start, repayment: Repayment, source: ParameterSource? = nil,
                startSource: ParameterSource? = nil, repaymentSource: ParameterSource? = nil) {
        self.years = years; self.startsFrom = startsFrom; self.repayment = repayment
        self.source = source; self.startSource = startSource; self.repaymentSource = repaymentSource
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check((1...30).contains(years), "years", "doit être compris entre 1 et 30")
        if let s = source { v.add(s.validate(), under: "source") }
        if let s = startSource { v.add(s.validate(), under: "startSource") }
        if let s = repaymentSource { v.add(s.validate(), under: "repaymentSource") }
        return v.errors
    }
}

/// One supporting document of a scheme's checklist (pièce justificative).
public struct DocumentRequirement: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var mandatory: Bool

    public init(id: String, label: String, mandatory: Bool) { self.id = id; self.label = label; self.mandatory = mandatory }
}
