/// The PLH's action sheets as data (profile part `plhActions`, `plh-actions.json`): for each of
/// the programme's actions, its objectives, its levers with their planned years, its maître
/// d'ouvrage, its partners and its result indicators, in the PLH's own words. Titles and money
/// stay in the `plh` part (`PLHProgramme`); a sheet is found by its action's number.
///
/// Each indicator ("Indicateurs de résultat", one bullet of the sheet) is reported through one or
/// more measures: a figure the product derives from its data (dossiers, programmes, allocations,
/// conventions, requests) or one the service enters each year, with its unit and, where the PLH
/// gives one, its target and the words that set it.
public struct PLHActionSheets: ProfilePart, Equatable {
    public var title: String
    public var actions: [PLHActionSheet]
    /// How assisted-ownership targets are attained (which schemes' households count).
    public var territorialTargets: TerritorialTargetRules?

    public init(title: String, actions: [PLHActionSheet], territorialTargets: TerritorialTargetRules? = nil) {
        self.title = title
        self.actions = actions
        self.territorialTargets = territorialTargets
    }

    public func sheet(_ number: Int) -> PLHActionSheet? { actions.first { $0.number == number } }

    public func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!actions.isEmpty, "actions", "au moins une fiche action")
        var seen = Set<Int>()
        for (i, a) in actions.enumerated() {
            if !seen.insert(a.number).inserted { v.add(ValidationError(field: "actions[\(i)].number", "fiche de l'action \(a.number) en double")) }
            v.add(a.validate(), under: "actions[\(i)]")
        }
        return v.errors
    }

    /// Checks against the PLH part: one sheet for every action and no sheet for an unknown one;
    /// levers planned inside the PLH's period.
    public func crossCheck(plh: PLHProgramme) -> [ValidationError] {
        var v = ValidationCollector()
        let numbers = Set(actions.map(\.number))
        for a in plh.actions.sorted(by: { $0.number < $1.number }) where !numbers.contains(a.number) {
            v.add(ValidationError(field: "actions", "l'action \(a.number) du PLH n'a pas de fiche"))
        }
        for (i, a) in actions.enumerated() {
            guard plh.action(a.number) != nil else {
                v.add(ValidationError(field: "actions[\(i)].number", "l'action \(a.number) n'existe pas dans le PLH"))
                continue
            }
            for (j, l) in a.levers.enumerated() {
                for y in l.years where !plh.years.contains(y) {
                    v.add(ValidationError(field: "actions[\(i)].levers[\(j)].years", "année \(y) hors de la période du PLH (\(plh.firstYear)-\(plh.lastYear))"))
                }
            }
        }
        return v.errors
    }

    /// Derived measures count dossiers of schemes the catalogue holds.
    public func crossCheck(schemes catalog: SchemeCatalog) -> [ValidationError] {
        var v = ValidationCollector()
        for (i, code) in accessionSchemeCodes.enumerated() where catalog.scheme(code: code) == nil {
            v.add(ValidationError(field: "territorialTargets.accessionSchemes[\(i)]", "dispositif inconnu « \(code) »"))
        }
        for (i, a) in actions.enumerated() {
            for (j, ind) in a.indicators.enumerated() {
                for (k, m) in ind.measures.enumerated() {
                    for code in m.derived?.allSchemes ?? [] where catalog.scheme(code: code) == nil {
                        v.add(ValidationError(field: "actions[\(i)].indicators[\(j)].measures[\(k)].derived.schemes",
                                              "dispositif inconnu « \(code) »"))
                    }
                }
            }
        }
        return v.errors
    }

    /// Every measure with its action and indicator, in sheet order.
    public var allMeasures: [(action: Int, indicator: PLHIndicator, measure: PLHMeasure)] {
        actions.sorted { $0.number < $1.number }.flatMap { a in
            a.indicators.flatMap { ind in ind.measures.map { (a.number, ind, $0) } }
        }
    }
}

/// One action's sheet.
public struct PLHActionSheet: Codable, Sendable, Equatable {
    public var number: Int
    /// The "Objectifs" paragraph, line by line as printed (an introduction then its bullets).
    public var objectives: [String]
    /// "Maître d'ouvrage".
    public var owner: String
    public var partners: [String]
    /// The calendar "Leviers 2023 … 2028", row by row.
    public var levers: [PLHLever]
    /// "Indicateurs de résultat", bullet by bullet.
    public var indicators: [PLHIndicator]

