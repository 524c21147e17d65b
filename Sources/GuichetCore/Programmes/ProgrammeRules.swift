import Foundation

/// What one commune looks like to the rules: entered per commune by the service.
public struct CommuneFacts: Hashable, Sendable, Codable {
    public var name: String
    public var inseeCode: InseeCode?
    public var population: Int?
    /// Share of social dwellings among main residences.
    public var socialHousingShare: Percentage?

    public init(name: String, inseeCode: InseeCode? = nil, population: Int? = nil, socialHousingShare: Percentage? = nil) {
        self.name = name; self.inseeCode = inseeCode; self.population = population
        self.socialHousingShare = socialHousingShare
    }
}

/// The review's rules for construction programmes (`programme-rules.json`).
public struct ProgrammeRules: Hashable, Sendable, Codable {
    /// At least this share of PLAI within PLUS + PLAI (30 %).
    public var minimumPlaiShareOfPlusPlai: Percentage
    public var plaiAdapte: PlaiAdapteRule
    /// Communes above this social share need a derogation for new supply (40 %).
    public var derogationAboveSocialShare: Percentage
    public var sru: SruRule
    /// How the 30 % rule rounds the PLAI a programme needs; nil: no rounding (strict).
    public var plaiShareRounding: PlaiShareRounding?
    /// Thresholds of the import's plausibility warnings and wide differences; nil: the product's
    /// defaults (`PlausibilityRules.standard`, to confirm).
    public var importChecks: PlausibilityRules?

    public struct PlaiAdapteRule: Hashable, Sendable, Codable {
        /// First financing year the rule applies to (2021).
        public var fromYear: Int
        /// One PLAI adapté required per this many PLAI (10).
        public var onePerPlai: Int
        public init(fromYear: Int, onePerPlai: Int) { self.fromYear = fromYear; self.onePerPlai = onePerPlai }
    }
    public struct SruRule: Hashable, Sendable, Codable {
        public var populationAbove: Int
        public var socialShareBelow: Percentage
        public init(populationAbove: Int, socialShareBelow: Percentage) {
            self.populationAbove = populationAbove; self.socialShareBelow = socialShareBelow
        }
    }

    public init(minimumPlaiShareOfPlusPlai: Percentage, plaiAdapte: PlaiAdapteRule,
                derogationAboveSocialShare: Percentage, sru: SruRule, plaiShareRounding: PlaiShareRounding? = nil,
                importChecks: PlausibilityRules? = nil) {
        self.minimumPlaiShareOfPlusPlai = minimumPlaiShareOfPlusPlai; self.plaiAdapte = plaiAdapte
        self.derogationAboveSocialShare = derogationAboveSocialShare; self.sru = sru
        self.plaiShareRounding = plaiShareRounding; self.importChecks = importChecks
    }

    /// PLAI required for `base` PLUS + PLAI dwellings under the rule and its rounding.
    public func requiredPlai(base: Int) -> Int {
        let exact = minimumPlaiShareOfPlusPlai.basisPoints * base
        switch plaiShareRounding?.mode ?? .none {
        case .none: return (exact + 9_999) / 10_000
        case .floorDwellings: return exact / 10_000
        case .nearestDwelling: return (exact + 5_000) / 10_000
        }
    }

    /// The CABBALR values, also in `data/territories/cabbalr/programme-rules.json`.
    public static let cabbalr = ProgrammeRules(
        minimumPlaiShareOfPlusPlai: Percentage(percent: 30),
        plaiAdapte: PlaiAdapteRule(fromYear: 2021, onePerPlai: 10),
        derogationAboveSocialShare: Percentage(percent: 40),
        sru: SruRule(populationAbove: 3500, socialShareBelow: Percentage(percent: 20)),
        plaiShareRounding: .cabbalr, importChecks: .standard)

