/// The review's figures in words, one wording for the window, the command line and the reports.
extension MeasureReview {
    /// "1 234", "4 000 €", "35,2 %", the text (the unit stands in its own column: `unitText`);
    /// "—" when nothing was entered, "n.d." when the product holds no data to count from.
    public func text(_ year: Int) -> String {
        guard let v = values[year] else { return "—" }
        if let value = v.value { return value.formatted(measure.kind, unit: nil) }
        return v.figure != nil ? "n.d." : "—"
    }

    /// The unit of the figures: "logements", "m²"; empty for amounts, shares and texts.
    public var unitText: String { unitSuffix ?? "" }

    /// The unit after a figure: nothing after an amount or a share (they carry their sign).
    var unitSuffix: String? { [.money, .percent].contains(measure.kind) ? nil : measure.unit }

    /// A figure of this measure in hundredths; with its unit when asked (sentences), without in tables.
    public func format(_ hundredths: Int64, signed: Bool = false, unit: Bool = false) -> String {
        let s = IndicatorValue.format(hundredths, measure.kind, unit: unit ? unitSuffix : nil)
        return signed && hundredths > 0 ? "+" + s : s
    }

    /// "50 ménages par an", "≈ 95 logements par an", "2 appels à projet sur la durée du PLH"; nil without target.
    public var targetText: String? {
        guard let t = measure.target else { return nil }
        return (t.isApproximate ? "≈\u{00A0}" : "") + format(t.figure, unit: true) + (t.per == .period ? " sur la durée du PLH" : " par an")
    }

    /// "calculé" or "saisi".
    public var sourceLabel: String { isDerived ? "calculé" : "saisi" }

    /// The measure named under its indicator: the measure's words when they differ from the bullet's.
    public var label: String { measure.label == indicator.text ? indicator.text : measure.label }

    /// Who entered the year's value and when, with the comment: "saisi par C. Lemaire le 12/01/2026 : …".
    public func entryText(_ year: Int) -> String? {
        guard let e = values[year]?.entry else { return nil }
        return "saisi par \(e.agent) le \(FrenchFormat.date(e.enteredOn))" + (e.comment.map { " : \($0)" } ?? "")
    }
}

extension LeverYear {
    /// "prévu", "engagé", "réalisé", "abandonné"; "—" when the calendar does not plan the lever
    /// that year and nobody recorded anything.
    public var text: String { state?.label ?? "—" }
}

extension PLHLever {
    /// The label and the calendar's phases: "Contractualisation avec chaque bailleur (2023 :
    /// Elaboration ; 2024 à 2028 : Mise en oeuvre)".
    public var labelWithPhases: String {
        guard let labels = yearLabels, !labels.isEmpty else { return remark.map { "\(label) (\($0))" } ?? label }
        var runs: [(first: Int, last: Int, text: String)] = []
        for y in years.sorted() {
            let t = labels[String(y)] ?? "×"
            if let last = runs.last, last.text == t, last.last == y - 1 { runs[runs.count - 1].last = y } else { runs.append((y, y, t)) }
        }
        let phases = runs.filter { $0.text != "×" }.map { $0.first == $0.last ? "\($0.first) : \($0.text)" : "\($0.first) à \($0.last) : \($0.text)" }
        return "\(label) (\(phases.joined(separator: " ; ")))"
    }
}

/// A review record's history in words: "valeur : 420 → 425 ; catégorie « Rénovation… » : 120 → 125 ;
/// commentaire : « Registre d'accueil » → « corrigé »". Bookkeeping fields (keys, agent, date of entry) left out.
public enum PLHReviewHistoryText {
    public static func line(_ e: HistoryEvent, measure: PLHMeasure? = nil) -> String {
        let day = FrenchFormat.date(CalendarDate(dayOf: e.at))
        let changes = e.changes.compactMap { change(_: $0, measure: measure) }
        return "\(day) — \(e.agent) — \(e.action)" + (changes.isEmpty ? "" : " : " + changes.joined(separator: " ; "))
    }

    static func change(_ c: FieldChange, measure m: PLHMeasure?) -> String? {
        func number(_ s: String?) -> String {
            guard let s, let n = Int64(s) else { return s.map { "« \($0) »" } ?? "vide" }
            return IndicatorValue.format(n, m?.kind ?? .count)
        }
        func text(_ s: String?) -> String { s.map { "« \($0) »" } ?? "vide" }
        switch c.field {
        case "action", "measure", "lever", "year", "agent", "enteredOn", "scope.kind", "scope.id", "product":
            return nil
        case "value.number._0": return "valeur : \(number(c.old)) → \(number(c.new))"
        case "value.text._0": return "valeur : \(text(c.old)) → \(text(c.new))"
        case "comment": return "commentaire : \(text(c.old)) → \(text(c.new))"
        case "note": return "note : \(text(c.old)) → \(text(c.new))"
        case "state":
            func state(_ s: String?) -> String { s.map { LeverState(rawValue: $0).label } ?? "vide" }
            return "état : \(state(c.old)) → \(state(c.new))"
        case "dwellings": return "logements : \(c.old ?? "vide") → \(c.new ?? "vide")"
        case "scope.name": return "territoire : \(text(c.old)) → \(text(c.new))"
        default:
            if c.field.hasPrefix("parts.") {
                let id = String(c.field.dropFirst(6))
                return "catégorie « \(m?.part(id)?.label ?? id) » : \(number(c.old)) → \(number(c.new))"
            }
            return "\(c.field) : \(text(c.old)) → \(text(c.new))"
        }
    }
}
