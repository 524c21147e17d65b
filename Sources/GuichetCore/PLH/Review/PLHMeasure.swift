/// A figure reported for an indicator: derived from the product's data (`derived`) or entered by
/// the service each year; with its kind of value, its unit, and the PLH's target when it gives one.
public struct PLHMeasure: Codable, Sendable, Equatable {
    /// Unique within the action ("vacants-remis-social"); `guichet plh set ACTION ID` names it.
    public var id: String
    /// A fragment of the sheet's words naming what is counted, unless `productLabel` says the
    /// product words it (a share computed from the data, an extract of the CIA register).
    public var label: String
    public var kind: MeasureKind
    /// "logements", "ménages", "m²", "PTZ pour 1 000 habitants"; implied for money and percent.
    public var unit: String?
    public var derived: DerivedMeasure?
    public var target: MeasureTarget?
    /// The categories an entered figure is split into ("banques", "agences immobilières",
    /// "notaires"); the figure is then their sum.
    public var parts: [MeasurePart]?
    /// Where the categories come from when the sheet does not list them.
    public var partsSource: ParameterSource?
    public var productLabel: Bool?

    public init(id: String, label: String, kind: MeasureKind, unit: String? = nil, derived: DerivedMeasure? = nil,
                target: MeasureTarget? = nil, parts: [MeasurePart]? = nil, partsSource: ParameterSource? = nil, productLabel: Bool? = nil) {
        self.id = id; self.label = label; self.kind = kind; self.unit = unit; self.derived = derived
        self.target = target; self.parts = parts; self.partsSource = partsSource; self.productLabel = productLabel
    }

    public var isEntered: Bool { derived == nil }
    public var allParts: [MeasurePart] { parts ?? [] }
    public func part(_ id: String) -> MeasurePart? { allParts.first { $0.id == id } }
    /// A category by its id or its label as typed ("agences immobilières", "Agences immobilieres").
    public func part(matching text: String) -> MeasurePart? {
        part(text) ?? allParts.first { LooseName.key($0.label) == LooseName.key(text) || LooseName.key($0.id) == LooseName.key(text) }
    }

    /// The unit as shown after a figure: "logements", "€", "%", "m²"; empty for text.
    public var unitLabel: String {
        switch kind {
        case .money: "€"
        case .percent: "%"
        case .text: ""
        default: unit ?? ""
        }
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!id.isEmpty && id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "id",
                "identifiant attendu en minuscules, chiffres et tirets")
        v.check(!label.trimmingSpaces().isEmpty, "label", "le libellé est obligatoire")
        if let e = kind.unknownError(field: "kind", what: "nature de valeur") { v.add(e) }
        if [.count, .ratio, .area].contains(kind) {
            v.check(!(unit ?? "").trimmingSpaces().isEmpty, "unit", "l'unité est obligatoire pour un nombre (« logements », « m² »…)")
        }
        if let d = derived { v.add(d.validate(kind: kind), under: "derived") }
        if let t = target {
            v.check(kind != .text, "target", "un texte n'a pas d'objectif chiffré")
            v.add(t.validate(kind: kind), under: "target")
        }
        if let s = partsSource { v.add(s.validate(), under: "partsSource") }
        if let parts {
            v.check(derived == nil, "parts", "seule une valeur saisie se répartit en catégories")
            v.check(kind == .count || kind == .money || kind == .area, "parts", "seul un nombre ou un montant se répartit en catégories")
            v.check(!parts.isEmpty, "parts", "au moins une catégorie")
            v.checkUnique(parts.map(\.id), list: "parts")
            for (i, p) in parts.enumerated() {
                v.check(!p.label.trimmingSpaces().isEmpty, "parts[\(i)].label", "le libellé est obligatoire")
            }
        }
        return v.errors
    }
}

/// What a measure's figures are: an integer count, an amount in euros, a share, a decimal ratio
/// ("PTZ pour 1 000 habitants"), a surface, or a text (a qualitative review).
public struct MeasureKind: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let count = Self(rawValue: "count")
    public static let money = Self(rawValue: "money")
    public static let percent = Self(rawValue: "percent")
    public static let ratio = Self(rawValue: "ratio")
    public static let area = Self(rawValue: "area")
    public static let text = Self(rawValue: "text")
    public static let known = [count, money, percent, ratio, area, text]

    public var isNumeric: Bool { self != .text }
}

/// A category of an entered figure.
public struct MeasurePart: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public init(id: String, label: String) { self.id = id; self.label = label }
}

/// A target the PLH sets for a measure: per year ("50 ménages accompagnés par an") or for the
/// whole PLH ("2 appels à projet à mettre en place sur les 6 ans du PLH"), with the PLH's words.
public struct MeasureTarget: Codable, Sendable, Equatable {
    /// In the measure's unit (10 logements, 20 for 20 %, euros for money).
    public var value: Double
    public var per: TargetPeriod
    /// "environ 95 logements par an".
    public var approximate: Bool?
    public var source: ParameterSource

    public init(value: Double, per: TargetPeriod, approximate: Bool? = nil, source: ParameterSource) {
        self.value = value; self.per = per; self.approximate = approximate; self.source = source
    }

    /// The target as a figure of the measure's kind (hundredths of its unit).
    public var figure: Int64 { Int64((value * 100).rounded()) }
    public var isApproximate: Bool { approximate ?? false }

    func validate(kind: MeasureKind) -> [ValidationError] {
        var v = ValidationCollector()
        v.check(value >= 0 && value < 1e12, "value", "doit être un nombre positif")
        if kind == .count { v.check(value == value.rounded(), "value", "un objectif de nombre est entier") }
        if let e = per.unknownError(field: "per", what: "période") { v.add(e) }
        v.check(source.kind == .plh, "source.kind", "un objectif est celui du PLH : sa source est « plh », avec ses mots")
        v.add(source.validate(), under: "source")
        return v.errors
    }
}

public struct TargetPeriod: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Each year of the PLH.
    public static let year = Self(rawValue: "year")
    /// The whole PLH: compared with the sum of the years so far.
    public static let period = Self(rawValue: "period")
    public static let known = [year, period]
}