    public static func decode(_ data: Data) throws(ValidationError) -> ProgrammeRules {
        let rules = try JSONFileDecoding.decode(ProgrammeRules.self, from: data, file: "programme-rules.json")
        if let problem = rules.validate().first { throw problem.prefixed("programme-rules.json") }
        return rules
    }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(plaiAdapte.onePerPlai > 0, "plaiAdapte.onePerPlai", "doit être supérieur à 0")
        if let c = importChecks {
            v.check(c.yearsFromMedian > 0, "importChecks.yearsFromMedian", "doit être supérieur à 0")
            v.check(c.perDwellingFactor > 1, "importChecks.perDwellingFactor", "doit être supérieur à 1")
            v.check(c.minimumRowsForMedian > 0, "importChecks.minimumRowsForMedian", "doit être supérieur à 0")
            v.check((1...1_000_000).contains(c.wideDifferenceBasisPoints), "importChecks.wideDifferenceBasisPoints",
                    "doit être compris entre 1 et 1 000 000 points de base")
            v.check(!c.source.trimmingSpaces().isEmpty, "importChecks.source", "la source des seuils est obligatoire")
        }
        if let r = plaiShareRounding {
            v.check(!r.source.trimmingSpaces().isEmpty, "plaiShareRounding.source",
                    "la source de l'arrondi est obligatoire (texte, décision locale ou « valeur par défaut à confirmer »)")
        }
        for (field, share) in [("minimumPlaiShareOfPlusPlai", minimumPlaiShareOfPlusPlai),
                               ("derogationAboveSocialShare", derogationAboveSocialShare), ("sru.socialShareBelow", sru.socialShareBelow)] {
            v.check((0...10_000).contains(share.basisPoints), field, "doit être compris entre 0 et 10 000 points de base")
        }
        return v.errors
    }

    /// Findings for one programme in its commune; empty when every rule is met.
    public func check(_ p: ConstructionProgramme, commune facts: CommuneFacts?) -> [RuleFinding] {
        var out: [RuleFinding] = []
        let plus = p.confirmedCount(p.plus)
        let plai = p.confirmedCount(p.plai)
        // PLAI share: compared in integers, so exactly 30 % passes; rounded as the profile says.
        if let plus, let plai {
            let base = plus + plai
            if base > 0, plai < requiredPlai(base: base) {
                out.append(RuleFinding(rule: .plaiShare, severity: .notMet,
                    message: "Part de PLAI insuffisante : \(plai) PLAI sur \(base) PLUS + PLAI "
                        + "(\(FrenchFormat.percent(Percentage.ratio(plai, of: base)!))), "
                        + "minimum \(FrenchFormat.percent(minimumPlaiShareOfPlusPlai, decimals: 0)) "
                        + "soit \(requiredPlai(base: base)) PLAI (\((plaiShareRounding?.mode ?? .none).label))."))
            }
        } else if p.plus.isProvided || p.plai.isProvided {
            out.append(RuleFinding(rule: .plaiShare, severity: .cannotCheck,
                message: "Part de PLAI non vérifiable : nombre de PLUS ou de PLAI inconnu."))
        }
        // PLAI adapté: one per ten PLAI, from the rule's first year.
        if let year = p.financingYear.value, year >= plaiAdapte.fromYear, let plai, plai >= plaiAdapte.onePerPlai {
            let required = plai / plaiAdapte.onePerPlai
            if let adapte = p.plaiAdapte.value {
                if adapte < required {
                    out.append(RuleFinding(rule: .plaiAdapte, severity: .notMet,
                        message: "PLAI adaptés insuffisants : \(adapte) pour \(plai) PLAI, "
                            + "\(required) attendu(s) (1 pour \(plaiAdapte.onePerPlai) depuis \(plaiAdapte.fromYear))."))
                }
            } else {
                out.append(RuleFinding(rule: .plaiAdapte, severity: .cannotCheck,
                    message: "PLAI adaptés non renseignés : \(required) attendu(s) pour \(plai) PLAI."))
            }
        }
        guard let facts else {
            out.append(RuleFinding(rule: .communeFacts, severity: .cannotCheck,
                message: "Commune « \(p.commune) » sans données (population, taux de logements sociaux) : "
                    + "seuils de 40 % et SRU non vérifiés."))
            return out
        }
        if let share = facts.socialHousingShare {
            if share > derogationAboveSocialShare {
                out.append(RuleFinding(rule: .derogation, severity: .derogationRequired,
                    message: "\(facts.name) compte \(FrenchFormat.percent(share)) de logements sociaux "
                        + "(plus de \(FrenchFormat.percent(derogationAboveSocialShare, decimals: 0))) : "
                        + "l'offre nouvelle demande une dérogation (produits spécifiques, PMR, petits logements)."))
            }
            if let population = facts.population, population > sru.populationAbove, share < sru.socialShareBelow {
                out.append(RuleFinding(rule: .sru, severity: .encouraged,
                    message: "\(facts.name) est soumise à l'article 55 de la loi SRU "
                        + "(\(FrenchFormat.integer(population)) habitants, \(FrenchFormat.percent(share)) de logements sociaux) : "
                        + "programme à encourager."))
            }
        } else {
            out.append(RuleFinding(rule: .communeFacts, severity: .cannotCheck,
                message: "Taux de logements sociaux de \(facts.name) inconnu : seuils de 40 % et SRU non vérifiés."))
        }
        return out
    }
}

/// One observation of the rules on a programme, with a French sentence.
public struct RuleFinding: Hashable, Sendable, Codable {
    public enum Rule: String, Hashable, Sendable, Codable {
        case plaiShare, plaiAdapte, derogation, sru, communeFacts
    }
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The programme breaks the rule.
        case notMet
        /// Allowed only with a specific derogation.
        case derogationRequired
        /// The commune is a catching-up SRU commune: the programme is welcome.
        case encouraged
        /// Data missing to apply the rule.
        case cannotCheck
    }
    public var rule: Rule
    public var severity: Severity
    public var message: String
}
