/// What the service enters for the yearly review, stored with who entered it and when; every
/// change is a line of history (`PLHReviewStore`). Keys name the record in storage and history.

/// A measure's value for a year, entered by the service (people received at the counter, land
/// acquired, meetings held, a qualitative review…).
public struct EnteredIndicatorValue: Codable, Sendable, Equatable {
    public var action: Int
    public var measure: String
    public var year: Int
    /// The figure (the sum of `parts` when the measure has categories) or the text.
    public var value: IndicatorValue
    /// Hundredths of the unit per category id, for a measure split into categories.
    public var parts: [String: Int64]?
    public var comment: String?
    public var agent: String
    public var enteredOn: CalendarDate

    public init(action: Int, measure: String, year: Int, value: IndicatorValue, parts: [String: Int64]? = nil,
                comment: String? = nil, agent: String, enteredOn: CalendarDate) {
        self.action = action; self.measure = measure; self.year = year; self.value = value; self.parts = parts
        self.comment = comment; self.agent = agent; self.enteredOn = enteredOn
    }

    public var key: String { Self.key(action: action, measure: measure, year: year) }
    public static func key(action: Int, measure: String, year: Int) -> String { "\(action)|\(measure)|\(year)" }

    /// Same figure, categories and comment: saving it again changes nothing.
    public func sameContent(as other: EnteredIndicatorValue) -> Bool {
        value == other.value && (parts ?? [:]) == (other.parts ?? [:]) && (comment ?? "") == (other.comment ?? "")
    }

    /// Builds an entry from what the agent typed, checked against the measure: the figure's kind,
    /// each category, the year inside the PLH. Named fields: `valeur`, `catégorie « banques »`…
    public static func make(sheet: PLHActionSheet, measureId: String, year: Int, years: ClosedRange<Int>, value: String?,
                            parts: [(id: String, value: String)] = [], comment: String?, agent: String,
                            on day: CalendarDate) throws(ValidationErrors) -> EnteredIndicatorValue {
        var errors: [ValidationError] = []
        guard let m = sheet.measure(measureId) else {
            let ids = sheet.measures.filter(\.isEntered).map(\.id)
            throw ValidationErrors([ValidationError(field: "indicateur", "l'action \(sheet.number) n'a pas de mesure « \(measureId) » (mesures saisies : \(ids.joined(separator: ", ")))")])
        }
        if !m.isEntered {
            errors.append(ValidationError(field: "indicateur", "« \(m.label) » est calculé à partir des données du produit : il ne se saisit pas"))
        }
        if !years.contains(year) {
            errors.append(ValidationError(field: "année", "année \(year) hors de la période du PLH (\(years.lowerBound)-\(years.upperBound))"))
        }
        let note = comment?.trimmingSpaces()
        if let c = note, c.count > InputLimits.maximumTextLength {
            errors.append(ValidationError(field: "commentaire", "texte trop long (au plus \(FrenchFormat.integer(InputLimits.maximumTextLength)) caractères)"))
        }
        var result: IndicatorValue?
        var split: [String: Int64]?
        if !parts.isEmpty {
            if m.allParts.isEmpty { errors.append(ValidationError(field: "catégorie", "« \(m.label) » ne se répartit pas en catégories")) }
            var sums: [String: Int64] = [:]
            for p in parts {
                guard let part = m.part(matching: p.id) else {
                    if !m.allParts.isEmpty {
                        errors.append(ValidationError(field: "catégorie « \(p.id) »", "catégorie inconnue (attendu : \(m.allParts.map(\.id).joined(separator: ", ")))"))
                    }
                    continue
                }
                do {
                    let v = try IndicatorValue.parse(p.value, kind: m.kind, field: "catégorie « \(part.label) »")
                    if sums[part.id] != nil { errors.append(ValidationError(field: "catégorie « \(part.label) »", "catégorie donnée deux fois")) }
                    sums[part.id] = v.number ?? 0
                } catch { errors.append(error) }
            }
            split = sums
            let total = sums.values.reduce(0, +)
            result = .number(total)
            if let typed = value, !typed.trimmingSpaces().isEmpty {
                do {
                    let v = try IndicatorValue.parse(typed, kind: m.kind)
                    if v != .number(total) {
                        errors.append(ValidationError(field: "valeur", "le total \(v.formatted(m.kind, unit: m.unitLabel)) ne fait pas la somme des catégories (\(IndicatorValue.number(total).formatted(m.kind, unit: m.unitLabel)))"))
                    }
                } catch { errors.append(error) }
            }
        } else if let typed = value {
            do { result = try IndicatorValue.parse(typed, kind: m.kind) } catch { errors.append(error) }
        } else {
            errors.append(ValidationError(field: "valeur", "indiquez la valeur (ou ses catégories)"))
        }
        guard errors.isEmpty, let result else { throw ValidationErrors(errors) }
        return EnteredIndicatorValue(action: sheet.number, measure: m.id, year: year, value: result, parts: split,
                                     comment: (note?.isEmpty ?? true) ? nil : note, agent: agent, enteredOn: day)
    }
}

