import GuichetCore

/// How the Bailleurs screen writes landlords' figures and review lines.
enum LandlordReviewText {
    static func value(_ v: Int, share: Bool) -> String {
        share ? FrenchFormat.percent(Percentage(basisPoints: v), decimals: 2) : FrenchFormat.integer(v)
    }

    /// "−17,25 points" for shares, "+3" for counts.
    static func gap(_ g: Int, share: Bool) -> String {
        let sign = g > 0 ? "+" : (g < 0 ? "−" : "")
        if share {
            let text = FrenchFormat.percent(Percentage(basisPoints: abs(g)), decimals: 2).replacingOccurrences(of: "\u{00A0}%", with: "")
                .replacingOccurrences(of: " %", with: "").replacingOccurrences(of: "\u{202F}%", with: "")
            return "\(sign)\(text) point\(abs(g) >= 200 ? "s" : "")"
        }
        return sign + FrenchFormat.integer(abs(g))
    }

    /// List cells: name, aliases, stock outside QPV / in QPV / total as given, flag.
    static func listCells(_ l: Landlord) -> [String] {
        let n = { (v: Int?) in v.map(FrenchFormat.integer) ?? "—" }
        let flag: String
        if let sentence = l.stock?.inconsistencySentence {
            flag = sentence
        } else if !l.sourceInconsistencies.isEmpty {
            let n = l.sourceInconsistencies.count
            flag = n == 1 ? "Un chiffre du tableau source ne tombe pas juste" : "\(n) chiffres du tableau source ne tombent pas juste"
        } else {
            flag = ""
        }
        return [l.name, l.aliases.joined(separator: ", "), n(l.stock?.outsideQPV), n(l.stock?.inQPV), n(l.stock?.total), flag]
    }

    /// "Patrimoine à la signature de la CIA : … ; attributions 2017 : …".
    static func facts(_ l: Landlord) -> String {
        var parts: [String] = []
        if !l.aliases.isEmpty { parts.append("Aussi écrit : \(l.aliases.joined(separator: ", "))") }
        if let s = l.stock {
            let n = { (v: Int?) in v.map(FrenchFormat.integer) ?? "inconnu" }
            parts.append("Patrimoine à la signature de la CIA : \(n(s.outsideQPV)) hors QPV, \(n(s.inQPV)) en QPV, \(n(s.total)) au total (tel que publié)")
        }
        if let a = l.allocations2017, let total = a.total {
            var t = "Attributions 2017 : \(FrenchFormat.integer(total))"
            if let p = a.toPriority { t += ", dont \(FrenchFormat.integer(p)) aux publics prioritaires" }
            if let share = a.priorityShare { t += " (\(FrenchFormat.percent(share, decimals: 0)) publié)" }
            parts.append(t)
        }
        if let note = l.note { parts.append(note) }
        return parts.isEmpty ? "Pas de chiffres de référence pour ce bailleur." : parts.joined(separator: "\n")
    }

    static func meeting(_ m: ReviewMeeting) -> String {
        var t = "\(FrenchFormat.date(m.date)) — \(m.kind.label)"
        if !m.notes.isEmpty { t += " : \(m.notes)" }
        if !m.decisions.isEmpty { t += "\nDécisions : " + m.decisions.joined(separator: " ; ") }
        return t
    }
}