    public init(number: Int, objectives: [String], owner: String, partners: [String], levers: [PLHLever], indicators: [PLHIndicator]) {
        self.number = number; self.objectives = objectives; self.owner = owner; self.partners = partners
        self.levers = levers; self.indicators = indicators
    }

    public var measures: [PLHMeasure] { indicators.flatMap(\.measures) }
    public func measure(_ id: String) -> PLHMeasure? { measures.first { $0.id == id } }
    public func lever(_ id: String) -> PLHLever? { levers.first { $0.id == id } }
    /// The indicator a measure reports.
    public func indicator(holding measureId: String) -> PLHIndicator? { indicators.first { $0.measures.contains { $0.id == measureId } } }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(number >= 1, "number", "doit être ≥ 1")
        v.check(!owner.trimmingSpaces().isEmpty, "owner", "le maître d'ouvrage est obligatoire")
        v.check(!indicators.isEmpty, "indicators", "au moins un indicateur de résultat")
        v.checkUnique(levers.map(\.id), list: "levers")
        v.checkUnique(indicators.map(\.id), list: "indicators")
        var measureIds = Set<String>()
        for (i, l) in levers.enumerated() { v.add(l.validate(), under: "levers[\(i)]") }
        for (i, ind) in indicators.enumerated() {
            v.check(!ind.text.trimmingSpaces().isEmpty, "indicators[\(i)].text", "le texte de l'indicateur est obligatoire")
            v.check(!ind.measures.isEmpty, "indicators[\(i)].measures", "au moins une mesure")
            for (j, m) in ind.measures.enumerated() {
                if !measureIds.insert(m.id).inserted {
                    v.add(ValidationError(field: "indicators[\(i)].measures[\(j)].id", "mesure « \(m.id) » en double dans l'action \(number)"))
                }
                v.add(m.validate(), under: "indicators[\(i)].measures[\(j)]")
            }
        }
        return v.errors
    }
}

/// A row of the sheet's calendar: the lever and the years it is planned ("×"), or the phase the
/// calendar writes in a year's cell ("Elaboration", "Mise en oeuvre").
public struct PLHLever: Codable, Sendable, Equatable {
    /// "7.3": action and rank; progress is recorded under it.
    public var id: String
    public var label: String
    public var years: [Int]
    /// Phase written in a year's cell instead of a mark.
    public var yearLabels: [String: String]?
    /// A remark printed in the row ("Déjà engagé").
    public var remark: String?
    /// How the product reads the printed calendar where it is ambiguous (a merged cell).
    public var reading: String?

    public init(id: String, label: String, years: [Int], yearLabels: [String: String]? = nil, remark: String? = nil, reading: String? = nil) {
        self.id = id; self.label = label; self.years = years; self.yearLabels = yearLabels; self.remark = remark; self.reading = reading
    }

    public func isPlanned(in year: Int) -> Bool { years.contains(year) }
    /// What the calendar shows for a year: the phase, "×" when planned, nil otherwise.
    public func calendarText(_ year: Int) -> String? {
        if let l = yearLabels?[String(year)] { return l }
        return isPlanned(in: year) ? "×" : nil
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!id.isEmpty, "id", "l'identifiant est obligatoire")
        v.check(!label.trimmingSpaces().isEmpty, "label", "le libellé du levier est obligatoire")
        v.check(!years.isEmpty, "years", "au moins une année prévue")
        v.check(Set(years).count == years.count, "years", "année en double")
        for key in (yearLabels ?? [:]).keys.sorted() {
            v.check(Int(key).map { years.contains($0) } ?? false, "yearLabels.\(key)", "année non prévue pour ce levier")
        }
        return v.errors
    }
}

/// One bullet of "Indicateurs de résultat", verbatim, and the measures that report it.
public struct PLHIndicator: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    /// The bullet it sits under, when the sheet nests it ("Bilan global de la rénovation du parc :").
    public var heading: String?
    public var measures: [PLHMeasure]

    public init(id: String, text: String, heading: String? = nil, measures: [PLHMeasure]) {
        self.id = id; self.text = text; self.heading = heading; self.measures = measures
    }
}