/// Where a lever stands in a year.
public struct LeverState: GridVocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let planned = Self(rawValue: "planned")
    public static let started = Self(rawValue: "started")
    public static let done = Self(rawValue: "done")
    public static let dropped = Self(rawValue: "dropped")
    public static let known = [planned, started, done, dropped]

    public var label: String {
        switch self {
        case .planned: "prévu"
        case .started: "engagé"
        case .done: "réalisé"
        case .dropped: "abandonné"
        default: rawValue
        }
    }

    /// The id or the French word, with or without accents ("engagé", "realise", "done").
    public init?(parsing text: String) {
        let key = LooseName.key(text)
        guard let s = Self.known.first(where: { $0.rawValue == text || LooseName.key($0.label) == key }) else { return nil }
        self = s
    }
}

/// A lever's progress in a year, with a note; a year without an entry reads as planned when
/// the PLH's calendar plans the lever that year.
public struct LeverProgress: Codable, Sendable, Equatable {
    public var action: Int
    public var lever: String
    public var year: Int
    public var state: LeverState
    public var note: String?
    public var agent: String
    public var enteredOn: CalendarDate

    public init(action: Int, lever: String, year: Int, state: LeverState, note: String? = nil, agent: String, enteredOn: CalendarDate) {
        self.action = action; self.lever = lever; self.year = year; self.state = state; self.note = note
        self.agent = agent; self.enteredOn = enteredOn
    }

    public var key: String { Self.key(action: action, lever: lever, year: year) }
    public static func key(action: Int, lever: String, year: Int) -> String { "\(action)|\(lever)|\(year)" }

    public func sameContent(as other: LeverProgress) -> Bool { state == other.state && (note ?? "") == (other.note ?? "") }

    /// Checks a lever, its year and its state before saving.
    public static func make(sheet: PLHActionSheet, leverId: String, year: Int, years: ClosedRange<Int>, state: String,
                            note: String?, agent: String, on day: CalendarDate) throws(ValidationErrors) -> LeverProgress {
        var errors: [ValidationError] = []
        if sheet.lever(leverId) == nil {
            errors.append(ValidationError(field: "levier", "l'action \(sheet.number) n'a pas de levier « \(leverId) » (leviers : \(sheet.levers.map(\.id).joined(separator: ", ")))"))
        }
        if !years.contains(year) { errors.append(ValidationError(field: "année", "année \(year) hors de la période du PLH (\(years.lowerBound)-\(years.upperBound))")) }
        let parsed = LeverState(parsing: state)
        if parsed == nil { errors.append(ValidationError(field: "état", "état inconnu « \(InputLimits.quoted(state)) » (attendu : prévu, engagé, réalisé ou abandonné)")) }
        let n = note?.trimmingSpaces()
        if let n, n.count > InputLimits.maximumTextLength { errors.append(ValidationError(field: "note", "texte trop long")) }
        guard errors.isEmpty, let parsed else { throw ValidationErrors(errors) }
        return LeverProgress(action: sheet.number, lever: leverId, year: year, state: parsed, note: (n?.isEmpty ?? true) ? nil : n,
                             agent: agent, enteredOn: day)
    }
}
