/// How the 30 % PLAI rule turns a share into a number of dwellings, with where that reading
/// comes from (a profile parameter: the review does not write it down).
public struct PlaiShareRounding: Hashable, Sendable, Codable {
    public enum Mode: String, Hashable, Sendable, Codable, CaseIterable {
        /// No rounding: 21 PLAI of 71 (29.6 %) misses 30 %.
        case none
        /// The PLAI required, rounded down to the dwelling: 30 % of 71 = 21.3 → 21.
        case floorDwellings
        /// The PLAI required, rounded to the nearest dwelling: 30 % of 29 = 8.7 → 9.
        case nearestDwelling

        public var label: String {
            switch self {
            case .none: "sans arrondi"
            case .floorDwellings: "nombre de PLAI exigé arrondi à l'inférieur"
            case .nearestDwelling: "nombre de PLAI exigé arrondi au plus proche"
            }
        }
    }
    public var mode: Mode
    /// The text or decision the reading comes from.
    public var source: String

    public init(mode: Mode, source: String) { self.mode = mode; self.source = source }

    /// The CABBALR reading, also in `data/territories/cabbalr/programme-rules.json`.
    public static let cabbalr = PlaiShareRounding(mode: .floorDwellings, source: cabbalrSource)

    public static let cabbalrSource = "Déduit du bilan à mi-parcours de la CIA 2020-2023, qui écrit « La règle de production de 30% de PLAI "
        + "dans un programme PLUS/PLAI est respectée » pour les 43 programmes de l'annexe 1 bis, alors qu'un contrôle sans arrondi "
        + "en signale 12 (21 PLAI sur 71, 7 sur 24…) : arrondir à l'inférieur le nombre de PLAI exigé en explique 11 ; "
        + "le 12e (ZAC PASTEUR t3 gapas, 5 PLUS sans PLAI) complète un programme voisin. Lecture à confirmer par le service habitat."
}

/// The review's yearly rules checked on a year's financed programming as a whole.
public struct YearlyRuleFinding: Hashable, Sendable, Codable {
    public var year: Int
    public var rule: RuleFinding.Rule
    public var severity: YearlySeverity
    public var message: String
    /// The year's figures the rule was checked on.
    public var plus: Int
    public var plai: Int
    public var plaiAdapte: Int?
    /// PLAI (share rule) or PLAI adaptés (1 per 10) the year needed.
    public var required: Int

    public enum YearlySeverity: String, Hashable, Sendable, Codable { case met, notMet, cannotCheck }
}

extension ProgrammeRules {
    /// The rounding, when its source says it is still to be confirmed (`guichet territoires` lists it).
    public var defaultsToConfirm: [DefaultToConfirm] {
        var out: [DefaultToConfirm] = []
        if let r = plaiShareRounding, LooseName.key(r.source).contains("a confirmer") {
            out.append(DefaultToConfirm(part: "programmeRules", key: "plaiShareRounding", text: r.source))
        }
        let checks = importChecks ?? .standard
        if LooseName.key(checks.source).contains("a confirmer") {
            out.append(DefaultToConfirm(part: "programmeRules", key: "importChecks", text: checks.summary))
        }
        return out
    }


    /// The 30 % PLAI rule and the 1-PLAI-adapté-per-10-PLAI rule on each year's programming
    /// (financed programmes, by financing year), as the review reads them beside the per-programme checks.
    public func yearlyFindings(_ programmes: [ConstructionProgramme]) -> [YearlyRuleFinding] {
        let byYear = Dictionary(grouping: programmes.filter { $0.financingYear.value != nil }) { $0.financingYear.value! }
        var out: [YearlyRuleFinding] = []
        for year in byYear.keys.sorted() {
            let ps = byYear[year]!
            let plus = ps.compactMap { $0.confirmedCount($0.plus) }.reduce(0, +)
            let plai = ps.compactMap { $0.confirmedCount($0.plai) }.reduce(0, +)
            let adaptes = ps.compactMap(\.plaiAdapte.value)
            let adapte: Int? = adaptes.isEmpty ? nil : adaptes.reduce(0, +)
            let needed = requiredPlai(base: plus + plai)
            out.append(YearlyRuleFinding(year: year, rule: .plaiShare, severity: plai >= needed ? .met : .notMet,
                message: "\(plai) PLAI pour \(plus + plai) PLUS + PLAI programmés en \(year) "
                    + "(\(Percentage.ratio(plai, of: plus + plai).map { FrenchFormat.percent($0) } ?? "—")) : "
                    + (plai >= needed ? "règle des 30 % respectée" : "règle des 30 % non respectée")
                    + " (\(needed) exigés, \((plaiShareRounding?.mode ?? .none).label))",
                plus: plus, plai: plai, plaiAdapte: adapte, required: needed))
            guard year >= plaiAdapte.fromYear else { continue }
            let required = plai / plaiAdapte.onePerPlai
            let severity: YearlyRuleFinding.YearlySeverity = adapte.map { $0 >= required ? .met : .notMet } ?? .cannotCheck
            let verdict = switch severity {
            case .met: "règle respectée"
            case .notMet: "règle non respectée"
            case .cannotCheck: "non vérifiable : PLAI adaptés non renseignés"
            }
            out.append(YearlyRuleFinding(year: year, rule: .plaiAdapte, severity: severity,
                message: "\(adapte.map(String.init) ?? "?") PLAI adapté(s) pour \(plai) PLAI programmés en \(year), "
                    + "\(required) attendu(s) (1 pour \(plaiAdapte.onePerPlai) depuis \(plaiAdapte.fromYear)) : \(verdict)",
                plus: plus, plai: plai, plaiAdapte: adapte, required: required))
        }
        return out
    }
}
